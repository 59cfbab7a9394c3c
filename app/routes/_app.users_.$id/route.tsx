import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { IconHistory, IconLogout } from '@tabler/icons-react'
import { asUser } from '#shared/permissions/ability.ts'
import { PAGES, ROLE_LABELS } from '#shared/permissions/policy.ts'
import { RevokeSessionInput } from '#app/utils/schemas.server.ts'
import { modalState, useChildScreen } from '#app/components/form/child-screen.ts'
import { DetailHeader, EditButton } from '#app/components/layout/detail-header.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { UserAccessTable, UserHistory, UserSessionsTable } from '#app/components/users/user-profile.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { countOf } from '#shared/plural.ts'
import { auditRow } from '#app/utils/rows.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.fullName ?? 'User'} · Users · Gatehouse` },
]

/** How many audit entries the page shows; the rest are one link away on /audit. */
const HISTORY_SHOWN = 20

/**
 * One user (product.md, Users: the user page): profile, role, page access with overrides, and the
 * latest audit entries about them; admins (`grant`) also see and end the user's sessions.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const id = params.id ?? ''
  const seesSessions = ctx.ability.can('grant', 'user_management')
  const [user, sessions, history] = await loadOrThrow(ctx, request, () =>
    Promise.all([
      caller(ctx).users.byId({ id }),
      seesSessions ? caller(ctx).sessions.forUser({ userId: id }) : null,
      caller(ctx).audit.list({ targetUserId: id, limit: HISTORY_SHOWN }),
    ]),
  )
  return {
    user: {
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      role: user.role,
      active: user.active,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    pages: PAGES.map((p) => user.pages[p]),
    overrides: user.overrides.length,
    sessions,
    history: history.items.map(auditRow),
    moreHistory: history.nextCursor !== null,
  }
}

/** Admins: signs out one of the user's sessions (`sessions.revoke`, audited `session_revoked`). */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'grant')
  const outcome = await submitForm(ctx, request, await readFormData(request), RevokeSessionInput, (input) =>
    caller(ctx).sessions.revoke(input),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, `/users/${params.id}`, 'That session was signed out. It ends on its next request.')
}

export default function UserPage() {
  const data = useLoaderData<typeof loader>()
  const { user } = data
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const location = useLocation()
  const format = useFormat()
  if (replacesContent) return outlet
  const here = `/users/${user.id}`
  return (
    <Stack gap="md">
      <DetailHeader
        parent={{ to: '/users', label: 'Users' }}
        name={user.fullName}
        title={user.fullName}
        badges={
          <>
            <Badge variant="light" color={user.role === 'admin' ? 'grape' : 'indigo'}>
              {ROLE_LABELS[user.role]}
            </Badge>
            <Badge variant="dot" color={user.active ? 'green' : 'gray'}>
              {user.active ? 'Active' : 'Inactive'}
            </Badge>
          </>
        }
        actions={ability.can('update', asUser(user)) && <EditButton to={`${here}/edit`} />}
      >
        <Text c="dimmed">{user.email}</Text>
        <Text
          size="sm"
          c="dimmed"
        >{`Created ${format.date(user.createdAt)} · last changed ${format.dateTime(user.updatedAt)}`}</Text>
      </DetailHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="page-access">
              Page access
            </Title>
            <Anchor component={Link} to={`/permissions?${new URLSearchParams({ search: user.email })}`} size="sm">
              {ability.can('grant', 'user_management')
                ? 'Edit in the permission matrix'
                : 'See in the permission matrix'}
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed" mb="xs">
            {data.overrides === 0
              ? 'Everything comes from the role.'
              : `${countOf(data.overrides, { one: 'override', other: 'overrides' })} on top of the role.`}
          </Text>
          <UserAccessTable pages={data.pages} />
        </Paper>
        {data.sessions && (
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                Sessions{' '}
                <Badge variant="light" ml={4}>
                  {data.sessions.length}
                </Badge>
              </Title>
              {data.sessions.length > 0 && (
                <Button
                  component={Link}
                  to={`${here}/sign-out`}
                  state={modalState(location)}
                  variant="light"
                  color="red"
                  size="sm"
                  leftSection={<IconLogout size={16} />}
                >
                  Sign out everywhere
                </Button>
              )}
            </Group>
            <UserSessionsTable sessions={data.sessions} userName={user.fullName} />
          </Paper>
        )}
      </SimpleGrid>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            History
          </Title>
          <Button
            component={Link}
            to={`/audit?${new URLSearchParams({ targetUserId: user.id })}`}
            variant="subtle"
            size="sm"
            leftSection={<IconHistory size={16} />}
          >
            {data.moreHistory ? 'See all in the audit log' : 'Open in the audit log'}
          </Button>
        </Group>
        <UserHistory entries={data.history} />
      </Paper>
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
