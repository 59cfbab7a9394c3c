/**
 * The permission policy as a table (product.md, Permissions): every role × page × override state ->
 * expected page access and actions, in both directions (allow and deny). The expectations are typed in
 * from product.md's tables here, independently of ./policy.ts, then checked against `effectiveAccess`
 * and the CASL ability built from it.
 */
import { describe, expect, it } from 'vitest'
import { asInterview, asUser, defineAbilityFor } from './ability'
import { effectiveAccess, PAGES, type OverrideState, type Page, type Role } from './policy'

const DEFAULTS_TABLE = `
         dashboard interviews candidates calls settings user_management
admin    yes       yes        yes        yes   yes      yes
manager  yes       yes        yes        yes   yes      no
agent    yes       yes        no         yes   yes      no
viewer   yes       no         no         no    yes      no
`
const ACTIONS_TABLE: Record<Role, string[]> = {
  admin: ['read', 'create', 'update', 'delete', 'export'],
  manager: ['read', 'create', 'update', 'delete', 'export'],
  agent: ['read', 'create', 'update'],
  viewer: ['read'],
}
const ALL_ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const

const [header, ...rows] = DEFAULTS_TABLE.trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/))
const pages = header as Page[]
const defaults = Object.fromEntries(
  rows.map(([role, ...cells]) => [role, Object.fromEntries(pages.map((p, i) => [p, cells[i] === 'yes']))]),
) as Record<Role, Record<Page, boolean>>
const roles = Object.keys(defaults) as Role[]
const states: OverrideState[] = ['inherit', 'allow', 'deny']
const ME = 'user-me'

describe('permission policy (product.md, Permissions)', () => {
  const cases = roles.flatMap((role) => pages.flatMap((page) => states.map((state) => ({ role, page, state }))))
  expect(cases).toHaveLength(4 * 6 * 3)

  it.each(cases)('$role on $page with override $state', ({ role, page, state }) => {
    const overrides = state === 'inherit' ? [] : [{ pageName: page, hasAccess: state === 'allow' }]
    const expectedAccess = state === 'inherit' ? defaults[role][page] : state === 'allow'
    const access = effectiveAccess(role, overrides)[page]
    expect(access.access).toBe(expectedAccess)
    expect(access.source).toBe(state === 'inherit' ? 'role' : 'override')
    expect(access.roleDefault).toBe(defaults[role][page])

    const ability = defineAbilityFor(role, overrides, ME)
    for (const action of ALL_ACTIONS) {
      // An override changes page access only; the role still decides the actions.
      expect(ability.can(action, page), `${action}`).toBe(expectedAccess && ACTIONS_TABLE[role].includes(action))
    }
    // Other pages are untouched by this override.
    for (const other of pages.filter((p) => p !== page)) {
      expect(ability.can('read', other)).toBe(defaults[role][other])
    }
  })

  it('only admins with user_management may edit overrides and roles (grant)', () => {
    expect(defineAbilityFor('admin', [], ME).can('grant', 'user_management')).toBe(true)
    expect(
      defineAbilityFor('admin', [{ pageName: 'user_management', hasAccess: false }], ME).can(
        'grant',
        'user_management',
      ),
    ).toBe(false)
    for (const role of ['manager', 'agent', 'viewer'] as const) {
      expect(
        defineAbilityFor(role, [{ pageName: 'user_management', hasAccess: true }], ME).can('grant', 'user_management'),
      ).toBe(false)
    }
  })

  it('non-admins allowed user_management change only users whose role is below their own', () => {
    const um = [{ pageName: 'user_management' as const, hasAccess: true }]
    const manager = defineAbilityFor('manager', um, ME)
    expect(manager.can('read', 'User')).toBe(true)
    expect(manager.can('update', asUser({ role: 'agent' }))).toBe(true)
    expect(manager.can('delete', asUser({ role: 'viewer' }))).toBe(true)
    expect(manager.can('update', asUser({ role: 'manager' }))).toBe(false)
    expect(manager.can('update', asUser({ role: 'admin' }))).toBe(false)
    expect(manager.can('create', asUser({ role: 'manager' }))).toBe(false)

    const agent = defineAbilityFor('agent', um, ME)
    expect(agent.can('create', asUser({ role: 'viewer' }))).toBe(true)
    expect(agent.can('create', asUser({ role: 'agent' }))).toBe(false)
    expect(agent.can('delete', asUser({ role: 'viewer' }))).toBe(false) // agents never delete

    const viewer = defineAbilityFor('viewer', um, ME)
    expect(viewer.can('read', 'User')).toBe(true)
    expect(viewer.can('create', asUser({ role: 'viewer' }))).toBe(false)

    // Without user_management nobody touches users, whatever the role.
    expect(defineAbilityFor('manager', [], ME).can('read', 'User')).toBe(false)
    expect(defineAbilityFor('admin', [{ pageName: 'user_management', hasAccess: false }], ME).can('read', 'User')).toBe(
      false,
    )
  })

  it('nobody deactivates or deletes their own account, whatever else they may do', () => {
    const admin = defineAbilityFor('admin', [], ME)
    expect(admin.can('update', asUser({ role: 'admin', id: ME }))).toBe(true)
    expect(admin.can('deactivate', asUser({ role: 'admin', id: ME }))).toBe(false)
    expect(admin.can('delete', asUser({ role: 'admin', id: ME }))).toBe(false)
    expect(admin.can('deactivate', asUser({ role: 'admin', id: 'someone-else' }))).toBe(true)
    expect(admin.can('delete', asUser({ role: 'viewer', id: 'someone-else' }))).toBe(true)
    const manager = defineAbilityFor('manager', [{ pageName: 'user_management', hasAccess: true }], ME)
    expect(manager.can('deactivate', asUser({ role: 'agent', id: 'someone-else' }))).toBe(true)
    expect(manager.can('deactivate', asUser({ role: 'manager', id: ME }))).toBe(false)
  })
})

