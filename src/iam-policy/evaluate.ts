// A pure IAM policy evaluator: decides a request against a role's trust policy, or against a
// role's identity policies and permissions boundary, following IAM's documented evaluation
// logic (an explicit Deny wins, then an Allow, else the request is implicitly denied).
//
// What it cannot decide it says so: an unknown condition operator, a policy variable without a
// value, a malformed statement... make the answer `cannot-evaluate` whenever they could change
// it — never `allowed`. A part that cannot change the answer (a condition that is unknown next to
// one that is false) does not.
//
// An implicit deny also says why: for each set of policies that allows nothing, the Allow
// statement that came closest and the first element (principal, action, resource, condition) it
// missed. Only the wording depends on that: the decision does not.

import { conditionMatches, failedCondition } from './conditions.js'
import {
  allOf,
  anyOf,
  arnMatches,
  arnParts,
  asList,
  type Context,
  contextFrom,
  globMatches,
  isUnknown,
  not,
  type Tri,
  unknown,
  type Unknown
} from './logic.js'
import {
  type Caller,
  callerContext,
  callerOf,
  notPrincipalMatches,
  principalMatches,
  principalValues
} from './principals.js'
import type { ContextValue, Evaluation, NamedPolicy, PolicyDocument, Request } from './types.js'

export type {
  ConditionBlock,
  ConditionValue,
  ContextValue,
  Decision,
  Evaluation,
  NamedPolicy,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  Request,
  RequestPrincipal
} from './types.js'

/**
 * Evaluates a resource policy — a role's trust policy — alone. For a cross-account caller IAM
 * also needs the caller's own identity policies to allow the call; those are not visible here.
 */
export function evaluateResourcePolicy(policy: PolicyDocument, request: Request): Evaluation {
  const setup = prepare(request)
  if ('decision' in setup) return setup
  const results = evaluateDocument(policy, {}, 'resource', request, setup)
  return decide([{ name: 'the policy', results }], request)
}

/**
 * Evaluates a principal's identity policies (inline and attached) and its permissions boundary:
 * the action must be allowed by the identity policies and, when there is one, by the boundary;
 * an explicit Deny in either wins.
 */
export function evaluateIdentityPolicies(
  input: {
    policies: readonly (PolicyDocument | NamedPolicy)[]
    boundary?: PolicyDocument | NamedPolicy
  },
  request: Request
): Evaluation {
  const setup = prepare(request)
  if ('decision' in setup) return setup
  const several = input.policies.length > 1
  const identity = input.policies.flatMap((policy, i) => {
    const source = isNamed(policy)
      ? { prefix: policy.name, title: `policy "${policy.name}"` }
      : several
        ? { prefix: `policy ${i + 1}`, title: `policy ${i + 1}` }
        : {}
    return evaluateDocument(documentOf(policy), source, 'identity', request, setup)
  })
  const groups: Group[] = [
    {
      name: 'the identity policies',
      results: identity,
      noAction: `no identity policy allows ${request.action}`
    }
  ]
  if (input.boundary) {
    const boundary = input.boundary
    const title = isNamed(boundary)
      ? `the permissions boundary "${boundary.name}"`
      : 'the permissions boundary'
    const prefix = isNamed(boundary) ? boundary.name : 'boundary'
    groups.push({
      name: 'the permissions boundary',
      results: evaluateDocument(
        documentOf(boundary),
        { prefix, title },
        'identity',
        request,
        setup
      ),
      noAction: `${title} does not allow ${request.action}`
    })
  }
  return decide(groups, request)
}

/** How one statement matches one request: what the searches over many requests need. */
export interface StatementOutcome {
  label: string
  effect: 'Allow' | 'Deny' | 'unknown'
  /** The whole statement, and its principal and action alone (context-independent). */
  applies: Tri
  principal: Tri
  action: Tri
}

/**
 * Every statement of a policy against one request, without the wording work of a decision:
 * for the analyses that put many requests to the same policy (who-can-assume.ts).
 */
