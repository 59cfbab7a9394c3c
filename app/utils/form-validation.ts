/**
 * The browser's check of a form against its schema, loaded on demand by `useSchemaForm`
 * (`app/utils/forms.ts`; docs/decisions/0008-forms.md): this module and the schema it is given bring
 * zod and `@conform-to/zod` with them, so no form page loads them at first.
 */
import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type * as z from 'zod/mini'

/**
 * Parses `formData` with `schema` the way the server does (`app/utils/forms.server.ts`): Conform's
 * submission, with the typed value or the messages per field name.
 */
export function validateFormData(formData: FormData, schema: z.ZodMiniType): Submission<Record<string, unknown>> {
  return parseWithZod(formData, { schema }) as Submission<Record<string, unknown>>
}
