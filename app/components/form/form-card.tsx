import { Paper, Stack, Text, Title } from '@mantine/core'
import { Form } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'
import { FormErrors } from './form-errors'

/**
 * A form in a bordered card (the settings pages; product.md, Forms): a `title` heading, a dimmed
 * `intro`, then a POST form wired to Conform's `form` (id, submit handler, form-level errors shown
 * first) holding `children`, the fields and the submit row.
 */
export function FormCard(props: {
  title: string
  intro: ReactNode
  form: { id: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void; errors?: string[]; errorId: string }
  children: ReactNode
}) {
  const { form } = props
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {props.intro}
      </Text>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrors errors={form.errors} id={form.errorId} />
          {props.children}
        </Stack>
      </Form>
    </Paper>
  )
}
