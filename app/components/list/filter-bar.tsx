/**
 * A list's filter bar (product.md, Lists): a GET form, so filters work without JavaScript and end up
 * in the URL. With JavaScript, typing in search navigates after a pause, other fields at once, and
 * empty fields are left out of the URL. Sort and page size are kept as hidden fields.
 */
import { Button, Group, NativeSelect, Paper } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { Form, useSearchParams, useSubmit } from '@remix-run/react'
import type { ReactNode } from 'react'
import { PAGE_SIZE_OPTIONS } from '#shared/vocabulary/list.ts'

export function FilterBar(props: {
  label: string
  children: ReactNode
  keep?: string[]
  pageSize?: number
  actions?: ReactNode
}) {
  const submit = useSubmit()
  const [params] = useSearchParams()
  const keep = props.keep ?? ['sort', 'dir']
  const send = (form: HTMLFormElement) => {
    const data = new FormData(form)
    const clean = new URLSearchParams()
    for (const [k, v] of data) if (typeof v === 'string' && v !== '') clean.append(k, v)
    submit(clean, {
      method: 'get',
      action: form.getAttribute('action') ?? undefined,
      replace: true,
      preventScrollReset: true,
    })
  }
  const debounced = useDebouncedCallback(send, 350)
  return (
    <Paper withBorder p="sm">
      <Form
        method="get"
        role="search"
        aria-label={props.label}
        onChange={(event) => {
          const target = event.target as HTMLInputElement
          if (target.type === 'search' || target.type === 'text') debounced(event.currentTarget)
          else send(event.currentTarget)
        }}
        onSubmit={(event) => {
          event.preventDefault()
          send(event.currentTarget)
        }}
      >
        {keep.map((name) => {
          const value = params.get(name)
          return value ? <input key={name} type="hidden" name={name} value={value} /> : null
        })}
        <Group gap="sm" align="flex-end" wrap="wrap">
          {props.children}
          {props.pageSize !== undefined && (
            <NativeSelect
              label="Rows per page"
              name="size"
              defaultValue={String(props.pageSize)}
              data={PAGE_SIZE_OPTIONS.map(String)}
              w={110}
            />
          )}
          <Button type="submit" variant="default">
            Apply
          </Button>
          {props.actions}
        </Group>
      </Form>
    </Paper>
  )
}