export function statementOutcomes(
  policy: PolicyDocument,
  request: Request,
  kind: PolicyKind = 'resource'
): StatementOutcome[] | Unknown {
  const setup = prepare(request)
  if ('decision' in setup) return unknown(setup.reason)
  const asTri = (part: Part | undefined): Tri =>
    part === undefined ? true : isInvalid(part) ? part.invalid : part
  return evaluateDocument(policy, {}, kind, request, setup).map(result => ({
    label: result.label,
    effect: result.effect,
    applies: result.applies,
    principal: asTri(result.match?.principal),
    action: asTri(result.match?.action)
  }))
}

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

// --- one statement -----------------------------------------------------------------------------

export type PolicyKind = 'resource' | 'identity'

interface Setup {
  caller: Caller
  context: Context
}

interface Environment {
  context: Context
  variables: boolean
}

interface StatementResult {
  label: string
  effect: 'Allow' | 'Deny' | 'unknown'
  applies: Tri
  /** How each element matched, to explain a statement that does not apply. */
  match?: Match
}

/** Where statements come from: `prefix` labels them, `title` names their policy in a sentence. */
interface Source {
  prefix?: string
  title?: string
}

function prepare(request: Request): Setup | Evaluation {
  const caller = callerOf(request.principal)
  if (isUnknown(caller)) {
    return { decision: 'cannot-evaluate', statements: [], reason: caller.unknown }
  }
  // IAM's own keys for the caller first, so that the request's context can override them.
  const context = contextFrom({ ...callerContext(caller), ...request.context })
  return { caller, context }
}

function evaluateDocument(
  document: unknown,
  source: Source,
  kind: PolicyKind,
  request: Request,
  setup: Setup
): StatementResult[] {
  const named = (label: string) => (source.prefix ? `${source.prefix}: ${label}` : label)
  if (!isRecord(document) || !('Statement' in document)) {
    const applies = unknown('not a policy document (no Statement)')
    return [{ label: named('policy'), effect: 'unknown', applies }]
  }
  // Policy variables exist only in policy language version 2012-10-17; before, `${` is literal.
  const variables = document.Version === '2012-10-17'
  const statements = asList(document.Statement)
  return statements.map((statement, i) => {
    const sid = isRecord(statement) && typeof statement.Sid === 'string' ? statement.Sid : ''
    const local = sid || `Statement[${i}]`
    const label = named(local)
    if (!isRecord(statement)) {
      return { label, effect: 'unknown', applies: unknown('statement is not an object') }
    }
    const effect =
      statement.Effect === 'Allow' || statement.Effect === 'Deny' ? statement.Effect : 'unknown'
    const env = { context: setup.context, variables }
    const match = matchStatement(statement, kind, request, setup.caller, env)
    const applies = allOf([
      effect === 'unknown'
        ? unknown(`Effect ${JSON.stringify(statement.Effect)} is not Allow or Deny`)
        : true,
      statementApplies(match)
    ])
    // A policy of one statement is named by its policy alone.
    const subject = !source.title
      ? `statement "${local}"`
      : statements.length === 1
        ? source.title
        : `${source.title}, statement "${local}"`
    return { label, effect, applies, match: { ...match, subject, statement, env } }
  })
}

/** How each element of a statement matches a request, and what a report calls the statement. */
interface Match {
  kind: PolicyKind
  principal: Part
  action: Part
  resource: Part
  condition: Tri
  subject: string
  statement: Record<string, unknown>
  env: Environment
}
type Parts = Pick<Match, 'kind' | 'principal' | 'action' | 'resource' | 'condition'>

