/**
 * Changes to a user account (product.md, Permissions and Audit log): edit, activate/deactivate and
 * delete, each in one transaction that reads the user under its row lock (`SELECT … FOR UPDATE`), so
 * the permission checks and the audit's `before` see the state the change replaces, even when two
 * people change the same user at once; the second waits and then sees the first one's result.
 *
 * Lock order: a change that could remove an admin (a role other than admin asked for, a
 * deactivation, a deletion) takes the admin-guard lock first, then the user row
 * (docs/decisions/0002-advisory-lock-for-last-admin-guard.md).
 *
 * Admins manage everyone; other roles that were allowed user_management change only users whose role
 * is below their own and never change roles; nobody deactivates or deletes their own account, and the
 * last active admin cannot be demoted, deactivated or deleted (product.md, Permissions).
 */
import { TRPCError } from '@trpc/server'
import { asUser } from '#shared/permissions/ability.ts'
import type { Role } from '#shared/permissions/policy.ts'
import type { UserSetActiveInput, UserUpdateInput } from '#shared/schemas/users.ts'
import type * as z from 'zod/mini'
import { changesOf, recordAudit } from '#server/audit.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { assertStrongPassword } from '#server/auth/strength.server.ts'
import type { Context } from '#server/context.server.ts'
import type { DbTx } from '#server/db.server.ts'
import { isUniqueViolation } from '#server/db-errors.ts'
import { fieldError } from '#server/errors.server.ts'
import { assertNotLastActiveAdmin, lockAdminGuard } from '#server/permissions/guards.server.ts'
import { lockRow } from '#server/queries/locks.ts'
import { publicUserSelect } from '#server/queries/users.ts'
import { actorOf } from '#server/trpc.ts'

/** A signed-in request's context (what a `pageProcedure` resolver gets). */
export type SignedInContext = Context & { user: NonNullable<Context['user']>; session: NonNullable<Context['session']> }

/** Locks the user's row `FOR UPDATE` inside `tx` and reads it (`publicUserSelect`); NOT_FOUND when gone. */
export async function lockUser(tx: DbTx, id: string) {
  if (!(await lockRow(tx, 'users', id)))
    throw new TRPCError({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
  return tx.user.findUniqueOrThrow({ where: { id }, select: publicUserSelect })
}

const VERBS = { update: 'edit', deactivate: 'deactivate', delete: 'delete' } as const

/**
 * FORBIDDEN unless the ability allows `action` on `target` (product.md, Permissions: non-admins
 * change only users below their own role; nobody deactivates or deletes their own account).
 */
function assertCanChange(ctx: SignedInContext, action: keyof typeof VERBS, target: { role: Role; id: string }) {
  if (!ctx.ability.can(action, asUser(target))) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        target.id === ctx.user.id
          ? `You cannot ${VERBS[action]} your own account.`
          : `You can only ${VERBS[action]} users whose role is below your own.`,
    })
  }
}

/**
 * The unique index on `users.email` is the one check for taken emails (product.md, Data); its violation
 * (Prisma P2002) becomes CONFLICT on the email field, so races need no special case. Rethrows anything else.
 */
export function mapUniqueViolation(e: unknown): never {
  if (isUniqueViolation(e)) throw fieldError('CONFLICT', 'email', 'A user with this email already exists.')
  throw e
}

/**
 * Edits name, email, role or password (the `users.update` input). Audits `role_changed` when the role
 * changes, else `user_updated`, with before/after of the changed fields (`changesOf`) and
 * `passwordChanged`. A password reset ends the user's other sessions. Returns the user as saved; a
 * no-op writes nothing and returns them as they are.
 * Throws NOT_FOUND (gone), FORBIDDEN (may not edit them; field `role` when only admins may change it
 * or it is one's own; the last active admin), BAD_REQUEST on `password` (too weak), CONFLICT on
 * `email` (taken).
 */
