// What the invoke check knows about the function beside the role's policies: its own
// resource-based policy (lambda:GetPolicy; ResourceNotFoundException: it has none), its tags
// (lambda:ListTags, read only when a policy tests aws:ResourceTag/*) and its Region.
//
// A function policy that cannot be read may allow or deny the role: the invoke check is then
// undecided, never passed.
import { GetPolicyCommand, ListTagsCommand } from '@aws-sdk/client-lambda'
import { describeError, errorName } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { parsePolicyDocument, type PolicyDocument } from '../iam-policy/index.js'

/** The policy that decides each resource (undefined: none), or why it could not be read. */
export type FunctionPolicies =
  { byResource: Map<string, PolicyDocument | undefined> } | { unread: string }

/**
 * GetPolicy of the function and of each qualified resource (an alias). An alias is decided with
 * its own policy and the function's together: a Deny in either counts.
 */
export async function readFunctionPolicies(
  ctx: RunContext,
  resources: readonly string[]
): Promise<FunctionPolicies> {
  const read = async (qualifier?: string): Promise<PolicyDocument | undefined> => {
    try {
      const { Policy } = await ctx.clients.lambda.send(
        new GetPolicyCommand({ FunctionName: ctx.functionArn, Qualifier: qualifier })
      )
      return Policy ? parsePolicyDocument(Policy) : undefined
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined
      throw error
    }
  }
  try {
    const own = await read()
    const byResource = new Map<string, PolicyDocument | undefined>([[ctx.functionArn, own]])
    for (const resource of resources) {
      if (resource === ctx.functionArn) continue
      const qualified = await read(resource.slice(ctx.functionArn.length + 1))
      byResource.set(resource, merged(own, qualified))
    }
    return { byResource }
  } catch (error) {
    return { unread: `lambda:GetPolicy failed: ${describeError(error)}` }
  }
}

function merged(a?: PolicyDocument, b?: PolicyDocument): PolicyDocument | undefined {
  if (!a || !b) return a ?? b
  return { Version: '2012-10-17', Statement: [a.Statement, b.Statement].flat() }
}

/** The function's tags when some policy tests aws:ResourceTag/*; undefined when unknown. */
export async function functionTagsFor(
  ctx: RunContext,
  documents: readonly unknown[]
): Promise<Record<string, string> | undefined> {
  if (!JSON.stringify(documents).toLowerCase().includes('"aws:resourcetag/')) return {}
  try {
    const { Tags } = await ctx.clients.lambda.send(
      new ListTagsCommand({ Resource: ctx.functionArn })
    )
    return Tags ?? {}
  } catch (error) {
    ctx.log.info(
      `lambda:ListTags failed (${describeError(error)}): the function's tags are unknown`
    )
    return undefined
  }
}
