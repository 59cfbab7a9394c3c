/**
 * Modal and row actions that post JSON to the route action with a fetcher, show a notification on
 * success and hand field errors back to the form on failure.
 */
import { notifications } from '@mantine/notifications'
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import type { FieldErrors, PublicError } from '#shared/errors.ts'

export type ActionResult = { ok: true; message?: string } | { ok: false; error: PublicError }

/**
 * `submit(body)` posts `body` as JSON. `onResult` runs once per response; failures without field
 * errors also raise a red notification (with the reference of an internal error).
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
    } else if (!result.error.fieldErrors || Object.keys(result.error.fieldErrors).every((k) => k === '_form')) {
      const reference = result.error.requestId ? ` Reference: ${result.error.requestId}` : ''
      notifications.show({ color: 'red', title: 'Not saved', message: `${result.error.message}${reference}` })
    }
    onResult?.(result)
  }, [fetcher.state, fetcher.data, onResult])
  return {
    submit: (body: Record<string, unknown>) => fetcher.submit(body as never, { method: 'post', encType: 'application/json' }),
    busy: fetcher.state !== 'idle',
    fetcher,
  }
}

/** Mantine-form errors from server field errors: the first message per field. */
export function firstErrors(fieldErrors: FieldErrors | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(fieldErrors ?? {})) if (v[0]) out[k] = v[0]
  return out
}
