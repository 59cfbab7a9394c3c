/**
 * tRPC v11 setup: superjson, the error formatter (field messages for bad input) and the one gate.
 *
 * Every procedure declares what it needs in its meta, and `gate` (the only permission middleware)
 * enforces it before the resolver runs (SPEC §1, §3):
 *   - `{ public: true }`            no session needed (only `auth.login`);
 *   - `{ authenticated: true }`     any signed-in user (sign-out and `me`: "signing out is always available");
 *   - `{ page, action }`            `ability.can(action, page)`, e.g. `{ page: 'user_management', action: 'update' }`.
 * A procedure with no declaration fails closed with INTERNAL_SERVER_ERROR, and a test walks the
 * router so none ships without one. The gate also applies the per-user/per-IP request rate limit.
 */
import { initTRPC, TRPCError } from '@trpc/server'
import superjson from 'superjson'
import type { Context } from './context.server'
import type { AppAction } from './permissions/ability'
import type { Page } from './permissions/policy'
import { consume, RateLimitedError } from './rate-limit.server'

export type Requirement = { public: true } | { authenticated: true } | { page: Page; action: AppAction }

export interface Meta {
  requires?: Requirement
}

export type FieldErrors = Record<string, string[]>

/**
 * Cause for domain errors that belong to a form field (e.g. "email already in use"): the error
 * formatter exposes them as `data.fieldErrors` just like zod input errors.
 */
export class FieldErrorsCause extends Error {
  constructor(public fieldErrors: FieldErrors) {
    super('Invalid fields')
  }
}

/** A TRPCError whose message is shown to the user and whose field errors go next to the inputs. */
export function fieldError(code: TRPCError['code'], field: string, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new FieldErrorsCause({ [field]: [message] }) })
}

interface IssueLike {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>
  message: string
}

/** Field messages from a zod (or any Standard Schema) validation error, keyed by top-level field. */
export function fieldErrorsFrom(cause: unknown): FieldErrors | null {
  if (cause instanceof FieldErrorsCause) return cause.fieldErrors
  const issues = (cause as { issues?: IssueLike[] } | undefined)?.issues
  if (!Array.isArray(issues)) return null
  const out: FieldErrors = {}
  for (const issue of issues) {
    const first = issue.path?.[0]
    const key = first === undefined ? '_form' : String(typeof first === 'object' ? first.key : first)
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const fieldErrors = fieldErrorsFrom(error.cause)
      const message =
        error.code === 'BAD_REQUEST' && fieldErrors && !(error.cause instanceof FieldErrorsCause)
          ? 'Please correct the highlighted fields.'
          : error.code === 'INTERNAL_SERVER_ERROR'
            ? 'Something went wrong on our side.'
            : shape.message
      const retryAfterSeconds = error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : undefined
      return {
        ...shape,
        message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors, retryAfterSeconds },
      }
    },
  })

/**
 * Runs rate-limit checks (server/rate-limit.server.ts). An exhausted limit becomes TOO_MANY_REQUESTS
 * with `Retry-After` on the response (SPEC §8); other errors (store down) pass through.
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

const gate = t.middleware(async ({ ctx, meta, next, path }) => {
  const requires = meta?.requires
  if (!requires) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Procedure ${path} has no permission declaration` })
  }
  await enforceRateLimit(ctx, () => consume(ctx.services.limits.requests, ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip ?? 'unknown'}`))
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

/** The base every procedure is built from: it carries the gate. */
const gatedBase = t.procedure.use(gate)

/** Only `auth.login`. */
export const publicProcedure = gatedBase.meta({ requires: { public: true } })
/** Any signed-in user. */
export const authedProcedure = gatedBase.use(signedIn).meta({ requires: { authenticated: true } })
/** Signed-in users whose ability allows `action` on `page`. */
export function pageProcedure(page: Page, action: AppAction) {
  return gatedBase.use(signedIn).meta({ requires: { page, action } })
}

/** The audit actor for the current request. */
export function actorOf(ctx: Context) {
  return { actorId: ctx.user?.id ?? null, ipAddress: ctx.ip, userAgent: ctx.userAgent }
}
