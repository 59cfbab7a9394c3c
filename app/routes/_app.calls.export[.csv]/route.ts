/**
 * `/calls/export.csv`: every call matching the log's query string (product.md, Calls: export), with
 * Direction and Outcome columns. An old link's `callType`/`status` are read as the log reads them.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { formatDuration } from '#shared/duration.ts'
import { CallExportInput } from '#shared/schemas/calls.ts'
import { CALL_DIRECTION_LABELS, CALL_OUTCOME_LABELS } from '#shared/vocabulary/calls.ts'
import { CALL_PRESETS } from '#app/utils/date-ranges.ts'
import { withPreset } from '#app/utils/date-ranges.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { fromOldCallLink } from '#app/utils/old-call-links.server.ts'
import { caller, listParamsFrom, loadOrThrow, resourceResponse } from '#app/utils/procedure.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requirePage(context, request, 'calls', 'export')
    const asked = new URL(request.url)
    const current = fromOldCallLink(asked.searchParams)
    if (current) asked.search = current.toString()
    const { url } = withPreset(asked, CALL_PRESETS, 'all', ctx.services.now(), ctx.timeZone)
    const input = listParamsFrom(context, url, CallExportInput, { dayBounds: { from: 'start', to: 'end' } })
    const { rows } = await loadOrThrow(ctx, request, () => caller(ctx).calls.export(input))
    type Row = typeof rows extends AsyncIterable<infer T> ? T : never
    return csvResponse<Row>(ctx, 'calls', [
      { header: 'When (UTC)', value: (c) => c.calledAt },
      { header: 'Caller', value: (c) => c.callerName },
      { header: 'Number (E.164)', value: (c) => c.callerNumber },
      { header: 'Direction', value: (c) => CALL_DIRECTION_LABELS[c.direction] },
      { header: 'Outcome', value: (c) => CALL_OUTCOME_LABELS[c.outcome] },
      { header: 'Duration', value: (c) => formatDuration(c.durationSecs) },
      { header: 'Seconds', value: (c) => c.durationSecs },
      { header: 'Important', value: (c) => c.isImportant },
      { header: 'Candidate', value: (c) => c.candidate?.fullName },
      { header: 'Notes', value: (c) => c.notes },
      { header: 'Id', value: (c) => c.id },
    ], rows)
  })
}
