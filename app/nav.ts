/** Sidebar navigation. Items appear only for pages the user's ability can read (product.md, Permissions: pages); the audit log is for everyone. */
import {
  IconCalendarEvent,
  IconDashboard,
  IconHistory,
  IconKey,
  IconPhone,
  IconSettings,
  IconUsers,
  IconUserSearch,
  type Icon,
} from '@tabler/icons-react'
import type { AppAbility } from '#shared/permissions/ability.ts'
import type { Page } from '#shared/permissions/policy.ts'

export interface NavItem {
  to: string
  label: string
  /** The page the item needs, or null for one every signed-in user may open (the audit log). */
  page: Page | null
  icon: Icon
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', page: 'dashboard', icon: IconDashboard },
  { to: '/candidates', label: 'Candidates', page: 'candidates', icon: IconUserSearch },
  { to: '/interviews', label: 'Interviews', page: 'interviews', icon: IconCalendarEvent },
  { to: '/calls', label: 'Calls', page: 'calls', icon: IconPhone },
  { to: '/users', label: 'Users', page: 'user_management', icon: IconUsers },
  { to: '/permissions', label: 'Permissions', page: 'user_management', icon: IconKey },
  { to: '/audit', label: 'Audit log', page: null, icon: IconHistory },
  { to: '/settings', label: 'Settings', page: 'settings', icon: IconSettings },
]

/** The nav items `ability` may open, in order. */
export function navFor(ability: AppAbility): NavItem[] {
  return NAV_ITEMS.filter((item) => item.page === null || ability.can('read', item.page))
}