export async function updateUser(ctx: SignedInContext, input: z.output<typeof UserUpdateInput>) {
  return ctx.prisma
    .$transaction(async (tx) => {
      const mayDemote = input.role !== undefined && input.role !== 'admin'
      if (mayDemote) await lockAdminGuard(tx)
      const target = await lockUser(tx, input.id)
      assertCanChange(ctx, 'update', target)
      const change = changesOf(
        { email: target.email, fullName: target.fullName, role: target.role },
        { email: input.email, fullName: input.fullName, role: input.role },
      )
      const roleChanges = 'role' in change.after
      if (roleChanges && !ctx.ability.can('grant', asUser(target))) {
        throw fieldError(
          'FORBIDDEN',
          'role',
          target.id === ctx.user.id ? 'You cannot change your own role.' : 'Only admins can change roles.',
        )
      }
      const passwordChanged = Boolean(input.password)
      if (passwordChanged)
        assertStrongPassword(
          input.password!,
          [input.email ?? target.email, input.fullName ?? target.fullName],
          'password',
        )
      if (!change.changed && !passwordChanged) return target

      if (roleChanges && mayDemote) await assertNotLastActiveAdmin(tx, target.id, 'demote')
      // Hashed under the row lock (about 50 ms): the strength check needs the name and email as saved.
      const passwordHash = passwordChanged ? await hashPassword(input.password!) : undefined
      const user = await tx.user.update({
        where: { id: target.id },
        data: { ...change.data, passwordHash },
        select: publicUserSelect,
      })
      if (passwordChanged)
        await ctx.services.auth.invalidateUserSessions(
          tx,
          target.id,
          target.id === ctx.user.id ? ctx.session.id : undefined,
        )
      await recordAudit(tx, actorOf(ctx), {
        action: roleChanges ? 'role_changed' : 'user_updated',
        target: 'user',
        targetId: user.id,
        targetUserId: user.id,
        metadata: { before: change.before, after: change.after, passwordChanged },
      })
      return user
    })
    .catch(mapUniqueViolation)
}

/**
 * Activates or deactivates a user (the `users.setActive` input) and audits `user_activated` /
 * `user_deactivated` with before/after. Deactivation ends all their sessions at once. Setting the
 * current state writes nothing. FORBIDDEN for oneself, a user one may not change, or the last active admin.
 */
export async function setUserActive(ctx: SignedInContext, input: z.output<typeof UserSetActiveInput>) {
  return ctx.prisma.$transaction(async (tx) => {
    if (!input.active) await lockAdminGuard(tx)
    const target = await lockUser(tx, input.id)
    assertCanChange(ctx, input.active ? 'update' : 'deactivate', target)
    const change = changesOf({ active: target.active }, { active: input.active })
    if (!change.changed) return target
    if (!input.active) {
      await assertNotLastActiveAdmin(tx, target.id, 'deactivate')
      await ctx.services.auth.invalidateUserSessions(tx, target.id)
    }
    const user = await tx.user.update({ where: { id: target.id }, data: change.data, select: publicUserSelect })
    await recordAudit(tx, actorOf(ctx), {
      action: input.active ? 'user_activated' : 'user_deactivated',
      target: 'user',
      targetId: user.id,
      targetUserId: user.id,
      metadata: { before: change.before, after: change.after },
    })
    return user
  })
}

/**
 * Deletes a user (their sessions and overrides go with them) and audits `user_deleted` with what they
 * were. Returns `{ id, fullName }`. FORBIDDEN for oneself, a user one may not change, or the last active admin.
 */
export async function deleteUser(ctx: SignedInContext, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    await lockAdminGuard(tx)
    const target = await lockUser(tx, id)
    assertCanChange(ctx, 'delete', target)
    await assertNotLastActiveAdmin(tx, target.id, 'delete')
    const { email, fullName, role, active } = target
    await recordAudit(tx, actorOf(ctx), {
      action: 'user_deleted',
      target: 'user',
      targetId: target.id,
      targetUserId: target.id,
      metadata: { before: { email, fullName, role, active } },
    })
    await tx.user.delete({ where: { id: target.id } })
    return { id: target.id, fullName: target.fullName }
  })
}
