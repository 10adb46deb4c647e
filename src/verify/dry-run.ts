// The STS dry run (DESIGN.md §4): prove from the runner what can be proven about API Connect
// assuming the role and invoking the function. Reads only; the decisions live in checks.ts.
//
// Every AWS failure here becomes a check (failed, or "not checked" for the optional extras) rather
// than an exception: the run must still set its outputs and write its summary.
import { paginateValidatePolicy, type ValidatePolicyFinding } from '@aws-sdk/client-accessanalyzer'
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
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { errorName, retry, RetriesExhausted } from '../aws/retry.js'
import {
  checkFrom,
  failed,
  invokeCheckName,
  localInvokeChecks,
  missingRoleChecks,
  trustChecks,
  type Check
} from './checks.js'
import type { RunContext } from '../context.js'
import type { RoleOutcome } from '../role/apply.js'
import { readRole, type LiveRole } from '../role/read.js'
import { parsePolicyDocument } from '../iam-policy/evaluate.js'
import type { Decision, NamedPolicy, PolicyDocument } from '../iam-policy/types.js'

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

  // A dry run checks the planned documents. A role managed elsewhere gets no write, dry run or
  // not: its live documents are the planned ones, so it is read below.
  if (settings.dryRun && settings.role.manage)
    return [...checks, ...(await plannedChecks(ctx, role, resources))]

  // IAM is eventually consistent: a role written seconds ago may not read back as written yet.
  const roleChanged =
    !settings.dryRun && settings.role.manage && role.changes.some(c => c.action !== 'unchanged')
  const read = await settled(ctx, 'iam:GetRole', roleChanged, async (): Promise<RoleRead> => {
    try {
      const live = await readRole(ctx.clients.iam, settings.role.name)
      if (live)
        return {
          live,
          checks: trustChecks(live.trustPolicy, principalArn, externalId, TRUST_METHOD)
        }
      const why = `role ${settings.role.name} does not exist`
      return { checks: missingRoleChecks(principalArn, externalId, resources, why) }
    } catch (error) {
      const why = `GetRole failed: ${describe((error as Error).cause ?? error)}`
      return { checks: missingRoleChecks(principalArn, externalId, resources, why) }
    }
  })
  checks.push(...read.checks)
  const { live } = read
  if (!live) return checks

  const roleArn = live.arn || ctx.roleArn
  checks.push(
    ...(await invokeChecks(ctx, roleArn, live.permissionsBoundary, resources, roleChanged))
  )
  if (settings.validateTrustPolicy) checks.push(await validateTrust(ctx, live.trustPolicy))
  if (settings.probeSelfAssume) checks.push(await probeSelfAssume(ctx, roleArn))
  return checks
}

const TRUST_METHOD = 'local evaluation of the trust policy as IAM stores it'

interface RoleRead {
  live?: LiveRole
  checks: Check[]
}

/**
 * In a dry run: the planned trust policy, and the planned grant next to what else the role has
 * (its other policies and its planned or current boundary), as IAM will evaluate them after a run.
 */
