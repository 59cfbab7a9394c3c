/**
 * The one recipe of a CSV export route (product.md, Lists: exports): the page gate (`export`, or
 * what the spec asks), the list's query string parsed with the export procedure's own schema (after
 * its date preset, if it has one), the procedure, and the streamed CSV (csv.server.ts).
 *
 * A refusal answers a script or a fetch with the PublicError as JSON and its status. A person who
 * opened the address in the browser gets a page instead: the 403 page for a missing permission
 * (product.md, Permissions: pages), or the list the export belongs to with the same query string
 * (where a bad filter is the 400 page naming the field and any other refusal a flash message).
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import type * as z from 'zod/mini'
import type { PublicError } from '#shared/errors.ts'
import type { AppAction } from '#shared/permissions/ability.ts'
import type { Page } from '#shared/permissions/policy.ts'
import type { DatePreset } from '#app/utils/date-ranges.ts'
import { withPreset } from '#app/utils/date-ranges.server.ts'
import { csvResponse, type CsvColumn } from '#app/utils/csv.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { requirePage, type SignedInContext } from '#app/utils/gate.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { isRouteResponse, loadOrThrow } from '#app/utils/route-errors.server.ts'

export interface ExportSpec<S extends z.ZodMiniObject, T> {
  /** The page and action the export needs (`export` unless said). */
  page: Page
  action?: AppAction
  /** The list screen the export belongs to ("/calls"): where a refused person is sent back. */
  list: string
  /** The export procedure's input schema; `dayBounds` as in `listParamsFrom`. */
  schema: S
  dayBounds?: Record<string, 'start' | 'end'>
  /** Rewrites a link from before a filter was renamed (null: nothing to rewrite), as the list does. */
  oldLinks?: (params: URLSearchParams) => URLSearchParams | null
  /** The list's date presets and default, when it has them (`?range=`). */
  presets?: { allowed: readonly DatePreset[]; fallback: DatePreset }
  /** The file name's stem: `<name>-<date>.csv`. */
  name: string
  /** Calls the export procedure. */
  rows: (ctx: SignedInContext, input: z.output<S>) => Promise<{ rows: AsyncIterable<T> }>
  columns: (ctx: SignedInContext) => ReadonlyArray<CsvColumn<T>>
}

/** Whether the browser is loading `request` as a page (a link or the address bar), not fetching data. */
export function isDocumentRequest(request: Request): boolean {
  const dest = request.headers.get('sec-fetch-dest')
  if (dest) return dest === 'document'
  return (request.headers.get('accept') ?? '').includes('text/html')
}

/** The loader of an export route: the CSV, or the refusal (see the module comment). */
export async function exportLoader<S extends z.ZodMiniObject, T>(
  { context, request }: LoaderFunctionArgs,
  spec: ExportSpec<S, T>,
): Promise<Response> {
  const action = spec.action ?? 'export'
  try {
    const ctx = requirePage(context, request, spec.page, action)
    const asked = new URL(request.url)
    const current = spec.oldLinks?.(asked.searchParams)
    if (current) asked.search = current.toString()
    const url = spec.presets
      ? withPreset(asked, spec.presets.allowed, spec.presets.fallback, ctx.services.now(), ctx.timeZone).url
      : asked
    const input = listParamsFrom(context, url, spec.schema, { dayBounds: spec.dayBounds })
    const { rows } = await loadOrThrow(ctx, request, () => spec.rows(ctx, input))
    return csvResponse(ctx, spec.name, spec.columns(ctx), rows)
  } catch (e) {
    if (e instanceof Response) return e
    if (!isRouteResponse(e)) throw e
    const { data: body, init } = e as { data: PublicError; init: ResponseInit | null }
    const status = init?.status ?? 500
    if (!isDocumentRequest(request) || status >= 500) return Response.json(body, { status, headers: init?.headers })
    if (status === 403) return redirect(`/unauthorized?${new URLSearchParams({ page: spec.page, action })}`, 303)
    const back = `${spec.list}${new URL(request.url).search}`
    if (status === 400) return redirect(back, 303)
    return redirectWithFlash(context.ctx, back, body.message, 'error')
  }
}
