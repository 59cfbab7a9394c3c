/** Sidebar navigation. Items appear only for pages the user's ability can read (SPEC §3). */
import type { AppAbility } from '../server/permissions/ability'
import type { Page } from '../server/permissions/policy'

export interface NavItem {
  to: string
  label: string
  page: Page
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', page: 'dashboard' },
  { to: '/candidates', label: 'Candidates', page: 'candidates' },
  { to: '/interviews', label: 'Interviews', page: 'interviews' },
  { to: '/calls', label: 'Calls', page: 'calls' },
  { to: '/users', label: 'Users', page: 'user_management' },
  { to: '/permissions', label: 'Permissions', page: 'user_management' },
  { to: '/settings', label: 'Settings', page: 'settings' },
]

/** The nav items `ability` may open. */
export function navFor(ability: AppAbility): NavItem[] {
  return NAV_ITEMS.filter((item) => ability.can('read', item.page))
}
