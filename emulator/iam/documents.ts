// What IAM checks before it stores a name or a policy document, with IAM's error wording.
import { ServiceError } from '../protocols/errors.js'
import { validationError } from '../protocols/query.js'
import type { EmulatorContext } from '../core/context.js'

const NAME_PATTERN = /^[\w+=,.@-]+$/

/** Role names (max 64) and policy names (max 128) share one pattern. */
export function validateName(value: string, member: string, maxLength: number): void {
  if (!NAME_PATTERN.test(value)) {
    throw validationError(
      `Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`
    )
  }
  if (value.length > maxLength) {
    throw validationError(
      `Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`
    )
  }
}

export function validatePath(path: string): void {
  if (path !== '/' && !/^\/[\u0021-\u007E]+\/$/.test(path)) {
    throw validationError(
      `Value '${path}' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)`
    )
  }
}

function malformed(message: string): ServiceError {
  return new ServiceError(400, 'MalformedPolicyDocument', message)
}

/**
 * Principals IAM would accept: account ids and root ARNs, "*", service principals, roles and users
 * the emulator knows (its own roles, its configured callers, the seeded external principals) and
 * sessions of those roles.
 */
export function principalExists(ctx: EmulatorContext, value: string): boolean {
  if (value === '*' || /^\d{12}$/.test(value) || /^arn:aws:iam::\d{12}:root$/.test(value))
    return true
  const known = [
    ...[...ctx.state.iam.roles.values()].map(role => role.arn),
    ctx.config.callerArn,
    ...ctx.config.identities.values(),
    ...ctx.config.externalPrincipals
  ]
  if (known.includes(value)) return true
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(value)
  if (!session) return false
  const [, account, roleName] = session
  return known.some(
    arn => arn.startsWith(`arn:aws:iam::${account}:role/`) && arn.endsWith(`/${roleName}`)
  )
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

function validatePrincipal(ctx: EmulatorContext, element: unknown): void {
  if (element === '*') return
  if (element === null || typeof element !== 'object' || Array.isArray(element)) {
    throw malformed('Invalid principal in policy')
  }
  for (const [kind, values] of Object.entries(element)) {
    for (const value of toList(values)) {
      const ok =
        typeof value === 'string' &&
        (kind === 'AWS'
          ? principalExists(ctx, value)
          : kind === 'Service'
            ? /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(value)
            : kind === 'Federated' || kind === 'CanonicalUser')
      if (!ok) {
        const label = kind === 'AWS' ? 'AWS' : kind.toUpperCase()
        throw malformed(`Invalid principal in policy: "${label}":"${String(value)}"`)
      }
    }
  }
}

function validateStatement(ctx: EmulatorContext, statement: unknown, kind: 'trust' | 'identity') {
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
    throw malformed('Syntax errors in policy.')
  }
  const s = statement as Record<string, unknown>
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Syntax errors in policy.')
  if (s.Action === undefined && s.NotAction === undefined) {
    throw malformed('Policy statement must contain actions.')
  }
  if (s.Condition !== undefined && (typeof s.Condition !== 'object' || s.Condition === null)) {
    throw malformed('Syntax errors in policy.')
  }
  if (kind === 'identity') {
    if (s.Principal !== undefined || s.NotPrincipal !== undefined) {
      throw malformed('Policy document should not specify a principal.')
    }
    if (s.Resource === undefined && s.NotResource === undefined) {
      throw malformed('Policy statement must contain resources.')
    }
    return
  }
  if (s.Resource !== undefined) throw malformed('Has prohibited field Resource.')
  if (s.Principal === undefined && s.NotPrincipal === undefined) {
    throw malformed('Missing required field Principal.')
  }
  if (s.Principal !== undefined) validatePrincipal(ctx, s.Principal)
  if (s.NotPrincipal !== undefined) validatePrincipal(ctx, s.NotPrincipal)
}

// IAM's default quota for a trust policy, counted without whitespace.
const TRUST_POLICY_MAX = 2048

/** Throws MalformedPolicyDocument (or LimitExceeded) unless IAM would store the document. */
export function validatePolicyDocument(
  ctx: EmulatorContext,
  text: string,
  kind: 'trust' | 'identity'
): void {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw malformed('This policy contains invalid Json')
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw malformed('Syntax errors in policy.')
  }
  const { Version, Statement } = doc as Record<string, unknown>
  if (Version === undefined || Statement === undefined) throw malformed('Syntax errors in policy.')
  if (Version !== '2012-10-17' && Version !== '2008-10-17') {
    throw malformed('The policy failed legacy parsing')
  }
  const statements = toList(Statement)
  if (statements.length === 0) throw malformed('Syntax errors in policy.')
  for (const statement of statements) validateStatement(ctx, statement, kind)
  if (kind === 'trust' && text.replace(/\s/g, '').length > TRUST_POLICY_MAX) {
    throw new ServiceError(
      409,
      'LimitExceeded',
      `Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_MAX}`
    )
  }
}
