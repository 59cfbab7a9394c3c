/**
 * `/audit/export.csv` (admins): every entry matching the log's filters, streamed in batches so memory
 * stays flat however many rows match (product.md, Audit log: export).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describeAuditEntry } from '#shared/audit-text.ts'
import { plainIp } from '#shared/ip.ts'
import { AuditExportInput } from '#shared/schemas/audit.ts'
import { CALL_PRESETS } from '#app/utils/date-ranges.ts'
import { caller } from '#app/utils/caller.server.ts'
import { exportLoader } from '#app/utils/export.server.ts'

export function loader(args: LoaderFunctionArgs) {
  return exportLoader(args, {
    page: 'user_management',
    action: 'grant',
    list: '/audit',
    schema: AuditExportInput,
    dayBounds: { from: 'start', to: 'end' },
    presets: { allowed: CALL_PRESETS, fallback: 'all' },
    name: 'audit-log',
    rows: (ctx, input) => caller(ctx).audit.export(input),
    columns: () => [
      { header: 'When (UTC)', value: (e) => e.timestamp },
      { header: 'Actor', value: (e) => e.actor?.fullName },
      { header: 'Actor email', value: (e) => e.actor?.email },
      { header: 'Action', value: (e) => e.action },
      { header: 'In words', value: (e) => describeAuditEntry(e) },
      { header: 'Target', value: (e) => e.target },
      { header: 'Target id', value: (e) => e.targetId },
      { header: 'User concerned', value: (e) => e.targetUser?.email },
      { header: 'IP address', value: (e) => plainIp(e.ipAddress) },
      { header: 'User agent', value: (e) => e.userAgent },
      { header: 'Details (JSON)', value: (e) => JSON.stringify(e.metadata) },
      { header: 'Id', value: (e) => e.id },
    ],
  })
}
