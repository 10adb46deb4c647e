// The STS dry run (DESIGN.md §4): prove from the runner what can be proven about API Connect
// assuming the role and invoking the function. Reads only; the decisions live in checks.ts.
import * as core from '@actions/core'
import { ValidatePolicyCommand } from '@aws-sdk/client-accessanalyzer'
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type IAMClient
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { retry, RetriesExhausted } from './retry.js'
import {
  checkFrom,
  failed,
  invokeCheckName,
  localInvokeChecks,
  missingRoleChecks,
  trustChecks,
  type Check
} from './checks.js'
import type { RunContext } from './context.js'
import type { RoleOutcome } from './ensure-role.js'
import { parsePolicyDocument } from './policy-evaluator.js'
import type { Decision, NamedPolicy } from './policy-types.js'

/** How long a denied invoke check is re-asked after this run changed the role. */
export const PROPAGATION_WAIT_MS = 30_000

class NotPropagatedYet extends Error {
  constructor(readonly checks: Check[]) {
    super('denied by the simulation')
  }
}

const SIMULATED: Record<string, Decision> = {
  allowed: 'allowed',
  explicitDeny: 'explicit-deny',
  implicitDeny: 'implicit-deny'
}

export async function verify(
  ctx: RunContext,
  role: RoleOutcome,
  aliasArn?: string
): Promise<Check[]> {
  const { settings, identity } = ctx
  const { principalArn, externalId } = settings.apiConnect
  const resources = [ctx.functionArn, ...(aliasArn ? [aliasArn] : [])]
  const checks: Check[] = [
    {
      name: 'The credentials work',
      expected: settings.expectedAccountId
        ? `account ${settings.expectedAccountId}`
        : 'an identity',
      actual: identity.arn,
      status: 'pass',
      method: 'sts:GetCallerIdentity'
    }
  ]

  if (settings.dryRun) {
    const method = 'local evaluation of the planned documents (dry run)'
    checks.push(...trustChecks(role.trustPolicy, principalArn, externalId, method))
    checks.push(
      ...localInvokeChecks(
        [{ name: 'planned grant', document: role.grantPolicy }],
        undefined,
        resources,
        method
      )
    )
    return checks
  }

  const live = await ctx.clients.iam
    .send(new GetRoleCommand({ RoleName: settings.role.name }))
    .then(r => r.Role)
    .catch((error: Error) => {
      if (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity') return undefined
      throw error
    })
  if (!live?.AssumeRolePolicyDocument)
    return [
      ...checks,
      ...missingRoleChecks(
        principalArn,
        externalId,
        resources,
        `role ${settings.role.name} does not exist`
      )
    ]

  const trust = parsePolicyDocument(live.AssumeRolePolicyDocument)
  checks.push(
    ...trustChecks(
      trust,
      principalArn,
      externalId,
      'local evaluation of the trust policy as IAM stores it'
    )
  )
  checks.push(
    ...(await invokeChecks(
      ctx,
      live.Arn ?? ctx.roleArn,
      live.PermissionsBoundary?.PermissionsBoundaryArn,
      resources,
      settings.role.manage && role.changes.some(c => c.action !== 'unchanged')
    ))
  )
  if (settings.validateTrustPolicy)
    checks.push(await validateTrust(ctx, live.AssumeRolePolicyDocument))
  if (settings.probeSelfAssume) checks.push(await probeSelfAssume(ctx, live.Arn ?? ctx.roleArn))
  return checks
}

/** iam:SimulatePrincipalPolicy where it works; otherwise the same question answered locally. */
async function invokeChecks(
  ctx: RunContext,
  roleArn: string,
  boundaryArn: string | undefined,
  resources: string[],
  roleChanged: boolean
): Promise<Check[]> {
  const { iam } = ctx.clients
  const simulate = async (): Promise<Check[]> => {
    const { EvaluationResults = [] } = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: roleArn,
        ActionNames: ['lambda:InvokeFunction'],
        ResourceArns: resources
      })
    )
    const checks = resources.map(resource =>
      checkFrom(
        invokeCheckName(resource),
        'allowed',
        simulatedDecision(EvaluationResults, resource),
        'iam:SimulatePrincipalPolicy'
      )
    )
    if (roleChanged && failed(checks).length) throw new NotPropagatedYet(checks)
    return checks
  }
  try {
    // IAM is eventually consistent: a grant written seconds ago may not be simulated yet.
    return await retry(simulate, {
      label: 'iam:SimulatePrincipalPolicy',
      retryable: error =>
        error instanceof NotPropagatedYet
          ? {
              reason: 'the role changed in this run and IAM may not show the change everywhere yet'
            }
          : undefined,
      maxElapsedMs: PROPAGATION_WAIT_MS
    })
  } catch (error) {
    if (error instanceof RetriesExhausted && error.lastError instanceof NotPropagatedYet)
      return error.lastError.checks
    const why = `${(error as Error).name}: ${(error as Error).message}`
    core.info(
      `iam:SimulatePrincipalPolicy is not available (${why}); evaluating the role's policies locally`
    )
    const { policies, boundary } = await readIdentityPolicies(
      iam,
      ctx.settings.role.name,
      boundaryArn
    )
    const method = `local evaluation of inline, attached and boundary policies (SimulatePrincipalPolicy unavailable: ${why})`
    return localInvokeChecks(policies, boundary, resources, method)
  }
}

