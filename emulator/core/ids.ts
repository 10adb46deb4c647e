// Identifiers in the shapes AWS uses. Random (not seeded): nothing in a test should depend on them.
import { createHash, randomBytes, randomUUID } from 'node:crypto'

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function randomChars(length: number, alphabet: string): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const byte of bytes) out += alphabet[byte % alphabet.length]
  return out
}

/** IAM unique ids: AROA (role), ANPA (managed policy), AIDA (user), ASIA (session key). */
export function uniqueId(prefix: 'AROA' | 'ANPA' | 'AIDA' | 'ASIA'): string {
  return prefix + randomChars(prefix === 'ASIA' ? 16 : 17, UPPER_ALNUM)
}

/** A stable AIDA id for a configured identity, so GetCallerIdentity answers the same each time. */
export function stableUserId(arn: string): string {
  const digest = createHash('sha256').update(arn).digest()
  let out = 'AIDA'
  for (let i = 0; i < 17; i++) out += UPPER_ALNUM[digest[i] % UPPER_ALNUM.length]
  return out
}

export function secretKey(): string {
  return randomBytes(30).toString('base64')
}

export function requestId(): string {
  return randomUUID()
}

export function revisionId(): string {
  return randomUUID()
}

export function s3VersionId(): string {
  return randomChars(32, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
}
