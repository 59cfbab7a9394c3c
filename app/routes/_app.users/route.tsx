import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { TRPCError } from '@trpc/server'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { IconDots, IconPencil, IconPlus, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { useCallback, useState } from 'react'
import { asUser } from '#shared/permissions/ability.ts'
import { ROLE_LABELS, ROLES, type Role } from '#shared/permissions/policy.ts'
import { MIN_PASSWORD_LENGTH } from '#shared/schemas/common.ts'
import { UserCreateInput, UserListInput, UserUpdateInput } from '#shared/schemas/users.ts'
import { EmptyRow } from '#app/components/empty-row.tsx'
import { PaginationFooter } from '#app/components/pagination-footer.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { SortableTh } from '#app/components/sortable-th.tsx'
import { UserSearchAndRoleFilters } from '#app/components/user-filters.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { formatDate } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { actionFailure, caller, listParamsFrom, loadOrThrow, readJson } from '#app/utils/procedure.server.ts'
import { useUpdateSearchParams } from '#app/utils/search-params.ts'
import { firstErrors, useJsonAction, type ActionResult } from '#app/utils/use-action.ts'

export const meta: MetaFunction = () => [{ title: 'Users · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const input = listParamsFrom(context, new URL(request.url), UserListInput)
  const list = await loadOrThrow(ctx, request, () => caller(ctx).users.list(input))
  return { list, sort: input.sort }
}

/** One action for the screen; `intent` picks the procedure, which validates the rest. */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'user_management')
  const { intent, ...input } = await readJson(ctx, request)
  const users = caller(ctx).users
  try {
    switch (intent) {
      case 'create': {
        const user = await users.create(input as never)
        return { ok: true, message: `${user.fullName} was added.` }
      }
      case 'update': {
        const user = await users.update(input as never)
        return { ok: true, message: `${user.fullName} was saved.` }
      }
      case 'setActive': {
        const user = await users.setActive(input as never)
        return { ok: true, message: `${user.fullName} is now ${user.active ? 'active' : 'inactive'}.` }
      }
      case 'delete': {
        await users.delete(input as never)
        return { ok: true, message: 'The user was deleted.' }
      }
      default:
        return actionFailure(ctx, new TRPCError({ code: 'BAD_REQUEST', message: 'Unknown action.' }))
    }
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

type UserRow = Awaited<ReturnType<typeof loader>>['list']['items'][number]

function UserFormModal({ mode, user, onClose }: { mode: 'create' | 'edit'; user?: UserRow; onClose: () => void }) {
  const ability = useAbility()
  const assignable = ROLES.filter((r) => (mode === 'create' ? ability.can('create', asUser({ role: r })) : true))
  const canChangeRole = mode === 'create' || ability.can('grant', 'user_management')
  const form = useForm({
    mode: 'uncontrolled',
    initialValues:
      mode === 'create'
        ? { email: '', fullName: '', role: (assignable.at(-1) ?? 'viewer') as Role, password: '', active: true }
        : { id: user!.id, email: user!.email, fullName: user!.fullName, role: user!.role, password: '' },
    validate: zod4Resolver(mode === 'create' ? UserCreateInput : UserUpdateInput),
  })
  const [formError, setFormError] = useState<string | null>(null)
  const onResult = useCallback(
    (result: ActionResult) => {
      if (result.ok) return onClose()
      form.setErrors(firstErrors(result.error.fieldErrors))
      setFormError(result.error.message)
    },
    [form, onClose],
  )
  const { submit, busy } = useJsonAction(onResult)
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        submit({ intent: mode === 'create' ? 'create' : 'update', ...values })
      })}
    >
      <Stack gap="sm">
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <TextInput label="Full name" required data-autofocus key={form.key('fullName')} {...form.getInputProps('fullName')} />
        <TextInput label="Email" type="email" required key={form.key('email')} {...form.getInputProps('email')} />
        <Select
          label="Role"
          required
          allowDeselect={false}
          disabled={!canChangeRole}
          description={canChangeRole ? undefined : 'Only admins can change roles.'}
          data={(mode === 'create' ? assignable : ROLES).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          key={form.key('role')}
          {...form.getInputProps('role')}
        />
        <PasswordInput
          label={mode === 'create' ? 'Password' : 'New password'}
          description={mode === 'create' ? `At least ${MIN_PASSWORD_LENGTH} characters.` : 'Leave empty to keep the current password. Setting one signs the user out everywhere.'}
          required={mode === 'create'}
          autoComplete="new-password"
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={busy}>{mode === 'create' ? 'Add user' : 'Save changes'}</Button>
        </Group>
      </Stack>
    </form>
  )
}

