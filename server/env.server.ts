/**
 * Environment configuration, parsed once with zod. Every variable is documented in `.env.example`.
 * A `.env` file in the working directory is loaded if present (values already in the environment win).
 */
import fs from 'node:fs'
import * as z from 'zod/mini'
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js'
import { emptyAsAbsent, MIN_PASSWORD_LENGTH } from '#shared/schemas/common.ts'

if (fs.existsSync('.env')) process.loadEnvFile('.env')

const bool = z.pipe(
  z.enum(['true', 'false', '1', '0', '']),
  z.transform((v) => v === 'true' || v === '1'),
)
/** A whole number from text, `min`..`max`. */
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().check(z.int(), z.gte(min), z.lte(max))

const EnvSchema = z.object({
  NODE_ENV: z._default(z.enum(['development', 'production', 'test']), 'development'),
  PORT: z._default(int(1), 3000),
  DATABASE_URL: z.union([
    z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'))),
    emptyAsAbsent,
  ]),
  PGLITE_DATA_DIR: z._default(z.string(), './data/pglite'),
  SEED_PASSWORD: z._default(z.string().check(z.minLength(MIN_PASSWORD_LENGTH)), 'gatehouse-demo'),
  SESSION_IDLE_MINUTES: z._default(int(1), 60 * 24),
  SESSION_ABSOLUTE_HOURS: z._default(int(1), 24 * 14),
  COOKIE_SECURE: z.optional(bool),
  APP_ORIGIN: z.optional(z.url()),
  /** How many reverse proxies in front of the app to trust for the client IP (X-Forwarded-For); 0 = none. */
  TRUST_PROXY: z._default(
    z.union([
      z.pipe(
        z.enum(['true', 'false', '']),
        z.transform((v) => (v === 'true' ? 1 : 0)),
      ),
      int(0, 10),
    ]),
    0,
  ),
  MAX_BODY_BYTES: z._default(int(1024, 100 * 1024 * 1024), 1024 * 1024),
  MAX_SESSIONS_PER_USER: z._default(int(1, 1000), 10),
  RATE_LIMIT_LOGIN_PER_EMAIL_IP: z._default(int(1), 10),
  RATE_LIMIT_LOGIN_PER_IP_DAY: z._default(int(1), 100),
  RATE_LIMIT_REQUESTS_PER_MINUTE: z._default(int(1), 600),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_HOUR: z._default(int(1), 30),
  RATE_LIMIT_EXPORTS_PER_HOUR: z._default(int(1), 30),
  RATE_LIMIT_USER_CREATES_PER_HOUR: z._default(int(1), 30),
  DEFAULT_PHONE_REGION: z.pipe(
    z
      ._default(z.string(), 'US')
      .check(
        z.refine(
          (v) => isSupportedCountry(v),
          'DEFAULT_PHONE_REGION must be a two-letter country code such as US or GB',
        ),
      ),
    z.transform((v: string) => v as CountryCode),
  ),
  AUDIT_RETENTION_DAYS: z._default(int(0, 36_500), 365),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  /** PostgreSQL connections per process (each cluster worker has its own pool). */
  DATABASE_POOL_SIZE: z._default(int(1, 200), 10),
  /** Worker processes on a PostgreSQL server (default: one per core); the embedded database always runs one. */
  WEB_CONCURRENCY: z.union([z.optional(int(1, 256)), emptyAsAbsent]),
  /** Bearer token for GET /metrics; unset, /metrics answers 404. */
  METRICS_TOKEN: z.union([
    z.optional(z.string().check(z.minLength(16, 'METRICS_TOKEN must be at least 16 characters'))),
    emptyAsAbsent,
  ]),
})

export type Env = z.infer<typeof EnvSchema>

/** The parsed environment. Throws a readable error at start-up if a variable is malformed. */
export const env: Env = (() => {
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
})()
