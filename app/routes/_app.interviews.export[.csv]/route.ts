/** `/interviews/export.csv`: every interview matching the list's query string (product.md, Interviews: export). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { InterviewExportInput } from '#shared/schemas/interviews.ts'
import { INTERVIEW_STATUS_LABELS, INTERVIEW_TYPE_LABELS } from '#shared/vocabulary/interviews.ts'
import { caller } from '#app/utils/caller.server.ts'
import { exportLoader } from '#app/utils/export.server.ts'

export function loader(args: LoaderFunctionArgs) {
  return exportLoader(args, {
    page: 'interviews',
    list: '/interviews',
    schema: InterviewExportInput,
    dayBounds: { from: 'start', to: 'end' },
    name: 'interviews',
    rows: (ctx, input) => caller(ctx).interviews.export(input),
    columns: () => [
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
    ],
  })
}
