// One invoke request decided with the function's own resource-based policy next to the role's
// identity policies and permissions boundary, as IAM's policy evaluation logic documents for a
// principal and a resource of the same account
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
// an explicit Deny in any policy wins; otherwise an Allow in the identity policies (within the
// boundary) or in the resource policy is enough. A resource policy that grants the role's ARN is
// limited by the role's permissions boundary, as identity policies are
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html). A resource
// policy that names the account (its ID or root) grants nothing by itself: it delegates to the
// account's identity policies (IAM JSON policy elements: Principal). And, per the boundaries page,
// a Deny with NotPrincipal always denies a role that has a permissions boundary.

import { evaluateIdentityPolicies, evaluateResourcePolicy } from './evaluate.js'
import { asList, isRecord } from './logic.js'
import type { Evaluation, NamedPolicy, PolicyDocument, Request } from './types.js'

export interface InvokePolicies {
  policies: readonly (PolicyDocument | NamedPolicy)[]
  boundary?: PolicyDocument | NamedPolicy
  /** The function's resource-based policy (lambda:GetPolicy); absent when it has none. */
  functionPolicy?: PolicyDocument
}

export function evaluateInvoke(input: InvokePolicies, request: Request): Evaluation {
  const identity = evaluateIdentityPolicies(input, request)
  if (!input.functionPolicy) return identity
  const resource = inFunctionPolicy(
    evaluateResourcePolicy(asResourcePolicy(input.functionPolicy, !!input.boundary), request)
  )
  if (identity.decision === 'explicit-deny') return identity
  if (resource.decision === 'explicit-deny') return resource
  let allowed = identity.decision === 'allowed' ? identity : undefined
  let undecided = [identity, resource].find(e => e.decision === 'cannot-evaluate')
  if (!allowed && resource.decision === 'allowed') {
    // The function policy allows the role: within its boundary, if it has one.
    const boundary = input.boundary
      ? evaluateIdentityPolicies({ policies: [input.boundary] }, request)
      : undefined
    if (!boundary || boundary.decision === 'allowed') allowed = resource
    else if (boundary.decision === 'cannot-evaluate') undecided ??= boundary
    else if (!grantsRoleArn(input.functionPolicy, request)) undecided ??= UNDOCUMENTED_STAR
  }
  if (!allowed) return undecided ?? identity
  // An allow stands only if no Deny may apply: an unknown part, or an implicit deny that names
  // the Deny it could not evaluate.
  const doubt = [identity, resource].find(
    e => e.decision === 'cannot-evaluate' || (e.decision === 'implicit-deny' && e.statements.length)
  )
  return doubt
    ? { decision: 'cannot-evaluate', statements: doubt.statements, reason: doubt.reason }
    : allowed
}

/**
 * IAM documents that a boundary limits a grant to the role's ARN and not one to a role session's
 * ARN; for a grant to "*" (which names both) it says neither: undecided, never allowed.
 */
const UNDOCUMENTED_STAR: Evaluation = {
  decision: 'cannot-evaluate',
  statements: [],
  reason:
    'the function policy allows "*", and whether the permissions boundary limits a grant to "*" is not documented'
}

/** Whether the function policy's Allow holds with its "*" principals left out. */
function grantsRoleArn(policy: PolicyDocument, request: Request): boolean {
  const statements = asList(policy.Statement).flatMap(statement => {
    if (!isRecord(statement) || statement.Effect !== 'Allow') return [statement]
    if (statement.Principal === '*') return []
    if (!isRecord(statement.Principal)) return [statement]
    const aws = asList(statement.Principal.AWS ?? []).filter(e => e !== '*')
    const principal = { ...statement.Principal, AWS: aws }
    return [{ ...statement, Principal: principal }]
  })
  const narrowed = { ...policy, Statement: statements as never }
  return evaluateResourcePolicy(asResourcePolicy(narrowed, true), request).decision === 'allowed'
}

const inFunctionPolicy = (evaluation: Evaluation): Evaluation => ({
  ...evaluation,
  reason: `the function policy: ${evaluation.reason}`
})

/**
 * The function policy as it can affect the role: an Allow's account entries removed (they only
 * delegate), and with a boundary, a Deny's NotPrincipal read as every principal.
 */
function asResourcePolicy(policy: PolicyDocument, bounded: boolean): PolicyDocument {
  if (!isRecord(policy) || !('Statement' in policy)) return policy
  const statements = asList(policy.Statement).map(statement => {
    if (!isRecord(statement)) return statement
    if (statement.Effect === 'Deny' && bounded && statement.NotPrincipal !== undefined) {
      const rest: Record<string, unknown> = { ...statement, Principal: '*' }
      delete rest.NotPrincipal
      return rest
    }
    if (statement.Effect !== 'Allow' || !isRecord(statement.Principal)) return statement
    const principal = { ...statement.Principal }
    if (principal.AWS !== undefined) {
      const kept = asList(principal.AWS).filter(
        entry => typeof entry !== 'string' || !/^(\d{12}|arn:[^:]+:iam::\d{12}:root)$/.test(entry)
      )
      if (kept.length) principal.AWS = kept
      else delete principal.AWS
    }
    // Nothing left to name: the statement names nobody who could be the role.
    return Object.keys(principal).length ? { ...statement, Principal: principal } : undefined
  })
  return { ...policy, Statement: statements.filter(s => s !== undefined) as never }
}
