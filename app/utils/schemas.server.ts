/**
 * The procedures' input schemas, for loaders and actions. A route module imports them from here, not
 * from `#shared/schemas/…`: a `.server` module is left out of the browser build, so a screen whose
 * component has no form does not ship zod (docs/decisions/0012-zod-out-of-screens-without-forms.md).
 * Form components import their schema from `#shared/schemas/…` directly: the browser checks it first.
 */
export * from '#shared/schemas/audit.ts'
export * from '#shared/schemas/auth.ts'
export * from '#shared/schemas/calls.ts'
export * from '#shared/schemas/candidates.ts'
export * from '#shared/schemas/interviews.ts'
export * from '#shared/schemas/permissions.ts'
export * from '#shared/schemas/sessions.ts'
export * from '#shared/schemas/users.ts'
