// SimulatePrincipalPolicy's model, no HTTP: a role's inline and attached policies, bounded by its
// permissions boundary, evaluated for each action against each resource. One result per action,
// whose decision is the most restrictive over the resources (see the API's EvaluationResult).
import { ServiceError } from '../protocols/errors.js'
import { accountOf } from '../sts/identity.js'
import { visibleDocuments } from './propagation.js'
import { findRole } from './model.js'
import { type Decision, type Statement, evaluate, parsePolicy } from './evaluation.js'
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

const RESTRICTIVENESS: Decision[] = ['allowed', 'implicitDeny', 'explicitDeny']

function mostRestrictive(decisions: Decision[]): Decision {
  return decisions.reduce((a, b) =>
    RESTRICTIVENESS.indexOf(b) > RESTRICTIVENESS.indexOf(a) ? b : a
  )
}

export interface Simulation {
  sourceArn: string
  actions: string[]
  /** Empty: every resource ("*"). */
  resources: string[]
  /** PolicyInputList: documents evaluated as if attached. */
  policyInputs: string[]
  context: Record<string, string[]>
}

export interface ResourceResult {
  resource: string
  decision: Decision
  statements: { SourcePolicyId: string; SourcePolicyType: string }[]
  boundaryAllows: boolean
}

export interface ActionResult {
  action: string
  decision: Decision
  resources: ResourceResult[]
  hasBoundary: boolean
}

export function simulate(ctx: EmulatorContext, input: Simulation): ActionResult[] {
  const resourceList = input.resources.length > 0 ? input.resources : ['*']
  const policies = policiesOf(ctx, input.sourceArn)
  const extra = input.policyInputs.flatMap((doc, i) =>
    sourced(doc, `PolicyInputList.${i + 1}`, 'none')
  )
  const identity = [...policies.identity, ...extra]
  const context = {
    'aws:PrincipalArn': input.sourceArn,
    'aws:PrincipalAccount': accountOf(input.sourceArn),
    ...input.context
  }
  return input.actions.map(action => {
    const perResource = resourceList.map((resource): ResourceResult => {
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
      action,
      decision: mostRestrictive(perResource.map(r => r.decision)),
      resources: perResource,
      hasBoundary: policies.boundary !== undefined
    }
  })
}
