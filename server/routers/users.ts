/**
 * `users` router (product.md, API): list, byId, create, update, setActive, delete. Page `user_management`.
 * Admins manage everyone; other roles that were allowed user_management list all users but create,
 * edit and delete only users whose role is below their own, assign only roles below their own on
 * creation and never change roles (product.md, Permissions). Every change is audited in its transaction (product.md, Audit log).
 */
import { TRPCError } from '@trpc/server'
import { recordAudit } from '#server/audit.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import { isUniqueViolation } from '#server/db-errors.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { asUser } from '#shared/permissions/ability.ts'
import { assertNotLastActiveAdmin } from '#server/permissions/guards.server.ts'
import { effectiveAccess, type Role } from '#shared/permissions/policy.ts'
import { UserCreateInput, UserIdInput, UserListInput, UserSetActiveInput, UserUpdateInput } from '#shared/schemas/users.ts'
import { countWindow, offsetWindow, paginated } from '#server/pagination.ts'
import { publicUserSelect, userSearchWhere } from '#server/queries/users.ts'
import { actorOf, enforceRateLimit, fieldError, pageProcedure, router } from '#server/trpc.ts'
import { assertStrongPassword } from '#server/auth/strength.server.ts'
import { consume } from '#server/rate-limit.server.ts'

async function loadUser(db: DbTx, id: string) {
  const user = await db.user.findUnique({ where: { id }, select: publicUserSelect })
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
  return user
}

const VERBS = { update: 'edit', deactivate: 'deactivate', delete: 'delete' } as const

/**
 * FORBIDDEN unless the ability allows `action` on `target` (product.md, Permissions: non-admins
 * change only users below their own role; nobody deactivates or deletes their own account).
 */
function assertCanChange(ctx: Context, action: keyof typeof VERBS, target: { role: Role; id: string }) {
  if (!ctx.ability.can(action, asUser(target))) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        target.id === ctx.user?.id
          ? `You cannot ${VERBS[action]} your own account.`
          : `You can only ${VERBS[action]} users whose role is below your own.`,
    })
  }
}

/**
 * The unique index on `users.email` is the one check for taken emails (product.md, Data); its violation
 * (Prisma P2002) becomes CONFLICT on the email field, so races need no special case.
 */
function mapUniqueViolation(e: unknown): never {
  if (isUniqueViolation(e)) throw fieldError('CONFLICT', 'email', 'A user with this email already exists.')
  throw e
}

/**
 * The users list's order: the chosen column, then name for role and status (ties read in name order),
 * then id; ties follow the sort's direction so one index read forwards or backwards serves it.
 */
function userOrder(sort: { field: string; direction: 'asc' | 'desc' }): Prisma.UserOrderByWithRelationInput[] {
  const d = sort.direction
  return sort.field === 'role' || sort.field === 'active' ? [{ [sort.field]: d }, { fullName: d }, { id: d }] : [{ [sort.field]: d }, { id: d }]
}

