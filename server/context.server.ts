/**
 * The per-request context (product.md, Architecture): built once per HTTP request from the session cookie, it carries
 * the user, their session, effective page access and the CASL ability. Remix loaders/actions and
 * `/api/trpc` share the same object (through the Remix load context), so a page that calls several
 * procedures still validates the session and builds the ability once.
 *
 * Cost: one query to validate the session (joined with the user) and one for the override rows.
 * Because nothing is cached across requests, a change of role, override or active flag applies on
 * the user's next request, on every instance (product.md, Permissions).
 */
import { randomUUID } from 'node:crypto'
import { abilityForAccess, abilityFromRules, type AppAbility } from '#shared/permissions/ability.ts'
import { timeZoneFromCookie } from '#shared/time-zone.ts'
import { effectiveAccess, type Page, type PageAccess } from '#shared/permissions/policy.ts'
import { readSessionToken, type SessionInfo, type SessionUser } from './auth/session.server'
import type { Services } from './services.server'

export interface Context {
  services: Services
  prisma: Services['prisma']
  user: SessionUser | null
  session: SessionInfo | null
  /** Effective access per page (empty object when signed out); the ability is built from it. */
  pages: Partial<Record<Page, PageAccess>>
  ability: AppAbility
  ip: string | null
  userAgent: string | null
  /** This request's id: logged with every internal error and shown to the user as its reference. */
  requestId: string
  /** The viewer's IANA time zone from their cookie (UTC until the browser has told us). */
  timeZone: string
  /** Headers procedures add to the response (Set-Cookie on sign-in/out, Retry-After on 429). */
  responseHeaders: Headers
}

export interface RequestInfo {
  headers: Headers
  /** Client IP (Express resolves it, honouring TRUST_PROXY). */
  ip: string | null
  /** The request id (`X-Request-Id`); a random one when absent (scripts and tests calling in-process). */
  requestId?: string
}

/** Builds the context for one request. Never throws for a bad or expired cookie: the user is just null. */
export async function createContext(services: Services, req: RequestInfo): Promise<Context> {
  const responseHeaders = new Headers()
  const base = {
    services,
    prisma: services.prisma,
    ip: req.ip,
    userAgent: req.headers.get('user-agent'),
    requestId: req.requestId ?? randomUUID(),
    timeZone: timeZoneFromCookie(req.headers.get('cookie')),
    responseHeaders,
  }
  const token = readSessionToken(req.headers.get('cookie'))
  const result = token ? await services.auth.validate(token) : null
  if (!result) {
    if (token) responseHeaders.append('Set-Cookie', services.auth.blankCookie())
    return { ...base, user: null, session: null, pages: {}, ability: abilityFromRules([]) }
  }
  if (result.cookie) responseHeaders.append('Set-Cookie', result.cookie)
  const pages = effectiveAccess(result.user.role, result.overrides)
  return {
    ...base,
    user: result.user,
    session: result.session,
    pages,
    ability: abilityForAccess(result.user.role, pages, result.user.id),
  }
}
