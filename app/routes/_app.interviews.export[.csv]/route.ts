/** `/interviews/export.csv`: every interview matching the list's query string (product.md, Interviews: export). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { InterviewExportInput } from '#shared/schemas/interviews.ts'
import { INTERVIEW_STATUS_LABELS, INTERVIEW_TYPE_LABELS } from '#shared/vocabulary/interviews.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller, listParamsFrom, loadOrThrow, resourceResponse } from '#app/utils/procedure.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requirePage(context, request, 'interviews', 'export')
    const input = listParamsFrom(context, new URL(request.url), InterviewExportInput, { dayBounds: { from: 'start', to: 'end' } })
    const { rows } = await loadOrThrow(ctx, request, () => caller(ctx).interviews.export(input))
    type Row = typeof rows extends AsyncIterable<infer T> ? T : never
    return csvResponse<Row>(ctx, 'interviews', [
      { header: 'Starts (UTC)', value: (i) => i.scheduledAt },
      { header: 'Minutes', value: (i) => i.durationMins },
      { header: 'Candidate', value: (i) => i.candidate.fullName },
      { header: 'Position', value: (i) => i.candidate.position },
      { header: 'Type', value: (i) => INTERVIEW_TYPE_LABELS[i.interviewType] },
      { header: 'Interviewer', value: (i) => i.interviewerName },
      { header: 'Outside interviewer', value: (i) => i.interviewerId === null },
      { header: 'Status', value: (i) => INTERVIEW_STATUS_LABELS[i.status] },
      { header: 'Score', value: (i) => i.score },
      { header: "Scorer's comment", value: (i) => i.scoreComment },
      { header: 'Notes', value: (i) => i.notes },
      { header: 'Id', value: (i) => i.id },
    ], rows)
  })
}
