// The optional extras of the dry run: IAM Access Analyzer's findings on the trust policy, and a
// live sts:AssumeRole by the runner itself, which must be denied. An extra that cannot run is
// "not checked", never passed.
import type { ValidatePolicyFinding } from '@aws-sdk/client-accessanalyzer'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { accessAnalyzerOf } from '../aws/clients.js'
import { describeError, errorName } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import type { PolicyDocument } from '../iam-policy/index.js'
import type { Check } from './checks.js'

/** IAM Access Analyzer's findings on the trust policy; errors and security warnings fail. */
export async function validateTrust(ctx: RunContext, trust: PolicyDocument): Promise<Check> {
  const name = 'Access Analyzer finds no error in the trust policy'
  const expected = 'no errors or security warnings'
  const method = 'access-analyzer:ValidatePolicy'
  try {
    const { paginateValidatePolicy } = await import('@aws-sdk/client-accessanalyzer')
    const client = await accessAnalyzerOf(ctx.clients)
    const findings: ValidatePolicyFinding[] = []
    for await (const page of paginateValidatePolicy(
      { client },
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
export async function probeSelfAssume(ctx: RunContext, roleArn: string): Promise<Check> {
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
    actual: `not checked (${describeError(error)})`,
    status: 'not-checked',
    method
  }
}
