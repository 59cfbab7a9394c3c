import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'

/** The form-level messages of a submission (a refusal that names no field), as an alert. */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors || errors.length === 0) return null
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" id={id} title="Not saved">
      {errors.join(' ')}
    </Alert>
  )
}
