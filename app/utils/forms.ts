/**
 * The form pattern's browser half (product.md, Forms; docs/decisions/0008-forms.md): Conform over a
 * Remix `<Form>`, validating with the procedure's own zod schema before submitting, and showing the
 * server's messages (which also render without JavaScript, from the action's reply).
 */
import { useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type * as z from 'zod/mini'

/**
 * `useForm` wired to `schema`: validates on blur, revalidates on input, and starts from the server's
 * `lastResult` (the action's reply) so messages and typed values survive a round trip.
 */
export function useSchemaForm<S extends z.ZodMiniType>(
  schema: S,
  options: { id: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: Record<string, unknown> },
) {
  return useForm<Record<string, unknown>>({
    id: options.id,
    lastResult: options.lastResult ?? undefined,
    defaultValue: options.defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  })
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
