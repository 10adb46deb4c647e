// "The role can do nothing but invoke": whether a role's identity policies (with its permissions
// boundary as a limit) allow any action other than invoking Lambda functions, decided over the
// whole action × resource space rather than over sample requests.
//
// Actions and resources are strings matched by patterns, so a finite set of witnesses stands for
// all of them (string-witnesses.ts): one action per combination of the policies' Action/NotAction
// patterns it matches, one resource per combination of their Resource/NotResource patterns. Each
// witness pair is put to the library's own statement matcher (statement.ts), so the analysis reads
// patterns exactly as the evaluator does. Conditions count as "could be true" on an Allow and
// "could be false" on a Deny: only an unconditional Deny (or the boundary) takes an action away.
// A statement the matcher cannot read leaves the answer undecided, never passed.

import { globMatches, isRecord, isUnknown, type Tri } from './logic.js'
import { evaluateDocument, prepare, type StatementResult } from './statement.js'
import { arnTokens, type Comparison, globTokens, stringWitnesses } from './string-witnesses.js'
import type { NamedPolicy, PolicyDocument, Request } from './types.js'

/** What an API Connect role needs: invoking functions (IAM's actions for Invoke, InvokeAsync and function URLs). */
export const INVOKE_ACTIONS = [
  'lambda:InvokeFunction',
  'lambda:InvokeAsync',
  'lambda:InvokeFunctionUrl'
] as const

interface BeyondInvoke {
  /** The statement's label: its policy's name, then its Sid or index. */
  statement: string
  /** Its Action patterns that allow more than invoke, or `NotAction: …` for a NotAction grant. */
  actions: string[]
  /** Its own Condition could keep it from applying (it still counts: it may be true). */
  conditional: boolean
}

interface OnlyInvokeAnalysis {
  decision: 'only-invoke' | 'more' | 'cannot-evaluate'
  /** Each Allow statement that allows an action beyond invoke (for `more`). */
  beyond: BeyondInvoke[]
  /** Why it could not be decided, or what could not be read next to a `more`. */
  undecided: string[]
}

interface OnlyInvokeInput {
  policies: readonly (PolicyDocument | NamedPolicy)[]
  boundary?: PolicyDocument | NamedPolicy
}

interface Doc {
  document: unknown
  prefix: string
  boundary: boolean
}

interface Judged {
  result: StatementResult
  boundary: boolean
}

const DEFAULT_BUDGET = 100_000
const INVOKE = new Set(INVOKE_ACTIONS.map(a => a.toLowerCase()))

export function canOnlyInvoke(
  input: OnlyInvokeInput,
  options: { roleArn?: string; budget?: number } = {}
): OnlyInvokeAnalysis {
  const budget = options.budget ?? DEFAULT_BUDGET
  const docs: Doc[] = [
    ...input.policies.map((p, i) => docOf(p, `policy ${i + 1}`, false)),
    ...(input.boundary ? [docOf(input.boundary, 'the permissions boundary', true)] : [])
  ]
  const statements = docs.flatMap(d => statementsOf(d.document))
  const actionPatterns = unique(statements.flatMap(s => patterns(s, 'Action', 'NotAction')))
  const actions = stringWitnesses(
    [...actionPatterns, ...INVOKE].map(p => ({
      tokens: globTokens(p.toLowerCase(), { wildcards: true })
    })),
    { budget }
  )
  if ('exceeded' in actions) return undecided(`the policies' actions: ${actions.exceeded}`)

  const request = (action: string, resource: string): Request => ({
    principal: { AWS: options.roleArn ?? 'arn:aws:iam::000000000000:role/r' },
    action,
    resource
  })
  const judge = (action: string, resource: string): Judged[] => {
    const setup = prepare(request(action, resource))
    if (!('caller' in setup)) return []
    return docs.flatMap(d =>
      evaluateDocument(
        d.document,
        { prefix: d.prefix },
        'identity',
        request(action, resource),
        setup
      ).map(result => ({ result, boundary: d.boundary }))
    )
  }

  const found = new Map<string, { result: StatementResult; actions: Set<string> }>()
  const doubts = new Set<string>()
  let definite = false
  const resourceCache = new Map<string, string[] | { exceeded: string }>()
  for (const { value: action } of actions.witnesses) {
    if (INVOKE.has(action)) continue
    // Resources only matter through the statements that may match this action.
    const relevant = judge(action, '*').filter(j => j.result.match?.action !== false)
    if (!relevant.some(j => !j.boundary && j.result.effect !== 'Deny')) continue
    const resources = resourceWitnesses(relevant, resourceCache, budget)
    if ('exceeded' in resources) return undecided(`the policies' resources: ${resources.exceeded}`)
    for (const resource of resources) {
      const judged = judge(action, resource)
      const allows = judged.filter(j => !j.boundary && mayAllow(j.result))
      const boundary = judged.filter(j => j.boundary)
      const bounded = boundary.length === 0 ? undefined : boundary.filter(j => mayAllow(j.result))
      if (allows.length === 0 || bounded?.length === 0) continue
      if (judged.some(j => certainlyDenies(j.result))) continue
      const firm =
        allows.some(j => isFirm(j.result)) &&
        (bounded === undefined || bounded.some(j => isFirm(j.result))) &&
        !judged.some(j => j.result.effect !== 'Allow' && unknownParts(j.result))
      if (firm) definite = true
      for (const j of allows) {
        if (!isFirm(j.result)) doubts.add(`${j.result.label}: ${whyUnknown(j.result)}`)
        const entry = found.get(j.result.label) ?? { result: j.result, actions: new Set() }
        entry.actions.add(action)
        found.set(j.result.label, entry)
      }
    }
  }
  const beyond = [...found.values()].map(({ result, actions }) => describeBeyond(result, actions))
  if (definite) return { decision: 'more', beyond, undecided: [...doubts] }
  if (beyond.length > 0) return { decision: 'cannot-evaluate', beyond, undecided: [...doubts] }
  return { decision: 'only-invoke', beyond: [], undecided: [] }
}

