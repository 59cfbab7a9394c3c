import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'

/** The form-level messages of a submission (a refusal that names no field), as an alert headed `title`. */
export function FormErrors({ errors, id, title = 'Not saved' }: { errors?: string[]; id?: string; title?: string }) {
  if (!errors || errors.length === 0) return null
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" id={id} title={title}>
      {errors.join(' ')}
    </Alert>
  )
}
