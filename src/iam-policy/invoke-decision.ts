// The invoke check's local evaluation under the same rule as the trust analysis: the role's
// identity policies and permissions boundary decide lambda:InvokeFunction on a resource for
// every value of the keys the runner cannot know, not for one guessed request.
//
// The keys IAM sets are filled in as IAM sets them for a role session: aws:CurrentTime and
// aws:EpochTime (now), aws:SecureTransport (true), aws:PrincipalType (AssumedRole),
// aws:PrincipalArn (the role's ARN) and aws:PrincipalAccount (AWS global condition context
// keys, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
// Every other key the policies mention ranges over its trial values (request-space.ts), absent
// included. The answer is `allowed` only if allowed for every value, a deny only if denied for
// every value, otherwise `cannot-evaluate`, naming the keys it depends on.

import { evaluateIdentityPolicies } from './evaluate.js'
import { asList } from './logic.js'
import { keySpace, keyUses, requestTimeKeys } from './request-space.js'
import { combinations, contextOf, forEachAssignment, spacesOf } from './request-search.js'
import type { Evaluation, NamedPolicy, PolicyDocument } from './types.js'

export interface InvokeDecision extends Evaluation {
  /** Keys the runner cannot know that the answer depends on (cannot-evaluate). */
  dependsOn: string[]
}

export interface InvokeQuestion {
  roleArn: string
  resource: string
  now: Date
  /** Requests to evaluate at most (default 100,000); past it: cannot-evaluate. */
  budget?: number
}

export function decideInvoke(
  input: {
    policies: readonly (PolicyDocument | NamedPolicy)[]
    boundary?: PolicyDocument | NamedPolicy
  },
  question: InvokeQuestion
): InvokeDecision {
  const documents = [...input.policies, ...(input.boundary ? [input.boundary] : [])].map(p =>
    'document' in p ? p.document : p
  )
  const statements = documents.flatMap(d => asList((d as { Statement?: unknown }).Statement))
  const variables = documents.some(d => d.Version === '2012-10-17')
  const keys = keyUses(statements, variables)
  const fixed: Record<string, string> = {
    ...requestTimeKeys(question.now),
    'aws:principalarn': question.roleArn,
    'aws:principalaccount': question.roleArn.split(':')[4] ?? '',
    'aws:principaltype': 'AssumedRole'
  }
  const varying = [...keys.keys()].filter(k => !(k in fixed))
  const names = varying.map(k => keys.get(k)!.name)
  const refuse = (reason: string): InvokeDecision => ({
    decision: 'cannot-evaluate',
    statements: [],
    reason,
    dependsOn: names
  })
  const spaces = spacesOf(varying, key => {
    const use = keys.get(key)!
    return use.variable
      ? { undecided: `${use.name} is compared with a policy variable: not analysed` }
      : keySpace(key, use)
  })
  if ('undecided' in spaces) return refuse(spaces.undecided)
  if (combinations(spaces, question.budget ?? 100_000) === Infinity) {
    return refuse(`too many combinations of ${names.join(', ')} to evaluate`)
  }
  const seen = new Map<string, Evaluation>()
  forEachAssignment(varying, spaces, assignment => {
    const evaluation = evaluateIdentityPolicies(input, {
      principal: { AWS: question.roleArn },
      action: 'lambda:InvokeFunction',
      resource: question.resource,
      context: contextOf(fixed, assignment)
    })
    if (!seen.has(evaluation.decision)) seen.set(evaluation.decision, evaluation)
    // Once allowed and not allowed were both seen, nothing more can change the answer.
    return !(seen.has('allowed') && seen.size > 1)
  })
  const decisions = [...seen.keys()]
  if (decisions.length === 1) return { ...seen.get(decisions[0]!)!, dependsOn: [] }
  if (!seen.has('allowed') && !seen.has('cannot-evaluate')) {
    return { ...seen.get('implicit-deny')!, dependsOn: [] }
  }
  const unknown = seen.get('cannot-evaluate')
  return {
    decision: 'cannot-evaluate',
    statements: unknown?.statements ?? [],
    reason: unknown
      ? unknown.reason
      : `allowed for some values of ${names.join(', ')} only: the runner cannot know them`,
    dependsOn: names
  }
}
