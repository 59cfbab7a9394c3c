/**
 * `/interviews/options?for=candidates|interviewers&q=`: picker matches for the interview screens, as
 * `{ options: [{ value, label }] }` (the searchable selects ask it as the person types).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { OptionSearchInput } from '#shared/schemas/interviews.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow, resourceResponse } from '#app/utils/route-errors.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requirePage(context, request, 'interviews')
    const url = new URL(request.url)
    const input = listParamsFrom(context, url, OptionSearchInput)
    if (url.searchParams.get('for') === 'interviewers') {
      const users = await loadOrThrow(ctx, request, () => caller(ctx).interviews.interviewers(input))
      return { options: users.map((u) => ({ value: u.id, label: u.fullName })) }
    }
    const candidates = await loadOrThrow(ctx, request, () => caller(ctx).interviews.candidateOptions(input))
    return { options: candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })) }
  })
}
