import { createHash, randomBytes } from 'node:crypto'

/** Prefix of every secret the gateway issues: it makes a leaked secret easy to recognise and to scan for. */
export const SECRET_PREFIX = 'fo-'

/** Prefix of a stored hash; it names the algorithm so another one can be added later. */
export const HASH_PREFIX = 'sha256:'

/** Random bytes in a secret: 256 bits. */
const SECRET_BYTES = 32

/** A new secret: {@link SECRET_PREFIX} and 32 random bytes from the system CSPRNG, base64url (`fo-` + 43 characters). */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url')
}

/**
 * The SHA-256 digest of `secret` (32 bytes).
 *
 * A fast hash is enough here, unlike for passwords: slow KDFs (scrypt, Argon2) exist to make
 * guessing low-entropy human choices expensive. A gateway secret is 256 random bits, so a stolen
 * keys file cannot be reversed by guessing at any hashing speed, and a fast hash keeps every
 * request's lookup cheap (about a microsecond instead of tens of milliseconds).
 */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest()
}

/** The stored form of `secret`: `sha256:` and the lower-case hex SHA-256 digest. */
export function hashSecret(secret: string): string {
  return HASH_PREFIX + secretDigest(secret).toString('hex')
}
