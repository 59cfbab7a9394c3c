/**
 * Rate limits with rate-limiter-flexible, on by default (product.md, Security baseline: rate limits).
 * Counters live in PostgreSQL when the app runs on a PostgreSQL server (shared by every instance and
 * machine), with an in-memory insurance limiter that takes over if the store fails; in memory for
 * the embedded, single-process PGlite default.
 *
 * - password checks per email+IP (`RATE_LIMIT_LOGIN_PER_EMAIL_IP` per 15 minutes),
 * - password checks per IP (`RATE_LIMIT_LOGIN_PER_IP_DAY` per day),
 * - failed password checks per account from IPs it has never signed in from
 *   (`RATE_LIMIT_LOGIN_PER_ACCOUNT_HOUR` per hour): slows a guess spread over many IPs,
 * - procedure calls per user (or per IP when signed out): `RATE_LIMIT_REQUESTS_PER_MINUTE`,
 * - exports per user (`RATE_LIMIT_EXPORTS_PER_HOUR`) and user creations per user
 *   (`RATE_LIMIT_USER_CREATES_PER_HOUR`): tighter, for the costly and the sensitive.
 */
import pg from 'pg'
import { logger } from './logger.server'
import { forgetPool, rateLimitRefusals, watchPool } from './metrics.server'
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

export interface RateLimitConfig {
  loginPerEmailIp: number
  loginPerIpDay: number
  loginPerAccountHour: number
  requestsPerMinute: number
  exportsPerHour: number
  userCreatesPerHour: number
}

const LIMITERS = ['loginByEmailIp', 'loginByIp', 'loginByAccount', 'requests', 'exports', 'userCreates'] as const
type LimiterName = (typeof LIMITERS)[number]

export type RateLimits = Record<LimiterName, RateLimiterAbstract> & {
  /** Where the counters live: `postgres` (shared by instances) or `memory`. */
  store: 'postgres' | 'memory'
  close(): Promise<void>
}

/** Thrown by the helpers below when a limit is exhausted; `retryAfterSeconds` feeds `Retry-After`. */
export class RateLimitedError extends Error {
  constructor(public retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`)
  }
}

function options(config: RateLimitConfig): Record<LimiterName, IRateLimiterOptions> {
  return {
    loginByEmailIp: { keyPrefix: 'login_email_ip', points: config.loginPerEmailIp, duration: 15 * 60 },
    loginByIp: { keyPrefix: 'login_ip', points: config.loginPerIpDay, duration: 24 * 3600 },
    loginByAccount: { keyPrefix: 'login_account', points: config.loginPerAccountHour, duration: 3600 },
    requests: { keyPrefix: 'requests', points: config.requestsPerMinute, duration: 60 },
    exports: { keyPrefix: 'exports', points: config.exportsPerHour, duration: 3600 },
    userCreates: { keyPrefix: 'user_creates', points: config.userCreatesPerHour, duration: 3600 },
  }
}

/** Creates the limiters: PostgreSQL-backed (with in-memory insurance) when `databaseUrl` is given, else in memory. */
export async function createRateLimits(config: RateLimitConfig, databaseUrl?: string): Promise<RateLimits> {
  const opts = options(config)
  if (!databaseUrl) {
    const memory = Object.fromEntries(
      LIMITERS.map((name) => [name, new RateLimiterMemory(opts[name])]),
    ) as unknown as Record<LimiterName, RateLimiterAbstract>
    return { ...memory, store: 'memory', close: async () => {} }
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  watchPool(pool)
  // An idle connection the server drops (restart, failover) must not crash the process: the pool
  // discards it and connects again on the next use.
  pool.on('error', (err) => logger.warn({ err }, 'rate-limit pool connection lost'))
  const make = (name: LimiterName) =>
    new Promise<RateLimiterPostgres>((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          ...opts[name],
          storeClient: pool,
          storeType: 'pool',
          tableName: 'rate_limits',
          clearExpiredByTimeout: false,
          // If PostgreSQL cannot answer, count in this process rather than let everything through.
          insuranceLimiter: new RateLimiterMemory(opts[name]),
        },
        (err?: Error) => (err ? reject(err) : resolve(limiter)),
      )
    })
  // One table for all (keys are prefixed); create it once before the others use it.
  const first = await make(LIMITERS[0])
  const rest = await Promise.all(LIMITERS.slice(1).map(make))
  const limiters = Object.fromEntries(
    LIMITERS.map((name, i) => [name, i === 0 ? first : rest[i - 1]!]),
  ) as unknown as Record<LimiterName, RateLimiterAbstract>
  return {
    ...limiters,
    store: 'postgres',
    close: async () => {
      forgetPool(pool)
      await pool.end()
    },
  }
}

/** Seconds until `res` frees a point (at least 1). */
export function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
}

/**
 * Consumes `points` from `limiter` for `key`, atomically in its store; throws RateLimitedError when
 * exhausted. Store errors with no insurance are rethrown: rate limiting fails closed.
 */
export async function consume(limiter: RateLimiterAbstract, key: string, points = 1): Promise<void> {
  try {
    await limiter.consume(key, points)
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      rateLimitRefusals.inc({ limiter: limiter.keyPrefix })
      throw new RateLimitedError(retryAfter(e))
    }
    throw e
  }
}
