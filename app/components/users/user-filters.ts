import { ROLE_LABELS, ROLES } from '#shared/permissions/policy.ts'
import { labelled } from '#shared/vocabulary/list.ts'
import type { FilterField } from '#app/components/list/filter-fields.tsx'

/**
 * The filters that find people (the users list and the permissions matrix; product.md, Users): the
 * name-or-email search and the role.
 */
export const PEOPLE_FILTERS: FilterField[] = [
  { kind: 'search', placeholder: 'Name or email', w: 240 },
  { kind: 'choice', name: 'role', label: 'Role', anyLabel: 'All roles', options: labelled(ROLES, ROLE_LABELS), w: 150 },
]
