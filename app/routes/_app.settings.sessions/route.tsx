import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { RevokeSessionInput } from '#shared/schemas/sessions.ts'
import { modalState, useChildScreen } from '#app/components/form/form-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller, loadOrThrow } from '#app/utils/procedure.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sessions · Settings · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const sessions = await loadOrThrow(ctx, request, () => caller(ctx).sessions.mine())
  return { sessions }
}

/** Signs out one of one's own sessions (`sessions.revoke`, audited `session_revoked`). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const outcome = await submitForm(ctx, request, await readFormData(request), RevokeSessionInput, (input) => caller(ctx).sessions.revoke(input))
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, '/settings/sessions', 'That session was signed out.')
}

export default function SessionsSettings() {
  const { sessions } = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const location = useLocation()
  const format = useFormat()
  if (replacesContent) return outlet
  const others = sessions.filter((s) => !s.current).length
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">Your sessions</Title>
        {others > 0 && (
          <Button component={Link} to="/settings/sessions/others" state={modalState(location)} variant="light" color="red">
            Sign out everywhere else
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Your sessions" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>IP address</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last seen</Table.Th>
              <Table.Th><Text span size="sm" fw={600}>Sign out</Text></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id} data-testid={s.current ? 'current-session' : 'other-session'}>
                <Table.Td>
                  <Text size="sm" title={s.userAgent ?? undefined}>{s.device}</Text>
                  {s.current && <Badge size="sm" color="green" variant="light">This device</Badge>}
                </Table.Td>
                <Table.Td>{s.ipAddress ?? '—'}</Table.Td>
                <Table.Td>{format.dateTime(s.createdAt)}</Table.Td>
                <Table.Td>{format.dateTime(s.lastSeenAt)}</Table.Td>
                <Table.Td>
                  {!s.current && (
                    <Form method="post">
                      <input type="hidden" name="id" value={s.id} />
                      <Button type="submit" size="xs" variant="subtle" color="red" aria-label={`Sign out ${s.device} (${s.ipAddress ?? 'unknown IP'})`}>
                        Sign out
                      </Button>
                    </Form>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {outlet}
    </Paper>
  )
}

export const ErrorBoundary = RouteErrorBoundary
