// The policy documents of the role API Connect assumes, decided without any AWS call: the trust
// statement, its merge into a live trust policy, the per-function invoke grant, semantic
// comparison and IAM's size quota.
import { createHash } from 'node:crypto'
import type { PolicyDocument, PolicyStatement } from '../iam-policy/index.js'

const GRANT_SID = 'ApiConnectInvokeFunction'
/** The one Sid this action gave its trust statement before statements were per principal. */
export const LEGACY_TRUST_SID = 'ApiConnectAssumeRole'
const VERSION = '2012-10-17'
/** IAM's default "Role trust policy length" quota; whitespace does not count. */
export const TRUST_POLICY_QUOTA = 2048

export interface TrustTarget {
  /** IBM's API Connect role (or the principal the user named). */
  principalArn: string
  /** The provider organization id. */
  externalId: string
}

/**
 * Our statement's identity in a trust policy shared with others is its principal: one statement
 * per IBM principal, so jobs for two API Connect regions sharing a role keep each other's trust.
 * IAM wants a Sid unique in the policy and made of [A-Za-z0-9] only, hence a hash.
 */
export function trustSid(principalArn: string): string {
  return `ApiConnect${createHash('sha256').update(principalArn).digest('hex').slice(0, 8)}`
}

/** Allow the principal to assume the role, only when it presents the external id. */
export function apiConnectStatement({ principalArn, externalId }: TrustTarget): PolicyStatement {
  return {
    Sid: trustSid(principalArn),
    Effect: 'Allow',
    Principal: { AWS: principalArn },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': externalId } }
  }
}

export function trustPolicy(target: TrustTarget): PolicyDocument {
  return { Version: VERSION, Statement: [apiConnectStatement(target)] }
}

/** `invoke-NAME@REGION`: per function, so jobs sharing a role never overwrite each other's grant. */
export function grantPolicyName(functionName: string, region: string): string {
  return `invoke-${functionName}@${region}`
}

/** `lambda:InvokeFunction` on the function and its versions and aliases, nothing else. */
export function grantPolicy(functionArn: string): PolicyDocument {
  return {
    Version: VERSION,
    Statement: [
      {
        Sid: GRANT_SID,
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [functionArn, `${functionArn}:*`]
      }
    ]
  }
}

export const statementsOf = (doc: PolicyDocument): PolicyStatement[] => list(doc.Statement)

/** IAM counts a policy's characters without whitespace. */
export function policySize(doc: PolicyDocument): number {
  return JSON.stringify(doc).replace(/\s/g, '').length
}

// --- merging ---------------------------------------------------------------------------------

interface TrustMerge {
  document: PolicyDocument
  /** The Sid of our statement for this principal. */
  sid: string
  /** What happened to our statement. */
  statement: 'present' | 'added' | 'updated'
  /**
   * External ids that our statement for this principal pinned and no longer does: another
   * provider org (or an old one) lost its trust.
   */
  replacedExternalIds: string[]
  /** Labels of statements that trusted the principal without the external id; it was taken out. */
  unconditioned: string[]
  /** Labels of statements that trust any principal without the external id (left as they are). */
  open: string[]
  /**
   * Principals someone added to our statement, as written: never dropped, they are kept in a
   * statement of their own (Sid `<ours>Other`), for verification to report.
   */
  kept: string[]
  /** False when the merged document means the same as the live one. */
  changed: boolean
}

/**
 * Adds or updates our statement for the principal and keeps every other statement. Ours is the
 * one under the principal's Sid (or under the legacy Sid, naming this principal alone): it is
 * replaced in place, so a changed external id never leaves the old one trusted. A statement
 * equivalent to ours under any other Sid counts as present. A statement that trusts the principal
 * without pinning the external id (the confused deputy) loses that principal: the statement is
 * dropped when nothing else is left in it. Other principals someone added to our statement keep
 * what it gave them, in a statement of their own: merging never drops a principal silently.
 */
