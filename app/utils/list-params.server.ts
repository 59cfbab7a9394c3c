/**
 * A list screen's URL -> its procedure's input (product.md, Lists: URLs): the query string is parsed
 * by the procedure's own zod schema, so the screen and `/api/trpc` accept exactly the same values; a
 * bad value is a 400 route error naming the field (through `toPublicError`).
 */
import { data, type AppLoadContext } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import type * as z from 'zod/mini'
import { toPublicError } from '#server/errors.server.ts'
import { localDateToUtc } from '#server/time.server.ts'

/** Query-string names that differ from the input names (product.md, Lists: URLs). */
const URL_NAMES: Record<string, string> = { search: 'q', pageSize: 'size' }

/**
 * Turns a list screen's query string into its procedure's input, parsed with the procedure's own
 * schema: `q` -> search, `size` -> pageSize, `sort` + `dir` -> sort, every other filter under its
 * input name (repeated names become a list); empty values are dropped. `dayBounds` reads the named
 * parameters as calendar days ("2026-11-24") in the viewer's time zone: `start` their first
 * instant, `end` the first instant of the next day. Bad values throw a 400 route error naming the field.
 */
export function listParamsFrom<S extends z.ZodMiniObject>(
  context: AppLoadContext,
  url: URL,
  schema: S,
  options: { dayBounds?: Record<string, 'start' | 'end'> } = {},
): z.output<S> {
  const params = url.searchParams
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(schema.shape)) {
    if (key === 'sort') {
      const field = params.get('sort')
      if (field) raw.sort = { field, direction: params.get('dir') || undefined }
      continue
    }
    const values = params.getAll(URL_NAMES[key] ?? key).filter((v) => v !== '')
    if (values.length === 0) continue
    const bound = options.dayBounds?.[key]
    if (bound && values.length === 1) {
      // A calendar day in the viewer's time zone: its first instant, or the first of the next day.
      const day = localDateToUtc(values[0]!, context.ctx.timeZone)
      raw[key] = day ? (bound === 'start' ? day : new Date(day.getTime() + 86_400_000)) : values[0]
      continue
    }
    raw[key] = values.length === 1 ? values[0] : values
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const error = toPublicError(
      new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid query string', cause: parsed.error }),
      context.ctx.requestId,
    )
    throw data(error, { status: 400 })
  }
  return parsed.data
}
