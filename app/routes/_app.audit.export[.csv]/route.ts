/**
 * `/audit/export.csv` (admins): every entry matching the log's filters, streamed in batches so memory
 * stays flat however many rows match (product.md, Audit log: export).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describeAuditEntry } from '#shared/audit-text.ts'
import { AuditExportInput } from '#shared/schemas/audit.ts'
import { CALL_PRESETS } from '#app/utils/date-ranges.ts'
import { withPreset } from '#app/utils/date-ranges.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller, listParamsFrom, loadOrThrow, resourceResponse } from '#app/utils/procedure.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requirePage(context, request, 'user_management', 'grant')
    const { url } = withPreset(new URL(request.url), CALL_PRESETS, 'all', ctx.services.now(), ctx.timeZone)
    const input = listParamsFrom(context, url, AuditExportInput, { dayBounds: { from: 'start', to: 'end' } })
    const { rows } = await loadOrThrow(ctx, request, () => caller(ctx).audit.export(input))
    type Row = typeof rows extends AsyncIterable<infer T> ? T : never
    return csvResponse<Row>(ctx, 'audit-log', [
      { header: 'When (UTC)', value: (e) => e.timestamp },
      { header: 'Actor', value: (e) => e.actor?.fullName },
      { header: 'Actor email', value: (e) => e.actor?.email },
      { header: 'Action', value: (e) => e.action },
      { header: 'In words', value: (e) => describeAuditEntry(e) },
      { header: 'Target', value: (e) => e.target },
      { header: 'Target id', value: (e) => e.targetId },
      { header: 'User concerned', value: (e) => e.targetUser?.email },
      { header: 'IP address', value: (e) => e.ipAddress },
      { header: 'User agent', value: (e) => e.userAgent },
      { header: 'Details (JSON)', value: (e) => JSON.stringify(e.metadata) },
      { header: 'Id', value: (e) => e.id },
    ], rows)
  })
}
