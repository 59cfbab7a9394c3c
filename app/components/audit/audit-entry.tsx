/**
 * One audit entry (product.md, Audit log: the viewer): when (exact time on hover), who did what in
 * words, the target as a link, IP and device, and the before/after of the changed fields side by side.
 */
import { Code, Table, Text } from '@mantine/core'
import { auditTargetLink, describeAuditEntry, type AuditEntryForText } from '#shared/audit-text.ts'
import { Cell, Row, RowLink, SubLine } from '#app/components/list/rows.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { PlainHead } from '#app/components/list/plain-head.tsx'

export interface AuditRow extends AuditEntryForText {
  id: string
  timestamp: Date | string
  targetUserId: string | null
  /** The candidate, interview or call it is about was deleted since. */
  targetGone: boolean
  ipAddress: string | null
  device: string
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value === '' ? '(empty)' : value
  return JSON.stringify(value)
}

/** The changed fields of an entry: each key of `before` or `after` with its old and new value. */
export function changedFields(metadata: unknown): Array<{ field: string; before: unknown; after: unknown }> {
  const m = (metadata ?? {}) as { before?: Record<string, unknown>; after?: Record<string, unknown> }
  const before = m.before && typeof m.before === 'object' ? m.before : {}
  const after = m.after && typeof m.after === 'object' ? m.after : {}
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.map((field) => ({ field, before: before[field], after: after[field] }))
}

/** Metadata beyond before/after (counts, the filter of an export, a failed sign-in's email). */
function extras(metadata: unknown): Array<[string, unknown]> {
  return Object.entries((metadata ?? {}) as Record<string, unknown>).filter(([k]) => k !== 'before' && k !== 'after')
}

export function AuditEntryRow({ entry }: { entry: AuditRow }) {
  const format = useFormat()
  const ability = useAbility()
  const link = auditTargetLink(entry, (page) => ability.can('read', page))
  const changes = changedFields(entry.metadata)
  const more = extras(entry.metadata)
  const exact = `${format.day(entry.timestamp)} ${new Date(entry.timestamp).toISOString().slice(11, 19)} UTC`
  return (
    <Row data-testid={`audit-${entry.id}`}>
      <Cell nowrap>
        <span title={exact}>{format.dateTime(entry.timestamp)}</span>
      </Cell>
      <Cell>
        <div>{describeAuditEntry(entry)}</div>
        <Code>{entry.action}</Code>
        {link && (
          <>
            {' '}
            <RowLink to={link.href}>
              <small>{link.label}</small>
            </RowLink>
          </>
        )}
        {(changes.length > 0 || more.length > 0) && (
          <details>
            <summary>
              <Text span size="xs">
                Show the changes
              </Text>
            </summary>
            {changes.length > 0 && (
              <Table withTableBorder withColumnBorders mt={4} fz="xs" aria-label="Changes">
                <PlainHead columns={['Field', 'Before', 'After']} />
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.field}>
                      <Table.Td>{c.field}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{show(c.before)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{show(c.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {more.map(([k, v]) => (
              <Text key={k} size="xs">{`${k}: ${show(v)}`}</Text>
            ))}
          </details>
        )}
      </Cell>
      <Cell>
        {entry.ipAddress ?? '—'}
        <SubLine>{entry.device}</SubLine>
      </Cell>
    </Row>
  )
}
