// A pure IAM policy evaluator: decides a request against a role's trust policy, or against a
// role's identity policies and permissions boundary, following IAM's documented evaluation
// logic (an explicit Deny wins, then an Allow, else the request is implicitly denied).
//
// What it cannot decide it says so: an unknown condition operator, a policy variable without a
// value, a malformed statement... make the answer `cannot-evaluate` whenever they could change
// it — never `allowed`. A part that cannot change the answer (a condition that is unknown next to
// one that is false) does not.

import { conditionMatches } from './policy-conditions.js'
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
} from './policy-logic.js'
import {
  type Caller,
  callerContext,
  callerOf,
  notPrincipalMatches,
  principalMatches
} from './policy-principals.js'
import type { Evaluation, NamedPolicy, PolicyDocument, Request } from './policy-types.js'

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
} from './policy-types.js'

/**
 * Evaluates a resource policy — a role's trust policy — alone. For a cross-account caller IAM
 * also needs the caller's own identity policies to allow the call; those are not visible here.
 */
export function evaluateResourcePolicy(policy: PolicyDocument, request: Request): Evaluation {
  const setup = prepare(request)
  if ('decision' in setup) return setup
  const results = evaluateDocument(policy, undefined, 'resource', request, setup)
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
  const label = (policy: PolicyDocument | NamedPolicy, fallback: string | undefined) =>
    isNamed(policy) ? policy.name : fallback
  const identity = input.policies.flatMap((policy, i) =>
    evaluateDocument(
      documentOf(policy),
      label(policy, input.policies.length > 1 ? `policy ${i + 1}` : undefined),
      'identity',
      request,
      setup
    )
  )
  const groups = [{ name: 'the identity policies', results: identity }]
  if (input.boundary) {
    const boundary = input.boundary
    groups.push({
      name: 'the permissions boundary',
      results: evaluateDocument(
        documentOf(boundary),
        label(boundary, 'boundary'),
        'identity',
        request,
        setup
      )
    })
  }
  return decide(groups, request)
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

type PolicyKind = 'resource' | 'identity'

interface Setup {
  caller: Caller
  context: Context
}

interface StatementResult {
  label: string
  effect: 'Allow' | 'Deny' | 'unknown'
  applies: Tri
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
  prefix: string | undefined,
  kind: PolicyKind,
  request: Request,
  setup: Setup
): StatementResult[] {
  const named = (label: string) => (prefix ? `${prefix}: ${label}` : label)
  if (!isRecord(document) || !('Statement' in document)) {
    const applies = unknown('not a policy document (no Statement)')
    return [{ label: named('policy'), effect: 'unknown', applies }]
  }
  // Policy variables exist only in policy language version 2012-10-17; before, `${` is literal.
  const variables = document.Version === '2012-10-17'
  return asList(document.Statement).map((statement, i) => {
    const sid = isRecord(statement) && typeof statement.Sid === 'string' ? statement.Sid : ''
    const label = named(sid || `Statement[${i}]`)
    if (!isRecord(statement)) {
      return { label, effect: 'unknown', applies: unknown('statement is not an object') }
    }
    const effect =
      statement.Effect === 'Allow' || statement.Effect === 'Deny' ? statement.Effect : 'unknown'
    const env = { context: setup.context, variables }
    const applies = allOf([
      effect === 'unknown'
        ? unknown(`Effect ${JSON.stringify(statement.Effect)} is not Allow or Deny`)
        : true,
      statementApplies(statement, kind, request, setup.caller, env)
    ])
    return { label, effect, applies }
  })
}

function statementApplies(
  statement: Record<string, unknown>,
  kind: PolicyKind,
  request: Request,
  caller: Caller,
  env: { context: Context; variables: boolean }
): Tri {
  const principal = principalPart(statement, kind, caller)
  const action = element(statement, 'Action', 'NotAction', true, pattern =>
    actionMatches(pattern, request.action)
  )
  const resource = element(statement, 'Resource', 'NotResource', kind === 'identity', pattern =>
    resourceMatches(pattern, request.resource, env)
  )
  // An invalid statement (IAM would not have stored it) is Unknown as a whole.
  const parts = [principal, action, resource]
  const invalid = parts.find(isInvalid)
  if (invalid) return invalid.invalid
  return allOf([...(parts as Tri[]), conditionMatches(statement.Condition, env)])
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

function resourceMatches(
  pattern: string,
  resource: string | undefined,
  env: { context: Context; variables: boolean }
): Tri {
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
    return {
      decision: 'implicit-deny',
      statements: labels(maybeDenied),
      reason: `no statement in ${where} allows ${describe(request)}${doubt}`
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