async function plannedChecks(
  ctx: RunContext,
  role: RoleOutcome,
  resources: string[]
): Promise<Check[]> {
  const { principalArn, externalId } = ctx.settings.apiConnect
  const { name, permissionsBoundary } = ctx.settings.role
  const method = 'local evaluation of the planned documents (dry run)'
  const grant: NamedPolicy = { name: role.grantPolicyName, document: role.grantPolicy }
  const trust = trustChecks(role.trustPolicy, principalArn, externalId, method)
  try {
    const live = await readRole(ctx.clients.iam, name)
    const boundaryArn = permissionsBoundary ?? live?.permissionsBoundary
    const current = live
      ? await readIdentityPolicies(ctx.clients.iam, name, boundaryArn)
      : {
          policies: [],
          boundary: boundaryArn ? await readManagedPolicy(ctx.clients.iam, boundaryArn) : undefined
        }
    // The planned grant replaces the live one of the same name.
    const policies = [...current.policies.filter(p => p.name !== grant.name), grant]
    return [
      ...trust,
      ...localInvokeChecks(ctx.roleArn, policies, current.boundary, resources, method)
    ]
  } catch (error) {
    const partial = `${method}; the role's other policies and boundary could not be read (${describe(error)})`
    return [...trust, ...localInvokeChecks(ctx.roleArn, [grant], undefined, resources, partial)]
  }
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
  // A refusal stays a refusal; anything else (throttling, a role IAM does not show yet) is asked again.
  let refused: string | undefined
  const ask = async (): Promise<{ checks: Check[] }> => {
    let why = refused
    if (why === undefined) {
      try {
        return { checks: await simulatedChecks(iam, roleArn, resources) }
      } catch (error) {
        why = describe(error)
        if (errorName(error)?.startsWith('AccessDenied')) refused = why
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

async function simulatedChecks(
  iam: IAMClient,
  roleArn: string,
  resources: string[]
): Promise<Check[]> {
  const { EvaluationResults = [] } = await iam.send(
    new SimulatePrincipalPolicyCommand({
      PolicySourceArn: roleArn,
      ActionNames: ['lambda:InvokeFunction'],
      ResourceArns: resources
    })
  )
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
    return localInvokeChecks(roleArn, policies, boundary, resources, method)
  } catch (error) {
    // Neither way answered: the permission is unproven, which is a failure, not a pass.
    const why = `the role's policies could not be read: ${describe(error)}`
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

class NotSettled<T> extends Error {
  constructor(readonly answer: T) {
    super('a check failed')
  }
}

/**
 * Asks once; when this run changed the role and a check failed, asks again with backoff until
 * every check passes or the bound runs out, and returns the last answer.
 */
async function settled<T extends { checks: Check[] }>(
  ctx: RunContext,
  label: string,
  roleChanged: boolean,
  ask: () => Promise<T>
): Promise<T> {
  const timing = ctx.timing
  if (!roleChanged) return ask()
  try {
    return await retry(
      async () => {
        const answer = await ask()
        if (failed(answer.checks).length) throw new NotSettled(answer)
        return answer
      },
      {
        label,
        retryable: error =>
          error instanceof NotSettled
            ? {
                reason:
                  'the role changed in this run and IAM may not show the change everywhere yet'
              }
            : undefined,
        maxElapsedMs: timing.propagationWaitMs,
        initialDelayMs: timing.initialDelayMs,
        maxDelayMs: timing.maxDelayMs,
        log: ctx.log.info
      }
    )
  } catch (error) {
    if (error instanceof RetriesExhausted && error.lastError instanceof NotSettled)
      return error.lastError.answer as T
    throw error
  }
}

async function readIdentityPolicies(
  iam: IAMClient,
  roleName: string,
  boundaryArn: string | undefined
): Promise<{ policies: NamedPolicy[]; boundary?: NamedPolicy }> {
  // One read at a time: a role shared by many functions has many grants, and IAM throttles bursts.
  const policies: NamedPolicy[] = []
  for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName }))
    for (const name of page.PolicyNames ?? []) {
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

async function readManagedPolicy(iam: IAMClient, arn: string): Promise<NamedPolicy> {
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
  const { PolicyVersion } = await iam.send(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy?.DefaultVersionId })
  )
  return { name: arn, document: parsePolicyDocument(PolicyVersion?.Document ?? '') }
}

/** IAM Access Analyzer's findings on the trust policy; errors and security warnings fail. */
async function validateTrust(ctx: RunContext, trust: PolicyDocument): Promise<Check> {
  const name = 'Access Analyzer finds no error in the trust policy'
  const expected = 'no errors or security warnings'
  const method = 'access-analyzer:ValidatePolicy'
  try {
    const findings: ValidatePolicyFinding[] = []
    for await (const page of paginateValidatePolicy(
      { client: ctx.clients.accessAnalyzer },
      {
        policyDocument: JSON.stringify(trust),
        policyType: 'RESOURCE_POLICY',
        validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument'
      }
    ))
      findings.push(...(page.findings ?? []))
    const serious = findings.filter(
      f => f.findingType === 'ERROR' || f.findingType === 'SECURITY_WARNING'
    )
    const actual = findings.length
      ? findings.map(f => `${f.findingType} ${f.issueCode}: ${f.findingDetails}`).join('; ')
      : 'no findings'
    return { name, expected, actual, status: serious.length ? 'fail' : 'pass', method }
  } catch (error) {
    return notChecked(name, expected, method, error)
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
    const code = errorName(error)
    if (code === 'AccessDenied' || code === 'AccessDeniedException')
      return { name, expected: 'denied', actual: 'denied', status: 'pass', method }
    return notChecked(name, 'denied', method, error)
  }
}

function notChecked(name: string, expected: string, method: string, error: unknown): Check {
  return {
    name,
    expected,
    actual: `not checked (${describe(error)})`,
    status: 'not-checked',
    method
  }
}

const describe = (error: unknown): string =>
  `${errorName(error) ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`
