/**
 * Building blocks for the input schemas. Client-safe: each procedure (`.input(schema)`) and the form
 * or list screen that feeds it import the same object (product.md, Architecture: one schema per input).
 *
 * Every string is bounded and refuses control characters (product.md, Security baseline: bad input);
 * only multi-line fields accept tab and newline, and they store `\r\n` as `\n`.
 */
import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'
import { PAGES, ROLES } from '#shared/permissions/policy.ts'
import { MIN_PASSWORD_LENGTH } from '#shared/vocabulary/passwords.ts'

// zod/mini ships no messages of its own; English ones for checks without a message of ours, the same
// on the server and in the browser (docs/decisions/0014-zod-mini-schemas.md).
z.config(en())

/* eslint-disable no-control-regex -- control characters are what these two refuse */
/** C0 controls except tab and line feed, DEL and the C1 controls: refused in multi-line text. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
/** The same plus tab and line feed: refused in single-line text. */
const CONTROL_CHARS_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/
/* eslint-enable no-control-regex */
/**
 * Half of a UTF-16 surrogate pair on its own: not a character, cannot be stored or sent as UTF-8 (the
 * database driver's JSON refused it with a 500 before this check; found by the long fuzz run).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when `v` is well-formed text (no lone surrogate). */
export function isWellFormedText(v: string): boolean {
  return !LONE_SURROGATE.test(v)
}

/**
 * A required single-line text field: trimmed, `min`..`max` characters, no control characters.
 * Messages name the field with `label` ("Name is required", "Name must be at most 100 characters").
 */
export function singleLineText(label: string, max: number, min = 1) {
  return z.string({ error: `${label} is required` }).check(
    z.trim(),
    z.minLength(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`),
    z.maxLength(max, `${label} must be at most ${max} characters`),
    z.refine(
      (v) => !CONTROL_CHARS_SINGLE_LINE.test(v),
      `${label} contains characters that are not allowed (control characters or line breaks)`,
    ),
    z.refine(isWellFormedText, `${label} contains an invalid character`),
  )
}

/** A multi-line text field (notes): trimmed, at most `max` characters, tabs and newlines allowed. */
export function multiLineText(label: string, max: number) {
  return z.string({ error: `${label} must be text` }).check(
    z.overwrite((v) => v.replace(/\r\n?/g, '\n')),
    z.trim(),
    z.maxLength(max, `${label} must be at most ${max} characters`),
    z.refine((v) => !CONTROL_CHARS.test(v), `${label} contains characters that are not allowed (control characters)`),
    z.refine(isWellFormedText, `${label} contains an invalid character`),
  )
}

/** Trimmed, lower-cased email (product.md, Data: emails are unique regardless of case). */
export const emailField = z.pipe(
  z
    .string({ error: 'Email is required' })
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, 'Email is required'),
      z.maxLength(254, 'Email must be at most 254 characters'),
    ),
  z.email({ error: 'Enter a valid email address' }),
)

export const fullNameField = singleLineText('Name', 100)

export { MIN_PASSWORD_LENGTH }

/** New passwords: at least MIN_PASSWORD_LENGTH characters, at most 256, no control characters. */
export const newPasswordField = z.string({ error: 'Password is required' }).check(
  z.minLength(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`),
  z.maxLength(256, 'Password must be at most 256 characters'),
  z.refine(
    (v) => !CONTROL_CHARS_SINGLE_LINE.test(v),
    'Password contains characters that are not allowed (control characters)',
  ),
  z.refine(isWellFormedText, 'Password contains an invalid character'),
)

export const roleField = z.enum(ROLES, { error: 'Choose a role' })
/** A screen of the permission model (`dashboard`, `calls`, …): "page" means a screen, never a page number. */
export const pageField = z.enum(PAGES, { error: 'Unknown page' })
/** A record id (cuid): 1-64 letters, digits, `_` or `-`. */
export const idField = z
  .string({ error: 'Id is required' })
  .check(
    z.trim(),
    z.minLength(1, 'Id is required'),
    z.maxLength(64, 'Invalid id'),
    z.regex(/^[A-Za-z0-9_-]+$/, 'Invalid id'),
  )

/** Free-text search of a list: optional, at most 100 characters, single line. */
export const searchField = z.optional(singleLineText('Search', 100))

/**
 * A yes/no value that also arrives as text from a query string or form (`true`/`false`, `on`, `1`/`0`).
 * Scripts pass booleans; both parse to a boolean.
 */
export const booleanField = (label: string) =>
  z.union(
    [
      z.boolean({ error: `${label} must be true or false` }),
      z.pipe(
        z.enum(['true', 'false', 'on', '1', '0'], { error: `${label} must be true or false` }),
        z.transform((v) => v === 'true' || v === 'on' || v === '1'),
      ),
    ],
    { error: `${label} must be true or false` },
  )

/** '' (a blank form field or environment variable) read as absent: output undefined. */
export const emptyAsAbsent = z.pipe(
  z.literal(''),
  z.transform(() => undefined),
)

/**
 * The check of every input with a date range (`{ from?, to? }`): `from` before `to` when both are
 * given, reported at `from` ("From must be before To").
 */
export function fromBeforeTo() {
  return z.refine<{ from?: Date; to?: Date }>((v) => !v.from || !v.to || v.from < v.to, {
    message: 'From must be before To',
    path: ['from'],
  })
}

/** A point in time: a Date, or text a Date can parse (ISO 8601 from query strings and forms). */
export const dateField = (label: string) =>
  z.coerce
    .date({ error: `${label} must be a date` })
    .check(z.refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200, `${label} is out of range`))

/**
 * An optional text value: '' and null clear it (output null), absent leaves it (output undefined).
 * `check` turns the trimmed text into the stored value or returns a message.
 */
export function clearable(base: z.ZodMiniString, check?: (value: string) => { value: string } | { message: string }) {
  return z.optional(
    z.nullable(
      z.pipe(
        base,
        z.transform((value: string, ctx) => {
          if (value === '') return null
          if (!check) return value
          const result = check(value)
          if ('message' in result) {
            ctx.issues.push({ code: 'custom', message: result.message, input: value })
            return z.NEVER
          }
          return result.value
        }),
      ),
    ),
  )
}
