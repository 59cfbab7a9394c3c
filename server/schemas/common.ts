/**
 * Building blocks for the shared input schemas. These modules are client-safe: the tRPC procedures
 * (`.input(schema)`) and the Remix forms (client validation + action parsing) import the same objects.
 */
import { z } from 'zod'
import { PAGES, ROLES } from '../permissions/policy'

/** Trimmed, lower-cased email (SPEC §2: unique, case-insensitive). */
export const emailField = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .min(1, 'Email is required')
  .max(254, 'Email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }))

export const fullNameField = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters')

/** Minimum length of a new password (SPEC §8). */
export const MIN_PASSWORD_LENGTH = 12

/** New passwords: at least MIN_PASSWORD_LENGTH characters. */
export const newPasswordField = z
  .string({ error: 'Password is required' })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'Password must be at most 256 characters')

export const roleField = z.enum(ROLES, { error: 'Choose a role' })
export const pageField = z.enum(PAGES, { error: 'Unknown page' })
export const idField = z.string({ error: 'Id is required' }).trim().min(1, 'Id is required').max(64, 'Invalid id')

/** 1-based page number. */
export const pageNumberField = z.coerce.number({ error: 'Page must be a number' }).int('Page must be a whole number').min(1, 'Page starts at 1').max(100_000).default(1)
/** Page size, at most 100 (developers' guide: lists paginated, page size at most 100). */
export const pageSizeField = z.coerce.number({ error: 'Page size must be a number' }).int().min(1, 'Page size must be at least 1').max(100, 'Page size must be at most 100').default(20)
export const searchField = z.string().trim().max(100, 'Search is at most 100 characters').optional()
export const sortDirectionField = z.enum(['asc', 'desc'], { error: 'Direction is asc or desc' }).default('asc')
