/** `/candidates/export.csv`: every candidate matching the list's query string (product.md, Candidates: export). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { formatPhone } from '#shared/phone.ts'
import { CandidateExportInput } from '#shared/schemas/candidates.ts'
import { CANDIDATE_STATUS_LABELS } from '#shared/vocabulary/candidates.ts'
import { caller } from '#app/utils/caller.server.ts'
import { exportLoader } from '#app/utils/export.server.ts'

export function loader(args: LoaderFunctionArgs) {
  return exportLoader(args, {
    page: 'candidates',
    list: '/candidates',
    schema: CandidateExportInput,
    name: 'candidates',
    rows: (ctx, input) => caller(ctx).candidates.export(input),
    columns: (ctx) => [
      { header: 'Name', value: (c) => c.fullName },
      { header: 'Email', value: (c) => c.email },
      { header: 'Position', value: (c) => c.position },
      { header: 'Status', value: (c) => CANDIDATE_STATUS_LABELS[c.status] },
      { header: 'Phone', value: (c) => (c.phone ? formatPhone(c.phone, ctx.services.config.phoneRegion) : '') },
      { header: 'Phone (E.164)', value: (c) => c.phone },
      { header: 'Resume link', value: (c) => c.resumeUrl },
      { header: 'Notes', value: (c) => c.notes },
      { header: 'Added (UTC)', value: (c) => c.createdAt },
      { header: 'Id', value: (c) => c.id },
    ],
  })
}
