/** `/candidates/export.csv`: every candidate matching the list's query string (product.md, Candidates: export). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { formatPhone } from '#shared/phone.ts'
import { CandidateExportInput } from '#shared/schemas/candidates.ts'
import { CANDIDATE_STATUS_LABELS } from '#shared/vocabulary/candidates.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller, listParamsFrom, loadOrThrow, resourceResponse } from '#app/utils/procedure.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requirePage(context, request, 'candidates', 'export')
    const input = listParamsFrom(context, new URL(request.url), CandidateExportInput)
    const { rows } = await loadOrThrow(ctx, request, () => caller(ctx).candidates.export(input))
    const region = ctx.services.config.phoneRegion
    type Row = typeof rows extends AsyncIterable<infer T> ? T : never
    return csvResponse<Row>(ctx, 'candidates', [
      { header: 'Name', value: (c) => c.fullName },
      { header: 'Email', value: (c) => c.email },
      { header: 'Position', value: (c) => c.position },
      { header: 'Status', value: (c) => CANDIDATE_STATUS_LABELS[c.status] },
      { header: 'Phone', value: (c) => (c.phone ? formatPhone(c.phone, region) : '') },
      { header: 'Phone (E.164)', value: (c) => c.phone },
      { header: 'Resume link', value: (c) => c.resumeUrl },
      { header: 'Notes', value: (c) => c.notes },
      { header: 'Added (UTC)', value: (c) => c.createdAt },
      { header: 'Id', value: (c) => c.id },
    ], rows)
  })
}
