// Reads a policy document as IAM returns it: raw JSON, or URL-encoded JSON.
import { isRecord } from './logic.js'
import type { PolicyDocument } from './types.js'

/**
 * Reads a policy document as IAM returns it: raw JSON, or URL-encoded JSON (GetRole,
 * GetRolePolicy and GetPolicyVersion return the latter). Throws if it is neither.
 */
export function parsePolicyDocument(text: string): PolicyDocument {
  const trimmed = text.trim()
  const candidates = [trimmed]
  if (!trimmed.startsWith('{')) {
    for (const encoded of [trimmed, trimmed.replace(/\+/g, ' ')]) {
      try {
        candidates.push(decodeURIComponent(encoded))
      } catch {
        // Not valid percent-encoding: try the next reading.
      }
    }
  }
  for (const candidate of candidates) {
    try {
      const parsed: unknown = JSON.parse(candidate)
      if (isRecord(parsed) && 'Statement' in parsed) return parsed as unknown as PolicyDocument
    } catch {
      // Not JSON: try the next reading.
    }
  }
  throw new Error(
    'not an IAM policy document: expected JSON, or URL-encoded JSON, with a Statement'
  )
}
