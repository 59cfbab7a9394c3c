/**
 * Password attempts (product.md, Security baseline: rate limits). Every check of a password — signing
 * in, or confirming the current password in settings — first takes one point from each limit that
 * applies, atomically in the limiter's store, so a burst of concurrent guesses or a batch of calls in
 * one request gets at most the limit of password checks, and an attempt refused by a limit costs no
 * password hash. The limits:
 * - per email+IP and per IP (the guesser at one address);
 * - per account, for attempts from IPs that never signed in to that account: a guess spread over
 *   many IPs is slowed, while the owner, from an IP they signed in from before, is not locked out.
 * A success gives the points back and remembers the IP as known for the account.
 */
import type { Context } from '#server/context.server.ts'
import { consume } from '#server/rate-limit.server.ts'
import { enforceRateLimit } from '#server/trpc.ts'

/** How many recent sign-in IPs an account remembers as known. */
export const KNOWN_IPS_KEPT = 5

export interface PasswordAttempt {
  /** The password was right: give back the points this attempt took. */
  succeeded(): Promise<void>
}

/**
 * Takes this attempt's points for `email` (lower-cased) from the request's IP, or throws
 * TOO_MANY_REQUESTS with `Retry-After` before anything else happens. `knownIps` are the IPs the
 * account signed in from before (exempt from the per-account limit).
 */
export async function beginPasswordAttempt(
  ctx: Context,
  email: string,
  knownIps: readonly string[] = [],
): Promise<PasswordAttempt> {
  const { limits } = ctx.services
  const ip = ctx.ip ?? 'unknown'
  const emailIpKey = `${email}|${ip}`
  const fromKnownIp = knownIps.includes(ip)
  await enforceRateLimit(ctx, async () => {
    await consume(limits.loginByEmailIp, emailIpKey)
    await consume(limits.loginByIp, ip)
    if (!fromKnownIp) await consume(limits.loginByAccount, email)
  })
  return {
    async succeeded() {
      await Promise.all([
        limits.loginByEmailIp.delete(emailIpKey),
        limits.loginByIp.reward(ip, 1),
        fromKnownIp ? null : limits.loginByAccount.reward(email, 1),
      ])
    },
  }
}

/** `ip` first, then the other known IPs, at most KNOWN_IPS_KEPT. */
export function rememberIp(knownIps: readonly string[], ip: string | null): string[] {
  if (!ip) return [...knownIps]
  return [ip, ...knownIps.filter((k) => k !== ip)].slice(0, KNOWN_IPS_KEPT)
}
