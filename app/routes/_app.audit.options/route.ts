/** `/audit/options?q=`: people to filter the audit log by, as `{ options: [{ value, label }] }`. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { AuditActorsInput } from '#shared/schemas/audit.ts'
import { requireUser } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow, resourceResponse } from '#app/utils/route-errors.server.ts'

export function loader({ context, request }: LoaderFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requireUser(context, request)
    const input = listParamsFrom(context, new URL(request.url), AuditActorsInput)
    const actors = await loadOrThrow(ctx, request, () => caller(ctx).audit.actors(input))
    return { options: actors.map((a) => ({ value: a.id, label: a.fullName })) }
  })
}
