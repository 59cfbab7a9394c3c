import { Alert, Button, Center, List, Stack, Text, Title } from '@mantine/core'
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { Unauthorized } from './unauthorized'

/**
 * The error boundary every route exports: 403 renders the Unauthorized page, 400 lists what was
 * wrong with the request, 404 says so, anything else shows a generic message (details stay in logs).
 */
export function RouteErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const body = (error.data ?? {}) as { message?: string; details?: string[] }
    if (error.status === 403) return <Unauthorized message={body.message} />
    return (
      <Center mih={300} p="md">
        <Stack maw={520} gap="sm">
          <Title order={2}>{error.status === 404 ? 'Not found' : error.status === 400 ? 'Bad request' : `Error ${error.status}`}</Title>
          <Text>{body.message ?? (error.status === 404 ? 'There is nothing at this address.' : 'The request could not be completed.')}</Text>
          {body.details && body.details.length > 0 && (
            <Alert color="orange" variant="light">
              <List size="sm">{body.details.map((d) => <List.Item key={d}>{d}</List.Item>)}</List>
            </Alert>
          )}
          <Button component={Link} to="/dashboard" variant="light" w="fit-content">
            Back to the dashboard
          </Button>
        </Stack>
      </Center>
    )
  }
  return (
    <Center mih={300} p="md">
      <Stack maw={520} gap="sm">
        <Title order={2}>Something went wrong</Title>
        <Text c="dimmed">An unexpected error occurred. Please try again.</Text>
      </Stack>
    </Center>
  )
}
