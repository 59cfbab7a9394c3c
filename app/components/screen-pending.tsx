import { Alert, Stack, Title } from '@mantine/core'
import { IconTools } from '@tabler/icons-react'

/**
 * The body of a page whose screen is not built yet (candidates, interviews, calls: next issue).
 * The page's loader is already gated like every other page, so nav and access are real.
 */
export function ScreenPending({ title }: { title: string }) {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{title}</Title>
      <Alert icon={<IconTools />} color="indigo" variant="light" title="Screen in progress">
        You have access to this page. Its list, filters and editing arrive in the next release of Gatehouse.
      </Alert>
    </Stack>
  )
}