function matchStatement(
  statement: Record<string, unknown>,
  kind: PolicyKind,
  request: Request,
  caller: Caller,
  env: Environment
): Parts {
  return {
    kind,
    principal: principalPart(statement, kind, caller),
    action: element(statement, 'Action', 'NotAction', true, pattern =>
      actionMatches(pattern, request.action)
    ),
    resource: element(statement, 'Resource', 'NotResource', kind === 'identity', pattern =>
      resourceMatches(pattern, request.resource, env)
    ),
    condition: conditionMatches(statement.Condition, env)
  }
}

function statementApplies(match: Parts): Tri {
  // An invalid statement (IAM would not have stored it) is Unknown as a whole.
  const parts = [match.principal, match.action, match.resource]
  const invalid = parts.find(isInvalid)
  if (invalid) return invalid.invalid
  return allOf([...(parts as Tri[]), match.condition])
}

/** A statement part: how it matches, or why the statement is invalid. */
type Part = Tri | Invalid
interface Invalid {
  invalid: Unknown
}
const isInvalid = (part: Part): part is Invalid => typeof part === 'object' && 'invalid' in part

function principalPart(statement: Record<string, unknown>, kind: PolicyKind, caller: Caller): Part {
  const has = (key: string) => statement[key] !== undefined
  if (kind === 'identity') {
    return has('Principal') || has('NotPrincipal')
      ? { invalid: unknown('an identity policy statement cannot have Principal or NotPrincipal') }
      : true
  }
  if (has('Principal') === has('NotPrincipal')) {
    return {
      invalid: unknown('a resource policy statement needs one of Principal or NotPrincipal')
    }
  }
  return has('Principal')
    ? principalMatches(statement.Principal, caller)
    : notPrincipalMatches(statement.NotPrincipal, caller)
}

/** Action/NotAction or Resource/NotResource: exactly one of them, or neither when optional. */
function element(
  statement: Record<string, unknown>,
  key: string,
  notKey: string,
  required: boolean,
  matches: (pattern: string) => Tri
): Part {
  const [positive, negative] = [statement[key], statement[notKey]]
  if (positive !== undefined && negative !== undefined) {
    return { invalid: unknown(`a statement cannot have both ${key} and ${notKey}`) }
  }
  if (positive === undefined && negative === undefined) {
    return required ? { invalid: unknown(`the statement has no ${key} or ${notKey}`) } : true
  }
  const patterns = asList(positive ?? negative)
  if (patterns.length === 0 || patterns.some(p => typeof p !== 'string')) {
    return { invalid: unknown(`${positive !== undefined ? key : notKey} must hold strings`) }
  }
  const any = anyOf((patterns as string[]).map(matches))
  return positive !== undefined ? any : not(any)
}

/** `service:action` with `*` and `?` wildcards, case-insensitive. */
function actionMatches(pattern: string, action: string): Tri {
  if (pattern === '*') return true
  if (!pattern.includes(':')) return unknown(`Action "${pattern}" is not service:action`)
  return globMatches(pattern, action, new Map(), {
    wildcards: true,
    variables: false,
    ignoreCase: true
  })
}

function resourceMatches(pattern: string, resource: string | undefined, env: Environment): Tri {
  if (pattern === '*') return true
  if (resource === undefined) {
    return unknown(`Resource "${pattern}" but the request names no resource`)
  }
  if (!resource.startsWith('arn:')) {
    return globMatches(pattern, resource, env.context, {
      wildcards: true,
      variables: env.variables
    })
  }
  const parts = arnParts(pattern)
  if (parts.length < 6) {
    // A trailing `*` may expand beyond the colons (IAM documents this); anything else is not
    // an ARN, which IAM would have refused to store.
    if (!pattern.endsWith('*')) return unknown(`Resource "${pattern}" is not an ARN`)
    pattern += ':*'.repeat(6 - parts.length)
  }
  return arnMatches(pattern, resource, env.context, env.variables)
}

// --- the decision --------------------------------------------------------------------------------

interface Group {
  name: string
  results: StatementResult[]
  /** What to say when no Allow statement of a group of identity policies names the action. */
  noAction?: string
}

