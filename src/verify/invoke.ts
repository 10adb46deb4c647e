// Whether the role may call lambda:InvokeFunction on the function (and its alias):
// iam:SimulatePrincipalPolicy where it is available and permitted and the function has no policy
// of its own, otherwise the role's inline, attached and boundary policies (and the function's
// policy) read and evaluated locally; the check says which was used.
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
  isForeignServerError,
  isNotImplemented,
  isTransientServerError,
  RetriesExhausted,
  retry
} from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { type Decision, type NamedPolicy, parsePolicyDocument } from '../iam-policy/index.js'
import {
  checkFrom,
  type InvokeKnown,
  invokeCheckName,
  localInvokeChecks,
  type Check
} from './checks.js'
import { type FunctionPolicies, functionTagsFor } from './function-facts.js'
import type { IdentityPolicies } from './only-invoke.js'
import { settled } from './settled.js'

const SIMULATED: Record<string, Decision> = {
  allowed: 'allowed',
  explicitDeny: 'explicit-deny',
  implicitDeny: 'implicit-deny'
}

/** The function's policies (read once per run) and the role's tags when they are the session's. */
interface InvokeFacts {
  functionPolicies: Promise<FunctionPolicies>
  principalTags?: Record<string, string>
  /** The role's policies as verification already reads them: the first local answer uses them. */
  identityPolicies?: () => Promise<IdentityPolicies>
}

/** iam:SimulatePrincipalPolicy where it works; otherwise the same question answered locally. */
export async function invokeChecks(
  ctx: RunContext,
  roleArn: string,
  boundaryArn: string | undefined,
  resources: string[],
  roleChanged: boolean,
  facts: InvokeFacts
): Promise<Check[]> {
  const { iam } = ctx.clients
  let shared = facts.identityPolicies
  // A refusal, an endpoint without the operation and a 5xx after its one retry stay so for the run;
  // anything else (a role IAM does not show yet) is asked again.
  let refused: string | undefined
  const ask = async (): Promise<{ checks: Check[] }> => {
    // IAM is asked while the function's policy is read: most functions have none.
    const simulated =
      refused === undefined
        ? simulatedChecks(ctx, roleArn, resources).then(
            checks => ({ checks }),
            (error: unknown) => ({ error })
          )
        : undefined
    const read = await facts.functionPolicies
    if ('unread' in read) {
      const why = `${read.unread}; the function's own policy may allow or deny the role`
      return {
        checks: resources.map(r =>
          checkFrom(invokeCheckName(r), 'allowed', 'cannot-evaluate', 'lambda:GetPolicy', why)
        )
      }
    }
    // SimulatePrincipalPolicy does not read the function's policy: with one, decide locally.
    let why = [...read.byResource.values()].some(Boolean)
      ? 'the function has a resource-based policy, which SimulatePrincipalPolicy does not read'
      : refused
    const answer = await simulated
    if (why === undefined && answer) {
      if ('checks' in answer) return answer
      const { error } = answer
      why = describeError(error)
      const missing = isNotImplemented(error) || isForeignServerError(error)
      if (missing || isTransientServerError(error) || errorName(error)?.startsWith('AccessDenied'))
        refused = why
      ctx.log.info(
        missing
          ? `${endpointOf(ctx)} does not implement iam:SimulatePrincipalPolicy (${why}); evaluating the role's policies locally`
          : `iam:SimulatePrincipalPolicy is not available (${why}); evaluating the role's policies locally`
      )
    }
    // A later attempt (the role still settling) reads the policies again.
    const policies =
      shared ?? (() => readIdentityPolicies(iam, ctx.settings.role.name, boundaryArn))
    shared = undefined
    const known = { functionPolicies: read.byResource, principalTags: facts.principalTags }
    return { checks: await localChecks(ctx, roleArn, policies, resources, why!, known) }
  }
  return (await settled(ctx, 'lambda:InvokeFunction checks', roleChanged, ask)).checks
}

/** Where IAM's requests go, for the one line that says the operation is missing there. */
const endpointOf = (ctx: RunContext): string =>
  `the endpoint ${ctx.settings.endpointUrl ?? process.env.AWS_ENDPOINT_URL_IAM ?? process.env.AWS_ENDPOINT_URL ?? 'of IAM'}`

/**
 * Asks IAM, retrying AWS's throttling and 5xx once: the local evaluation answers the same
 * question, so waiting longer buys nothing. An endpoint that answers "not implemented", or a 5xx
 * that is not AWS's (moto's HTML page), falls back to local evaluation at once.
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
        isTransientServerError(error) && !isNotImplemented(error) && !isForeignServerError(error)
          ? { reason: describeError(error) }
          : undefined,
      maxAttempts: Math.min(t.sdkMaxAttempts, 2),
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
  ctx: RunContext,
  roleArn: string,
  read: () => Promise<IdentityPolicies>,
  resources: string[],
  unavailable: string,
  known: InvokeKnown
): Promise<Check[]> {
  const method =
    known.functionPolicies?.size && [...known.functionPolicies.values()].some(Boolean)
      ? `local evaluation of inline, attached and boundary policies and the function policy (SimulatePrincipalPolicy not used: ${unavailable})`
      : `local evaluation of inline, attached and boundary policies (SimulatePrincipalPolicy unavailable: ${unavailable})`
  try {
    const { policies, boundary } = await read()
    const documents = [...policies, boundary, ...(known.functionPolicies?.values() ?? [])]
    const resourceTags = await functionTagsFor(ctx, documents)
    const all = { ...known, region: ctx.settings.region, resourceTags }
    return localInvokeChecks(roleArn, policies, boundary, resources, method, new Date(), all)
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
): Promise<IdentityPolicies> {
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
