/** The candidates vocabulary without zod, so screens that only show candidates do not ship it. */
/** The pipeline, in order (product.md, Candidates: pipeline). */
export const CANDIDATE_STATUSES = ['applied', 'screening', 'interviewed', 'hired', 'rejected'] as const
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number]
/** Statuses of a candidate still in the pipeline ("open"): not hired or rejected. */
export const OPEN_CANDIDATE_STATUSES = [
  'applied',
  'screening',
  'interviewed',
] as const satisfies readonly CandidateStatus[]

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  applied: 'Applied',
  screening: 'Screening',
  interviewed: 'Interviewed',
  hired: 'Hired',
  rejected: 'Rejected',
}
