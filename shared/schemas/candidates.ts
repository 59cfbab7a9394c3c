/**
 * Inputs of the `candidates` router, shared with the /candidates list, its forms and the CSV export
 * (product.md, Candidates).
 */
import * as z from 'zod/mini'
import type { PhoneRegion } from '#shared/phone.ts'
import {
  booleanField,
  clearable,
  emailField,
  fullNameField,
  idField,
  multiLineText,
  searchField,
  singleLineText,
} from './common'
import { phoneInput } from './phone'
import { paginationInput, sortInput } from './list'
import { CANDIDATE_STATUSES, OPEN_CANDIDATE_STATUSES, type CandidateStatus } from '#shared/vocabulary/candidates.ts'

export {
  CANDIDATE_STATUS_LABELS,
  CANDIDATE_STATUSES,
  OPEN_CANDIDATE_STATUSES,
  type CandidateStatus,
} from '#shared/vocabulary/candidates.ts'

export const candidateStatusField = z.enum(CANDIDATE_STATUSES, { error: 'Unknown status' })

/**
 * A status filter: one status, several, or `open` (every status but hired and rejected). Output: the
 * list of statuses to match.
 */
export const candidateStatusFilter = z.union(
  [
    z.pipe(
      z.literal('open'),
      z.transform((): CandidateStatus[] => [...OPEN_CANDIDATE_STATUSES]),
    ),
    z.pipe(
      candidateStatusField,
      z.transform((s: CandidateStatus) => [s]),
    ),
    z.array(candidateStatusField).check(z.minLength(1), z.maxLength(CANDIDATE_STATUSES.length)),
  ],
  { error: 'Unknown status' },
)

export const CANDIDATE_SORT_FIELDS = ['fullName', 'email', 'position', 'status', 'phone', 'createdAt'] as const

export const positionField = singleLineText('Position', 100)

/** `candidates.export`: the list's filters and sort, every matching row. */
export const CandidateExportInput = z.object({
  search: searchField,
  status: z.optional(candidateStatusFilter),
  position: z.optional(positionField),
  sort: sortInput(CANDIDATE_SORT_FIELDS, { field: 'createdAt', direction: 'desc' }),
})

/** `candidates.list`: search matches name, email or position (case-insensitive). */
export const CandidateListInput = z.extend(paginationInput, CandidateExportInput.shape)
export type CandidateListInput = z.input<typeof CandidateListInput>

export const CandidateIdInput = z.object({ id: idField })

const MAX_RESUME_URL = 2048
const resumeUrlTooLong = `Resume link must be at most ${MAX_RESUME_URL} characters`

/**
 * A resume link: http(s) only, at most 2048 characters as typed and as stored (product.md,
 * Candidates: resume link). The stored form is the parser's (`https://example.com/caf%C3%A9`), which
 * can be longer than what was typed; checking it too keeps the output an input the schema accepts
 * (docs/decisions/0022-parsed-twice.md).
 */
export const resumeUrlInput = clearable(
  z.string({ error: 'Resume link must be text' }).check(z.trim(), z.maxLength(MAX_RESUME_URL, resumeUrlTooLong)),
  (v) => {
    try {
      const url = new URL(v)
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        const href = url.toString()
        return href.length <= MAX_RESUME_URL ? { value: href } : { message: resumeUrlTooLong }
      }
    } catch {
      // fall through
    }
    return { message: 'Resume link must be an http:// or https:// address' }
  },
)

export const candidateNotesInput = clearable(multiLineText('Notes', 5000))

/** `candidates.create` and the "New candidate" form; the phone is read in `region`. */
export function candidateCreateInput(region: PhoneRegion) {
  return z.object({
    fullName: fullNameField,
    email: emailField,
    position: positionField,
    phone: phoneInput(region),
    resumeUrl: resumeUrlInput,
    notes: candidateNotesInput,
    status: z.optional(candidateStatusField),
  })
}
export type CandidateCreateInput = z.input<ReturnType<typeof candidateCreateInput>>

/** `candidates.update` and the "Edit candidate" form: omitted fields stay, null or '' clears optional ones. */
export function candidateUpdateInput(region: PhoneRegion) {
  return z.object({
    id: idField,
    fullName: z.optional(fullNameField),
    email: z.optional(emailField),
    position: z.optional(positionField),
    phone: phoneInput(region),
    resumeUrl: resumeUrlInput,
    notes: candidateNotesInput,
  })
}
export type CandidateUpdateInput = z.input<ReturnType<typeof candidateUpdateInput>>

/** Statuses whose change may cancel the candidate's scheduled interviews in the same step. */
export const CLOSING_CANDIDATE_STATUSES = ['rejected', 'hired'] as const satisfies readonly CandidateStatus[]

/**
 * `candidates.setStatus`: any status may be set (product.md, Candidates: pipeline). `cancelInterviews:
 * true` (with hired or rejected only) also cancels their scheduled and in-progress interviews in the
 * same transaction; omitted or false leaves them.
 */
export const CandidateSetStatusInput = z
  .object({
    id: idField,
    status: candidateStatusField,
    cancelInterviews: z.optional(booleanField('Cancel interviews')),
  })
  .check(
    z.refine((v) => !v.cancelInterviews || (CLOSING_CANDIDATE_STATUSES as readonly string[]).includes(v.status), {
      message: 'Interviews are cancelled with a status change only when the candidate is rejected or hired',
      path: ['cancelInterviews'],
    }),
  )

/** The confirmation of a status change (`/candidates/:id/status?status=`): the status asked for. */
export const CandidateStatusConfirmInput = z.object({ status: candidateStatusField })
