/**
 * Confirmation of a destructive action (product.md, Forms): a route that shows what will happen and a
 * form that does it. A modal over the screen with JavaScript, a page without (see FormScreen).
 */
import { Button, Group, Stack, Text } from '@mantine/core'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormErrors } from './form-errors'
import { FormScreen } from './form-screen'
import { useBackTo, useFormState } from './child-screen'

/** What the route's action answers when the procedure refused (`confirmedAction`'s failure). */
interface Refusal {
  ok: false
  error: { message: string }
}

/**
 * The confirmation screen: `title`, the text `children`, `fields`, then Cancel (back to `backTo`) and
 * the `confirmLabel` button (red unless `color`). When the route's action refused, its message shows
 * above the text (or `errors`, when given).
 */
export function ConfirmScreen(props: {
  title: string
  backTo: string
  confirmLabel: string
  children: ReactNode
  /** Block content below the text, inside the form (a list, a checkbox the confirmation posts). */
  fields?: ReactNode
  color?: string
  /** Messages to show instead of the action's refusal (a route whose action answers otherwise). */
  errors?: string[]
}) {
  const result = useActionData<Refusal | undefined>()
  const navigation = useNavigation()
  const state = useFormState()
  const backTo = useBackTo(props.backTo)
  return (
    <FormScreen title={props.title} backTo={props.backTo} size="md">
      <Form method="post" state={state}>
        <input type="hidden" name="returnTo" value={backTo} />
        <Stack gap="md">
          <FormErrors
            errors={'errors' in props ? props.errors : result && !result.ok ? [result.error.message] : undefined}
          />
          <Text>{props.children}</Text>
          {props.fields}
          <Group justify="flex-end">
            <Button component={Link} to={backTo} variant="default">
              Cancel
            </Button>
            <Button
              type="submit"
              color={props.color ?? 'red'}
              loading={navigation.state === 'submitting'}
              data-autofocus
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Form>
    </FormScreen>
  )
}
