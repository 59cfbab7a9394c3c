/**
 * Password hashing with argon2id (@node-rs/argon2, whose default algorithm is argon2id; product.md, Security baseline).
 */
import { hash, verify } from '@node-rs/argon2'

/** Hashes a password into a PHC string (`$argon2id$v=19$…`). ≈ 50 ms on this machine. */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
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
    dummyHash ??= hash(crypto.randomUUID())
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}
