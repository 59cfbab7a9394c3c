import { Group, Stack, Title } from '@mantine/core'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { IconPlus } from '@tabler/icons-react'
import { CandidateListInput } from '#app/utils/schemas.server.ts'
import { CANDIDATE_STATUS_LABELS, CANDIDATE_STATUSES } from '#shared/vocabulary/candidates.ts'
import { labelled } from '#shared/vocabulary/list.ts'
import { CandidateStatusBadge } from '#app/components/status-badges.tsx'
import { useChildScreen } from '#app/components/form/child-screen.ts'
import { EmptyState } from '#app/components/list/empty-state.tsx'
import { FilterBar } from '#app/components/list/filter-bar.tsx'
import { CreateButton, ExportButton } from '#app/components/list/list-actions.tsx'
import { FilterFields, type FilterField } from '#app/components/list/filter-fields.tsx'
import { PaginationLinks } from '#app/components/list/pagination-links.tsx'
import { Cell, Row, RowLink } from '#app/components/list/rows.tsx'
import { ListTable, type ListColumn } from '#app/components/list/list-table.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { phoneText } from '#app/utils/phone.server.ts'
import { rowsOf } from '#app/utils/rows.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Candidates · Gatehouse' }]

/** The fields of a `candidates.list` item a row shows (the loader keeps only these; rowsOf in rows.server.ts). */
const CANDIDATE_ROW_FIELDS = ['id', 'fullName', 'email', 'position', 'status', 'createdAt'] as const

/** The candidate list (product.md, Candidates: list): filters, sort and page from the URL. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates')
  const url = new URL(request.url)
  const input = listParamsFrom(context, url, CandidateListInput)
  const [list, positions] = await loadOrThrow(ctx, request, () =>
    Promise.all([caller(ctx).candidates.list(input), caller(ctx).candidates.positions()]),
  )
  return {
    list: rowsOf(list, CANDIDATE_ROW_FIELDS, (c) => ({ phoneText: phoneText(ctx, c.phone) })),
    positions,
    sort: input.sort,
    filters: {
      q: url.searchParams.get('q') ?? '',
      status: url.searchParams.get('status') ?? '',
      position: input.position ?? '',
    },
  }
}

/** The Status filter's choices besides "All statuses": open (not yet decided), then each status. */
const STATUS_OPTIONS = [
  { value: 'open', label: 'Open (not hired or rejected)' },
  ...labelled(CANDIDATE_STATUSES, CANDIDATE_STATUS_LABELS),
]

/** The list's filters before the position (whose choices the loader sends). */
const CANDIDATE_FILTERS: FilterField[] = [
  { kind: 'search', placeholder: 'Name, email or position', w: 260 },
  { kind: 'choice', name: 'status', label: 'Status', anyLabel: 'All statuses', options: STATUS_OPTIONS, w: 220 },
]

/** The list's sortable columns, in order. */
const CANDIDATE_COLUMNS: readonly ListColumn[] = [
  { field: 'fullName', label: 'Name' },
  { field: 'email', label: 'Email' },
  { field: 'position', label: 'Position' },
  { field: 'status', label: 'Status' },
  { field: 'phone', label: 'Phone' },
  { field: 'createdAt', label: 'Added' },
]

export default function CandidatesPage() {
  const { list, positions, sort, filters } = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const location = useLocation()
  const format = useFormat()
  if (replacesContent) return outlet
  const filtered = Boolean(filters.q || filters.status || filters.position)

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Candidates
        </Title>
        <Group gap="sm">
          {ability.can('export', 'candidates') && <ExportButton href={`/candidates/export.csv${location.search}`} />}
          {ability.can('create', 'candidates') && (
            <CreateButton to="/candidates/new" icon={<IconPlus size={16} />}>
              New candidate
            </CreateButton>
          )}
        </Group>
      </Group>
      <FilterBar label="Filter candidates" pageSize={list.pageSize}>
        <FilterFields
          values={filters}
          fields={[
            ...CANDIDATE_FILTERS,
            {
              kind: 'choice',
              name: 'position',
              label: 'Position',
              anyLabel: 'All positions',
              options: positions,
              w: 220,
            },
          ]}
        />
      </FilterBar>
      <ListTable label="Candidates" minWidth={860} sort={sort} columns={CANDIDATE_COLUMNS}>
        {list.items.length === 0 && (
          <EmptyState
            colSpan={6}
            filtered={filtered}
            noun="candidates"
            clearHref="/candidates"
            create={
              ability.can('create', 'candidates')
                ? { to: '/candidates/new', label: 'Add the first candidate' }
                : undefined
            }
          />
        )}
        {list.items.map((c) => (
          <Row key={c.id} data-testid={`candidate-row-${c.email}`}>
            <Cell strong>
              <RowLink to={`/candidates/${c.id}`}>{c.fullName}</RowLink>
            </Cell>
            <Cell>{c.email}</Cell>
            <Cell>{c.position}</Cell>
            <Cell>
              <CandidateStatusBadge status={c.status} />
            </Cell>
            <Cell nowrap>{c.phoneText ?? '—'}</Cell>
            <Cell nowrap>{format.date(c.createdAt)}</Cell>
          </Row>
        ))}
      </ListTable>
      <PaginationLinks result={list} noun={{ one: 'candidate', other: 'candidates' }} />
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
