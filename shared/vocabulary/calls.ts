/** The calls vocabulary without zod, so screens that only show calls do not ship it (product.md, Calls). */
export const CALL_TYPES = ['inbound', 'outbound', 'missed', 'voicemail'] as const
export type CallType = (typeof CALL_TYPES)[number]
export const CALL_STATUSES = ['answered', 'missed', 'busy', 'voicemail'] as const
export type CallStatus = (typeof CALL_STATUSES)[number]

export const CALL_TYPE_LABELS: Record<CallType, string> = { inbound: 'Inbound', outbound: 'Outbound', missed: 'Missed', voicemail: 'Voicemail' }
export const CALL_STATUS_LABELS: Record<CallStatus, string> = { answered: 'Answered', missed: 'Missed', busy: 'Busy', voicemail: 'Voicemail' }
