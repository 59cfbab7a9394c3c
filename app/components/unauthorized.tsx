import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { Link } from '@remix-run/react'
import { IconLock } from '@tabler/icons-react'

/**
 * The 403 page body (product.md, Permissions): what the access leaves out (the refusal's message,
 * which names the page), what to do about it, and a link back.
 */
export function Unauthorized({ message }: { message?: string }) {
  return (
    <Center mih={360}>
      <Stack align="center" gap="sm" maw={440} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="red">
          <IconLock size={30} />
        </ThemeIcon>
        <Title order={1} size="h2">
          You don't have access to this page
        </Title>
        <Text c="dimmed">
          {message ?? 'Your role and permissions do not include this page.'} If you need it, ask an administrator.
        </Text>
        <Button component={Link} to="/dashboard" variant="light">
          Back to the dashboard
        </Button>
      </Stack>
    </Center>
  )
}