export function mergeTrustPolicy(live: PolicyDocument, target: TrustTarget): TrustMerge {
  const ours = apiConnectStatement(target)
  const sid = ours.Sid as string
  const unconditioned: string[] = []
  const open: string[] = []
  const kept: string[] = []
  const replaced = new Set<string>()
  const statements: PolicyStatement[] = []
  let placed = false // our statement is in `statements`
  let rewritten = false // …and differs from what the live policy had under our identity
  let equivalent = false // a statement under another Sid already does the job

  for (const [index, original] of statementsOf(live).entries()) {
    const label = original.Sid ?? `Statement[${index}]`
    if (isOurs(original, target.principalArn)) {
      const same = sameStatement({ ...original, Sid: sid }, ours)
      if (!same && trustsWithoutExternalId(original, target.principalArn)) unconditioned.push(label)
      else for (const id of externalIdsOf(original)) if (id !== target.externalId) replaced.add(id)
      // IAM wants Sids unique: a second statement of ours (legacy and new) is folded into the first.
      if (placed || !same) rewritten = true
      if (!placed) statements.push(same ? original : ours)
      placed = true
      const others = same
        ? undefined
        : original.Principal === '*'
          ? original
          : withoutPrincipal(original, target.principalArn)
      if (others) {
        kept.push(...principalsOf(others))
        statements.push({ ...others, Sid: `${sid}Other` })
      }
      continue
    }
    if (trustsWithoutExternalId(original, target.principalArn)) {
      unconditioned.push(label)
      const narrowed = withoutPrincipal(original, target.principalArn)
      if (narrowed) statements.push(narrowed)
      continue
    }
    if (trustsWithoutExternalId(original, '*')) open.push(label)
    // A hand-made copy of our statement (no Sid, or another one) already does the job.
    if (sameStatement({ ...original, Sid: sid }, ours)) equivalent = true
    statements.push(original)
  }
  if (!placed && !equivalent) statements.push(ours)

  const document: PolicyDocument = { ...live, Statement: statements }
  return {
    document,
    sid,
    statement: placed ? (rewritten ? 'updated' : 'present') : equivalent ? 'present' : 'added',
    replacedExternalIds: [...replaced],
    unconditioned,
    open,
    kept,
    changed: !policiesEqual(live, document)
  }
}

/** Our statement for the principal: under its Sid, or under the legacy Sid naming it alone. */
function isOurs(statement: PolicyStatement, principalArn: string): boolean {
  if (statement.Sid === trustSid(principalArn)) return true
  const principals = awsPrincipals(statement)
  return (
    statement.Sid === LEGACY_TRUST_SID &&
    principals.length > 0 &&
    principals.every(p => p === principalArn)
  )
}

/** The sts:ExternalId values a statement's conditions name, whatever the operator. */
function externalIdsOf(statement: PolicyStatement): string[] {
  return Object.values(statement.Condition ?? {}).flatMap(keys =>
    Object.entries(keys)
      .filter(([key]) => key.toLowerCase() === 'sts:externalid')
      .flatMap(([, values]) => list(values).map(String))
  )
}

/**
 * An Allow of sts:AssumeRole whose Principal names `principal` (or is `*` when asked about `*`)
 * with no condition that pins sts:ExternalId to exact values.
 */
export function trustsWithoutExternalId(statement: PolicyStatement, principal: string): boolean {
  if (statement.Effect !== 'Allow' || !allowsAssumeRole(statement)) return false
  if (!awsPrincipals(statement).includes(principal)) return false
  return !pinsExternalId(statement)
}

function allowsAssumeRole(statement: PolicyStatement): boolean {
  const hit = (patterns: string | string[] | undefined) =>
    list(patterns).some(pattern => wildcard(pattern).test('sts:AssumeRole'))
  if (statement.Action !== undefined) return hit(statement.Action)
  return statement.NotAction !== undefined && !hit(statement.NotAction)
}

