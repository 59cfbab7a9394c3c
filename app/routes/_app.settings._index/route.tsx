import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { TRPCError } from '@trpc/server'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ROLE_LABELS } from '#shared/permissions/policy.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useFormat } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { actionFailure, caller, loadOrThrow, readJson } from '#app/utils/procedure.server.ts'
import { useJsonAction } from '#app/utils/use-action.ts'

export const meta: MetaFunction = () => [{ title: 'Settings · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const sessions = await loadOrThrow(ctx, request, () => caller(ctx).sessions.mine())
  return { user: ctx.user, sessions }
}

/** Revokes one of the caller's sessions, or all the others (audited). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const { intent, ...input } = await readJson(ctx, request)
  try {
    if (intent === 'revoke') {
      await caller(ctx).sessions.revoke(input as never)
      return { ok: true, message: 'The session was signed out.' }
    }
    if (intent === 'revokeOthers') {
      const { revoked } = await caller(ctx).sessions.revokeOthers()
      return { ok: true, message: `Signed out ${revoked} other session${revoked === 1 ? '' : 's'}.` }
    }
    return actionFailure(ctx, new TRPCError({ code: 'BAD_REQUEST', message: 'Unknown action.' }))
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

export default function SettingsPage() {
  const format = useFormat()
  const { user, sessions } = useLoaderData<typeof loader>()
  const { submit, busy } = useJsonAction()
  const others = sessions.filter((s) => !s.current).length
  return (
    <Stack gap="md">
      <Title order={1} size="h2">Settings</Title>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">Profile</Title>
        <Stack gap={4}>
          <Text><Text span c="dimmed" w={80} display="inline-block">Name</Text> {user.fullName}</Text>
          <Text><Text span c="dimmed" w={80} display="inline-block">Email</Text> {user.email}</Text>
          <Text><Text span c="dimmed" w={80} display="inline-block">Role</Text> {ROLE_LABELS[user.role]}</Text>
        </Stack>
        <Text size="xs" c="dimmed" mt="sm">Editing your profile and changing your password arrive in the next release; an admin can reset your password meanwhile.</Text>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">Your sessions</Title>
          <Button
            variant="light"
            color="red"
            disabled={others === 0}
            loading={busy}
            onClick={() =>
              modals.openConfirmModal({
                title: 'Sign out everywhere else?',
                children: <Text size="sm">Every other browser signed in as you will be signed out.</Text>,
                labels: { confirm: 'Sign out others', cancel: 'Cancel' },
                confirmProps: { color: 'red' },
                onConfirm: () => submit({ intent: 'revokeOthers' }),
              })
            }
          >
            Sign out other sessions
          </Button>
        </Group>
        <Table aria-label="Your sessions" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>IP address</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last seen</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" lineClamp={1} maw={320}>{s.userAgent ?? 'Unknown device'}</Text>
                  {s.current && <Badge size="xs" color="green">This session</Badge>}
                </Table.Td>
                <Table.Td><Text size="sm">{s.ipAddress ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{format.dateTime(s.createdAt)}</Text></Table.Td>
                <Table.Td><Text size="sm">{format.dateTime(s.lastSeenAt)}</Text></Table.Td>
                <Table.Td>
                  {!s.current && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => submit({ intent: 'revoke', id: s.id })}>
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
