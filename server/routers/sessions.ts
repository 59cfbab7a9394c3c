/**
 * `sessions` router (product.md, API). Own sessions need access to the settings page (they are managed
 * there); another user's sessions are admin-only (`grant` on user_management).
 */
import { TRPCError } from '@trpc/server'
import { recordAudit } from '#server/audit.server.ts'
import { describeDevice } from '#server/auth/device.server.ts'
import { plainIp } from '#shared/ip.ts'
import { RevokeSessionInput, UserSessionsInput } from '#shared/schemas/sessions.ts'
import { actorOf, pageProcedure, router } from '#server/trpc.ts'

const sessionSelect = {
  id: true,
  userId: true,
  ipAddress: true,
  userAgent: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
} as const

export const sessionsRouter = router({
  /** The caller's sessions, newest first, with the device in words and `current` marking this one. */
  mine: pageProcedure('settings', 'read').query(async ({ ctx }) => {
    const rows = await ctx.prisma.session.findMany({
      where: { userId: ctx.user.id },
      select: sessionSelect,
      orderBy: { createdAt: 'desc' },
      take: 100,
    })
    return rows.map((s) => ({
      ...s,
      ipAddress: plainIp(s.ipAddress),
      device: describeDevice(s.userAgent),
      current: s.id === ctx.session.id,
    }))
  }),

  /**
   * Ends one session and audits `session_revoked`: one's own, or (admins, from a user's page) anyone's.
   * Someone else's session is NOT_FOUND for everyone else, exactly like a session that has ended.
   * That user's next request, on any instance, is signed out.
   */
  revoke: pageProcedure('settings', 'read')
    .input(RevokeSessionInput)
    .mutation(async ({ ctx, input }) => {
      const anyone = ctx.ability.can('grant', 'user_management')
      const session = await ctx.prisma.session.findFirst({
        where: { id: input.id, ...(anyone ? {} : { userId: ctx.user.id }) },
        select: { id: true, userId: true },
      })
      if (!session) throw new TRPCError({ code: 'NOT_FOUND', message: 'That session has already ended.' })
      await ctx.prisma.$transaction(async (tx) => {
        await ctx.services.auth.invalidateSession(tx, session.id)
        await recordAudit(tx, actorOf(ctx), {
          action: 'session_revoked',
          target: 'session',
          targetId: session.id.slice(0, 12),
          targetUserId: session.userId,
        })
      })
      if (session.id === ctx.session.id) ctx.responseHeaders.append('Set-Cookie', ctx.services.auth.blankCookie())
      return { revoked: 1 }
    }),

  /** Ends every session of the caller except this one and audits `logout_all` with the count. */
  revokeOthers: pageProcedure('settings', 'read').mutation(async ({ ctx }) => {
    const revoked = await ctx.prisma.$transaction(async (tx) => {
      const count = await ctx.services.auth.invalidateUserSessions(tx, ctx.user.id, ctx.session.id)
      await recordAudit(tx, actorOf(ctx), {
        action: 'logout_all',
        target: 'session',
        targetUserId: ctx.user.id,
        metadata: { revoked: count, keptCurrent: true },
      })
      return count
    })
    return { revoked }
  }),

  /** Admin: a user's sessions. */
  forUser: pageProcedure('user_management', 'grant')
    .input(UserSessionsInput)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.prisma.session.findMany({
        where: { userId: input.userId },
        select: sessionSelect,
        orderBy: { createdAt: 'desc' },
        take: 100,
      })
      return rows.map((s) => ({ ...s, ipAddress: plainIp(s.ipAddress), device: describeDevice(s.userAgent) }))
    }),

  /**
   * Admin: ends every session of a user (signs them out everywhere, on their next request on any
   * instance) and audits `logout_all`.
   */
  revokeAllForUser: pageProcedure('user_management', 'grant')
    .input(UserSessionsInput)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } })
      if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'That user no longer exists.' })
      const revoked = await ctx.prisma.$transaction(async (tx) => {
        const count = await ctx.services.auth.invalidateUserSessions(tx, user.id)
        await recordAudit(tx, actorOf(ctx), {
          action: 'logout_all',
          target: 'session',
          targetUserId: user.id,
          metadata: { revoked: count },
        })
        return count
      })
      return { revoked }
    }),
})
