/**
 * `auth` router (product.md, API): sign-in, sign-out and `me`. Sign-in is the only public procedure.
 */
import { TRPCError } from '@trpc/server'
import { recordAudit } from '#server/audit.server.ts'
import { verifyPassword } from '#server/auth/password.server.ts'
import { PAGES } from '#shared/permissions/policy.ts'
import { ChangePasswordInput, LoginInput, PasswordStrengthInput, UpdateProfileInput } from '#shared/schemas/auth.ts'
import { beginPasswordAttempt, rememberIp } from '#server/auth/attempts.server.ts'
import { failedSignIns } from '#server/metrics.server.ts'
import { hashPassword, needsRehash } from '#server/auth/password.server.ts'
import { assertStrongPassword, passwordStrength } from '#server/auth/strength.server.ts'
import { isUniqueViolation } from '#server/db-errors.ts'
import { actorOf, authedProcedure, fieldError, pageProcedure, publicProcedure, router } from '#server/trpc.ts'

/** The one message for every failed sign-in (product.md, Security baseline: do not reveal which part was wrong). */
export const INVALID_CREDENTIALS = 'Invalid email or password.'

export const authRouter = router({
  /**
   * Signs in with email + password. On success starts a fresh session (ending the one this browser
   * had), sets the session cookie and audits `login`. Bad credentials, unknown email and inactive
   * users all get UNAUTHORIZED with INVALID_CREDENTIALS and an audited `login_failed`. Every attempt
   * takes its rate-limit points before the password is checked (server/auth/attempts.server.ts):
   * past a limit, TOO_MANY_REQUESTS with `Retry-After` and no password check (product.md, Security
   * baseline: rate limits). The IP joins the account's known IPs; a hash made with weaker argon2
   * parameters is replaced.
   */
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.prisma.user.findUnique({ where: { email: input.email } })
    const attempt = await beginPasswordAttempt(ctx, input.email, user?.knownSignInIps ?? [])
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password)
    if (!user || !passwordOk || !user.active) {
      const reason = !user ? 'unknown_email' : !passwordOk ? 'bad_password' : 'inactive'
      failedSignIns.inc({ reason })
      await ctx.prisma.$transaction(async (tx) => {
        await recordAudit(
          tx,
          { ...actorOf(ctx), actorId: null },
          {
            action: 'login_failed',
            target: 'session',
            targetUserId: user?.id ?? null,
            metadata: { email: input.email, reason },
          },
        )
      })
      throw new TRPCError({ code: 'UNAUTHORIZED', message: INVALID_CREDENTIALS })
    }

    // Hash again now (outside the transaction) if the stored hash was made with weaker parameters.
    const upgradedHash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null
    const { cookie } = await ctx.prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: {
          knownSignInIps: rememberIp(user.knownSignInIps, ctx.ip),
          ...(upgradedHash ? { passwordHash: upgradedHash } : {}),
        },
      })
      if (ctx.session) await ctx.services.auth.invalidateSession(tx, ctx.session.id)
      const created = await ctx.services.auth.createSession(tx, user.id, {
        ipAddress: ctx.ip,
        userAgent: ctx.userAgent,
      })
      await recordAudit(
        tx,
        { ...actorOf(ctx), actorId: user.id },
        {
          action: 'login',
          target: 'session',
          targetId: created.sessionId.slice(0, 12),
          targetUserId: user.id,
          metadata: {
            email: user.email,
            ...(upgradedHash ? { passwordRehashed: true } : {}),
            ...(created.evicted ? { oldestSessionsEnded: created.evicted } : {}),
          },
        },
      )
      return created
    })
    await attempt.succeeded()
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

  /**
   * Updates one's own name and email and audits `profile_updated` with before/after (product.md,
   * Settings: profile). A new email needs the current password (checked like a sign-in, under the
   * same rate limits) and must be free: CONFLICT on `email` otherwise. Anyone who can open settings
   * may manage their own account, whatever their role's actions.
   */
  updateProfile: pageProcedure('settings', 'read')
    .input(UpdateProfileInput)
    .mutation(async ({ ctx, input }) => {
      const current = await ctx.prisma.user.findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { fullName: true, email: true, passwordHash: true, knownSignInIps: true },
      })
      const emailChanges = input.email !== current.email
      if (emailChanges) {
        if (!input.currentPassword)
          throw fieldError('BAD_REQUEST', 'currentPassword', 'Enter your current password to change your email.')
        const attempt = await beginPasswordAttempt(ctx, current.email, current.knownSignInIps)
        if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
          throw fieldError('BAD_REQUEST', 'currentPassword', 'That is not your current password.')
        }
        await attempt.succeeded()
      }
      const before: Record<string, string> = {}
      const after: Record<string, string> = {}
      for (const key of ['fullName', 'email'] as const) {
        if (input[key] !== current[key]) {
          before[key] = current[key]
          after[key] = input[key]
        }
      }
      if (Object.keys(after).length === 0) return { fullName: current.fullName, email: current.email }
      return ctx.prisma
        .$transaction(async (tx) => {
          const user = await tx.user.update({
            where: { id: ctx.user.id },
            data: after,
            select: { fullName: true, email: true },
          })
          await recordAudit(tx, actorOf(ctx), {
            action: 'profile_updated',
            target: 'user',
            targetId: ctx.user.id,
            targetUserId: ctx.user.id,
            metadata: { before, after },
          })
          return user
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw fieldError('CONFLICT', 'email', 'Another account already uses this email.')
          throw e
        })
    }),

  /**
   * Changes one's own password (product.md, Settings: password): the current one must be right
   * (checked like a sign-in, under the same rate limits; a wrong one is a field message), the new one
   * at least 12 characters, not the current one, the email or the name, and rated at least 3 of 4 by
   * zxcvbn (server/auth/strength.server.ts). Every other session of
   * the user ends and this browser gets a new session id. Audits `password_changed` (no password or
   * hash in the metadata).
   */
  changePassword: pageProcedure('settings', 'read')
    .input(ChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.prisma.user.findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { email: true, fullName: true, passwordHash: true, knownSignInIps: true },
      })
      const attempt = await beginPasswordAttempt(ctx, user.email, user.knownSignInIps)
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw fieldError('BAD_REQUEST', 'currentPassword', 'That is not your current password.')
      }
      await attempt.succeeded()
      assertStrongPassword(input.newPassword, [user.email, user.fullName], 'newPassword')
      const passwordHash = await hashPassword(input.newPassword)
      const { cookie, ended } = await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash } })
        const ended = await ctx.services.auth.invalidateUserSessions(tx, ctx.user.id, ctx.session.id)
        await ctx.services.auth.invalidateSession(tx, ctx.session.id)
        const created = await ctx.services.auth.createSession(tx, ctx.user.id, {
          ipAddress: ctx.ip,
          userAgent: ctx.userAgent,
        })
        await recordAudit(tx, actorOf(ctx), {
          action: 'password_changed',
          target: 'user',
          targetId: ctx.user.id,
          targetUserId: ctx.user.id,
          metadata: { otherSessionsEnded: ended, newSession: created.sessionId.slice(0, 12) },
        })
        return { cookie: created.cookie, ended }
      })
      ctx.responseHeaders.append('Set-Cookie', cookie)
      return { otherSessionsEnded: ended }
    }),

  /**
   * How guessable a new password is (zxcvbn, on the server so its dictionaries stay out of the
   * browser): `{ score (0-4), acceptable, feedback }`, the same verdict the procedures that set a
   * password apply. `email` and `fullName` default to the caller's own. A mutation so the password
   * travels in the body, never in a URL.
   */
  passwordStrength: authedProcedure
    .input(PasswordStrengthInput)
    .mutation(({ ctx, input }) =>
      passwordStrength(input.password, [input.email ?? ctx.user.email, input.fullName ?? ctx.user.fullName]),
    ),
})