function docOf(policy: PolicyDocument | NamedPolicy, fallback: string, boundary: boolean): Doc {
  const named = isRecord(policy) && 'document' in policy && typeof policy.name === 'string'
  return named
    ? { document: (policy as NamedPolicy).document, prefix: (policy as NamedPolicy).name, boundary }
    : { document: policy, prefix: fallback, boundary }
}

function statementsOf(document: unknown): Record<string, unknown>[] {
  if (!isRecord(document)) return []
  const list = Array.isArray(document.Statement) ? document.Statement : [document.Statement]
  return list.filter(isRecord)
}

function patterns(statement: Record<string, unknown>, ...keys: string[]): string[] {
  return keys
    .map(k => statement[k])
    .flatMap(v => (Array.isArray(v) ? v : v === undefined ? [] : [v]))
    .filter((p): p is string => typeof p === 'string')
}

const unique = (list: string[]) => [...new Set(list)]

/**
 * Resources that decide every Resource/NotResource of these statements, whichever way a `*`
 * ending an ARN segment is read (within the segment, or beyond its colons): the patterns enter
 * both as ARN components and as plain globs, with "is an ARN" and "has six components" beside.
 */
function resourceWitnesses(
  relevant: Judged[],
  cache: Map<string, string[] | { exceeded: string }>,
  budget: number
): string[] | { exceeded: string } {
  const all = unique(
    relevant.flatMap(j => patterns(j.result.match?.statement ?? {}, 'Resource', 'NotResource'))
  ).sort()
  const key = all.join('\n')
  const cached = cache.get(key)
  if (cached) return cached
  const comparisons: Comparison[] = [
    { tokens: globTokens('arn:*', { wildcards: true }) },
    { tokens: globTokens('arn:*:*:*:*:*', { wildcards: true }) }
  ]
  for (const pattern of all) {
    if (pattern === '*') continue
    comparisons.push({ tokens: globTokens(pattern, { wildcards: true }) })
    comparisons.push({ tokens: arnTokens(pattern) })
    const parts = pattern.split(':').length
    if (parts < 6) comparisons.push({ tokens: arnTokens(pattern + ':*'.repeat(6 - parts)) })
  }
  const found = stringWitnesses(comparisons, { budget })
  // A request's resource is `*`, a name, or a whole ARN: never "arn:" with fewer components.
  const answer =
    'exceeded' in found
      ? found
      : unique(found.witnesses.filter(w => !w.matches[0] || w.matches[1]).map(w => w.value))
  cache.set(key, answer)
  return answer
}

/** An Allow (or a statement of unreadable Effect) whose action and resource may match. */
function mayAllow(result: StatementResult): boolean {
  if (result.effect === 'Deny') return false
  if (!result.match) return result.applies !== false
  return result.match.action !== false && result.match.resource !== false
}

/** A Deny that applies to the request whatever its context: no Condition, every part matching. */
function certainlyDenies(result: StatementResult): boolean {
  const m = result.match
  return (
    result.effect === 'Deny' &&
    m !== undefined &&
    m.statement.Condition === undefined &&
    m.principal === true &&
    m.action === true &&
    m.resource === true
  )
}

/** An Allow whose elements all match for certain (its Condition aside: it may be true). */
function isFirm(result: StatementResult): boolean {
  const m = result.match
  return (
    result.effect === 'Allow' &&
    m !== undefined &&
    m.principal === true &&
    m.action === true &&
    m.resource === true
  )
}

function unknownParts(result: StatementResult): boolean {
  const m = result.match
  if (!m) return true
  return [m.principal, m.action, m.resource].some(p => typeof p === 'object')
}

function whyUnknown(result: StatementResult): string {
  const m = result.match
  const parts: unknown[] = m ? [m.principal, m.action, m.resource] : [result.applies]
  for (const part of parts) {
    if (isUnknown(part)) return part.unknown
    if (isRecord(part) && isUnknown(part.invalid)) return part.invalid.unknown
  }
  return isUnknown(result.applies) ? result.applies.unknown : 'cannot evaluate'
}

function describeBeyond(result: StatementResult, actions: Set<string>): BeyondInvoke {
  const statement = result.match?.statement ?? {}
  const conditional = statement.Condition !== undefined
  if (statement.NotAction !== undefined) {
    const list = patterns(statement, 'NotAction')
    return { statement: result.label, actions: [`NotAction: ${list.join(', ')}`], conditional }
  }
  const matching = patterns(statement, 'Action').filter(p =>
    [...actions].some(a => globMatch(p, a) !== false)
  )
  return { statement: result.label, actions: matching.length ? matching : ['?'], conditional }
}

const globMatch = (pattern: string, action: string): Tri =>
  globMatches(pattern, action, new Map(), { wildcards: true, variables: false, ignoreCase: true })

function undecided(why: string): OnlyInvokeAnalysis {
  return { decision: 'cannot-evaluate', beyond: [], undecided: [why] }
}