describe('interview scores (product.md, Permissions: interview scores)', () => {
  const mine = asInterview({ interviewerId: ME })
  const colleagues = asInterview({ interviewerId: 'someone-else' })
  const outside = asInterview({ interviewerId: null })

  it('an agent scores only the interviews they conduct', () => {
    const agent = defineAbilityFor('agent', [], ME)
    expect(agent.can('score', mine)).toBe(true)
    expect(agent.can('score', colleagues)).toBe(false)
    expect(agent.can('score', outside)).toBe(false)
  })

  it('managers and admins score any interview', () => {
    for (const role of ['manager', 'admin'] as const) {
      const ability = defineAbilityFor(role, [], ME)
      for (const interview of [mine, colleagues, outside]) expect(ability.can('score', interview), role).toBe(true)
    }
  })

  it('nobody scores without update on interviews: a viewer allowed interviews, anyone denied them', () => {
    const viewer = defineAbilityFor('viewer', [{ pageName: 'interviews', hasAccess: true }], ME)
    expect(viewer.can('score', mine)).toBe(false)
    for (const role of ['admin', 'manager', 'agent'] as const) {
      const denied = defineAbilityFor(role, [{ pageName: 'interviews', hasAccess: false }], ME)
      expect(denied.can('score', mine), role).toBe(false)
      expect(denied.can('score', colleagues), role).toBe(false)
    }
  })
})

describe('effectiveAccess', () => {
  it('returns one entry per page, in PAGES order, the override winning over the role default', () => {
    const access = effectiveAccess('viewer', [
      { pageName: 'calls', hasAccess: true },
      { pageName: 'dashboard', hasAccess: false },
    ])
    expect(Object.keys(access)).toEqual([...PAGES])
    expect(access.calls).toEqual({
      page: 'calls',
      access: true,
      source: 'override',
      override: 'allow',
      roleDefault: false,
    })
    expect(access.dashboard).toEqual({
      page: 'dashboard',
      access: false,
      source: 'override',
      override: 'deny',
      roleDefault: true,
    })
    expect(access.settings).toEqual({
      page: 'settings',
      access: true,
      source: 'role',
      override: 'inherit',
      roleDefault: true,
    })
  })

  it('an override equal to the role default is still reported as an override', () => {
    expect(effectiveAccess('admin', [{ pageName: 'calls', hasAccess: true }]).calls).toMatchObject({
      access: true,
      source: 'override',
      override: 'allow',
    })
  })
})
