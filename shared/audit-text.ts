/**
 * Audit entries in words (product.md, Audit log): "Ada Admin denied Calls to Vic Viewer". Shared by the
 * dashboard's recent activity and the audit log screen.
 */
import type { AuditAction, AuditTargetName } from './audit'
import { PAGE_LABELS, type Page } from './permissions/policy'

export interface AuditEntryForText {
  action: string
  target: string
  targetId: string | null
  metadata: unknown
  actor: { fullName: string } | null
  targetUser: { fullName: string } | null
}

const VERBS: Record<AuditAction, string> = {
  login: 'signed in',
  login_failed: 'failed to sign in',
  logout: 'signed out',
  logout_all: 'ended every session of',
  session_revoked: 'ended a session of',
  password_changed: 'changed the password of',
  profile_updated: 'updated the profile of',
  user_created: 'created',
  user_updated: 'updated',
  user_deleted: 'deleted',
  user_activated: 'activated',
  user_deactivated: 'deactivated',
  role_changed: 'changed the role of',
  permission_granted: 'allowed',
  permission_denied: 'denied',
  permission_reset: 'reset',
  candidate_created: 'added a candidate',
  candidate_updated: 'edited a candidate',
  candidate_deleted: 'deleted a candidate',
  candidate_status_changed: 'moved a candidate',
  interview_scheduled: 'scheduled an interview',
  interview_updated: 'rescheduled an interview',
  interview_status_changed: 'changed an interview’s status',
  interview_scored: 'scored an interview',
  interview_deleted: 'deleted an interview',
  call_logged: 'logged a call',
  call_updated: 'edited a call',
  call_deleted: 'deleted a call',
  export_generated: 'exported',
  audit_purged: 'purged old audit entries',
}

function field(meta: unknown, path: string[]): unknown {
  let v: unknown = meta
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
  return v
}

/** One sentence for an audit entry, naming the actor and the person or record it is about. */
export function describeAuditEntry(entry: AuditEntryForText): string {
  const actor = entry.actor?.fullName ?? (entry.action === 'login_failed' ? 'Someone' : 'A deleted user')
  const subject = entry.targetUser?.fullName ?? 'a user'
  const verb = VERBS[entry.action as AuditAction] ?? entry.action.replace(/_/g, ' ')
  const meta = entry.metadata
  const target = entry.target as AuditTargetName
  switch (entry.action) {
    case 'login':
    case 'logout':
      return `${actor} ${verb}`
    case 'login_failed':
      return `A sign-in as ${String(field(meta, ['email']) ?? 'an unknown email')} failed`
    case 'permission_granted':
    case 'permission_denied':
    case 'permission_reset': {
      const page = PAGE_LABELS[field(meta, ['page']) as Page] ?? 'a page'
      return entry.action === 'permission_reset'
        ? `${actor} reset ${page} to the role default for ${subject}`
        : `${actor} ${verb} ${page} to ${subject}`
    }
    case 'role_changed':
      return `${actor} changed the role of ${subject} from ${String(field(meta, ['before', 'role']))} to ${String(field(meta, ['after', 'role']))}`
    case 'candidate_status_changed':
      return `${actor} moved a candidate from ${String(field(meta, ['before', 'status']))} to ${String(field(meta, ['after', 'status']))}`
    case 'interview_scheduled': {
      const status = field(meta, ['after', 'status'])
      return status && status !== 'scheduled'
        ? `${actor} recorded a past interview (${String(status).replace('_', ' ')})`
        : `${actor} ${verb}`
    }
    case 'interview_status_changed':
      return `${actor} marked an interview ${String(field(meta, ['after', 'status'])).replace('_', ' ')}`
    case 'interview_scored':
      return `${actor} scored an interview ${String(field(meta, ['after', 'score']) ?? '')}/10`
    case 'export_generated':
      return `${actor} exported ${String(field(meta, ['rows']) ?? 0)} ${String(field(meta, ['list']) ?? target)} rows`
    case 'audit_purged':
      return `Retention removed ${String(field(meta, ['removed']) ?? 0)} audit entries`
    default:
      if (target === 'user' || target === 'session') return `${actor} ${verb} ${subject}`
      return `${actor} ${verb}`
  }
}

/** What an entry's link needs to know: the target, and whether its record still exists. */
export interface AuditEntryForLink {
  target: string
  targetId: string | null
  targetUserId?: string | null
  targetUser: { fullName: string } | null
  /** Set by the server for candidate, interview and call entries: the record was deleted since. */
  targetGone?: boolean
}

/**
 * The link of an audit entry to what it is about (product.md, Audit log: the viewer), or null when
 * there is nothing to open: the record was deleted, or the viewer may not open its page (`canOpen`).
 * The label says what opens: "Open the candidate", "Open Vic Viewer's user page", "Open Vic
 * Viewer's page access". Sessions have no page of their own (a failed sign-in has none at all):
 * their entries open the user's page.
 */
export function auditTargetLink(
  entry: AuditEntryForLink,
  canOpen: (page: Page) => boolean,
): { href: string; label: string } | null {
  const record = (page: Page, path: string, label: string) =>
    entry.targetId && !entry.targetGone && canOpen(page) ? { href: `/${path}/${entry.targetId}`, label } : null
  switch (entry.target) {
    case 'candidate':
      return record('candidates', 'candidates', 'Open the candidate')
    case 'interview':
      return record('interviews', 'interviews', 'Open the interview')
    case 'call':
      return record('calls', 'calls', 'Open the call')
    case 'user':
    case 'permission':
    case 'session': {
      if (!entry.targetUserId || !entry.targetUser || !canOpen('user_management')) return null
      const href = `/users/${entry.targetUserId}`
      const name = entry.targetUser.fullName
      return entry.target === 'permission'
        ? { href: `${href}#page-access`, label: `Open ${name}’s page access` }
        : { href, label: `Open ${name}’s user page` }
    }
    default:
      return null
  }
}
