// The invoke check's local evaluation under the same rule as the trust analysis: the role's
// identity policies and permissions boundary, and the function's own policy when it has one
// (function-policy.ts), decide lambda:InvokeFunction on a resource for every value of the keys
// the runner cannot know, not for one guessed request.
//
// Keys whose values are known are fixed as IAM documents them for a role session (AWS global
// condition context keys,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:CurrentTime and aws:EpochTime (now), aws:SecureTransport (true), aws:PrincipalType
// (AssumedRole), aws:PrincipalArn (the role's ARN), aws:PrincipalAccount; aws:RequestedRegion
// (the Region the request is made to: the function's); aws:ResourceTag/<key> (the function's
// tags, read); aws:PrincipalTag/<key> (the role's tags, read, when no session tag can replace
// them). A tag the resource or role does not have is absent. Every other key the policies mention
// ranges over its trial values (request-space.ts), absent included. The answer is `allowed` only
// if allowed for every value, a deny only if denied for every value, otherwise
// `cannot-evaluate`, naming the keys it depends on.

import { evaluateInvoke, type InvokePolicies } from './function-policy.js'
import { asList } from './logic.js'
import { keySpace, keyUses, requestTimeKeys } from './request-space.js'
import { combinations, contextOf, forEachAssignment, spacesOf } from './request-search.js'
import type { Evaluation } from './types.js'

interface InvokeDecision extends Evaluation {
  /** Keys the runner cannot know that the answer depends on (cannot-evaluate). */
  dependsOn: string[]
}

export interface InvokeQuestion {
  roleArn: string
  resource: string
  now: Date
  /** The function's Region: aws:RequestedRegion. */
  region?: string
  /** The function's tags (aws:ResourceTag/*), when read. */
  resourceTags?: Readonly<Record<string, string>>
  /** The role's tags (aws:PrincipalTag/*), when read and no session tag can replace them. */
  principalTags?: Readonly<Record<string, string>>
  /** Requests to evaluate at most (default 100,000); past it: cannot-evaluate. */
  budget?: number
}

export function decideInvoke(input: InvokePolicies, question: InvokeQuestion): InvokeDecision {
  const documents = [
    ...input.policies,
    ...(input.boundary ? [input.boundary] : []),
    ...(input.functionPolicy ? [input.functionPolicy] : [])
  ].map(p => ('document' in p ? p.document : p))
  const statements = documents.flatMap(d => asList((d as { Statement?: unknown }).Statement))
  const variables = documents.some(d => d.Version === '2012-10-17')
  const keys = keyUses(statements, variables)
  const fixed: Record<string, string | undefined> = {
    ...requestTimeKeys(question.now),
    'aws:principalarn': question.roleArn,
    'aws:principalaccount': question.roleArn.split(':')[4] ?? '',
    'aws:principaltype': 'AssumedRole',
    ...(question.region ? { 'aws:requestedregion': question.region } : {}),
    ...tagKeys(keys, 'aws:resourcetag/', question.resourceTags),
    ...tagKeys(keys, 'aws:principaltag/', question.principalTags)
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
    const evaluation = evaluateInvoke(input, {
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

/**
 * The tag keys of one kind the policies name, with the tag's value, or absent when there is no
 * such tag. A key that matches a tag only in letter case is left unknown.
 */
function tagKeys(
  keys: ReturnType<typeof keyUses>,
  prefix: string,
  tags: Readonly<Record<string, string>> | undefined
): Record<string, string | undefined> {
  if (!tags) return {}
  const fixed: Record<string, string | undefined> = {}
  for (const [folded, use] of keys) {
    if (!folded.startsWith(prefix)) continue
    const tagKey = use.name.slice(prefix.length)
    if (Object.hasOwn(tags, tagKey)) fixed[folded] = tags[tagKey]
    else if (!Object.keys(tags).some(k => k.toLowerCase() === tagKey.toLowerCase()))
      fixed[folded] = undefined
  }
  return fixed
}
