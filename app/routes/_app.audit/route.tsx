import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { IconChevronLeft, IconChevronRight, IconX } from '@tabler/icons-react'
import { Notice } from '#app/components/notice.tsx'
import type { ReactNode } from 'react'
import { AUDIT_ACTION_GROUPS, AUDIT_TARGET_LABELS, AUDIT_TARGETS } from '#shared/audit.ts'
import { labelled } from '#shared/vocabulary/list.ts'
import { AuditListInput } from '#app/utils/schemas.server.ts'
import { AuditEntryRow } from '#app/components/audit/audit-entry.tsx'
import { DatePresetLinks } from '#app/components/list/date-presets.tsx'
import { FilterBar } from '#app/components/list/filter-bar.tsx'
import { ExportButton } from '#app/components/list/list-actions.tsx'
import { FilterFields, type FilterField } from '#app/components/list/filter-fields.tsx'
import { useListHref } from '#app/components/list/list-url.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { humanizeAction } from '#app/utils/format.ts'
import { CALL_PRESETS } from '#app/utils/date-ranges.ts'
import { withPreset } from '#app/utils/date-ranges.server.ts'
import { requireUser } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { auditRow } from '#app/utils/rows.server.ts'
import { ScrollContainer } from '#app/components/list/scroll-container.tsx'

const ACTION_OPTIONS = AUDIT_ACTION_GROUPS.map((g) => ({
  group: g.group,
  items: g.actions.map((a) => ({ value: a, label: humanizeAction(a) })),
}))
const TARGET_OPTIONS = labelled(AUDIT_TARGETS, AUDIT_TARGET_LABELS)

/** The log's filters after who did it. */
const AUDIT_FILTERS: FilterField[] = [
  { kind: 'choice', name: 'action', label: 'Action', anyLabel: 'Any action', options: ACTION_OPTIONS, w: 220 },
  { kind: 'choice', name: 'target', label: 'About', anyLabel: 'Anything', options: TARGET_OPTIONS, w: 150 },
  { kind: 'dates', w: 150 },
]

export const meta: MetaFunction = () => [{ title: 'Audit log · Gatehouse' }]

/**
 * The audit log (product.md, Audit log: the viewer): every signed-in user sees the entries they may;
 * filters in the URL, keyset pages with newer/older links, no total (it would cost a scan).
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request)
  const { url, preset } = withPreset(new URL(request.url), CALL_PRESETS, 'all', ctx.services.now(), ctx.timeZone)
  const input = listParamsFrom(context, url, AuditListInput, { dayBounds: { from: 'start', to: 'end' } })
  const [page, actors] = await loadOrThrow(ctx, request, () =>
    Promise.all([caller(ctx).audit.list(input), caller(ctx).audit.actors({ selected: input.actorId })]),
  )
  const p = url.searchParams
  const exportParams = new URLSearchParams(p)
  for (const k of ['cursor', 'limit', 'range']) exportParams.delete(k)
  return {
    items: page.items.map(auditRow),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    preset,
    paged: Boolean(input.cursor),
    actorOptions: actors.map((a) => ({ value: a.id, label: a.fullName })),
    exportHref: `/audit/export.csv?${exportParams}`,
    filters: {
      actorId: p.get('actorId') ?? '',
      action: p.get('action') ?? '',
      target: p.get('target') ?? '',
      targetId: p.get('targetId') ?? '',
      targetUserId: p.get('targetUserId') ?? '',
      from: p.get('from') ?? '',
      to: p.get('to') ?? '',
    },
  }
}

export default function AuditPage() {
  const data = useLoaderData<typeof loader>()
  const ability = useAbility()
  const hrefWith = useListHref()
  const { filters } = data
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Audit log
        </Title>
        {ability.can('grant', 'user_management') && <ExportButton href={data.exportHref} />}
      </Group>
      {!ability.can('grant', 'user_management') && (
        <Text size="sm" c="dimmed">
          You see your own actions and the entries about the pages you can open.
        </Text>
      )}
      {filters.targetId && (
        <FilterNotice title="Filtered to one record" showAll={hrefWith({ targetId: null, cursor: null })}>
          {`Only entries about ${AUDIT_TARGET_LABELS[filters.target as keyof typeof AUDIT_TARGET_LABELS]?.toLowerCase() ?? 'the record'} ${filters.targetId}.`}
        </FilterNotice>
      )}
      {filters.targetUserId && (
        <FilterNotice title="Filtered to one user" showAll={hrefWith({ targetUserId: null, cursor: null })}>
          Only entries about <Link to={`/users/${filters.targetUserId}`}>this user</Link>.
        </FilterNotice>
      )}
      <DatePresetLinks presets={CALL_PRESETS} active={data.preset} />
      <FilterBar label="Filter the audit log" keep={['targetId', 'targetUserId']}>
        <FilterFields
          values={filters}
          fields={[
            {
              kind: 'remote',
              name: 'actorId',
              label: 'Who',
              anyLabel: 'Anyone',
              options: data.actorOptions,
              searchUrl: '/audit/options',
              w: 200,
            },
            ...AUDIT_FILTERS,
          ]}
        />
      </FilterBar>
      <Paper withBorder>
        <ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>When</Table.Th>
                <Table.Th>What happened</Table.Th>
                <Table.Th w={210}>From</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text ta="center" py="lg" c="dimmed">
                      No entries match these filters. <Link to="/audit">Clear the filters</Link>
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data.items.map((entry) => (
                <AuditEntryRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollContainer>
      </Paper>
      <Group justify="space-between" component="nav" aria-label="Pages">
        <Group gap="xs">
          {data.paged && <PageLink to={hrefWith({ cursor: null })}>Newest</PageLink>}
          {data.prevCursor && (
            <PageLink to={hrefWith({ cursor: data.prevCursor })} leftSection={<IconChevronLeft size={14} />}>
              Newer
            </PageLink>
          )}
        </Group>
        {data.nextCursor && (
          <PageLink to={hrefWith({ cursor: data.nextCursor })} rightSection={<IconChevronRight size={14} />}>
            Older
          </PageLink>
        )}
      </Group>
    </Stack>
  )
}

/** A notice above the log that it is narrowed to one record or user (`children` say which), with a "Show all" link to `showAll`. */
function FilterNotice(props: { title: string; showAll: string; children: ReactNode }) {
  return (
    <Notice color="blue" title={props.title}>
      <Group justify="space-between">
        <Text size="sm">{props.children}</Text>
        <Button component={Link} to={props.showAll} size="xs" variant="subtle" leftSection={<IconX size={14} />}>
          Show all
        </Button>
      </Group>
    </Notice>
  )
}

/** A link to another page of the log: a small plain button to `to`, with an arrow on either side if given. */
function PageLink(props: { to: string; leftSection?: ReactNode; rightSection?: ReactNode; children: ReactNode }) {
  return (
    <Button
      component={Link}
      to={props.to}
      variant="default"
      size="xs"
      leftSection={props.leftSection}
      rightSection={props.rightSection}
    >
      {props.children}
    </Button>
  )
}

export const ErrorBoundary = RouteErrorBoundary
