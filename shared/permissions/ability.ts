/**
 * The one CASL ability (product.md, Permissions). Built per request from the user's role and their
 * `user_page_access` rows; it gates every tRPC procedure, page loader and nav item.
 *
 * Subjects:
 * - a page name (`'calls'`, `'user_management'`, …): the role's actions on each page the user can open;
 *   admins with `user_management` also get `grant` on it (edit overrides and roles: product.md,
 *   Permissions: only admins edit overrides and roles);
 * - `'User'` (optionally an instance `{ role, id }`): who the user may list, create, edit, deactivate,
 *   delete and change the role of (`grant`) on /users. Admins manage every user; other roles with
 *   `user_management` read all users, change only users whose role is below their own and change no
 *   roles. Nobody deactivates, deletes or changes the role of their own account (product.md,
 *   Permissions: rules that always hold).
 * - `'Interview'` (optionally an instance `{ interviewerId }`): `score` (product.md, Permissions:
 *   interview scores). Whoever has `update` on interviews scores the interviews they conduct
 *   (`interviewerId` is their id); managers and admins score any interview.
 *
 * The rules are plain JSON: loaders send them to the browser, which rebuilds the same ability, so the
 * UI asks `ability.can(…)` and holds no policy of its own.
 */
import { createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability'
import {
  effectiveAccess,
  PAGES,
  ROLE_ACTIONS,
  rolesBelow,
  scoresAnyInterview,
  type OverrideRow,
  type Page,
  type PageAccess,
  type PageAction,
  type Role,
} from './policy'

export type AppAction = PageAction | 'grant' | 'manage' | 'deactivate' | 'score'
export type UserSubject = { role: Role; id?: string }
/** An interview as the ability sees it: who conducts it (null for an outside interviewer). */
export type InterviewSubject = { interviewerId: string | null }
export type AppSubject =
  | Page
  | 'User'
  | 'Interview'
  | 'all'
  | (UserSubject & { __caslSubjectType__: 'User' })
  | (InterviewSubject & { __caslSubjectType__: 'Interview' })
export type AppAbility = MongoAbility<[AppAction, AppSubject]>
export type AppRule = RawRuleOf<AppAbility>

/**
 * Rules for user `userId` with `role` and the effective page access computed by `effectiveAccess`.
 * Shape: `[{ action, subject, conditions?, inverted? }]`, plain JSON.
 */
export function rulesFor(role: Role, access: Record<Page, PageAccess>, userId: string): AppRule[] {
  const rules: AppRule[] = []
  const actions = ROLE_ACTIONS[role]
  for (const page of PAGES) {
    if (access[page].access) rules.push({ action: [...actions], subject: page })
  }
  if (access.user_management.access) {
    if (role === 'admin') {
      rules.push({ action: 'grant', subject: 'user_management' })
      rules.push({ action: 'manage', subject: 'User' })
    } else {
      rules.push({ action: 'read', subject: 'User' })
      const changes: AppAction[] = actions.filter((a) => a !== 'read')
      if (changes.includes('update')) changes.push('deactivate')
      if (changes.length > 0) {
        rules.push({ action: changes, subject: 'User', conditions: { role: { $in: rolesBelow(role) } } })
      }
    }
    // Later rules win in CASL: whatever was granted above, nobody deletes, deactivates or changes the
    // role (`grant` on a User) of their own account.
    rules.push({
      action: ['delete', 'deactivate', 'grant'],
      subject: 'User',
      conditions: { id: userId },
      inverted: true,
    })
  }
  if (access.interviews.access && actions.includes('update')) {
    rules.push(
      scoresAnyInterview(role)
        ? { action: 'score', subject: 'Interview' }
        : { action: 'score', subject: 'Interview', conditions: { interviewerId: userId } },
    )
  }
  return rules
}

/** Builds the ability of user `userId` from their role and already computed effective page access. */
export function abilityForAccess(role: Role, access: Record<Page, PageAccess>, userId: string): AppAbility {
  return createMongoAbility<AppAbility>(rulesFor(role, access, userId))
}

/**
 * Builds the ability for a user from role + override rows (product.md, Permissions: effective access).
 * ≈5 µs; build once per request.
 */
export function defineAbilityFor(role: Role, overrides: readonly OverrideRow[], userId: string): AppAbility {
  return abilityForAccess(role, effectiveAccess(role, overrides), userId)
}

/** Rebuilds an ability from serialized rules (browser side, or for anonymous requests: no rules). */
export function abilityFromRules(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules)
}

/** Wraps a user row so conditional `User` rules can be checked: `ability.can('update', asUser(row))`. */
export function asUser(user: UserSubject) {
  return subject('User', { ...user }) as AppSubject
}

/** Wraps an interview so conditional `Interview` rules can be checked: `ability.can('score', asInterview(row))`. */
export function asInterview(interview: InterviewSubject) {
  return subject('Interview', { interviewerId: interview.interviewerId }) as AppSubject
}
