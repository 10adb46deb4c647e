// SimulatePrincipalPolicy: a role's inline and attached policies, bounded by its permissions
// boundary, evaluated for each action against each resource. One result per action, whose decision
// is the most restrictive over the resources (see the API's EvaluationResult).
import { ServiceError } from '../protocols/errors.js'
import { accountOf } from '../sts/identity.js'
import { visibleDocuments } from './propagation.js'
import { findRole } from './roles.js'
import { type Decision, type Statement, evaluate, parsePolicy } from './policy.js'
import { type QueryParams, memberList, required, structList } from '../protocols/query.js'
import type { QueryAction } from '../protocols/query-service.js'
import type { EmulatorContext } from '../core/context.js'

interface Sourced {
  statement: Statement
  sourceId: string
  sourceType: string
}

function sourced(document: string, sourceId: string, sourceType: string): Sourced[] {
  return parsePolicy(document).Statement.map(statement => ({ statement, sourceId, sourceType }))
}

interface PrincipalPolicies {
  identity: Sourced[]
  boundary?: Sourced[]
}

function policiesOf(ctx: EmulatorContext, arn: string): PrincipalPolicies {
  const resource = arn.split(':')[5] ?? ''
  if (resource.startsWith('role/')) {
    const role = findRole(ctx, resource.split('/').pop()!)
    const inline = visibleDocuments(ctx, role).inlinePolicies
    const identity = [...inline].flatMap(([name, doc]) => sourced(doc, name, 'role'))
    for (const policyArn of role.attachedPolicies) {
      const policy = ctx.state.iam.policies.get(policyArn)
      const type = policyArn.includes(':aws:policy/') ? 'aws-managed' : 'user-managed'
      if (policy) identity.push(...sourced(policy.document, policyArn, type))
    }
    const boundaryPolicy = role.permissionsBoundary
      ? ctx.state.iam.policies.get(role.permissionsBoundary)
      : undefined
    const boundary = boundaryPolicy
      ? sourced(boundaryPolicy.document, boundaryPolicy.arn, 'permissions-boundary')
      : undefined
    return { identity, boundary }
  }
  // The configured callers are known users whose own policies the emulator does not model.
  if (arn === ctx.config.callerArn || [...ctx.config.identities.values()].includes(arn)) {
    return { identity: [] }
  }
  throw new ServiceError(
    404,
    'NoSuchEntity',
    `The user with name ${resource.split('/').pop()} cannot be found.`
  )
}

function contextEntries(params: QueryParams): Record<string, string[]> {
  const context: Record<string, string[]> = {}
  for (const entry of structList(params, 'ContextEntries')) {
    const name = entry.get('ContextKeyName')
    if (!name) continue
    const values = [...entry]
      .filter(([key]) => key.startsWith('ContextKeyValues.member.'))
      .map(([, value]) => value)
    context[name] = values
  }
  return context
}

const RESTRICTIVENESS: Decision[] = ['allowed', 'implicitDeny', 'explicitDeny']

function mostRestrictive(decisions: Decision[]): Decision {
  return decisions.reduce((a, b) =>
    RESTRICTIVENESS.indexOf(b) > RESTRICTIVENESS.indexOf(a) ? b : a
  )
}

export const simulateActions: Record<string, QueryAction> = {
  SimulatePrincipalPolicy(params, ctx) {
    const sourceArn = required(params, 'PolicySourceArn')
    const actions = memberList(params, 'ActionNames')
    if (actions.length === 0) {
      throw new ServiceError(
        400,
        'ValidationError',
        "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null"
      )
    }
    const resources = memberList(params, 'ResourceArns')
    const resourceList = resources.length > 0 ? resources : ['*']
    const policies = policiesOf(ctx, sourceArn)
    const extra = memberList(params, 'PolicyInputList').flatMap((doc, i) =>
      sourced(doc, `PolicyInputList.${i + 1}`, 'none')
    )
    const identity = [...policies.identity, ...extra]
    const context = {
      'aws:PrincipalArn': sourceArn,
      'aws:PrincipalAccount': accountOf(sourceArn),
      ...contextEntries(params)
    }
    const results = actions.map(action => {
      const perResource = resourceList.map(resource => {
        const request = { action, resource, context }
        const own = evaluate(identity, request)
        const bound = policies.boundary ? evaluate(policies.boundary, request) : undefined
        let decision: Decision = own.decision
        let matched = own.matched
        if (bound?.decision === 'explicitDeny') {
          decision = 'explicitDeny'
          matched = bound.matched
        } else if (own.decision === 'allowed' && bound && bound.decision !== 'allowed') {
          decision = 'implicitDeny'
          matched = []
        }
        const statements = matched.map(s => ({
          SourcePolicyId: s.sourceId,
          SourcePolicyType: s.sourceType
        }))
        return { resource, decision, statements, boundaryAllows: bound?.decision === 'allowed' }
      })
      return {
        EvalActionName: action,
        EvalResourceName: resourceList[0],
        EvalDecision: mostRestrictive(perResource.map(r => r.decision)),
        MatchedStatements: perResource.flatMap(r => r.statements),
        MissingContextValues: [],
        PermissionsBoundaryDecisionDetail: policies.boundary
          ? { AllowedByPermissionsBoundary: perResource.every(r => r.boundaryAllows) }
          : undefined,
        ResourceSpecificResults: perResource.map(r => ({
          EvalResourceName: r.resource,
          EvalResourceDecision: r.decision,
          MatchedStatements: r.statements,
          MissingContextValues: []
        }))
      }
    })
    return { EvaluationResults: results, IsTruncated: false }
  }
}
