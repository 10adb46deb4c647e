// Whether the role may call lambda:InvokeFunction on the function (and its alias):
// iam:SimulatePrincipalPolicy where it is available and permitted, otherwise the role's inline,
// attached and boundary policies read and evaluated locally; the check says which was used.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type IAMClient
} from '@aws-sdk/client-iam'
import {
  describeError,
  errorName,
  isNotImplemented,
  isTransientServerError,
  RetriesExhausted,
  retry
} from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { type Decision, type NamedPolicy, parsePolicyDocument } from '../iam-policy/index.js'
import { checkFrom, invokeCheckName, localInvokeChecks, type Check } from './checks.js'
import { settled } from './settled.js'

const SIMULATED: Record<string, Decision> = {
  allowed: 'allowed',
  explicitDeny: 'explicit-deny',
  implicitDeny: 'implicit-deny'
}

/** iam:SimulatePrincipalPolicy where it works; otherwise the same question answered locally. */
export async function invokeChecks(
  ctx: RunContext,
  roleArn: string,
  boundaryArn: string | undefined,
  resources: string[],
  roleChanged: boolean
): Promise<Check[]> {
  const { iam } = ctx.clients
  // A refusal stays a refusal; anything else (throttling, a role IAM does not show yet) is asked again.
  let refused: string | undefined
  const ask = async (): Promise<{ checks: Check[] }> => {
    let why = refused
    if (why === undefined) {
      try {
        return { checks: await simulatedChecks(ctx, roleArn, resources) }
      } catch (error) {
        why = describeError(error)
        if (errorName(error)?.startsWith('AccessDenied') || isNotImplemented(error)) refused = why
        ctx.log.info(
          `iam:SimulatePrincipalPolicy is not available (${why}); evaluating the role's policies locally`
        )
      }
    }
    return {
      checks: await localChecks(iam, roleArn, ctx.settings.role.name, boundaryArn, resources, why)
    }
  }
  return (await settled(ctx, 'lambda:InvokeFunction checks', roleChanged, ask)).checks
}

/**
 * Asks IAM, retrying throttling and real 5xx as the SDK would, but not an endpoint that answers
 * "not implemented": that one falls back to local evaluation at once.
 */
async function simulatedChecks(
  ctx: RunContext,
  roleArn: string,
  resources: string[]
): Promise<Check[]> {
  const t = ctx.timing
  const { EvaluationResults = [] } = await retry(
    () =>
      ctx.clients.iamOnce.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: roleArn,
          ActionNames: ['lambda:InvokeFunction'],
          ResourceArns: resources
        })
      ),
    {
      label: 'iam:SimulatePrincipalPolicy',
      retryable: error =>
        isTransientServerError(error) && !isNotImplemented(error)
          ? { reason: describeError(error) }
          : undefined,
      maxAttempts: t.sdkMaxAttempts,
      maxElapsedMs: t.propagationWaitMs,
      // As quick as the SDK's own backoff, which this replaces for this one call.
      initialDelayMs: Math.min(t.initialDelayMs, 200),
      maxDelayMs: t.maxDelayMs,
      log: ctx.log.info
    }
  ).catch(error => {
    // The last answer, not the retry's wrapper, says what the endpoint did.
    throw error instanceof RetriesExhausted ? error.lastError : error
  })
  return resources.map(resource =>
    checkFrom(
      invokeCheckName(resource),
      'allowed',
      simulatedDecision(EvaluationResults, resource),
      'iam:SimulatePrincipalPolicy'
    )
  )
}

async function localChecks(
  iam: IAMClient,
  roleArn: string,
  roleName: string,
  boundaryArn: string | undefined,
  resources: string[],
  unavailable: string
): Promise<Check[]> {
  const method = `local evaluation of inline, attached and boundary policies (SimulatePrincipalPolicy unavailable: ${unavailable})`
  try {
    const { policies, boundary } = await readIdentityPolicies(iam, roleName, boundaryArn)
    return localInvokeChecks(roleArn, policies, boundary, resources, method, new Date())
  } catch (error) {
    // Neither way answered: the permission is unproven, never a pass.
    const why = `the role's policies could not be read: ${describeError(error)}`
    return resources.map(resource =>
      checkFrom(invokeCheckName(resource), 'allowed', 'cannot-evaluate', method, why)
    )
  }
}

/**
 * IAM now answers once per action, with per-resource decisions in ResourceSpecificResults;
 * it used to answer once per resource. Both shapes are read.
 */
export function simulatedDecision(results: EvaluationResult[], resource: string): Decision {
  for (const result of results) {
    const specific = result.ResourceSpecificResults?.find(r => r.EvalResourceName === resource)
    if (specific) return decisionOf(specific.EvalResourceDecision)
  }
  return decisionOf(results.find(r => r.EvalResourceName === resource)?.EvalDecision)
}

/** A decision IAM does not document (or no answer at all) is never taken as allowed. */
const decisionOf = (value: string | undefined): Decision =>
  value !== undefined && Object.hasOwn(SIMULATED, value) ? SIMULATED[value] : 'cannot-evaluate'

export async function readIdentityPolicies(
  iam: IAMClient,
  roleName: string,
  boundaryArn: string | undefined,
  /** An inline policy not to read: a dry run's planned grant replaces it. */
  replaced?: string
): Promise<{ policies: NamedPolicy[]; boundary?: NamedPolicy }> {
  // One read at a time: a role shared by many functions has many grants, and IAM throttles bursts.
  const policies: NamedPolicy[] = []
  for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName }))
    for (const name of page.PolicyNames ?? []) {
      if (name === replaced) continue
      const { PolicyDocument } = await iam.send(
        new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })
      )
      policies.push({ name, document: parsePolicyDocument(PolicyDocument ?? '') })
    }
  for await (const page of paginateListAttachedRolePolicies(
    { client: iam },
    { RoleName: roleName }
  ))
    for (const attached of page.AttachedPolicies ?? [])
      policies.push(await readManagedPolicy(iam, attached.PolicyArn ?? ''))
  const boundary = boundaryArn ? await readManagedPolicy(iam, boundaryArn) : undefined
  return { policies, boundary }
}

export async function readManagedPolicy(iam: IAMClient, arn: string): Promise<NamedPolicy> {
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
  const { PolicyVersion } = await iam.send(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy?.DefaultVersionId })
  )
  return { name: arn, document: parsePolicyDocument(PolicyVersion?.Document ?? '') }
}
