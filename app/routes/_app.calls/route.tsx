import { Group, Paper, Stack, Title } from '@mantine/core'
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { IconPhonePlus } from '@tabler/icons-react'
import { CallListInput } from '#app/utils/schemas.server.ts'
import { CALL_DIRECTION_LABELS, CALL_DIRECTIONS, CALL_OUTCOME_LABELS, CALL_OUTCOMES } from '#shared/vocabulary/calls.ts'
import { labelled } from '#shared/vocabulary/list.ts'
import { CALL_ROW_FIELDS, CallTable } from '#app/components/calls/call-table.tsx'
import { QuickLogForm as QuickLogFormNow } from '#app/components/calls/call-form.tsx'
import '#app/components/calls/call-form.tsx?styles'
import { useChildScreen } from '#app/components/form/child-screen.ts'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { DatePresetLinks } from '#app/components/list/date-presets.tsx'
import { EmptyState } from '#app/components/list/empty-state.tsx'
import { FilterBar } from '#app/components/list/filter-bar.tsx'
import { CreateButton, ExportButton } from '#app/components/list/list-actions.tsx'
import { FilterFields, type FilterField } from '#app/components/list/filter-fields.tsx'
import { PaginationLinks } from '#app/components/list/pagination-links.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { CALL_PRESETS } from '#app/utils/date-ranges.ts'
import { withPreset } from '#app/utils/date-ranges.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { fromOldCallLink } from '#app/utils/old-call-links.server.ts'
import { phoneText } from '#app/utils/phone.server.ts'
import { rowsOf } from '#app/utils/rows.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

const DIRECTIONS = labelled(CALL_DIRECTIONS, CALL_DIRECTION_LABELS)
const OUTCOMES = labelled(CALL_OUTCOMES, CALL_OUTCOME_LABELS)

/** The log's filters before the candidate picker. */
const CALL_FILTERS: FilterField[] = [
  { kind: 'search', placeholder: 'Caller name or number', w: 220 },
  { kind: 'choice', name: 'direction', label: 'Direction', anyLabel: 'Both directions', options: DIRECTIONS, w: 150 },
  { kind: 'choice', name: 'outcome', label: 'Outcome', anyLabel: 'Any outcome', options: OUTCOMES, w: 140 },
  {
    kind: 'choice',
    name: 'isImportant',
    label: 'Importance',
    anyLabel: 'All calls',
    options: [{ value: 'true', label: 'Important only' }],
    w: 150,
  },
  { kind: 'dates', w: 150 },
]

/** The quick-log form's code loads when a person first reaches it (its markup comes with the page). */
const QuickLogForm = onReach(import.meta.env.SSR && QuickLogFormNow, () =>
  import('#app/components/calls/call-form.tsx').then((m) => m.QuickLogForm),
)

export const meta: MetaFunction = () => [{ title: 'Calls · Gatehouse' }]

/**
 * The call log (product.md, Calls: the log): newest first, filters, sort and page from the URL. A link
 * with the old `callType`/`status` filters is redirected to the same calls under the new names.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'calls')
  const asked = new URL(request.url)
  const current = fromOldCallLink(asked.searchParams)
  if (current) throw redirect(current.toString() ? `${asked.pathname}?${current}` : asked.pathname)
  const now = ctx.services.now()
  const { url, preset } = withPreset(new URL(request.url), CALL_PRESETS, 'all', now, ctx.timeZone)
  const input = listParamsFrom(context, url, CallListInput, { dayBounds: { from: 'start', to: 'end' } })
  const [list, candidates] = await loadOrThrow(ctx, request, () =>
    Promise.all([caller(ctx).calls.list(input), caller(ctx).calls.candidateOptions({ selected: input.candidateId })]),
  )
  const p = url.searchParams
  const exportParams = new URLSearchParams(p)
  for (const k of ['page', 'size', 'range']) exportParams.delete(k)
  return {
    list: rowsOf(list, CALL_ROW_FIELDS, (c) => ({ callerNumberText: phoneText(ctx, c.callerNumber) })),
    sort: input.sort,
    preset,
    now: now.getTime(),
    candidateOptions: candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })),
    exportHref: `/calls/export.csv?${exportParams}`,
    filters: {
      q: p.get('q') ?? '',
      direction: p.get('direction') ?? '',
      outcome: p.get('outcome') ?? '',
      isImportant: input.isImportant === true ? 'true' : '',
      candidateId: p.get('candidateId') ?? '',
      from: p.get('from') ?? '',
      to: p.get('to') ?? '',
    },
  }
}

export default function CallsPage() {
  const data = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const location = useLocation()
  if (replacesContent) return outlet
  const { filters } = data
  const here = `${location.pathname}${location.search}`
  const filtered = Boolean(
    filters.q ||
    filters.direction ||
    filters.outcome ||
    filters.isImportant ||
    filters.candidateId ||
    data.preset !== 'all',
  )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Calls
        </Title>
        <Group gap="sm">
          {ability.can('export', 'calls') && <ExportButton href={data.exportHref} />}
          {ability.can('create', 'calls') && (
            <CreateButton to="/calls/new" icon={<IconPhonePlus size={16} />}>
              Log a call
            </CreateButton>
          )}
        </Group>
      </Group>
      {ability.can('create', 'calls') && (
        <Paper withBorder p="sm">
          <Title order={2} size="h5" mb={4}>
            Quick log
          </Title>
          <QuickLogForm returnTo={here} candidateOptions={data.candidateOptions} />
        </Paper>
      )}
      <DatePresetLinks presets={CALL_PRESETS} active={data.preset} />
      <FilterBar label="Filter calls" pageSize={data.list.pageSize}>
        <FilterFields
          values={filters}
          fields={[
            ...CALL_FILTERS,
            {
              kind: 'remote',
              name: 'candidateId',
              label: 'Candidate',
              anyLabel: 'Any candidate',
              options: data.candidateOptions,
              searchUrl: '/calls/options',
              w: 190,
            },
          ]}
        />
      </FilterBar>
      <Paper withBorder>
        <CallTable
          items={data.list.items}
          sort={data.sort}
          now={data.now}
          canUpdate={ability.can('update', 'calls')}
          canOpenCandidates={ability.can('read', 'candidates')}
          returnTo={here}
          empty={
            <EmptyState
              colSpan={6}
              filtered={filtered}
              noun="calls"
              clearHref="/calls"
              create={ability.can('create', 'calls') ? { to: '/calls/new', label: 'Log the first call' } : undefined}
            />
          }
        />
      </Paper>
      <PaginationLinks result={data.list} noun={{ one: 'call', other: 'calls' }} />
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
