/** Audit targets (SPEC §2 `audit_logs.target`) and the page whose viewers may see each (SPEC §5). Client-safe. */
import type { Page } from './permissions/policy'

export const AUDIT_TARGETS = ['user', 'candidate', 'interview', 'call', 'permission', 'session'] as const
export type AuditTargetName = (typeof AUDIT_TARGETS)[number]

/** Non-admins see audit entries about pages they can open (and their own actions). */
export const AUDIT_TARGET_PAGE: Record<AuditTargetName, Page> = {
  user: 'user_management',
  permission: 'user_management',
  session: 'user_management',
  candidate: 'candidates',
  interview: 'interviews',
  call: 'calls',
}
