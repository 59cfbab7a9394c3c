/**
 * Cookie sessions with Lucia v3 over Prisma (product.md, Security baseline). All Lucia use is in this module so it can be
 * replaced. The browser holds a random token; the database stores only its SHA-256 (hex) as the
 * session id, so a leaked sessions table cannot be replayed as cookies.
 *
 * Lifetimes: idle (`SESSION_IDLE_MINUTES`, sliding: Lucia extends a session that is used in the second
 * half of its life) and absolute (`SESSION_ABSOLUTE_HOURS` from creation, never extended).
 */
import { createHash, randomBytes } from 'node:crypto'
import { PrismaAdapter } from '@lucia-auth/adapter-prisma'
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from 'lucia'
import type { DbTx } from '#server/db.server.ts'
import type { Page, Role } from '#shared/permissions/policy.ts'

export const SESSION_COOKIE_NAME = 'gatehouse_session'

export interface AuthConfig {
  /** Sets the cookie's Secure flag (product.md, Security baseline: on in production). */
  secureCookies: boolean
  idleMinutes: number
  absoluteHours: number
  /** Sessions a user may have at once; starting one more ends the oldest (MAX_SESSIONS_PER_USER). */
  maxSessionsPerUser: number
}

/** The signed-in user as every request sees it. */
export interface SessionUser {
  id: string
  email: string
  fullName: string
  role: Role
  active: boolean
}

export interface SessionInfo {
  id: string
  userId: string
  expiresAt: Date
  createdAt: Date
  lastSeenAt: Date
  fresh: boolean
}

/** A user's page override as the session query reads it (product.md, Permissions: overrides). */
export interface SessionOverride {
  pageName: Page
  hasAccess: boolean
}

interface DatabaseUserAttributes {
  email: string
  fullName: string
  role: Role
  active: boolean
  overrides: SessionOverride[]
}
interface DatabaseSessionAttributes {
  ipAddress: string | null
  userAgent: string | null
  lastSeenAt: Date
  createdAt: Date
}

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<{ createdAt: Date; lastSeenAt: Date }, DatabaseUserAttributes>
    DatabaseUserAttributes: DatabaseUserAttributes
    DatabaseSessionAttributes: DatabaseSessionAttributes
  }
}

/** SHA-256 (hex) of a cookie token: the session id stored in `sessions.id`. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new random cookie token (32 bytes, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Reads the session token from a Cookie header, or null. */
export function readSessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE_NAME) {
      const value = rest.join('=')
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null
    }
  }
  return null
}

/**
 * Lucia's Prisma adapter, except that a session is read with its user and the user's page overrides
 * in one SQL statement: every authenticated request makes one database round trip before its own
 * queries (product.md, Performance), and still sees an override changed on any instance at once.
 * Only the columns a request needs are read (never the password hash).
 */
// The type parameter only names a client shape; the adapter works on the two models it is given.
class SessionAdapter extends PrismaAdapter<{ $connect: unknown; $transaction: unknown }> {
  constructor(private readonly db: DbTx) {
    super(db.session, db.user)
  }

  /**
   * Times are stored as UTC without a zone and read as epoch milliseconds: a raw query's zone-less
   * timestamp would otherwise be parsed in the process's TZ by some drivers.
   */
  override async getSessionAndUser(
    sessionId: string,
  ): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const rows = await this.db.$queryRaw<
      Array<{
        id: string
        userId: string
        expiresAt: number
        createdAt: number
        lastSeenAt: number
        email: string
        fullName: string
        role: Role
        active: boolean
        overrides: SessionOverride[]
      }>
    >`
      SELECT s.id, s.user_id AS "userId", (extract(epoch FROM s.expires_at) * 1000)::float8 AS "expiresAt",
             (extract(epoch FROM s.created_at) * 1000)::float8 AS "createdAt", (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS "lastSeenAt",
             u.email, u.full_name AS "fullName", u.role::text AS role, u.active,
             COALESCE((SELECT json_agg(json_build_object('pageName', o.page_name, 'hasAccess', o.has_access))
                       FROM user_page_access o WHERE o.user_id = u.id), '[]'::json) AS overrides
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ${sessionId}`
    const row = rows[0]
    if (!row) return [null, null]
    const { id, userId, expiresAt, createdAt, lastSeenAt, email, fullName, role, active, overrides } = row
    return [
      {
        id,
        userId,
        expiresAt: new Date(expiresAt),
        attributes: { createdAt: new Date(createdAt), lastSeenAt: new Date(lastSeenAt) } as DatabaseSessionAttributes,
      },
      { id: userId, attributes: { email, fullName, role, active, overrides } },
    ]
  }
}

