// SimulatePrincipalPolicy's handler: parses the parameters, simulates (see simulation.ts), and
// renders IAM's EvaluationResults.
import {
  type QueryParams,
  memberList,
  required,
  structList,
  validationError
} from '../protocols/query.js'
import type { QueryAction } from '../protocols/query-service.js'
import { simulate } from './simulation.js'

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

export const simulateActions: Record<string, QueryAction> = {
  SimulatePrincipalPolicy(params, ctx) {
    const sourceArn = required(params, 'PolicySourceArn')
    const actions = memberList(params, 'ActionNames')
    if (actions.length === 0) {
      throw validationError(
        "Value null at 'actionNames' failed to satisfy constraint: Member must not be null"
      )
    }
    const results = simulate(ctx, {
      sourceArn,
      actions,
      resources: memberList(params, 'ResourceArns'),
      policyInputs: memberList(params, 'PolicyInputList'),
      context: contextEntries(params)
    })
    const evaluationResults = results.map(result => ({
      EvalActionName: result.action,
      EvalResourceName: result.resources[0].resource,
      EvalDecision: result.decision,
      MatchedStatements: result.resources.flatMap(r => r.statements),
      MissingContextValues: [],
      PermissionsBoundaryDecisionDetail: result.hasBoundary
        ? { AllowedByPermissionsBoundary: result.resources.every(r => r.boundaryAllows) }
        : undefined,
      ResourceSpecificResults: result.resources.map(r => ({
        EvalResourceName: r.resource,
        EvalResourceDecision: r.decision,
        MatchedStatements: r.statements,
        MissingContextValues: []
      }))
    }))
    return { EvaluationResults: evaluationResults, IsTruncated: false }
  }
}
