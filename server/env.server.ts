/**
 * Environment configuration, parsed once with zod. Every variable is documented in `.env.example`.
 * A `.env` file in the working directory is loaded if present (values already in the environment win).
 */
import fs from 'node:fs'
import { z } from 'zod'
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js'
import { MIN_PASSWORD_LENGTH } from '#shared/schemas/common.ts'

if (fs.existsSync('.env')) process.loadEnvFile('.env')

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().default('./data/pglite'),
  SEED_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH).default('gatehouse-demo'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60 * 24),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(24 * 14),
  COOKIE_SECURE: bool.optional(),
  APP_ORIGIN: z.string().url().optional(),
  /** How many reverse proxies in front of the app to trust for the client IP (X-Forwarded-For); 0 = none. */
  TRUST_PROXY: z
    .union([z.enum(['true', 'false', '']).transform((v) => (v === 'true' ? 1 : 0)), z.coerce.number().int().min(0).max(10)])
    .default(0),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  RATE_LIMIT_LOGIN_PER_EMAIL_IP: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_LOGIN_PER_IP_DAY: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_HOUR: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_EXPORTS_PER_HOUR: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_USER_CREATES_PER_HOUR: z.coerce.number().int().positive().default(30),
  DEFAULT_PHONE_REGION: z
    .string()
    .default('US')
    .refine((v) => isSupportedCountry(v), 'DEFAULT_PHONE_REGION must be a two-letter country code such as US or GB')
    .transform((v) => v as CountryCode),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(365),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL connections per process (each cluster worker has its own pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Worker processes on a PostgreSQL server (default: one per core); the embedded database always runs one. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional().or(z.literal('').transform(() => undefined)),
  /** Bearer token for GET /metrics; unset, /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
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
