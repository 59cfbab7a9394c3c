/**
 * Password hashing with argon2id (@node-rs/argon2; product.md, Security baseline: passwords).
 *
 * Parameters (ARGON2_PARAMS): 19 MiB of memory, 2 iterations, 1 degree of parallelism: OWASP's
 * recommended minimum for argon2id (Password Storage Cheat Sheet), about 50 ms a hash on this
 * machine. A stored hash made with weaker parameters is replaced on the next successful sign-in
 * (`needsRehash`).
 */
import { hash, verify } from '@node-rs/argon2'

/** `algorithm: 2` is `Algorithm.Argon2id` (a const enum, not importable with isolatedModules). */
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). ≈ 50 ms. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS)
}

/**
 * True when `storedHash` is not argon2id or was made with less memory, fewer iterations or less
 * parallelism than ARGON2_PARAMS, so it should be replaced by a fresh hash of the same password.
 */
export function needsRehash(storedHash: string): boolean {
  const m = storedHash.match(/^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/)
  if (!m) return true
  return (
    Number(m[1]) < ARGON2_PARAMS.memoryCost ||
    Number(m[2]) < ARGON2_PARAMS.timeCost ||
    Number(m[3]) < ARGON2_PARAMS.parallelism
  )
}

// A real hash of a random string: verifying against it when the email is unknown keeps the
// response time of "unknown email" close to "wrong password".
let dummyHash: Promise<string> | undefined

/**
 * Checks a password against a stored PHC hash. With `storedHash` null (unknown user) it still spends
 * the time of one verification and returns false. Never throws on a malformed hash; returns false.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword(crypto.randomUUID())
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}
