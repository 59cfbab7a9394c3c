/** Structured logging with pino (level from LOG_LEVEL; silent under test unless a test passes its own). */
import pino from 'pino'
import { env } from './env.server'

export type Logger = pino.Logger

export const logger: Logger = pino({ level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL })
