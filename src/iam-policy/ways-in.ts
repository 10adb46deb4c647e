// The result of the trust analysis as typed data: the target's decision, every way in other
// than the target request (grouped by statement, principal as written, external-ID situation
// and condition; the kinds of caller that get in are listed in each group), what could not be decided, and the verdict those make together.
// Declared extra principals (`accepted`) mark their ways in as accepted; `*`, NotPrincipal and
// IBM's own principal with another or no external ID never are. Another published API Connect
// principal (`apiConnectPrincipals`) with exactly this org's external ID is API Connect for this
// org in another region; with any other external ID, or none, it is IBM's principal let in wrongly.

import { isUnknown } from './logic.js'
import { callerOf, principalMatches, principalValues } from './principals.js'
import { ASSUME_ROLE, type Candidate, type PrincipalKind } from './principal-space.js'
import { clauses, type TrialValue } from './request-space.js'
import type { Request } from './types.js'

export interface TargetDecision {
  decision: 'allowed' | 'denied' | 'cannot-evaluate'
  /** Statements that allowed it (or denied it). */
  statements: string[]
  /** Unknown keys the decision depends on (cannot-evaluate). */
  dependsOn: string[]
  reason: string
  /** For cannot-evaluate: a request of the target that is allowed, and one that is not. */
  examples?: { allowed?: Request; notAllowed?: Request }
}

/**
 * How the external ID matters for a way in: any value (or none) works; only none; only this
 * org's ID; only other, specific IDs; or the action takes none (web identity, SAML).
 */
export type ExternalIdSituation = 'any' | 'none' | 'this-org' | 'another' | 'not-applicable'

export interface WayIn {
  /** Sid, or `Statement[i]`. */
  statement: string
  /** As the statement writes it: the entries that let the caller in, `*`, or "everyone except ...". */
  principal: string
  /** The kind of the first caller that gets in; `kinds` lists them all (an account: root, roles, users). */
  kind: PrincipalKind
  kinds: PrincipalKind[]
  /** Callers that got in, e.g. a fresh account's root (at most three). */
  examples: string[]
  actions: string[]
  externalId: ExternalIdSituation
  /** External IDs that work ("(none)" for none), when specific. */
  externalIds: string[]
  /** Under which values of unknown keys it works, in words; undefined when under all. */
  condition?: string
  dependsOn: string[]
  /** IBM's regional principal with another or no external ID: never acceptable. */
  ibmOtherExternalId: boolean
  /**
   * Another published API Connect principal (another region) with exactly this org's external ID:
   * API Connect for this org, not somebody else.
   */
  apiConnect: boolean
  accepted: boolean
  /** One concrete request that gets in this way (as the evaluator takes it). */
  witness: Request
}

export interface TrustAnalysis {
  target: TargetDecision
  waysIn: WayIn[]
  /** Why parts of the request space could not be decided: each makes the verdict undecided. */
  undecided: string[]
}

export interface Finding {
  statement: Record<string, unknown>
  label: string
  candidate: Candidate
  action: string
  /** The first request that gets in. */
  request: Request
  /** The external IDs tried that get in; undefined when no statement involved tests it. */
  externalIds?: TrialValue[]
  /** The ID that matches no constant of the policy, when there is one. */
  freshExternalId?: TrialValue
  /** Whether it gets in under every value of the other unknown keys. */
  unconditional: boolean
  varying: string[]
  keyNames: ReadonlyMap<string, string>
  denies: { statement: Record<string, unknown>; label: string }[]
}

/** The external ID's condition key, as the request context holds it (lower case). */
export const EXTERNAL_ID = 'sts:externalid'
const SHOWN = 3

export function assembleWaysIn(
  target: { externalId: string },
  options: {
    roleArn: string
    accepted?: readonly string[]
    apiConnectPrincipals?: readonly string[]
  },
  findings: readonly Finding[],
  undecided: string[],
  targetDecision: TargetDecision | undefined
): TrustAnalysis {
  const partition = options.roleArn.split(':')[1] ?? 'aws'
  const normal = (p: string) =>
    /^\d{12}$/.test(p.trim()) ? `arn:${partition}:iam::${p.trim()}:root` : p.trim()
  const accepted = new Set((options.accepted ?? []).map(normal))
  const published = new Set(options.apiConnectPrincipals ?? [])
  const groups = new Map<string, WayIn>()
  for (const finding of findings) {
    const written = writtenPrincipal(finding)
    // A session of a published API Connect role (the caller is named by its role).
    const { candidate } = finding
    const apiConnectRole =
      finding.action === ASSUME_ROLE &&
      (candidate.target || (candidate.kind === 'role' && published.has(candidate.name)))
    const { situation, ids } = externalIdOf(finding, target.externalId)
    const apiConnect = apiConnectRole && !candidate.target && situation === 'this-org'
    const ibm = apiConnectRole && !apiConnect
    const { condition, dependsOn } = conditionOf(finding)
    const principal = written.entries.join(', ') || written.text
    const key = [finding.label, principal, situation, condition, ibm, apiConnect].join('|')
    const group = groups.get(key) ?? {
      statement: finding.label,
      principal: written.text,
      kind: finding.candidate.kind,
      kinds: [],
      examples: [],
      actions: [],
      externalId: situation,
      externalIds: [],
      ...(condition ? { condition } : {}),
      dependsOn,
      ibmOtherExternalId: ibm,
      apiConnect,
      accepted: !ibm && !apiConnect && written.entries.some(e => accepted.has(normal(e))),
      witness: finding.request
    }
    addUnique(group.kinds, [finding.candidate.kind], Infinity)
    addUnique(group.examples, [finding.candidate.name])
    addUnique(group.actions, [finding.action], Infinity)
    addUnique(group.externalIds, ids)
    groups.set(key, group)
  }
  const target_ = targetDecision ?? {
    decision: 'cannot-evaluate' as const,
    statements: [],
    dependsOn: [],
    reason: undecided[0] ?? 'not analysed'
  }
  return { target: target_, waysIn: [...groups.values()], undecided }
}

interface TrustVerdict {
  verdict: 'pass' | 'fail' | 'cannot-evaluate'
  /** The ways in that fail the check (neither accepted nor API Connect for this org). */
  failing: WayIn[]
}

/** Passes only when the target is allowed, every way in is accepted, and nothing is undecided. */
export function trustVerdict(analysis: TrustAnalysis): TrustVerdict {
  const failing = analysis.waysIn.filter(w => !w.accepted && !w.apiConnect)
  if (analysis.target.decision === 'denied' || failing.length > 0)
    return { verdict: 'fail', failing }
  if (analysis.target.decision !== 'allowed' || analysis.undecided.length > 0) {
    return { verdict: 'cannot-evaluate', failing }
  }
  return { verdict: 'pass', failing }
}

/** The entries of the statement's principal element that let this caller in. */
function writtenPrincipal(finding: Finding): { text: string; entries: string[] } {
  const { statement, candidate } = finding
  if (statement.NotPrincipal !== undefined) {
    return {
      text: `everyone except ${principalValues(statement.NotPrincipal).join(', ')}`,
      entries: []
    }
  }
  const element = statement.Principal
  if (element === '*') return { text: '*', entries: [] }
  const caller = callerOf(candidate.principal)
  const entries: string[] = []
  if (typeof element === 'object' && element !== null && !isUnknown(caller)) {
    for (const [kind, values] of Object.entries(element)) {
      for (const value of [values].flat()) {
        if (typeof value !== 'string') continue
        if (kind === 'AWS' && value === '*') return { text: '*', entries: [] }
        if (principalMatches({ [kind]: value }, caller) !== false) entries.push(value)
      }
    }
  }
  return { text: entries.join(', ') || principalValues(element).join(', '), entries }
}

function externalIdOf(
  finding: Finding,
  ours: string
): { situation: ExternalIdSituation; ids: string[] } {
  if (finding.action !== ASSUME_ROLE) return { situation: 'not-applicable', ids: [] }
  const values = finding.externalIds
  if (!values) return { situation: 'any', ids: [] }
  const shown = (v: TrialValue) => (v === undefined ? '(none)' : String(v))
  if (values.some(v => v === finding.freshExternalId)) return { situation: 'any', ids: [] }
  if (values.every(v => v === undefined)) return { situation: 'none', ids: ['(none)'] }
  if (values.every(v => v === ours)) return { situation: 'this-org', ids: [ours] }
  return { situation: 'another', ids: [...new Set(values.filter(v => v !== ours).map(shown))] }
}

/** Under which values of the unknown keys the way in works: undefined when under all of them. */
function conditionOf(finding: Finding): { condition?: string; dependsOn: string[] } {
  if (finding.unconditional) return { dependsOn: [] }
  const varying = new Set(finding.varying.filter(k => k !== EXTERNAL_ID))
  const named = (k: string) => finding.keyNames.get(k) ?? k
  const words = (statement: Record<string, unknown>) =>
    clauses(statement)
      .filter(([, key]) => varying.has(key.toLowerCase()))
      .map(
        ([op, key, values]) =>
          `${key} ${op} ${JSON.stringify(values.length === 1 ? values[0] : values)}`
      )
  const when = words(finding.statement)
  const unless = finding.denies
    .map(d => ({ label: d.label, words: words(d.statement) }))
    .filter(d => d.words.length > 0)
    .map(d => `unless "${d.label}" denies it (${d.words.join(' and ')})`)
  const parts = [...(when.length ? [`when ${when.join(' and ')}`] : []), ...unless]
  return {
    condition: parts.join(', ') || 'for some values of the unknown keys',
    dependsOn: [...varying].map(named)
  }
}

function addUnique<T>(list: T[], items: T[], max = SHOWN): void {
  for (const item of items) if (!list.includes(item) && list.length < max) list.push(item)
}
