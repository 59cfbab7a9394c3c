import { Badge, Group, Paper, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { IconCheck, IconX } from '@tabler/icons-react'
import {
  accessFor,
  PAGE_LABELS,
  ROLE_LABELS,
  ROLES,
  type OverrideState,
  type Page,
  type PageAccess,
  type Role,
} from '#shared/permissions/policy.ts'
import { EmptyRow } from '#app/components/empty-row.tsx'
import { PaginationFooter } from '#app/components/pagination-footer.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { UserSearchAndRoleFilters } from '#app/components/user-filters.tsx'
import { requirePage } from '#app/utils/gate.server.ts'
import { actionFailure, caller, listParamsFrom, loadOrThrow, readJson } from '#app/utils/procedure.server.ts'
import { MatrixInput } from '#shared/schemas/permissions.ts'
import { useJsonAction } from '#app/utils/use-action.ts'

export const meta: MetaFunction = () => [{ title: 'Permissions · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const input = listParamsFrom(context, new URL(request.url), MatrixInput)
  return loadOrThrow(ctx, request, () => caller(ctx).permissions.matrix(input))
}

/** Saves one cell through `permissions.set` (admin-only; audited). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const input = await readJson(ctx, request)
  try {
    const result = await caller(ctx).permissions.set(input as never)
    const verb = result.access ? 'allowed' : 'denied'
    const how = result.source === 'role' ? 'role default' : 'override'
    return { ok: true, message: `${PAGE_LABELS[result.page]}: ${verb} (${how}).` }
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

/** product.md, Screens: a cell cycles inherit -> allow -> deny -> inherit. */
const NEXT_STATE: Record<OverrideState, OverrideState> = { inherit: 'allow', allow: 'deny', deny: 'inherit' }

function MatrixCell(props: { userId: string; userName: string; role: Role; cell: PageAccess; canEdit: boolean }) {
  const { submit, busy, fetcher } = useJsonAction()
  const pendingState = busy ? ((fetcher.json as { access?: OverrideState } | undefined)?.access ?? null) : null
  const state = pendingState ?? props.cell.override
  const access = pendingState ? accessFor(props.role, props.cell.page, pendingState) : props.cell.access
  const source = state === 'inherit' ? 'role' : 'override'
  const next = NEXT_STATE[state]
  const label = `${PAGE_LABELS[props.cell.page]} for ${props.userName}: ${access ? 'allowed' : 'denied'} by ${
    source === 'role' ? 'role default' : 'override'
  }.${props.canEdit ? ` Activate to set ${next}.` : ''}`
  const content = (
    <Stack gap={2} align="center">
      <Badge
        color={access ? 'green' : 'red'}
        variant={source === 'override' ? 'filled' : 'light'}
        leftSection={access ? <IconCheck size={12} /> : <IconX size={12} />}
        style={{ opacity: busy ? 0.6 : 1 }}
      >
        {access ? 'Allow' : 'Deny'}
      </Badge>
      <Text size="10px" c="dimmed" tt="uppercase" fw={600}>
        {source === 'role' ? 'role' : 'override'}
      </Text>
    </Stack>
  )
  return (
    <Table.Td ta="center" data-testid={`cell-${props.userId}-${props.cell.page}`} data-state={state} data-access={String(access)}>
      {props.canEdit ? (
        <Tooltip label={`Click to set: ${next}`} openDelay={400}>
          <UnstyledButton
            aria-label={label}
            disabled={busy}
            onClick={() => submit({ userId: props.userId, page: props.cell.page, access: next })}
            style={{ padding: 4, borderRadius: 6 }}
          >
            {content}
          </UnstyledButton>
        </Tooltip>
      ) : (
        <span aria-label={label}>{content}</span>
      )}
    </Table.Td>
  )
}

export default function PermissionsPage() {
  const matrix = useLoaderData<typeof loader>()

  return (
    <Stack gap="md">
      <Title order={1} size="h2">Permissions</Title>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb={4}>Role defaults</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every user gets their role's page access unless an override says otherwise. The role alone decides what they may do on a page.
        </Text>
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Role defaults" withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                {matrix.pages.map((p) => <Table.Th key={p} ta="center">{PAGE_LABELS[p]}</Table.Th>)}
                <Table.Th>Actions on open pages</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROLES.map((role) => (
                <Table.Tr key={role}>
                  <Table.Td fw={600}>{ROLE_LABELS[role]}</Table.Td>
                  {matrix.pages.map((p: Page) => (
                    <Table.Td key={p} ta="center" aria-label={`${ROLE_LABELS[role]} ${PAGE_LABELS[p]}: ${matrix.roleDefaults[role][p] ? 'yes' : 'no'}`}>
                      {matrix.roleDefaults[role][p] ? <IconCheck size={16} color="var(--mantine-color-green-6)" /> : <IconX size={16} color="var(--mantine-color-red-6)" />}
                    </Table.Td>
                  ))}
                  <Table.Td><Text size="sm">{matrix.roleActions[role].join(', ')}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="sm">
        <Group gap="sm" justify="space-between">
          <Group gap="sm">
            <UserSearchAndRoleFilters />
          </Group>
          <Group gap="xs">
            <Badge color="green" variant="light">Allow · role</Badge>
            <Badge color="green" variant="filled">Allow · override</Badge>
            <Badge color="red" variant="light">Deny · role</Badge>
            <Badge color="red" variant="filled">Deny · override</Badge>
          </Group>
        </Group>
        {matrix.canEdit ? (
          <Text size="xs" c="dimmed" mt="xs">Click a cell to cycle inherit → allow → deny. Changes save at once and apply on the user's next request.</Text>
        ) : (
          <Text size="xs" c="dimmed" mt="xs">Only admins can change overrides.</Text>
        )}
      </Paper>

      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="Permission matrix" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                {matrix.pages.map((p) => <Table.Th key={p} ta="center">{PAGE_LABELS[p]}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.items.length === 0 && <EmptyRow colSpan={matrix.pages.length + 1}>No users match these filters.</EmptyRow>}
              {matrix.items.map((u) => (
                <Table.Tr key={u.id} data-testid={`matrix-row-${u.email}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{u.fullName}</Text>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed">{u.email}</Text>
                      <Badge size="xs" variant="outline">{ROLE_LABELS[u.role]}</Badge>
                      {!u.active && <Badge size="xs" color="gray">Inactive</Badge>}
                    </Group>
                  </Table.Td>
                  {matrix.pages.map((p) => (
                    <MatrixCell key={p} userId={u.id} userName={u.fullName} role={u.role} cell={u.cells[p]} canEdit={matrix.canEdit} />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <PaginationFooter result={matrix} noun="users" />
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
