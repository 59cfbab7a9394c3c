/**
 * One form field (product.md, Forms; docs/decisions/0008-forms.md): `as` is the control (TextInput,
 * NativeSelect, PasswordInput, Textarea, DateTimeInput, RemoteSelect, …), `field` Conform's field.
 * The control gets the field's id, name, default value and first error (`inputProps`), then the
 * other props, which win (a password's `defaultValue=""`), and is keyed by the field's key, so it
 * remounts with its new default value when Conform resets or updates the field (a server reply that
 * hides a password's value, for one).
 */
import type { FieldMetadata } from '@conform-to/react'
import type { ComponentPropsWithoutRef, ElementType } from 'react'
import { inputProps } from '#app/utils/forms.ts'

type Wired = keyof ReturnType<typeof inputProps>

export function Field<C extends ElementType>({
  as: Control,
  field,
  ...props
}: { as: C; field: FieldMetadata<unknown> } & Omit<ComponentPropsWithoutRef<C>, Wired | 'as' | 'field'> &
  Partial<Pick<ComponentPropsWithoutRef<C>, Extract<Wired, keyof ComponentPropsWithoutRef<C>>>>) {
  const Component = Control as ElementType
  return <Component key={field.key} {...inputProps(field)} {...props} />
}