/**
 * IAM now answers once per action, with per-resource decisions in ResourceSpecificResults;
 * it used to answer once per resource. Both shapes are read.
 */
export function simulatedDecision(results: EvaluationResult[], resource: string): Decision {
  for (const result of results) {
    const specific = result.ResourceSpecificResults?.find(r => r.EvalResourceName === resource)
    if (specific) return SIMULATED[specific.EvalResourceDecision ?? ''] ?? 'cannot-evaluate'
  }
  const result = results.find(r => r.EvalResourceName === resource)
  return SIMULATED[result?.EvalDecision ?? ''] ?? 'cannot-evaluate'
}

async function readIdentityPolicies(
  iam: IAMClient,
  roleName: string,
  boundaryArn: string | undefined
): Promise<{ policies: NamedPolicy[]; boundary?: NamedPolicy }> {
  const inline: Promise<NamedPolicy>[] = []
  for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName }))
    for (const name of page.PolicyNames ?? [])
      inline.push(
        iam
          .send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))
          .then(r => ({ name, document: parsePolicyDocument(r.PolicyDocument ?? '') }))
      )
  const attached: Promise<NamedPolicy>[] = []
  for await (const page of paginateListAttachedRolePolicies(
    { client: iam },
    { RoleName: roleName }
  ))
    for (const p of page.AttachedPolicies ?? [])
      attached.push(readManagedPolicy(iam, p.PolicyArn ?? ''))
  const [policies, boundary] = await Promise.all([
    Promise.all([...inline, ...attached]),
    boundaryArn ? readManagedPolicy(iam, boundaryArn) : undefined
  ])
  return { policies, boundary }
}

async function readManagedPolicy(iam: IAMClient, arn: string): Promise<NamedPolicy> {
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
  const { PolicyVersion } = await iam.send(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy?.DefaultVersionId })
  )
  return { name: arn, document: parsePolicyDocument(PolicyVersion?.Document ?? '') }
}

/** IAM Access Analyzer's findings on the trust policy; errors and security warnings fail. */
async function validateTrust(ctx: RunContext, encodedTrust: string): Promise<Check> {
  const name = 'Access Analyzer finds no error in the trust policy'
  const method = 'access-analyzer:ValidatePolicy'
  try {
    const { findings = [] } = await ctx.clients.accessAnalyzer.send(
      new ValidatePolicyCommand({
        policyDocument: JSON.stringify(parsePolicyDocument(encodedTrust)),
        policyType: 'RESOURCE_POLICY',
        validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument'
      })
    )
    const serious = findings.filter(
      f => f.findingType === 'ERROR' || f.findingType === 'SECURITY_WARNING'
    )
    const actual = findings.length
      ? findings.map(f => `${f.findingType} ${f.issueCode}: ${f.findingDetails}`).join('; ')
      : 'no findings'
    return {
      name,
      expected: 'no errors or security warnings',
      actual,
      status: serious.length ? 'fail' : 'pass',
      method
    }
  } catch (error) {
    return notChecked(name, 'no errors or security warnings', method, error)
  }
}

/** The runner itself must not be able to assume the role: proof that it trusts no one else. */
async function probeSelfAssume(ctx: RunContext, roleArn: string): Promise<Check> {
  const name = 'The runner itself cannot assume the role'
  const method = 'sts:AssumeRole as the runner'
  try {
    // Credentials that come back are dropped unread.
    await ctx.clients.sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'apic-lambda-deploy-probe' })
    )
    return {
      name,
      expected: 'denied',
      actual: `allowed for ${ctx.identity.arn}`,
      status: 'fail',
      method
    }
  } catch (error) {
    if (
      (error as Error).name === 'AccessDenied' ||
      (error as Error).name === 'AccessDeniedException'
    )
      return { name, expected: 'denied', actual: 'denied', status: 'pass', method }
    return notChecked(name, 'denied', method, error)
  }
}

function notChecked(name: string, expected: string, method: string, error: unknown): Check {
  const why = `${(error as Error).name}: ${(error as Error).message}`
  return { name, expected, actual: `not checked (${why})`, status: 'not-checked', method }
}
