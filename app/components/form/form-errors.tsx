import { IconAlertCircle } from '@tabler/icons-react'
import { Notice } from '#app/components/notice.tsx'

/** The form-level messages of a submission (a refusal that names no field), as an alert headed `title`. */
export function FormErrors({ errors, id, title = 'Not saved' }: { errors?: string[]; id?: string; title?: string }) {
  if (!errors || errors.length === 0) return null
  return (
    <Notice color="red" icon={<IconAlertCircle />} id={id} title={title}>
      {errors.join(' ')}
    </Notice>
  )
}