export const usersRouter = router({
  /**
   * Users matching `search` (name or email, case-insensitive), `role` and `active`, sorted and
   * paginated in the database (pageSize ≤ 100). Returns `{ items, total, page, pageSize, pageCount }`.
   */
  list: pageProcedure('user_management', 'read')
    .input(UserListInput)
    .query(async ({ ctx, input }) => {
      const where: Prisma.UserWhereInput = { ...userSearchWhere(input.search, input.role), active: input.active }
      const [total, items] = await Promise.all([
        ctx.prisma.user.count({ where, orderBy: userOrder(input.sort), ...countWindow(input) }),
        ctx.prisma.user.findMany({
          where,
          select: publicUserSelect,
          orderBy: userOrder(input.sort),
          ...offsetWindow(input),
        }),
      ])
      return paginated(items, total, input)
    }),

  /** One user with their overrides and effective page access. NOT_FOUND if missing. */
  byId: pageProcedure('user_management', 'read')
    .input(UserIdInput)
    .query(async ({ ctx, input }) => {
      const user = await ctx.prisma.user.findUnique({
        where: { id: input.id },
        select: { ...publicUserSelect, pageAccess: { select: { pageName: true, hasAccess: true } } },
      })
      if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
      const { pageAccess, ...rest } = user
      return { ...rest, overrides: pageAccess, pages: effectiveAccess(user.role, pageAccess) }
    }),

  /**
   * Creates a user (argon2id password hash) and audits `user_created`. FORBIDDEN when a non-admin
   * assigns a role that is not below their own; CONFLICT (field `email`) when the email is taken.
   */
  create: pageProcedure('user_management', 'create')
    .input(UserCreateInput)
    .mutation(async ({ ctx, input }) => {
      if (!ctx.ability.can('create', asUser({ role: input.role }))) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only assign roles below your own.' })
      }
      await enforceRateLimit(ctx, () => consume(ctx.services.limits.userCreates, `user:${ctx.user.id}`))
      assertStrongPassword(input.password, [input.email, input.fullName], 'password')
      const passwordHash = await hashPassword(input.password)
      return ctx.prisma
        .$transaction(async (tx) => {
          const user = await tx.user.create({
            data: { email: input.email, fullName: input.fullName, role: input.role, active: input.active, passwordHash },
            select: publicUserSelect,
          })
          await recordAudit(tx, actorOf(ctx), {
            action: 'user_created',
            target: 'user',
            targetId: user.id,
            targetUserId: user.id,
            metadata: { after: { email: user.email, fullName: user.fullName, role: user.role, active: user.active } },
          })
          return user
        })
        .catch(mapUniqueViolation)
    }),

  /**
   * Edits name, email, role or password. Audits `role_changed` when the role changes, else
   * `user_updated`, with before/after of the changed fields. A password reset ends the user's other
   * sessions. Only admins change roles, never their own; the last active admin cannot be demoted
   * (product.md, Permissions).
   */
  update: pageProcedure('user_management', 'update')
    .input(UserUpdateInput)
    .mutation(async ({ ctx, input }) => {
      const target = await loadUser(ctx.prisma, input.id)
      assertCanChange(ctx, 'update', target)
      const roleChanges = input.role !== undefined && input.role !== target.role
      if (roleChanges && !ctx.ability.can('grant', asUser(target))) {
        throw fieldError('FORBIDDEN', 'role', target.id === ctx.user.id ? 'You cannot change your own role.' : 'Only admins can change roles.')
      }

      const before: Record<string, unknown> = {}
      const after: Record<string, unknown> = {}
      const data: Prisma.UserUpdateInput = {}
      for (const field of ['email', 'fullName', 'role'] as const) {
        const value = input[field]
        if (value !== undefined && value !== target[field]) {
          before[field] = target[field]
          after[field] = value
          ;(data as Record<string, unknown>)[field] = value
        }
      }
      const passwordChanged = Boolean(input.password)
      if (passwordChanged) {
        assertStrongPassword(input.password!, [input.email ?? target.email, input.fullName ?? target.fullName], 'password')
        data.passwordHash = await hashPassword(input.password!)
      }
      if (Object.keys(data).length === 0) return target

      return ctx.prisma
        .$transaction(async (tx) => {
          if (roleChanges && input.role !== 'admin') await assertNotLastActiveAdmin(tx, target.id, 'demote')
          const user = await tx.user.update({ where: { id: target.id }, data, select: publicUserSelect })
          if (passwordChanged) {
            await ctx.services.auth.invalidateUserSessions(tx, target.id, target.id === ctx.user.id ? ctx.session.id : undefined)
          }
          await recordAudit(tx, actorOf(ctx), {
            action: roleChanges ? 'role_changed' : 'user_updated',
            target: 'user',
            targetId: user.id,
            targetUserId: user.id,
            metadata: { before, after, passwordChanged },
          })
          return user
        })
        .catch(mapUniqueViolation)
    }),

  /**
   * Activates or deactivates a user and audits `user_activated` / `user_deactivated`. Deactivation
   * ends all their sessions at once. You cannot deactivate yourself or the last active admin.
   */
  setActive: pageProcedure('user_management', 'update')
    .input(UserSetActiveInput)
    .mutation(async ({ ctx, input }) => {
      const target = await loadUser(ctx.prisma, input.id)
      assertCanChange(ctx, input.active ? 'update' : 'deactivate', target)
      if (target.active === input.active) return target
      return ctx.prisma.$transaction(async (tx) => {
        if (!input.active) {
          await assertNotLastActiveAdmin(tx, target.id, 'deactivate')
          await ctx.services.auth.invalidateUserSessions(tx, target.id)
        }
        const user = await tx.user.update({ where: { id: target.id }, data: { active: input.active }, select: publicUserSelect })
        await recordAudit(tx, actorOf(ctx), {
          action: input.active ? 'user_activated' : 'user_deactivated',
          target: 'user',
          targetId: user.id,
          targetUserId: user.id,
          metadata: { before: { active: target.active }, after: { active: user.active } },
        })
        return user
      })
    }),

  /** Deletes a user (their sessions and overrides go with them) and audits `user_deleted`. */
  delete: pageProcedure('user_management', 'delete')
    .input(UserIdInput)
    .mutation(async ({ ctx, input }) => {
      const target = await loadUser(ctx.prisma, input.id)
      assertCanChange(ctx, 'delete', target)
      await ctx.prisma.$transaction(async (tx) => {
        await assertNotLastActiveAdmin(tx, target.id, 'delete')
        await recordAudit(tx, actorOf(ctx), {
          action: 'user_deleted',
          target: 'user',
          targetId: target.id,
          targetUserId: target.id,
          metadata: { before: { email: target.email, fullName: target.fullName, role: target.role, active: target.active } },
        })
        await tx.user.delete({ where: { id: target.id } })
      })
      return { id: target.id, fullName: target.fullName }
    }),
})
