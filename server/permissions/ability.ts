/**
 * The one CASL ability (SPEC §1, §3). Built per request from the user's role and their
 * `user_page_access` rows; it gates every tRPC procedure, page loader and nav item.
 *
 * Subjects:
 * - a page name (`'calls'`, `'user_management'`, …): the role's actions on each page the user can open;
 *   admins with `user_management` also get `grant` on it (edit overrides and roles, admin-only per SPEC §3);
 * - `'User'` (optionally an instance `{ role }`): who the user may list, create, edit and delete on
 *   /users. Admins manage every user; other roles with `user_management` read all users and change only
 *   users whose role is below their own (SPEC §3).
 *
 * The rules are plain JSON: loaders send them to the browser, which rebuilds the same ability.
 */
import { createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability'
import { effectiveAccess, PAGES, ROLE_ACTIONS, rolesBelow, type OverrideRow, type Page, type PageAccess, type PageAction, type Role } from './policy'

export type AppAction = PageAction | 'grant' | 'manage'
export type UserSubject = { role: Role; id?: string }
export type AppSubject = Page | 'User' | 'all' | (UserSubject & { __caslSubjectType__: 'User' })
export type AppAbility = MongoAbility<[AppAction, AppSubject]>
export type AppRule = RawRuleOf<AppAbility>

/** Rules for a user with `role` and the effective page access computed by `effectiveAccess`. */
export function rulesFor(role: Role, access: Record<Page, PageAccess>): AppRule[] {
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
      const changes = actions.filter((a) => a !== 'read')
      if (changes.length > 0) {
        rules.push({ action: [...changes], subject: 'User', conditions: { role: { $in: rolesBelow(role) } } })
      }
    }
  }
  return rules
}

/** Builds the ability from a role and its already computed effective page access. */
export function abilityForAccess(role: Role, access: Record<Page, PageAccess>): AppAbility {
  return createMongoAbility<AppAbility>(rulesFor(role, access))
}

/** Builds the ability for a user from role + overrides (SPEC §3). ≈5 µs; build once per request. */
export function defineAbilityFor(role: Role, overrides: readonly OverrideRow[]): AppAbility {
  return abilityForAccess(role, effectiveAccess(role, overrides))
}

/** Rebuilds an ability from serialized rules (browser side, or for anonymous requests: no rules). */
export function abilityFromRules(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules)
}

/** Wraps a user row so conditional `User` rules can be checked: `ability.can('update', asUser(row))`. */
export function asUser(user: UserSubject) {
  return subject('User', { ...user }) as AppSubject
}
