/**
 * tRPC v11 setup: superjson, the error formatter and the one gate.
 *
 * Every procedure declares what it needs in its meta, and `gate` (the only permission middleware)
 * enforces it before the resolver runs (product.md, Permissions):
 *   - `{ public: true }`            no session needed (only `auth.login`);
 *   - `{ authenticated: true }`     any signed-in user (sign-out, `me`, the audit log of one's own actions);
 *   - `{ page, action }`            `ability.can(action, page)`, e.g. `{ page: 'user_management', action: 'update' }`.
 * A procedure with no declaration fails closed with INTERNAL_SERVER_ERROR, and a test walks the
 * router so none ships without one. The gate also applies the per-user/per-IP request rate limit.
 *
 * Errors leave through `toPublicError` (server/errors.server.ts); `logErrors`, the outermost
 * middleware, logs each internal error once with the request id, user id and procedure path.
 */
import { initTRPC, TRPCError } from '@trpc/server'
import superjson from 'superjson'
import type * as z from 'zod/mini'
import type { PhoneRegion } from '#shared/phone.ts'
import type { AppAction } from '#shared/permissions/ability.ts'
import type { Page } from '#shared/permissions/policy.ts'
import type { Context } from './context.server'
import { toPublicError } from './errors.server'
import { procedureCalls } from './metrics.server'
import { consume, RateLimitedError } from './rate-limit.server'

export { fieldError } from './errors.server'

export type Requirement = { public: true } | { authenticated: true } | { page: Page; action: AppAction }

export interface Meta {
  requires?: Requirement
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const { message, ...data } = toPublicError(error, ctx?.requestId ?? null)
      return { ...shape, message, data: { ...data, path: shape.data.path } }
    },
  })

/**
 * Runs rate-limit checks (server/rate-limit.server.ts). An exhausted limit becomes TOO_MANY_REQUESTS
 * with `Retry-After` on the response (product.md, Security baseline: rate limits); other errors
 * (store down) pass through.
 */
export async function enforceRateLimit(ctx: Context, check: () => Promise<void>): Promise<void> {
  try {
    await check()
  } catch (e) {
    if (!(e instanceof RateLimitedError)) throw e
    ctx.responseHeaders.set('Retry-After', String(e.retryAfterSeconds))
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: e.message, cause: e })
  }
}

/**
 * Counts every procedure call by result code (gatehouse_procedure_calls_total) and logs every internal
 * error once, whichever transport called it (HTTP or createCaller).
 */
const logErrors = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next()
  procedureCalls.inc({ procedure: path, code: result.ok ? 'OK' : result.error.code })
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.services.logger.error(
      { err: result.error.cause ?? result.error, requestId: ctx.requestId, userId: ctx.user?.id ?? null, path, type },
      'procedure failed',
    )
  }
  return result
})

const gate = t.middleware(async ({ ctx, meta, next, path }) => {
  const requires = meta?.requires
  if (!requires) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Procedure ${path} has no permission declaration` })
  }
  await enforceRateLimit(ctx, () =>
    consume(ctx.services.limits.requests, ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip ?? 'unknown'}`),
  )
  if ('public' in requires) return next()
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' })
  if ('page' in requires && !ctx.ability.can(requires.action, requires.page)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not have permission to do that.' })
  }
  return next()
})

/** Narrows the context type for signed-in procedures (the gate has already enforced it). */
const signedIn = t.middleware(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' })
  return next({ ctx: { user: ctx.user, session: ctx.session } })
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/** The base every procedure is built from: it carries the error log and the gate. */
const gatedBase = t.procedure.use(logErrors).use(gate)

/** Only `auth.login`. */
export const publicProcedure = gatedBase.meta({ requires: { public: true } })
/** Any signed-in user. */
export const authedProcedure = gatedBase.use(signedIn).meta({ requires: { authenticated: true } })
/** Signed-in users whose ability allows `action` on `page` (a screen of the permission model). */
export function pageProcedure(page: Page, action: AppAction) {
  return gatedBase.use(signedIn).meta({ requires: { page, action } })
}

/**
 * `pageProcedure(page, action)` whose input schema depends on the request's configuration or clock:
 * `schemaFor` is the factory the form action calls too (e.g. `callLogInput`), called per request with
 * `ctx.services.config.phoneRegion` and `ctx.services.now`, so router and form read a national number
 * in the same region and judge "in the future" by the same clock, whatever the services say
 * (decision 0021). Bad input is BAD_REQUEST with the zod error as cause, exactly like `.input(schema)`.
 */
export function pageProcedureWithConfig<S extends z.ZodMiniType>(
  page: Page,
  action: AppAction,
  schemaFor: (phoneRegion: PhoneRegion, now: () => Date) => S,
) {
  // A type-only parser: tRPC infers the procedure's input and output types from it; the parse is the
  // middleware below, which has the request's context.
  // `schemaFor` rides on the parser so tests that walk the router (the parsed-twice property test)
  // can build the schema the way a request does.
  const typed = Object.assign((raw: unknown) => raw, { schemaFor }) as ((raw: unknown) => z.output<S>) & {
    _input: z.input<S>
    _output: z.output<S>
    schemaFor: typeof schemaFor
  }
  return pageProcedure(page, action)
    .input(typed)
    .use(async ({ ctx, getRawInput, next }) => {
      const parsed = schemaFor(ctx.services.config.phoneRegion, ctx.services.now).safeParse(await getRawInput())
      if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error })
      return next({ input: parsed.data })
    })
}

/** The audit actor for the current request. */
export function actorOf(ctx: Context) {
  return { actorId: ctx.user?.id ?? null, ipAddress: ctx.ip, userAgent: ctx.userAgent }
}
