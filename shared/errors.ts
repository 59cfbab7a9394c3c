/**
 * The error shape a client may see (product.md, Errors): produced on the server by `toPublicError`
 * (server/errors.server.ts) for tRPC responses, loader error pages and form actions alike.
 */

/** Field messages keyed by input name; `_form` holds messages about the input as a whole. */
export type FieldErrors = Record<string, string[]>

export type PublicErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {})

export interface PublicError {
  code: PublicErrorCode
  /** The HTTP status that goes with `code` (400, 401, 403, 404, 409, 413, 429, 500, …). */
  httpStatus: number
  /** A sentence a person can act on; never a driver or stack message. */
  message: string
  fieldErrors: FieldErrors | null
  /** Seconds to wait, for TOO_MANY_REQUESTS (also sent as `Retry-After`). */
  retryAfterSeconds: number | null
  /** Set for internal errors: the reference to quote, matching the server log line and `X-Request-Id`. */
  requestId: string | null
}

/** What a person sees for an internal error, with its reference appended by the UI. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side.'
