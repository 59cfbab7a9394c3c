/**
 * `users` router (product.md, API): list, byId, create, update, setActive, delete. Page `user_management`.
 * Admins manage everyone; other roles that were allowed user_management list all users but create,
 * edit and delete only users whose role is below their own, assign only roles below their own on
 * creation and never change roles (product.md, Permissions). Every change is audited in its transaction (product.md, Audit log).
 * Edits, activation and deletion are server/users/changes.server.ts (under the user's row lock).
 */
import { TRPCError } from '@trpc/server'
import { recordAudit } from '#server/audit.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import { asUser } from '#shared/permissions/ability.ts'
import { effectiveAccess } from '#shared/permissions/policy.ts'
import {
  UserCreateInput,
  UserIdInput,
  UserListInput,
  UserSetActiveInput,
  UserUpdateInput,
} from '#shared/schemas/users.ts'
import { offsetPage } from '#server/pagination.ts'
import { publicUserSelect, userSearchWhere } from '#server/queries/users.ts'
import { actorOf, enforceRateLimit, pageProcedure, router } from '#server/trpc.ts'
import { assertStrongPassword } from '#server/auth/strength.server.ts'
import { consume } from '#server/rate-limit.server.ts'
import { deleteUser, mapUniqueViolation, setUserActive, updateUser } from '#server/users/changes.server.ts'

/**
 * The users list's order: the chosen column, then name for role and status (ties read in name order),
 * then id; ties follow the sort's direction so one index read forwards or backwards serves it.
 */
function userOrder(sort: { field: string; direction: 'asc' | 'desc' }): Prisma.UserOrderByWithRelationInput[] {
  const d = sort.direction
  return sort.field === 'role' || sort.field === 'active'
    ? [{ [sort.field]: d }, { fullName: d }, { id: d }]
    : [{ [sort.field]: d }, { id: d }]
}

export const usersRouter = router({
  /**
   * Users matching `search` (name or email, case-insensitive), `role` and `active`, sorted and
   * paginated in the database (pageSize ≤ 100). Returns `{ items, total, page, pageSize, pageCount }`.
   */
  list: pageProcedure('user_management', 'read')
    .input(UserListInput)
    .query(({ ctx, input }) => {
      const query = {
        where: { ...userSearchWhere(input.search, input.role), active: input.active },
        orderBy: userOrder(input.sort),
      }
      return offsetPage(input, {
        count: (window) => ctx.prisma.user.count({ ...query, ...window }),
        rows: (window) => ctx.prisma.user.findMany({ ...query, select: publicUserSelect, ...window }),
      })
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
            data: {
              email: input.email,
              fullName: input.fullName,
              role: input.role,
              active: input.active,
              passwordHash,
            },
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
    .mutation(({ ctx, input }) => updateUser(ctx, input)),

  /**
   * Activates or deactivates a user and audits `user_activated` / `user_deactivated`. Deactivation
   * ends all their sessions at once. You cannot deactivate yourself or the last active admin.
   */
  setActive: pageProcedure('user_management', 'update')
    .input(UserSetActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx, input)),

  /** Deletes a user (their sessions and overrides go with them) and audits `user_deleted`. */
  delete: pageProcedure('user_management', 'delete')
    .input(UserIdInput)
    .mutation(({ ctx, input }) => deleteUser(ctx, input.id)),
})
