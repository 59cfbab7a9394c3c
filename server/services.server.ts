/**
 * Process-wide services, created once at start-up and handed to every request through the Remix load
 * context: database, session service, rate limiters and configuration. Nothing here holds state
 * that must be shared between instances (product.md, Architecture: many instances).
 */
import type { PhoneRegion } from '#shared/phone.ts'
import { createAuth, type Auth } from './auth/session.server'
import { openDatabase, type Database, type Db } from './db.server'
import { env } from './env.server'
import { logger as defaultLogger, type Logger } from './logger.server'
import { createRateLimits, type RateLimitConfig, type RateLimits } from './rate-limit.server'

export interface ServicesConfig {
  secureCookies: boolean
  idleMinutes: number
  absoluteHours: number
  rateLimits: RateLimitConfig
  /** Public origin (e.g. https://gatehouse.example.com) accepted by the CSRF check besides the Host. */
  appOrigin?: string
  /** Show the demo account hint on /login (not in production). */
  showDemoAccounts: boolean
  /** How phone numbers typed without a country code are read (DEFAULT_PHONE_REGION). */
  phoneRegion: PhoneRegion
  /** Sessions a user may have at once; starting one more ends the oldest (MAX_SESSIONS_PER_USER). */
  maxSessionsPerUser: number
  /** Largest request body accepted, in bytes (MAX_BODY_BYTES); larger ones get 413 before parsing. */
  maxBodyBytes: number
  /** Audit entries older than this many days are removed by the hourly sweep; 0 keeps everything (AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number
}

export interface Services {
  database: Database
  prisma: Db
  auth: Auth
  limits: RateLimits
  config: ServicesConfig
  /** Structured logger (pino); tests pass one that writes to memory. */
  logger: Logger
  /** The current time; tests pass a fixed clock. Dashboard days and "today" are computed from it. */
  now: () => Date
  close(): Promise<void>
}

/** Configuration from the environment (see .env.example). */
export function configFromEnv(): ServicesConfig {
  return {
    secureCookies: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    idleMinutes: env.SESSION_IDLE_MINUTES,
    absoluteHours: env.SESSION_ABSOLUTE_HOURS,
    rateLimits: {
      loginPerEmailIp: env.RATE_LIMIT_LOGIN_PER_EMAIL_IP,
      loginPerIpDay: env.RATE_LIMIT_LOGIN_PER_IP_DAY,
      loginPerAccountHour: env.RATE_LIMIT_LOGIN_PER_ACCOUNT_HOUR,
      requestsPerMinute: env.RATE_LIMIT_REQUESTS_PER_MINUTE,
      exportsPerHour: env.RATE_LIMIT_EXPORTS_PER_HOUR,
      userCreatesPerHour: env.RATE_LIMIT_USER_CREATES_PER_HOUR,
    },
    maxSessionsPerUser: env.MAX_SESSIONS_PER_USER,
    maxBodyBytes: env.MAX_BODY_BYTES,
    appOrigin: env.APP_ORIGIN,
    showDemoAccounts: env.NODE_ENV !== 'production',
    phoneRegion: env.DEFAULT_PHONE_REGION,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
  }
}

/**
 * Creates the services. `database` defaults to the configured one; `databaseUrl` selects PostgreSQL
 * rate-limit counters (pass the same server the database uses).
 */
export async function createServices(
  options: {
    database?: Database
    databaseUrl?: string
    config?: Partial<ServicesConfig>
    logger?: Logger
    now?: () => Date
  } = {},
): Promise<Services> {
  const config = { ...configFromEnv(), ...options.config }
  const database = options.database ?? (await openDatabase())
  const databaseUrl = options.database ? options.databaseUrl : env.DATABASE_URL
  const limits = await createRateLimits(config.rateLimits, database.kind === 'postgres' ? databaseUrl : undefined)
  const now = options.now ?? (() => new Date())
  const auth = createAuth(database.prisma, config, now)
  return {
    database,
    prisma: database.prisma,
    auth,
    limits,
    config,
    logger: options.logger ?? defaultLogger,
    now,
    async close() {
      await limits.close()
      await database.close()
    },
  }
}
