/**
 * The form pattern's browser half (product.md, Forms; docs/decisions/0008-forms.md): Conform over a
 * Remix `<Form>`, validating with the procedure's own zod schema before submitting, and showing the
 * server's messages (which also render without JavaScript, from the action's reply). The schema, zod
 * and `@conform-to/zod` load on demand (`form-validation.ts`), not with the page.
 */
import { useForm, type FieldMetadata, type Submission, type SubmissionResult } from '@conform-to/react'
import { useEffect, useRef, useState } from 'react'
import type * as z from 'zod/mini'

type Validate = (formData: FormData) => Submission<Record<string, unknown>>

/**
 * `useForm` validated in the browser with the schema `loadSchema` resolves to, e.g.
 * `useSchemaForm(() => import('#shared/schemas/calls.ts').then((m) => m.callLogInput(region)), { id })`.
 * It starts from the server's `lastResult` (the action's reply) so messages and typed values survive a
 * round trip. The caller imports no schema value statically (`import type` only), or zod comes back
 * into its page's first JavaScript.
 *
 * The schema and the validator load on the first focus, pointer hover or press inside the form, or at
 * once if the form renders or receives `lastResult` errors or holds the focused element (an autofocused
 * field); never just because the page opened. Once loaded, a field is validated on blur and
 * revalidated on input (fields that lost focus while it loaded are validated when it arrives). Until
 * then the form validates only on submit, and with no validator a submit goes to the server, which
 * parses with the same schema and renders the field errors, as it does with JavaScript off.
 * `loadSchema` is called once per form `id` (the latest one passed when loading starts); a form whose
 * schema changes takes a new `id`.
 */
export function useSchemaForm<S extends z.ZodMiniType>(
  loadSchema: () => Promise<S>,
  options: { id: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: Record<string, unknown> },
) {
  const [loaded, setLoaded] = useState<{ id: string; validate: Validate } | null>(null)
  const validate = loaded?.id === options.id ? loaded.validate : undefined
  const loadRef = useRef(loadSchema)
  loadRef.current = loadSchema
  const [form, fields] = useForm<Record<string, unknown>>({
    id: options.id,
    lastResult: options.lastResult ?? undefined,
    defaultValue: options.defaultValue as never,
    // Without a validator a blur would dispatch a validate intent that submits the form to the server.
    shouldValidate: validate ? 'onBlur' : 'onSubmit',
    shouldRevalidate: validate ? 'onInput' : 'onSubmit',
    onValidate: validate ? ({ formData }) => validate(formData) as never : undefined,
  })
  const hasErrors = hasMessages(options.lastResult)
  const blurred = useRef(new Set<string>())
  const startRef = useRef<() => void>(undefined)

  useEffect(() => {
    const element = document.getElementById(form.id)
    if (!element) return
    const id = form.id
    let cancelled = false
    let started = false
    blurred.current = new Set()
    const onFocusOut = (event: Event) => {
      const name = (event.target as { name?: unknown } | null)?.name
      if (typeof name === 'string' && name) blurred.current.add(name)
    }
    const start = () => {
      if (started) return
      started = true
      element.removeEventListener('focusin', start)
      element.removeEventListener('pointerover', start)
      element.removeEventListener('pointerdown', start)
      element.addEventListener('focusout', onFocusOut)
      Promise.all([import('./form-validation.ts'), loadRef.current()])
        .then(([{ validateFormData }, schema]) => {
          element.removeEventListener('focusout', onFocusOut)
          if (!cancelled) setLoaded({ id, validate: (formData) => validateFormData(formData, schema) })
        })
        // A failed load (the network dropped) leaves the form to the server's check, as without JavaScript.
        .catch(() => element.removeEventListener('focusout', onFocusOut))
    }
    startRef.current = start
    if (hasErrors || element.contains(document.activeElement)) start()
    else {
      element.addEventListener('focusin', start)
      element.addEventListener('pointerover', start)
      element.addEventListener('pointerdown', start)
    }
    return () => {
      cancelled = true
      startRef.current = undefined
      element.removeEventListener('focusin', start)
      element.removeEventListener('pointerover', start)
      element.removeEventListener('pointerdown', start)
      element.removeEventListener('focusout', onFocusOut)
    }
    // Once per form; a later reply with errors starts it through `startRef` (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.id])

  useEffect(() => {
    if (hasErrors) startRef.current?.()
  }, [hasErrors])

  // The fields that lost focus while the validator loaded get the check a blur would have given them.
  const validateField = form.validate
  // So do the fields typed in before the listeners were attached (a busy machine hydrating late).
  useEffect(() => {
    if (!validate) return
    const element = document.getElementById(form.id)
    const names = new Set(blurred.current)
    for (const control of element instanceof HTMLFormElement ? Array.from(element.elements) : []) {
      if (
        control === document.activeElement ||
        !(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)
      )
        continue
      if (control.name && control.value !== control.defaultValue) names.add(control.name)
    }
    for (const name of names) validateField({ name })
    blurred.current.clear()
  }, [validate, validateField, form.id])

  return [form, fields] as const
}

/** True when the action's reply carries a message (for the form or a field). */
function hasMessages(result: SubmissionResult<string[]> | null | undefined): boolean {
  return Object.values(result?.error ?? {}).some((messages) => (messages?.length ?? 0) > 0)
}

/**
 * Props that connect a Conform field to a Mantine input: `name`, `id`, the initial value and the
 * first error message (Mantine wires `aria-invalid` and `aria-describedby` from `error`). Pass the
 * field's `key` separately: `<TextInput key={field.key} {...inputProps(field)} />`.
 */
export function inputProps(field: FieldMetadata<unknown>) {
  const initial = field.initialValue
  return {
    id: field.id,
    name: field.name,
    defaultValue: typeof initial === 'string' ? initial : initial == null ? '' : String(initial),
    error: field.errors?.[0],
  }
}

/** The same for a checkbox: `defaultChecked` from the initial value ('on' or true). */
export function checkboxProps(field: FieldMetadata<unknown>) {
  const initial = field.initialValue as unknown
  return {
    id: field.id,
    name: field.name,
    defaultChecked: initial === 'on' || initial === true || initial === 'true',
    error: field.errors?.[0],
  }
}
