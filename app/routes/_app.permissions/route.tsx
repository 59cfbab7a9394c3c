import { Badge, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useFetcher, useLoaderData } from '@remix-run/react'
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
import { EmptyState } from '#app/components/list/empty-state.tsx'
import { FilterBar } from '#app/components/list/filter-bar.tsx'
import { FilterFields } from '#app/components/list/filter-fields.tsx'
import { PEOPLE_FILTERS } from '#app/components/users/user-filters.ts'
import { PaginationLinks } from '#app/components/list/pagination-links.tsx'
import { Cell, Pill, RowIcon, RowIconSprite, rowClasses } from '#app/components/list/rows.tsx'
import matrixClasses from './matrix.module.css'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { MatrixInput, SetPermissionInput } from '#app/utils/schemas.server.ts'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'

export const meta: MetaFunction = () => [{ title: 'Permissions · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const url = new URL(request.url)
  const input = listParamsFrom(context, url, MatrixInput)
  const matrix = await loadOrThrow(ctx, request, () => caller(ctx).permissions.matrix(input))
  return { ...matrix, filters: { q: url.searchParams.get('q') ?? '', role: input.role ?? '' } }
}

/**
 * Saves one cell through `permissions.set` (admins only; audited), then comes back to the same view
 * with a flash: a cell's form posts to the page's own URL, filters and page included, so that URL is
 * the way back. Each cell is its own small form, so the matrix works without JavaScript; with it, a
 * fetcher shows the new state at once.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const formData = await readFormData(request)
  const outcome = await submitForm(ctx, request, formData, SetPermissionInput, (input) =>
    caller(ctx).permissions.set(input),
  )
  if (!outcome.ok) return outcome.response
  const result = outcome.result
  const verb = result.access ? 'allowed' : 'denied'
  const how = result.source === 'role' ? 'role default' : 'override'
  const url = new URL(request.url)
  return redirectWithFlash(
    ctx,
    safeRedirect(`${url.pathname}${url.search}`, '/permissions'),
    `${PAGE_LABELS[result.page]}: ${verb} (${how}).`,
  )
}

/** A cell cycles inherit -> allow -> deny -> inherit (product.md, Screens: /permissions). */
const NEXT_STATE: Record<OverrideState, OverrideState> = { inherit: 'allow', allow: 'deny', deny: 'inherit' }

function MatrixCell(props: { userId: string; userName: string; role: Role; cell: PageAccess; canEdit: boolean }) {
  const fetcher = useFetcher()
  const pendingState =
    fetcher.state !== 'idle' ? ((fetcher.formData?.get('access') as OverrideState | null) ?? null) : null
  const state = pendingState ?? props.cell.override
  const access = pendingState ? accessFor(props.role, props.cell.page, pendingState) : props.cell.access
  const source = state === 'inherit' ? 'role' : 'override'
  const next = NEXT_STATE[state]
  const word = access ? 'Allow' : 'Deny'
  // Starts with the words the cell shows ("Allow role"), so the name people see is the name they can say (WCAG 2.5.3).
  const label = `${word} ${source}: ${PAGE_LABELS[props.cell.page]} for ${props.userName}, ${source === 'role' ? 'from the role default' : 'an override'}.${props.canEdit ? ` Activate to set ${next}.` : ''}`
  const content = (
    <span className={matrixClasses.stack}>
      <Pill color={access ? 'green' : 'red'} variant={source === 'override' ? 'filled' : 'light'}>
        <RowIcon name={access ? 'check' : 'x'} size={12} />
        {word}
      </Pill>{' '}
      <span className={matrixClasses.caption}>{source}</span>
    </span>
  )
  return (
    <Cell
      className={rowClasses.td}
      data-center
      data-testid={`cell-${props.userId}-${props.cell.page}`}
      data-state={state}
      data-access={String(access)}
    >
      {props.canEdit ? (
        <fetcher.Form method="post" preventScrollReset>
          <input type="hidden" name="userId" value={props.userId} />
          <input type="hidden" name="page" value={props.cell.page} />
          <input type="hidden" name="access" value={next} />
          <button
            type="submit"
            className={matrixClasses.cellButton}
            aria-label={label}
            title={`Click to set: ${next}`}
            disabled={pendingState !== null}
          >
            {content}
          </button>
        </fetcher.Form>
      ) : (
        <div aria-label={label} role="img">
          {content}
        </div>
      )}
    </Cell>
  )
}

export default function PermissionsPage() {
  const matrix = useLoaderData<typeof loader>()
  const { filters } = matrix

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Permissions
      </Title>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb={4}>
          Role defaults
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every user gets their role's page access unless an override says otherwise. The role alone decides what they
          may do on a page.
        </Text>
        <ScrollContainer minWidth={720}>
          <Table aria-label="Role defaults" withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                {matrix.pages.map((p) => (
                  <Table.Th key={p} ta="center">
                    {PAGE_LABELS[p]}
                  </Table.Th>
                ))}
                <Table.Th>Actions on open pages</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROLES.map((role) => (
                <Table.Tr key={role}>
                  <Table.Td fw={600}>{ROLE_LABELS[role]}</Table.Td>
                  {matrix.pages.map((p: Page) => (
                    <Table.Td key={p} ta="center">
                      {matrix.roleDefaults[role][p] ? (
                        <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
                      ) : (
                        <IconX size={16} color="var(--mantine-color-red-7)" aria-hidden />
                      )}
                      <VisuallyHidden>{matrix.roleDefaults[role][p] ? 'yes' : 'no'}</VisuallyHidden>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Text size="sm">{matrix.roleActions[role].join(', ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollContainer>
      </Paper>

      <FilterBar label="Filter the matrix" pageSize={matrix.pageSize}>
        <FilterFields values={filters} fields={PEOPLE_FILTERS} />
      </FilterBar>
      <Group gap="xs" justify="space-between">
        <Text size="sm" c="dimmed">
          {matrix.canEdit
            ? "Select a cell to cycle inherit → allow → deny. Changes save at once and apply on the user's next request."
            : 'Only admins can change overrides.'}
        </Text>
        <Group gap="xs" aria-label="Legend">
          <Badge color="green" variant="light">
            Allow · role
          </Badge>
          <Badge color="green" variant="filled">
            Allow · override
          </Badge>
          <Badge color="red" variant="light">
            Deny · role
          </Badge>
          <Badge color="red" variant="filled">
            Deny · override
          </Badge>
        </Group>
      </Group>

      <Paper withBorder>
        <ScrollContainer minWidth={900}>
          <Table aria-label="Permission matrix" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                {matrix.pages.map((p) => (
                  <Table.Th key={p} ta="center">
                    {PAGE_LABELS[p]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.items.length === 0 && (
                <EmptyState colSpan={matrix.pages.length + 1} filtered noun="users" clearHref="/permissions" />
              )}
              {matrix.items.map((u) => (
                <Table.Tr key={u.id} data-testid={`matrix-row-${u.email}`}>
                  <Cell className={rowClasses.td} strong>
                    {u.fullName}
                    <span className={matrixClasses.meta}>
                      <span className={rowClasses.dimmed}>{u.email}</span>
                      <Pill color="indigo" variant="outline" size="xs">
                        {ROLE_LABELS[u.role]}
                      </Pill>
                      {!u.active && (
                        <Pill color="gray" variant="filled" size="xs">
                          Inactive
                        </Pill>
                      )}
                    </span>
                  </Cell>
                  {matrix.pages.map((p) => (
                    <MatrixCell
                      key={p}
                      userId={u.id}
                      userName={u.fullName}
                      role={u.role}
                      cell={u.cells[p]}
                      canEdit={matrix.canEdit}
                    />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollContainer>
        <RowIconSprite />
      </Paper>
      <PaginationLinks result={matrix} noun={{ one: 'user', other: 'users' }} />
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
