/**
 * Audit log vocabulary (product.md, Audit log): the actions every state change is recorded as, the
 * targets an entry is about, and which page's viewers may read entries about each target.
 * Client-safe and free of zod: the audit screen's filters and the `audit.list` input (shared/schemas/audit.ts)
 * use the same lists.
 */
import type { Page } from './permissions/policy'

/** Every audit action (product.md, Audit log: actions). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'logout_all',
  'session_revoked',
  'password_changed',
  'profile_updated',
  'user_created',
  'user_updated',
  'user_deleted',
  'user_activated',
  'user_deactivated',
  'role_changed',
  'permission_granted',
  'permission_denied',
  'permission_reset',
  'candidate_created',
  'candidate_updated',
  'candidate_deleted',
  'candidate_status_changed',
  'interview_scheduled',
  'interview_updated',
  'interview_status_changed',
  'interview_scored',
  'interview_deleted',
  'call_logged',
  'call_updated',
  'call_deleted',
  'export_generated',
  'audit_purged',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What an audit entry is about (`audit_logs.target`); `audit` is the log itself (exports, retention). */
export const AUDIT_TARGETS = ['user', 'candidate', 'interview', 'call', 'permission', 'session', 'audit'] as const
export type AuditTargetName = (typeof AUDIT_TARGETS)[number]

/**
 * Non-admins see audit entries about the pages they can open, plus their own actions
 * (product.md, Audit log: who sees what). This maps each target to its page.
 */
export const AUDIT_TARGET_PAGE: Record<AuditTargetName, Page> = {
  user: 'user_management',
  permission: 'user_management',
  session: 'user_management',
  candidate: 'candidates',
  interview: 'interviews',
  call: 'calls',
  audit: 'user_management',
}

export const AUDIT_TARGET_LABELS: Record<AuditTargetName, string> = {
  user: 'User',
  candidate: 'Candidate',
  interview: 'Interview',
  call: 'Call',
  permission: 'Permission',
  session: 'Session',
  audit: 'Audit log',
}

/** The actions grouped for the action filter, in the order people look for them. */
export const AUDIT_ACTION_GROUPS: ReadonlyArray<{ group: string; actions: readonly AuditAction[] }> = [
  { group: 'Sign-in and sessions', actions: ['login', 'login_failed', 'logout', 'logout_all', 'session_revoked'] },
  { group: 'Own account', actions: ['password_changed', 'profile_updated'] },
  {
    group: 'Users',
    actions: ['user_created', 'user_updated', 'user_deleted', 'user_activated', 'user_deactivated', 'role_changed'],
  },
  { group: 'Permissions', actions: ['permission_granted', 'permission_denied', 'permission_reset'] },
  {
    group: 'Candidates',
    actions: ['candidate_created', 'candidate_updated', 'candidate_deleted', 'candidate_status_changed'],
  },
  {
    group: 'Interviews',
    actions: [
      'interview_scheduled',
      'interview_updated',
      'interview_status_changed',
      'interview_scored',
      'interview_deleted',
    ],
  },
  { group: 'Calls', actions: ['call_logged', 'call_updated', 'call_deleted'] },
  { group: 'The log itself', actions: ['export_generated', 'audit_purged'] },
]
