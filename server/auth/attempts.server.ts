/**
 * Password attempts (product.md, Security baseline: rate limits). Every check of a password — signing
 * in, or confirming the current password in settings — first takes one point from each limit that
 * applies, atomically in the limiter's store; an attempt refused by a limit costs no password hash.
 * So a burst of concurrent guesses, or a batch of calls in one request, gets at most the limit of
 * password checks. A success gives the points back (the per-email+IP counter starts over, the per-IP
 * daily budget is not spent by people who know their password).
 */
import type { Context } from '#server/context.server.ts'
import { consume } from '#server/rate-limit.server.ts'
import { enforceRateLimit } from '#server/trpc.ts'

export interface PasswordAttempt {
  /** The password was right: give back the points this attempt took. */
  succeeded(): Promise<void>
}

/**
 * Takes this attempt's points for `email` (lower-cased) from the request's IP, or throws
 * TOO_MANY_REQUESTS with `Retry-After` before anything else happens.
 */
export async function beginPasswordAttempt(ctx: Context, email: string): Promise<PasswordAttempt> {
  const { limits } = ctx.services
  const ipKey = ctx.ip ?? 'unknown'
  const emailIpKey = `${email}|${ipKey}`
  await enforceRateLimit(ctx, async () => {
    await consume(limits.loginByEmailIp, emailIpKey)
    await consume(limits.loginByIp, ipKey)
  })
  return {
    async succeeded() {
      await Promise.all([limits.loginByEmailIp.delete(emailIpKey), limits.loginByIp.reward(ipKey, 1)])
    },
  }
}