/** Every group must allow (identity policies, boundary); a Deny in any group wins. */
function decide(groups: Group[], request: Request): Evaluation {
  const denies = groups.map(group => tally(group, 'Deny'))
  const allows = groups.map(group => tally(group, 'Allow'))

  const denied = denies.flatMap(t => t.yes)
  if (denied.length > 0) {
    return {
      decision: 'explicit-deny',
      statements: labels(denied),
      reason: `explicitly denied by ${quoteAll(denied)}`
    }
  }
  const maybeDenied = denies.flatMap(t => t.maybe)
  const notAllowing = groups.filter((_, i) => allows[i]!.yes.length + allows[i]!.maybe.length === 0)
  if (notAllowing.length > 0) {
    // Denied whether or not an unknown Deny applies: only explicit vs implicit is in doubt.
    const doubt =
      maybeDenied.length > 0 ? `; a Deny could not be evaluated: ${whys(maybeDenied)}` : ''
    const where = notAllowing.map(g => g.name).join(' or ')
    const why = notAllowing.map(group => whyNot(group, request)).join('; ')
    return {
      decision: 'implicit-deny',
      statements: labels(maybeDenied),
      reason: `no statement in ${where} allows ${describe(request)}; ${why}${doubt}`
    }
  }
  const undecided = [
    ...new Set([...allows.flatMap(t => (t.yes.length > 0 ? [] : t.maybe)), ...maybeDenied])
  ]
  if (undecided.length > 0) {
    return {
      decision: 'cannot-evaluate',
      statements: labels(undecided),
      reason: `cannot evaluate ${whys(undecided)}`
    }
  }
  const allowedBy = allows.flatMap(t => t.yes)
  return {
    decision: 'allowed',
    statements: labels(allowedBy),
    reason: `allowed by ${quoteAll(allowedBy)}`
  }
}

/** The statements of one effect that certainly apply, and those that may. */
function tally(group: Group, effect: 'Allow' | 'Deny') {
  const candidates = group.results.filter(r => r.effect === effect || r.effect === 'unknown')
  return {
    yes: candidates.filter(r => r.applies === true),
    maybe: candidates.filter(r => isUnknown(r.applies))
  }
}

function describe(request: Request): string {
  const principal = request.principal
  const who = !principal
    ? 'an anonymous caller'
    : 'AWS' in principal
      ? principal.AWS
      : 'Service' in principal
        ? principal.Service
        : principal.Federated
  return `${request.action} by ${who}${request.resource ? ` on ${request.resource}` : ''}`
}

// --- why nothing allows a request -----------------------------------------------------------------

const ELEMENTS = ['principal', 'action', 'resource', 'condition'] as const
type Element = (typeof ELEMENTS)[number]

/**
 * One line on why no Allow statement of a group applies: what its closest statement misses.
 * Wording only — the decision was made from the same matches before this is called.
 */
function whyNot(group: Group, request: Request): string {
  const match = closest(group.results)
  if (!match) return `there is no Allow statement in ${group.name}`
  const { action, resource } = request
  const { subject, statement } = match
  // The statement does not apply, so one element is false: the first one is what it misses.
  const failed = ELEMENTS.find(element => match[element] === false) ?? 'condition'
  const named = namedBefore(match, failed)
  const naming = named.length > 0 ? `${subject} names ${named.join(' and ')}, but` : undefined

  switch (failed) {
    case 'principal': {
      if (match.action !== true) {
        return `no statement names this principal${match.action === false ? ` or allows ${action}` : ''}`
      }
      const miss =
        statement.Principal !== undefined
          ? `for ${plainList(principalValues(statement.Principal))}, not this principal`
          : 'its NotPrincipal excludes this principal'
      return `${subject} allows ${action}, but ${miss}`
    }
    case 'action': {
      if (group.noAction) return group.noAction
      const miss =
        statement.Action !== undefined ? `not ${action}` : `its NotAction excludes ${action}`
      return naming ? `${naming} ${miss}` : `${subject} does not allow ${action}`
    }
    case 'resource': {
      const allows = `${subject} allows ${action}`
      return statement.Resource !== undefined
        ? `${allows} on ${plainList(asList(statement.Resource))}, not on ${resource}`
        : `${allows}, but its NotResource excludes ${resource}`
    }
    case 'condition': {
      const miss = conditionMiss(match)
      return naming ? `${naming} ${miss}` : `${subject} applies, but ${miss}`
    }
  }
}