export default function UsersPage() {
  const { list, sort } = useLoaderData<typeof loader>()
  const ability = useAbility()
  const [params, update] = useUpdateSearchParams()
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit'; user?: UserRow } | null>(null)
  const rowAction = useJsonAction()
  const canCreate = ROLES.some((r) => ability.can('create', asUser({ role: r })))

  const confirmDelete = (user: UserRow) =>
    modals.openConfirmModal({
      title: `Delete ${user.fullName}?`,
      children: <Text size="sm">Their sessions and permission overrides are removed. The audit log keeps what they did. This cannot be undone.</Text>,
      labels: { confirm: 'Delete user', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => rowAction.submit({ intent: 'delete', id: user.id }),
    })
  const confirmDeactivate = (user: UserRow) =>
    modals.openConfirmModal({
      title: `Deactivate ${user.fullName}?`,
      children: <Text size="sm">They are signed out at once and cannot sign in until reactivated.</Text>,
      labels: { confirm: 'Deactivate', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () => rowAction.submit({ intent: 'setActive', id: user.id, active: false }),
    })

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Users</Title>
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'create' })}>
            Add user
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group gap="sm" wrap="wrap">
          <UserSearchAndRoleFilters />
          <SegmentedControl
            aria-label="Filter by status"
            data={[
              { value: '', label: 'All' },
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Inactive' },
            ]}
            value={params.get('active') ?? ''}
            onChange={(active) => update({ active })}
          />
        </Group>
      </Paper>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="sm" aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <SortableTh field="fullName" sort={sort} onSort={(f, d) => update({ sort: f, dir: d })}>Name</SortableTh>
                <SortableTh field="email" sort={sort} onSort={(f, d) => update({ sort: f, dir: d })}>Email</SortableTh>
                <SortableTh field="role" sort={sort} onSort={(f, d) => update({ sort: f, dir: d })}>Role</SortableTh>
                <SortableTh field="active" sort={sort} onSort={(f, d) => update({ sort: f, dir: d })}>Status</SortableTh>
                <SortableTh field="createdAt" sort={sort} onSort={(f, d) => update({ sort: f, dir: d })}>Created</SortableTh>
                <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.length === 0 && <EmptyRow colSpan={6}>No users match these filters.</EmptyRow>}
              {list.items.map((user) => {
                const canEdit = ability.can('update', asUser(user))
                const canDelete = ability.can('delete', asUser(user))
                const canToggle = user.active ? ability.can('deactivate', asUser(user)) : canEdit
                return (
                  <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
                    <Table.Td><Text size="sm" fw={500}>{user.fullName}</Text></Table.Td>
                    <Table.Td><Text size="sm">{user.email}</Text></Table.Td>
                    <Table.Td><Badge variant="light" color={user.role === 'admin' ? 'grape' : 'indigo'}>{ROLE_LABELS[user.role]}</Badge></Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={user.active ? 'green' : 'gray'}>{user.active ? 'Active' : 'Inactive'}</Badge>
                    </Table.Td>
                    <Table.Td><Text size="sm">{formatDate(user.createdAt)}</Text></Table.Td>
                    <Table.Td>
                      {(canEdit || canDelete) && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={`Actions for ${user.fullName}`}>
                              <IconDots size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {canEdit && (
                              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing({ mode: 'edit', user })}>
                                Edit
                              </Menu.Item>
                            )}
                            {canToggle &&
                              (user.active ? (
                                <Menu.Item leftSection={<IconUserOff size={16} />} onClick={() => confirmDeactivate(user)}>
                                  Deactivate
                                </Menu.Item>
                              ) : (
                                <Menu.Item
                                  leftSection={<IconUserCheck size={16} />}
                                  onClick={() => rowAction.submit({ intent: 'setActive', id: user.id, active: true })}
                                >
                                  Activate
                                </Menu.Item>
                              ))}
                            {canDelete && (
                              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(user)}>
                                Delete
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <PaginationFooter result={list} noun="users" />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'create' ? 'Add user' : `Edit ${editing?.user?.fullName ?? ''}`}
      >
        {editing && <UserFormModal mode={editing.mode} user={editing.user} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
