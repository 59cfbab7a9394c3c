/** Password rules a screen shows, without zod (the schema in shared/schemas/common.ts enforces them). */

/** Minimum length of a new password (product.md, Security baseline: passwords). */
export const MIN_PASSWORD_LENGTH = 12