/** The elements a statement certainly matches before the one it failed on, in words. */
function namedBefore(match: Match, failed: Element): string[] {
  const before = (element: Element) => ELEMENTS.indexOf(element) < ELEMENTS.indexOf(failed)
  const words: string[] = []
  // A trust statement has no Resource; an identity statement has no Principal.
  if (match.kind === 'resource' && before('principal') && match.principal === true) {
    words.push('the principal')
  }
  if (before('action') && match.action === true) words.push('the action')
  if (before('resource') && match.resource === true && mentions(match.statement, 'Resource')) {
    words.push('the resource')
  }
  return words
}

/**
 * The Allow statement closest to applying: the one that matched the most of principal, action,
 * resource and condition, in that order (an earlier element outweighs all later ones); the
 * first of equals.
 */
function closest(results: StatementResult[]): Match | undefined {
  let best: Match | undefined
  for (const { effect, applies, match } of results) {
    if (effect !== 'Allow' || applies !== false || !match) continue
    if (!best || compareMatches(match, best) > 0) best = match
  }
  return best
}

function compareMatches(a: Match, b: Match): number {
  // A part that cannot be evaluated did not fail: it ranks between a match and a mismatch.
  const score = (part: Part) => (part === true ? 2 : part === false ? 0 : 1)
  for (const element of ELEMENTS) {
    const difference = score(a[element]) - score(b[element])
    if (difference !== 0) return difference
  }
  return 0
}

/** Which operator and key of the condition is false, and what the request has for that key. */
function conditionMiss(match: Match): string {
  const clause = failedCondition(match.statement.Condition, match.env)
  if (!clause) return 'its condition does not hold for the request'
  const { operator, key, values } = clause
  const value = match.env.context.get(key.toLowerCase())
  const held = `its condition ${operator} ${key} ${quotedList(values)} does not hold`
  return value === undefined
    ? `${held}: the request has no ${key}`
    : `${held} for the request (${key} = ${shown(value)})`
}

const mentions = (statement: Record<string, unknown>, key: string) =>
  statement[key] !== undefined || statement[`Not${key}`] !== undefined

/** At most a few values, so that a reason stays one readable line. */
const SHOWN = 3
const more = (values: readonly unknown[]) =>
  values.length > SHOWN ? ` and ${values.length - SHOWN} more` : ''
const plainList = (values: readonly unknown[]) =>
  values.slice(0, SHOWN).map(String).join(', ') + more(values)
const quotedList = (values: readonly unknown[]) =>
  `[${values
    .slice(0, SHOWN)
    .map(value => JSON.stringify(value))
    .join(', ')}${more(values)}]`
const shown = (value: ContextValue) =>
  Array.isArray(value) ? quotedList(value) : JSON.stringify(value)

const labels = (results: StatementResult[]) => results.map(r => r.label)
const quoteAll = (results: StatementResult[]) => results.map(r => `"${r.label}"`).join(', ')
const whys = (results: StatementResult[]) =>
  results
    .map(r => `"${r.label}" (${isUnknown(r.applies) ? r.applies.unknown : 'unknown'})`)
    .join(', ')

function documentOf(policy: PolicyDocument | NamedPolicy): PolicyDocument {
  return isNamed(policy) ? policy.document : policy
}

function isNamed(policy: PolicyDocument | NamedPolicy): policy is NamedPolicy {
  return 'document' in policy && typeof (policy as NamedPolicy).name === 'string'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
