/**
 * The one form pattern for modal and row actions: submit JSON to the route action with a fetcher,
 * show a notification on success, hand field errors back to the form on failure.
 */
import { notifications } from '@mantine/notifications'
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'

export interface ActionResult {
  ok: boolean
  message?: string
  formError?: string
  fieldErrors?: Record<string, string[]> | null
}

/**
 * `submit(body)` posts `body` as JSON. `onResult` runs once per response; failures without field
 * errors also raise a red notification.
 */
export function useJsonAction(onResult?: (result: ActionResult) => void) {
  const fetcher = useFetcher<ActionResult>()
  const handled = useRef<unknown>(null)
  useEffect(() => {
    const result = fetcher.data
    if (fetcher.state !== 'idle' || !result || handled.current === result) return
    handled.current = result
    if (result.ok) {
      if (result.message) notifications.show({ color: 'green', message: result.message })
    } else if (!result.fieldErrors || Object.keys(result.fieldErrors).every((k) => k === '_form')) {
      notifications.show({ color: 'red', title: 'Not saved', message: result.formError ?? 'Something went wrong.' })
    }
    onResult?.(result)
  }, [fetcher.state, fetcher.data, onResult])
  return {
    submit: (body: Record<string, unknown>) => fetcher.submit(body as never, { method: 'post', encType: 'application/json' }),
    busy: fetcher.state !== 'idle',
    fetcher,
  }
}

/** Mantine-form errors from server field errors: first message per field. */
export function firstErrors(fieldErrors: Record<string, string[]> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(fieldErrors ?? {})) if (v[0]) out[k] = v[0]
  return out
}
