/**
 * The permission policy (product.md, Permissions) as data: pages, roles, role-default page access, role actions and
 * tri-state overrides. Pure and client-safe (the matrix screen shows these tables); the CASL ability
 * built from it lives in ./ability.ts.
 */

export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const PAGES = ['dashboard', 'interviews', 'candidates', 'calls', 'settings', 'user_management'] as const
export type Page = (typeof PAGES)[number]

/** Actions a role may take on a page it can open (product.md, Permissions: actions). */
export const PAGE_ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const
export type PageAction = (typeof PAGE_ACTIONS)[number]

export const OVERRIDE_STATES = ['inherit', 'allow', 'deny'] as const
/** inherit = no user_page_access row; allow = has_access true; deny = has_access false. */
export type OverrideState = (typeof OVERRIDE_STATES)[number]

export const PAGE_LABELS: Record<Page, string> = {
  dashboard: 'Dashboard',
  interviews: 'Interviews',
  candidates: 'Candidates',
  calls: 'Calls',
  settings: 'Settings',
  user_management: 'User management',
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  agent: 'Agent',
  viewer: 'Viewer',
}

/** Role-default page access, product.md, Permissions: role defaults. */
export const ROLE_PAGE_DEFAULTS: Record<Role, Record<Page, boolean>> = {
  admin: { dashboard: true, interviews: true, candidates: true, calls: true, settings: true, user_management: true },
  manager: { dashboard: true, interviews: true, candidates: true, calls: true, settings: true, user_management: false },
  agent: { dashboard: true, interviews: true, candidates: false, calls: true, settings: true, user_management: false },
  viewer: {
    dashboard: true,
    interviews: false,
    candidates: false,
    calls: false,
    settings: true,
    user_management: false,
  },
}

/** What each role may do on a page it can open, product.md, Permissions: actions. */
export const ROLE_ACTIONS: Record<Role, readonly PageAction[]> = {
  admin: PAGE_ACTIONS,
  manager: PAGE_ACTIONS,
  agent: ['read', 'create', 'update'],
  viewer: ['read'],
}

const ROLE_RANK: Record<Role, number> = { admin: 4, manager: 3, agent: 2, viewer: 1 }

/**
 * Whether a role scores any interview (product.md, Permissions: interview scores): roles above agent
 * (manager, admin). Others with `update` on interviews score only the interviews they conduct.
 */
export function scoresAnyInterview(role: Role): boolean {
  return ROLE_RANK[role] > ROLE_RANK.agent
}

/** Roles strictly below `role` (product.md, Permissions: non-admins manage and assign only roles below their own). */
export function rolesBelow(role: Role): Role[] {
  return ROLES.filter((r) => ROLE_RANK[r] < ROLE_RANK[role])
}

/** Maps a stored override (`has_access`, or undefined when there is no row) to its tri-state. */
export function overrideStateOf(hasAccess: boolean | null | undefined): OverrideState {
  if (hasAccess === true) return 'allow'
  if (hasAccess === false) return 'deny'
  return 'inherit'
}

export interface PageAccess {
  page: Page
  /** Effective access: the override if present, else the role default. */
  access: boolean
  /** Where the effective access comes from. */
  source: 'role' | 'override'
  override: OverrideState
  roleDefault: boolean
}

/** An override row as stored (`user_page_access`). */
export interface OverrideRow {
  pageName: Page
  hasAccess: boolean
}

/**
 * Effective access for every page: override if present, else role default (product.md, Permissions).
 * Returns one entry per page, in PAGES order.
 */
export function effectiveAccess(role: Role, overrides: readonly OverrideRow[]): Record<Page, PageAccess> {
  const byPage = new Map(overrides.map((o) => [o.pageName, o.hasAccess]))
  const result = {} as Record<Page, PageAccess>
  for (const page of PAGES) {
    const roleDefault = ROLE_PAGE_DEFAULTS[role][page]
    const override = overrideStateOf(byPage.get(page))
    result[page] = {
      page,
      roleDefault,
      override,
      access: override === 'inherit' ? roleDefault : override === 'allow',
      source: override === 'inherit' ? 'role' : 'override',
    }
  }
  return result
}

/** Access resulting from an override state on top of a role default. */
export function accessFor(role: Role, page: Page, state: OverrideState): boolean {
  return state === 'inherit' ? ROLE_PAGE_DEFAULTS[role][page] : state === 'allow'
}

const ACTION_PHRASES: Record<PageAction, string> = {
  read: 'open it',
  create: 'add records there',
  update: 'change records there',
  delete: 'delete records there',
  export: 'export from it',
}

/**
 * What a refused person is told (product.md, Permissions: pages): which page, and whether it is the
 * page itself or only the action on it that their access leaves out. `canOpen`: whether they may
 * read the page; an action beyond the page actions (`grant`: roles and overrides) is the admins'.
 * E.g. "Your access does not include Candidates." or "You can open Candidates, but your role may not
 * export from it."
 */
export function refusalMessage(page: Page, action: string, canOpen: boolean): string {
  if (action === 'read' || !canOpen) return `Your access does not include ${PAGE_LABELS[page]}.`
  const phrase = ACTION_PHRASES[action as PageAction]
  return phrase
    ? `You can open ${PAGE_LABELS[page]}, but your role may not ${phrase}.`
    : 'Only administrators can do that.'
}
