/** `/calls/options?q=`: candidates to link a call to, as `{ options: [{ value, label }] }`. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { CallCandidateSearchInput } from '#shared/schemas/calls.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow, resourceResponse } from '#app/utils/route-errors.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requirePage(context, request, 'calls')
    const input = listParamsFrom(context, new URL(request.url), CallCandidateSearchInput)
    const candidates = await loadOrThrow(ctx, request, () => caller(ctx).calls.candidateOptions(input))
    return { options: candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })) }
  })
}
