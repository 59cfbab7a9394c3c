/**
 * `auth` router (product.md, API): sign-in, sign-out and `me`. Sign-in is the only public procedure.
 */
import { TRPCError } from '@trpc/server'
import { recordAudit } from '#server/audit.server.ts'
import { verifyPassword } from '#server/auth/password.server.ts'
import { PAGES } from '#shared/permissions/policy.ts'
import { assertNotLimited } from '#server/rate-limit.server.ts'
import { LoginInput } from '#shared/schemas/auth.ts'
import { actorOf, authedProcedure, enforceRateLimit, publicProcedure, router } from '#server/trpc.ts'

/** The one message for every failed sign-in (product.md, Security baseline: do not reveal which part was wrong). */
export const INVALID_CREDENTIALS = 'Invalid email or password.'

export const authRouter = router({
  /**
   * Signs in with email + password. On success starts a fresh session (ending the one this browser
   * had), sets the session cookie and audits `login`. Bad credentials, unknown email and inactive
   * users all get UNAUTHORIZED with INVALID_CREDENTIALS and an audited `login_failed`. Too many
   * failures per email+IP or per IP: TOO_MANY_REQUESTS with `Retry-After` (product.md, Security baseline).
   */
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const { limits } = ctx.services
    const ipKey = ctx.ip ?? 'unknown'
    const emailIpKey = `${input.email}|${ipKey}`
    await enforceRateLimit(ctx, async () => {
      await assertNotLimited(limits.loginByEmailIp, emailIpKey)
      await assertNotLimited(limits.loginByIp, ipKey)
    })

    const user = await ctx.prisma.user.findUnique({ where: { email: input.email } })
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password)
    if (!user || !passwordOk || !user.active) {
      const reason = !user ? 'unknown_email' : !passwordOk ? 'bad_password' : 'inactive'
      await ctx.prisma.$transaction(async (tx) => {
        await recordAudit(tx, { ...actorOf(ctx), actorId: null }, {
          action: 'login_failed',
          target: 'session',
          targetUserId: user?.id ?? null,
          metadata: { email: input.email, reason },
        })
      })
      // Count the failure; the check above refuses the next attempt once a limit is used up.
      await Promise.all([limits.loginByEmailIp.penalty(emailIpKey), limits.loginByIp.penalty(ipKey)])
      throw new TRPCError({ code: 'UNAUTHORIZED', message: INVALID_CREDENTIALS })
    }

    const { cookie } = await ctx.prisma.$transaction(async (tx) => {
      if (ctx.session) await ctx.services.auth.invalidateSession(tx, ctx.session.id)
      const created = await ctx.services.auth.createSession(tx, user.id, { ipAddress: ctx.ip, userAgent: ctx.userAgent })
      await recordAudit(tx, { ...actorOf(ctx), actorId: user.id }, {
        action: 'login',
        target: 'session',
        targetId: created.sessionId.slice(0, 12),
        targetUserId: user.id,
        metadata: { email: user.email },
      })
      return created
    })
    await limits.loginByEmailIp.delete(emailIpKey)
    ctx.responseHeaders.append('Set-Cookie', cookie)
    return { user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role } }
  }),

  /** Ends the current session, clears the cookie and audits `logout`. Always allowed when signed in. */
  logout: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.prisma.$transaction(async (tx) => {
      await ctx.services.auth.invalidateSession(tx, ctx.session.id)
      await recordAudit(tx, actorOf(ctx), {
        action: 'logout',
        target: 'session',
        targetId: ctx.session.id.slice(0, 12),
        targetUserId: ctx.user.id,
      })
    })
    ctx.responseHeaders.append('Set-Cookie', ctx.services.auth.blankCookie())
    return { ok: true as const }
  }),

  /** The signed-in user, their effective page access (product.md, Permissions) and their CASL ability rules. */
  me: authedProcedure.query(({ ctx }) => ({
    user: ctx.user,
    pages: PAGES.map((p) => ctx.pages[p]!),
    rules: ctx.ability.rules,
  })),
})
