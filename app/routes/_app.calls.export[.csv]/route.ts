/** `/calls/export.csv`: every call matching the log's query string (product.md, Calls: export). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { formatDuration } from '#shared/duration.ts'
import { CallExportInput } from '#shared/schemas/calls.ts'
import { CALL_DIRECTION_LABELS, CALL_OUTCOME_LABELS } from '#shared/vocabulary/calls.ts'
import { CALL_PRESETS } from '#app/utils/date-ranges.ts'
import { fromOldCallLink } from '#app/utils/old-call-links.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { exportLoader } from '#app/utils/export.server.ts'

export function loader(args: LoaderFunctionArgs) {
  return exportLoader(args, {
    page: 'calls',
    list: '/calls',
    schema: CallExportInput,
    dayBounds: { from: 'start', to: 'end' },
    presets: { allowed: CALL_PRESETS, fallback: 'all' },
    oldLinks: fromOldCallLink,
    name: 'calls',
    rows: (ctx, input) => caller(ctx).calls.export(input),
    columns: () => [
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
    ],
  })
}