/** Session service: create, validate and end sessions. Build once per process with `createAuth`. */
export type Auth = ReturnType<typeof createAuth>

/**
 * Creates the session service over a Prisma client. Functions that change sessions take the
 * transaction client `tx` so the audit row lands in the same transaction (product.md, Audit log).
 * `now` is the services' clock: session start, last-seen and the absolute lifetime are read from it
 * (Lucia's own idle expiry, `expiresAt`, follows the machine's clock).
 */
export function createAuth(db: DbTx, config: AuthConfig, now: () => Date) {
  const luciaFor = (client: DbTx) =>
    new Lucia(new SessionAdapter(client), {
      sessionExpiresIn: new TimeSpan(config.idleMinutes, 'm'),
      sessionCookie: {
        name: SESSION_COOKIE_NAME,
        attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
      },
      getUserAttributes: (a) => ({
        email: a.email,
        fullName: a.fullName,
        role: a.role,
        active: a.active,
        overrides: a.overrides,
      }),
      getSessionAttributes: (a) => ({ createdAt: a.createdAt, lastSeenAt: a.lastSeenAt }),
    })
  const lucia = luciaFor(db)
  const absoluteMs = config.absoluteHours * 3600_000

  return {
    /**
     * Starts a new session for `userId` inside transaction `tx`, ending the user's oldest sessions
     * beyond `maxSessionsPerUser`. Returns the session id (hash), the Set-Cookie value carrying the
     * raw token, and how many old sessions ended.
     */
    async createSession(
      tx: DbTx,
      userId: string,
      meta: { ipAddress: string | null; userAgent: string | null },
    ): Promise<{ sessionId: string; cookie: string; evicted: number }> {
      const token = newToken()
      const sessionId = hashToken(token)
      const startedAt = now()
      await luciaFor(tx).createSession(
        userId,
        {
          ipAddress: meta.ipAddress,
          userAgent: meta.userAgent?.slice(0, 512) ?? null,
          lastSeenAt: startedAt,
          createdAt: startedAt,
        },
        { sessionId },
      )
      const beyond = await tx.session.findMany({
        where: { userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: config.maxSessionsPerUser,
        select: { id: true },
      })
      if (beyond.length > 0) await tx.session.deleteMany({ where: { id: { in: beyond.map((b) => b.id) } } })
      return { sessionId, cookie: lucia.createSessionCookie(token).serialize(), evicted: beyond.length }
    },

    /**
     * Validates a cookie token. Returns null for unknown, expired (idle or absolute) sessions and for
     * inactive users (whose sessions are then deleted). `cookie` is set when the session was extended
     * and the browser should receive a fresh cookie; `overrides` are the user's page overrides, read
     * in the same statement. Touches `last_seen_at` at most once a minute.
     */
    async validate(token: string): Promise<{
      user: SessionUser
      overrides: SessionOverride[]
      session: SessionInfo
      cookie: string | null
    } | null> {
      const sessionId = hashToken(token)
      const { session, user } = await lucia.validateSession(sessionId)
      if (!session || !user) return null
      const createdAt = new Date(session.createdAt)
      const at = now()
      if (at.getTime() - createdAt.getTime() > absoluteMs) {
        await lucia.invalidateSession(sessionId)
        return null
      }
      if (!user.active) {
        await lucia.invalidateUserSessions(user.id)
        return null
      }
      const lastSeenAt = new Date(session.lastSeenAt)
      if (at.getTime() - lastSeenAt.getTime() > 60_000) {
        await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: at } }).catch(() => {})
      }
      return {
        user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role, active: user.active },
        overrides: user.overrides,
        session: {
          id: session.id,
          userId: session.userId,
          expiresAt: session.expiresAt,
          createdAt,
          lastSeenAt,
          fresh: session.fresh,
        },
        cookie: session.fresh ? lucia.createSessionCookie(token).serialize() : null,
      }
    },

    /** Ends one session (inside `tx`). */
    async invalidateSession(tx: DbTx, sessionId: string): Promise<void> {
      await tx.session.deleteMany({ where: { id: sessionId } })
    },

    /** Ends every session of a user, optionally keeping one (inside `tx`). Returns how many ended. */
    async invalidateUserSessions(tx: DbTx, userId: string, keepSessionId?: string): Promise<number> {
      const { count } = await tx.session.deleteMany({
        where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      })
      return count
    },

    /** A Set-Cookie value that clears the session cookie. */
    blankCookie(): string {
      return lucia.createBlankSessionCookie().serialize()
    },

    /** Deletes sessions past their idle expiry (housekeeping; server/main.ts runs it hourly). */
    deleteExpiredSessions(): Promise<void> {
      return lucia.deleteExpiredSessions()
    },
  }
}
