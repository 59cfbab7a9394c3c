/**
 * `permissions` router (product.md, API): the matrix (users × pages), setting one cell, and explaining a
 * user's effective access. Reading needs `user_management`; setting needs `grant` on it, which only
 * admins have (product.md, Permissions: only admins edit overrides and roles).
 */
import { TRPCError } from '@trpc/server'
import { recordAudit } from '#server/audit.server.ts'
import { assertNotLastActiveAdmin } from '#server/permissions/guards.server.ts'
import {
  accessFor,
  effectiveAccess,
  overrideStateOf,
  PAGE_LABELS,
  PAGES,
  ROLE_ACTIONS,
  ROLE_LABELS,
  ROLE_PAGE_DEFAULTS,
  type OverrideState,
} from '#shared/permissions/policy.ts'
import { ExplainInput, MatrixInput, SetPermissionInput } from '#shared/schemas/permissions.ts'
import { countWindow, offsetWindow, paginated } from '#server/pagination.ts'
import { actorOf, pageProcedure, router } from '#server/trpc.ts'
import { userSearchWhere } from '#server/queries/users.ts'

const AUDIT_ACTION: Record<OverrideState, 'permission_granted' | 'permission_denied' | 'permission_reset'> = {
  allow: 'permission_granted',
  deny: 'permission_denied',
  inherit: 'permission_reset',
}

export const permissionsRouter = router({
  /**
   * The permission matrix: role defaults, role actions, and a page of users (filtered by `role` and a
   * name/email `search`, sorted by name) each with one cell per page `{ access, source, override,
   * roleDefault }`. Two queries in all (users with their override rows, and a count). `canEdit` tells
   * the UI whether cells are editable.
   */
  matrix: pageProcedure('user_management', 'read')
    .input(MatrixInput)
    .query(async ({ ctx, input }) => {
      const where = userSearchWhere(input.search, input.role)
      const [total, users] = await Promise.all([
        ctx.prisma.user.count({ where, orderBy: [{ fullName: 'asc' }, { id: 'asc' }], ...countWindow(input) }),
        ctx.prisma.user.findMany({
          where,
          select: {
            id: true,
            fullName: true,
            email: true,
            role: true,
            active: true,
            pageAccess: { select: { pageName: true, hasAccess: true } },
          },
          orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
          ...offsetWindow(input),
        }),
      ])
      const page = paginated(
        users.map(({ pageAccess, ...u }) => ({ ...u, cells: effectiveAccess(u.role, pageAccess) })),
        total,
        input,
      )
      return {
        pages: PAGES,
        roleDefaults: ROLE_PAGE_DEFAULTS,
        roleActions: ROLE_ACTIONS,
        canEdit: ctx.ability.can('grant', 'user_management'),
        ...page,
      }
    }),

  /**
   * Sets one cell to inherit (delete the row), allow or deny, and audits `permission_granted`,
   * `permission_denied` or `permission_reset` with page, old/new state and effective access
   * before/after. Takes effect on the user's next request. FORBIDDEN when an admin would deny their
   * own user_management or the last active admin's (product.md, Permissions). Setting the current state is a no-op.
   */
  set: pageProcedure('user_management', 'grant')
    .input(SetPermissionInput)
    .mutation(async ({ ctx, input }) => {
      const target = await ctx.prisma.user.findUnique({
        where: { id: input.userId },
        select: {
          id: true,
          role: true,
          fullName: true,
          pageAccess: { where: { pageName: input.page }, select: { hasAccess: true } },
        },
      })
      if (!target) throw new TRPCError({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
      const beforeState = overrideStateOf(target.pageAccess[0]?.hasAccess)
      const before = { state: beforeState, access: accessFor(target.role, input.page, beforeState) }
      const after = { state: input.access, access: accessFor(target.role, input.page, input.access) }
      const result = {
        userId: target.id,
        page: input.page,
        ...after,
        source: input.access === 'inherit' ? 'role' : 'override',
      } as const
      if (beforeState === input.access) return result

      const removesUserManagement = input.page === 'user_management' && before.access && !after.access
      if (removesUserManagement && target.id === ctx.user.id) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You cannot deny your own user management access.' })
      }
      await ctx.prisma.$transaction(async (tx) => {
        if (removesUserManagement) await assertNotLastActiveAdmin(tx, target.id, 'deny')
        if (input.access === 'inherit') {
          await tx.userPageAccess.deleteMany({ where: { userId: target.id, pageName: input.page } })
        } else {
          const hasAccess = input.access === 'allow'
          await tx.userPageAccess.upsert({
            where: { userId_pageName: { userId: target.id, pageName: input.page } },
            create: { userId: target.id, pageName: input.page, hasAccess },
            update: { hasAccess },
          })
        }
        await recordAudit(tx, actorOf(ctx), {
          action: AUDIT_ACTION[input.access],
          target: 'permission',
          targetId: `${target.id}:${input.page}`,
          targetUserId: target.id,
          metadata: { page: input.page, before, after },
        })
      })
      return result
    }),

  /**
   * Why a user can or cannot open each page: role default, override, effective access, the actions
   * their role grants there, and a sentence per page.
   */
  explain: pageProcedure('user_management', 'read')
    .input(ExplainInput)
    .query(async ({ ctx, input }) => {
      const user = await ctx.prisma.user.findUnique({
        where: { id: input.userId },
        select: {
          id: true,
          fullName: true,
          role: true,
          active: true,
          pageAccess: { select: { pageName: true, hasAccess: true } },
        },
      })
      if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
      const access = effectiveAccess(user.role, user.pageAccess)
      return {
        user: { id: user.id, fullName: user.fullName, role: user.role, active: user.active },
        pages: PAGES.map((page) => {
          const a = access[page]
          const roleText = `${ROLE_LABELS[user.role]} role ${a.roleDefault ? 'opens' : 'does not open'} ${PAGE_LABELS[page]} by default`
          const reason =
            a.override === 'inherit'
              ? `${roleText}.`
              : `An override ${a.override === 'allow' ? 'allows' : 'denies'} ${PAGE_LABELS[page]} (${roleText.charAt(0).toLowerCase()}${roleText.slice(1)}).`
          return { ...a, actions: a.access ? ROLE_ACTIONS[user.role] : [], reason }
        }),
      }
    }),
})
