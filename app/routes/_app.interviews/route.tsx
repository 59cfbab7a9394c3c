import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { IconCalendarPlus, IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { Notice } from '#app/components/notice.tsx'
import { InterviewCalendarInput, InterviewListInput } from '#app/utils/schemas.server.ts'
import {
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_STATUSES,
  INTERVIEW_TYPE_LABELS,
  INTERVIEW_TYPES,
} from '#shared/vocabulary/interviews.ts'
import { labelled } from '#shared/vocabulary/list.ts'
import { useChildScreen } from '#app/components/form/child-screen.ts'
import { INTERVIEW_ROW_FIELDS, InterviewTable } from '#app/components/interviews/interview-table.tsx'
import { WeekView } from '#app/components/interviews/week-view.tsx'
import { DatePresetLinks } from '#app/components/list/date-presets.tsx'
import { EmptyState } from '#app/components/list/empty-state.tsx'
import { FilterBar } from '#app/components/list/filter-bar.tsx'
import { CreateButton, ExportButton } from '#app/components/list/list-actions.tsx'
import { FilterFields, type FilterField } from '#app/components/list/filter-fields.tsx'
import { useListHref } from '#app/components/list/list-url.ts'
import { PaginationLinks } from '#app/components/list/pagination-links.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { rowsOf } from '#app/utils/rows.server.ts'
import { localDate, localDateToUtc, startOfWeek } from '#server/time.server.ts'
import { INTERVIEW_PRESETS } from '#app/utils/date-ranges.ts'
import { withPreset } from '#app/utils/date-ranges.server.ts'

const STATUSES = labelled(INTERVIEW_STATUSES, INTERVIEW_STATUS_LABELS)
const TYPES = labelled(INTERVIEW_TYPES, INTERVIEW_TYPE_LABELS)
const STATUS_FILTER: FilterField = {
  kind: 'choice',
  name: 'status',
  label: 'Status',
  anyLabel: 'All statuses',
  options: STATUSES,
  w: 150,
}

/** The list view's filters before the pickers; the week view filters by status only. */
const LIST_FILTERS: FilterField[] = [
  { kind: 'search', placeholder: 'Candidate or interviewer', w: 270 },
  { kind: 'dates', w: 160 },
  STATUS_FILTER,
  { kind: 'choice', name: 'interviewType', label: 'Type', anyLabel: 'All types', options: TYPES, w: 150 },
]
const WEEK_FILTERS: FilterField[] = [STATUS_FILTER]

export const meta: MetaFunction = () => [{ title: 'Interviews · Gatehouse' }]

const DAY_BOUNDS = { dayBounds: { from: 'start', to: 'end' } } as const

/**
 * The interview list grouped by day, or the week view (`?view=week&week=YYYY-MM-DD`), with filters
 * from the URL (product.md, Interviews: list). Without dates the list shows today and the next 14 days.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews')
  const url = new URL(request.url)
  const params = url.searchParams
  const now = ctx.services.now()
  const pickers = (interviewerId?: string, candidateId?: string) =>
    Promise.all([
      caller(ctx).interviews.interviewers({ selected: interviewerId }),
      caller(ctx).interviews.candidateOptions({ selected: candidateId }),
    ])

  if (params.get('view') === 'week') {
    const weekParam = params.get('week')
    const weekStart = (weekParam && localDateToUtc(weekParam, ctx.timeZone)) || startOfWeek(now, ctx.timeZone)
    const monday = startOfWeek(weekStart, ctx.timeZone)
    const days = Array.from({ length: 7 }, (_, i) =>
      localDate(new Date(monday.getTime() + (i * 24 + 12) * 3_600_000), ctx.timeZone),
    )
    const weekUrl = new URL(url)
    weekUrl.searchParams.set('from', days[0]!)
    weekUrl.searchParams.set('to', days[6]!)
    const input = listParamsFrom(context, weekUrl, InterviewCalendarInput, DAY_BOUNDS)
    const [calendar, [interviewers, candidates]] = await loadOrThrow(ctx, request, () =>
      Promise.all([caller(ctx).interviews.calendar(input), pickers(input.interviewerId, input.candidateId)]),
    )
    return {
      view: 'week' as const,
      exportHref: null,
      week: {
        days,
        previous: localDate(startOfWeek(monday, ctx.timeZone, -1), ctx.timeZone),
        next: localDate(startOfWeek(monday, ctx.timeZone, 1), ctx.timeZone),
        thisWeek: localDate(startOfWeek(now, ctx.timeZone), ctx.timeZone),
      },
      calendar: rowsOf(calendar, INTERVIEW_ROW_FIELDS),
      list: null,
      sort: null,
      preset: null,
      filters: filtersOf(params),
      interviewers,
      candidates,
    }
  }

  const { url: effective, preset } = withPreset(url, INTERVIEW_PRESETS, 'upcoming', now, ctx.timeZone)
  if (preset === 'past' && !params.get('sort')) {
    effective.searchParams.set('sort', 'scheduledAt')
    effective.searchParams.set('dir', 'desc')
  }
  const input = listParamsFrom(context, effective, InterviewListInput, DAY_BOUNDS)
  const [list, [interviewers, candidates]] = await loadOrThrow(ctx, request, () =>
    Promise.all([caller(ctx).interviews.list(input), pickers(input.interviewerId, input.candidateId)]),
  )
  const exportParams = new URLSearchParams(effective.searchParams)
  for (const k of ['view', 'week', 'page', 'size', 'range']) exportParams.delete(k)
  return {
    view: 'list' as const,
    week: null,
    calendar: null,
    exportHref: `/interviews/export.csv?${exportParams}`,
    list: rowsOf(list, INTERVIEW_ROW_FIELDS),
    sort: input.sort,
    preset,
    filters: filtersOf(effective.searchParams),
    interviewers,
    candidates,
  }
}

/** The filter values to show in the filter bar. */
function filtersOf(params: URLSearchParams) {
  const get = (k: string) => params.get(k) ?? ''
  return {
    q: get('q'),
    from: get('from'),
    to: get('to'),
    status: get('status'),
    interviewType: get('interviewType'),
    interviewerId: get('interviewerId'),
    candidateId: get('candidateId'),
  }
}

export default function InterviewsPage() {
  const data = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const hrefWith = useListHref()
  if (replacesContent) return outlet
  const { filters } = data
  const listView = data.view === 'list'
  const filtered = Boolean(
    filters.q || filters.status || filters.interviewType || filters.interviewerId || filters.candidateId,
  )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Interviews
        </Title>
        <Group gap="sm">
          <nav aria-label="View">
            <Button.Group>
              <Button
                component={Link}
                to={hrefWith({ view: null, week: null })}
                variant={data.view === 'list' ? 'filled' : 'default'}
                aria-current={data.view === 'list' ? 'page' : undefined}
              >
                List
              </Button>
              <Button
                component={Link}
                to={hrefWith({ view: 'week', range: null, from: null, to: null })}
                variant={data.view === 'week' ? 'filled' : 'default'}
                aria-current={data.view === 'week' ? 'page' : undefined}
              >
                Week
              </Button>
            </Button.Group>
          </nav>
          {ability.can('export', 'interviews') && data.exportHref && <ExportButton href={data.exportHref} />}
          {ability.can('create', 'interviews') && (
            <CreateButton to="/interviews/new" icon={<IconCalendarPlus size={16} />}>
              Schedule interview
            </CreateButton>
          )}
        </Group>
      </Group>

      {data.view === 'list' && <DatePresetLinks presets={INTERVIEW_PRESETS} active={data.preset} />}

      <FilterBar
        label="Filter interviews"
        pageSize={data.list?.pageSize}
        keep={data.view === 'week' ? ['view', 'week'] : ['sort', 'dir']}
      >
        <FilterFields
          values={filters}
          fields={[
            ...(listView ? LIST_FILTERS : WEEK_FILTERS),
            {
              kind: 'remote',
              name: 'interviewerId',
              label: 'Interviewer',
              anyLabel: 'All interviewers',
              options: data.interviewers.map((u) => ({ value: u.id, label: u.fullName })),
              searchUrl: '/interviews/options?for=interviewers',
              w: 200,
            },
            {
              kind: 'remote',
              name: 'candidateId',
              label: 'Candidate',
              anyLabel: 'All candidates',
              options: data.candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })),
              searchUrl: '/interviews/options?for=candidates',
              w: 200,
            },
          ]}
        />
      </FilterBar>

      {data.view === 'list' && data.list && data.sort && (
        <>
          <Paper withBorder>
            <InterviewTable
              items={data.list.items}
              sort={data.sort}
              canOpenCandidates={ability.can('read', 'candidates')}
              empty={
                <EmptyState
                  colSpan={6}
                  filtered={filtered || data.preset !== 'all'}
                  noun="interviews"
                  clearHref="/interviews?range=all"
                  create={
                    ability.can('create', 'interviews')
                      ? { to: '/interviews/new', label: 'Schedule the first interview' }
                      : undefined
                  }
                />
              }
            />
          </Paper>
          <PaginationLinks result={data.list} noun={{ one: 'interview', other: 'interviews' }} />
        </>
      )}

      {data.view === 'week' && data.week && data.calendar && (
        <>
          <Group justify="space-between">
            <Group gap="xs">
              <Button
                component={Link}
                to={hrefWith({ week: data.week.previous })}
                variant="default"
                size="xs"
                leftSection={<IconChevronLeft size={14} />}
              >
                Previous week
              </Button>
              <Button component={Link} to={hrefWith({ week: data.week.thisWeek })} variant="default" size="xs">
                This week
              </Button>
              <Button
                component={Link}
                to={hrefWith({ week: data.week.next })}
                variant="default"
                size="xs"
                rightSection={<IconChevronRight size={14} />}
              >
                Next week
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {data.calendar.items.length} interviews
            </Text>
          </Group>
          {data.calendar.truncated && (
            <Notice color="orange">
              This week has more interviews than fit here. Filter by interviewer or status to see them all.
            </Notice>
          )}
          <Paper withBorder>
            <WeekView items={data.calendar.items} days={data.week.days} />
          </Paper>
          <Text size="xs" c="dimmed">
            Blocks are coloured by status: blue scheduled, orange in progress, green completed, grey cancelled, red
            no-show.{' '}
            <Anchor component={Link} to={hrefWith({ view: null, week: null })} size="xs">
              Back to the list
            </Anchor>
          </Text>
        </>
      )}
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