function awsPrincipals(statement: PolicyStatement): string[] {
  const { Principal } = statement
  if (Principal === '*') return ['*']
  return Principal ? list(Principal.AWS) : []
}

// Exact-match operators only: IfExists, ForAllValues and wildcards let a request through without
// the right external id.
const PINNING = /^(ForAnyValue:)?String(Equals|EqualsIgnoreCase|Like)$/

function pinsExternalId(statement: PolicyStatement): boolean {
  return Object.entries(statement.Condition ?? {}).some(
    ([operator, keys]) =>
      PINNING.test(operator) &&
      Object.entries(keys).some(
        ([key, values]) =>
          key.toLowerCase() === 'sts:externalid' &&
          list(values).length > 0 &&
          list(values).every(v => !(operator.endsWith('Like') && /[*?]/.test(String(v))))
      )
  )
}

/** Every principal a statement names, as written (`*` for everyone). */
function principalsOf(statement: PolicyStatement): string[] {
  const { Principal } = statement
  if (Principal === undefined) return []
  if (Principal === '*') return ['*']
  return Object.values(Principal).flatMap(value => list(value))
}

/** The statement without `principal` among its AWS principals; undefined when nothing is left. */
function withoutPrincipal(
  statement: PolicyStatement,
  principal: string
): PolicyStatement | undefined {
  const { Principal } = statement
  if (Principal === undefined || Principal === '*') return undefined
  const aws = list(Principal.AWS).filter(p => p !== principal)
  const rest = Object.fromEntries(Object.entries(Principal).filter(([kind]) => kind !== 'AWS'))
  const narrowed = aws.length === 0 ? rest : { ...rest, AWS: aws.length === 1 ? aws[0] : aws }
  return Object.keys(narrowed).length === 0 ? undefined : { ...statement, Principal: narrowed }
}

// --- semantic comparison ---------------------------------------------------------------------

/**
 * True when two documents mean the same to IAM: key order, whitespace, a single value versus a
 * one-element array, the order of statements and of values, duplicates, the case of actions and
 * condition keys, and a missing Version (IAM reads it as 2008-10-17) do not count.
 */
export function policiesEqual(a: PolicyDocument, b: PolicyDocument): boolean {
  return canonicalPolicy(a) === canonicalPolicy(b)
}

export function canonicalPolicy(doc: PolicyDocument): string {
  const statements = statementsOf(doc).map(canonicalStatement).sort()
  return stableJson({ ...doc, Version: doc.Version ?? '2008-10-17', Statement: statements })
}

const sameStatement = (a: PolicyStatement, b: PolicyStatement): boolean =>
  canonicalStatement(a) === canonicalStatement(b)

function canonicalStatement(statement: PolicyStatement): string {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(statement)) {
    if (value === undefined) continue
    switch (key) {
      case 'Action':
      case 'NotAction':
        out[key] = valueSet(value, v => v.toLowerCase())
        break
      case 'Resource':
      case 'NotResource':
        out[key] = valueSet(value)
        break
      case 'Principal':
      case 'NotPrincipal':
        out[key] = value === '*' ? '*' : mapValues(value as object, v => valueSet(v))
        break
      case 'Condition':
        out[key] = mapValues(value as object, keys =>
          Object.fromEntries(
            Object.entries(keys as object).map(([k, v]) => [k.toLowerCase(), valueSet(v)])
          )
        )
        break
      default:
        out[key] = value
    }
  }
  return stableJson(out)
}

function valueSet(value: unknown, normalize: (v: string) => string = v => v): string[] {
  return [...new Set(list(value).map(v => normalize(String(v))))].sort()
}

function mapValues(object: object, fn: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]))
}

/** JSON with object keys sorted at every level. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  )
}

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** IAM action patterns: `*` and `?`, case-insensitive. */
function wildcard(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`, 'i')
}
