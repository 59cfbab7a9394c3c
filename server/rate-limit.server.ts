/**
 * Rate limits with rate-limiter-flexible, on by default (product.md, Security baseline). Counters live in PostgreSQL when
 * the app runs on a PostgreSQL server (shared by every instance) and in memory for the embedded,
 * single-process PGlite default.
 *
 * - failed sign-ins per email+IP (`RATE_LIMIT_LOGIN_PER_EMAIL_IP` per 15 minutes),
 * - failed sign-ins per IP (`RATE_LIMIT_LOGIN_PER_IP_DAY` per day),
 * - procedure calls per user (or per IP when signed out): `RATE_LIMIT_REQUESTS_PER_MINUTE`.
 */
import pg from 'pg'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

export interface RateLimitConfig {
  loginPerEmailIp: number
  loginPerIpDay: number
  requestsPerMinute: number
}

export interface RateLimits {
  loginByEmailIp: RateLimiterAbstract
  loginByIp: RateLimiterAbstract
  requests: RateLimiterAbstract
  close(): Promise<void>
}

/** Thrown by the helpers below when a limit is exhausted; `retryAfterSeconds` feeds `Retry-After`. */
export class RateLimitedError extends Error {
  constructor(public retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`)
  }
}

/** Creates the limiters: PostgreSQL-backed when `databaseUrl` is given, else in memory. */
export async function createRateLimits(config: RateLimitConfig, databaseUrl?: string): Promise<RateLimits> {
  const opts = {
    loginByEmailIp: { keyPrefix: 'login_email_ip', points: config.loginPerEmailIp, duration: 15 * 60 },
    loginByIp: { keyPrefix: 'login_ip', points: config.loginPerIpDay, duration: 24 * 3600 },
    requests: { keyPrefix: 'requests', points: config.requestsPerMinute, duration: 60 },
  }
  if (!databaseUrl) {
    return {
      loginByEmailIp: new RateLimiterMemory(opts.loginByEmailIp),
      loginByIp: new RateLimiterMemory(opts.loginByIp),
      requests: new RateLimiterMemory(opts.requests),
      close: async () => {},
    }
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  const make = (o: (typeof opts)[keyof typeof opts]) =>
    new Promise<RateLimiterPostgres>((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        { ...o, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', clearExpiredByTimeout: false },
        (err?: Error) => (err ? reject(err) : resolve(limiter)),
      )
    })
  // One table for all three (keys are prefixed); create it once before the others use it.
  const loginByEmailIp = await make(opts.loginByEmailIp)
  const [loginByIp, requests] = await Promise.all([make(opts.loginByIp), make(opts.requests)])
  return {
    loginByEmailIp,
    loginByIp,
    requests,
    close: async () => {
      await pool.end()
    },
  }
}

/** Seconds until `res` frees a point (at least 1). */
export function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
}

/**
 * Consumes `points` from `limiter` for `key`; throws RateLimitedError when exhausted. Store errors
 * (database down) are rethrown: rate limiting fails closed.
 */
export async function consume(limiter: RateLimiterAbstract, key: string, points = 1): Promise<void> {
  try {
    await limiter.consume(key, points)
  } catch (e) {
    if (e instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(e))
    throw e
  }
}

/** Throws RateLimitedError if `key` has no points left, without consuming any. */
export async function assertNotLimited(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const res = await limiter.get(key)
  if (res && res.consumedPoints >= limiter.points) throw new RateLimitedError(retryAfter(res))
}
