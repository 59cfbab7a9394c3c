import { Anchor, Group, Stack, Table, Title, VisuallyHidden } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { IconPlus } from '@tabler/icons-react'
import { asUser } from '#shared/permissions/ability.ts'
import { ROLE_LABELS, ROLES } from '#shared/permissions/policy.ts'
import { UserListInput, UserSetActiveInput } from '#app/utils/schemas.server.ts'
import { modalState, useChildScreen } from '#app/components/form/child-screen.ts'
import { EmptyState } from '#app/components/list/empty-state.tsx'
import { FilterBar } from '#app/components/list/filter-bar.tsx'
import { CreateButton } from '#app/components/list/list-actions.tsx'
import { FilterFields, type FilterField } from '#app/components/list/filter-fields.tsx'
import { PEOPLE_FILTERS } from '#app/components/users/user-filters.ts'
import { PaginationLinks } from '#app/components/list/pagination-links.tsx'
import {
  Cell,
  inlineFormClass,
  Pill,
  Row,
  RowActionButton,
  RowActionLink,
  RowActions,
  RowIconSprite,
  RowLink,
} from '#app/components/list/rows.tsx'
import { ListTable, type ListColumn } from '#app/components/list/list-table.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { rowsOf } from '#app/utils/rows.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'

export const meta: MetaFunction = () => [{ title: 'Users · Gatehouse' }]

/** The fields of a `users.list` item a row shows and its ability checks read (rowsOf in rows.server.ts). */
const USER_ROW_FIELDS = ['id', 'email', 'fullName', 'role', 'active', 'createdAt'] as const

/** The user list (product.md, Screens: /users): search, role and active filters, sort and page from the URL. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const url = new URL(request.url)
  const input = listParamsFrom(context, url, UserListInput)
  const list = await loadOrThrow(ctx, request, () => caller(ctx).users.list(input))
  return {
    list: rowsOf(list, USER_ROW_FIELDS),
    sort: input.sort,
    filters: {
      q: url.searchParams.get('q') ?? '',
      role: input.role ?? '',
      active: url.searchParams.get('active') ?? '',
    },
  }
}

/** Activates a user from their row (`users.setActive`); deactivation asks first (/users/:id/deactivate). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management', 'update')
  const formData = await readFormData(request)
  formData.set('active', 'true')
  const outcome = await submitForm(ctx, request, formData, UserSetActiveInput, (input) =>
    caller(ctx).users.setActive(input),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(
    ctx,
    safeRedirect(String(formData.get('returnTo') ?? ''), '/users'),
    `${outcome.result.fullName} is now active.`,
  )
}

/** The Status filter's choices besides "Active and inactive". */
const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
]

/** The list's filters: the people filters, then active or not. */
const USER_FILTERS: FilterField[] = [
  ...PEOPLE_FILTERS,
  { kind: 'choice', name: 'active', label: 'Status', anyLabel: 'Active and inactive', options: ACTIVE_OPTIONS, w: 190 },
]

/** The list's sortable columns, in order. */
const USER_COLUMNS: readonly ListColumn[] = [
  { field: 'fullName', label: 'Name' },
  { field: 'email', label: 'Email' },
  { field: 'role', label: 'Role' },
  { field: 'active', label: 'Status' },
  { field: 'createdAt', label: 'Created' },
]

export default function UsersPage() {
  const { list, sort, filters } = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const location = useLocation()
  const format = useFormat()
  if (replacesContent) return outlet
  const canCreate = ROLES.some((r) => ability.can('create', asUser({ role: r })))
  const here = `${location.pathname}${location.search}`
  const filtered = Boolean(filters.q || filters.role || filters.active)

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Users
        </Title>
        {canCreate && (
          <CreateButton to="/users/new" icon={<IconPlus size={16} />}>
            Add user
          </CreateButton>
        )}
      </Group>
      <FilterBar label="Filter users" pageSize={list.pageSize}>
        <FilterFields values={filters} fields={USER_FILTERS} />
      </FilterBar>
      <ListTable
        label="Users"
        minWidth={760}
        sort={sort}
        columns={USER_COLUMNS}
        extraHead={
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        }
        after={<RowIconSprite />}
      >
        {list.items.length === 0 && (
          <EmptyState
            colSpan={6}
            filtered={filtered}
            noun="users"
            clearHref="/users"
            create={canCreate ? { to: '/users/new', label: 'Add a user' } : undefined}
          />
        )}
        {list.items.map((user) => {
          const subject = asUser(user)
          return (
            <Row key={user.id} data-testid={`user-row-${user.email}`}>
              <Cell strong>
                <RowLink to={`/users/${user.id}`}>{user.fullName}</RowLink>
              </Cell>
              <Cell>{user.email}</Cell>
              <Cell>
                <Pill color={user.role === 'admin' ? 'grape' : 'indigo'}>{ROLE_LABELS[user.role]}</Pill>
              </Cell>
              <Cell>
                <Pill variant="dot" color={user.active ? 'green' : 'gray'}>
                  {user.active ? 'Active' : 'Inactive'}
                </Pill>
              </Cell>
              <Cell>{format.date(user.createdAt)}</Cell>
              <Cell>
                <RowActions>
                  {ability.can('update', subject) && (
                    <RowActionLink
                      to={`/users/${user.id}/edit`}
                      state={modalState(location)}
                      icon="pencil"
                      tooltip="Edit"
                      label={`Edit ${user.fullName}`}
                    />
                  )}
                  {user.active && ability.can('deactivate', subject) && (
                    <RowActionLink
                      to={`/users/${user.id}/deactivate`}
                      state={modalState(location)}
                      icon="user-off"
                      color="orange"
                      tooltip="Deactivate"
                      label={`Deactivate ${user.fullName}`}
                    />
                  )}
                  {!user.active && ability.can('update', subject) && (
                    <Form method="post" className={inlineFormClass}>
                      <input type="hidden" name="id" value={user.id} />
                      <input type="hidden" name="returnTo" value={here} />
                      <RowActionButton
                        icon="user-check"
                        color="green"
                        tooltip="Activate"
                        label={`Activate ${user.fullName}`}
                      />
                    </Form>
                  )}
                  {ability.can('delete', subject) && (
                    <RowActionLink
                      to={`/users/${user.id}/delete`}
                      state={modalState(location)}
                      icon="trash"
                      color="red"
                      tooltip="Delete"
                      label={`Delete ${user.fullName}`}
                    />
                  )}
                </RowActions>
              </Cell>
            </Row>
          )
        })}
      </ListTable>
      <PaginationLinks result={list} noun={{ one: 'user', other: 'users' }} />
      <Anchor component={Link} to="/permissions" size="sm">
        Page access for each user is in Permissions.
      </Anchor>
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
