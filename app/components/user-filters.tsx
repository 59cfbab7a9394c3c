import { Select, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { ROLE_LABELS, ROLES } from '#shared/permissions/policy.ts'
import { useUpdateSearchParams } from '../utils/search-params'

/** Name/email search (`?q=`, debounced) and role filter (`?role=`) shared by /users and /permissions. */
export function UserSearchAndRoleFilters() {
  const [params, update] = useUpdateSearchParams()
  const onSearch = useDebouncedCallback((q: string) => update({ q }), 300)
  return (
    <>
      <TextInput
        aria-label="Search users"
        placeholder="Search name or email"
        leftSection={<IconSearch size={16} />}
        defaultValue={params.get('q') ?? ''}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={260}
      />
      <Select
        aria-label="Filter by role"
        placeholder="All roles"
        clearable
        data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        value={params.get('role')}
        onChange={(role) => update({ role })}
        w={160}
      />
    </>
  )
}
