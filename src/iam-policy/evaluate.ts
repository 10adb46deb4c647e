// A pure IAM policy evaluator: decides a request against a role's trust policy, or against a
// role's identity policies and permissions boundary, following IAM's documented evaluation
// logic (an explicit Deny wins, then an Allow, else the request is implicitly denied).
//
// What it cannot decide it says so: an unknown condition operator, a policy variable without a
// value, a malformed statement... make the answer `cannot-evaluate` whenever they could change
// it — never `allowed`. A part that cannot change the answer (a condition that is unknown next to
// one that is false) does not.
//
// An implicit deny also says why (explain.ts): for each set of policies that allows nothing, the Allow
// statement that came closest and the first element (principal, action, resource, condition) it
// missed. Only the wording depends on that: the decision does not.

import { describe, labels, quoteAll, whyNot, whys } from './explain.js'
import { isUnknown, type Tri, unknown, type Unknown } from './logic.js'
import {
  evaluateDocument,
  type Group,
  isInvalid,
  type Part,
  type PolicyKind,
  prepare
} from './statement.js'
import type { Evaluation, NamedPolicy, PolicyDocument, Request } from './types.js'

export type {
  ConditionBlock,
  ContextValue,
  Evaluation,
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

// --- the decision --------------------------------------------------------------------------------

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

function documentOf(policy: PolicyDocument | NamedPolicy): PolicyDocument {
  return isNamed(policy) ? policy.document : policy
}

function isNamed(policy: PolicyDocument | NamedPolicy): policy is NamedPolicy {
  return 'document' in policy && typeof (policy as NamedPolicy).name === 'string'
}
