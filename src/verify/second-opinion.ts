// A second opinion from AWS, on request (access-analyzer-checks): IAM Access Analyzer's
// CheckNoNewAccess (the trust policy against a reference that lets in only IBM's principal with
// this org's external ID, plus the principals accepted-principals declares) and CheckNoPublicAccess
// (AWS::IAM::AssumeRolePolicyDocument), each set beside the local analysis's answer to the same
// question. Agreement passes; a disagreement fails, so `verified` cannot be true while the engines
// differ. AWS bills each call; an operation that cannot run is "not checked", never passed.
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html
import type { ReasonSummary } from '@aws-sdk/client-accessanalyzer'
import { accessAnalyzerOf } from '../aws/clients.js'
import { describeError } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import type { PolicyDocument, PolicyPrincipal } from '../iam-policy/index.js'
import { PUBLISHED_PRINCIPALS } from '../inputs/api-connect-regions.js'
import { type Check, NOBODY_ELSE, type TrustQuestion } from './checks.js'

const NO_NEW_ACCESS = 'Access Analyzer agrees: nobody else can assume the role'
const NO_PUBLIC_ACCESS = 'Access Analyzer agrees: the role is not public'
const EXPECTED = 'the same answer as the local analysis'

type Answer = 'PASS' | 'FAIL'

/**
 * The trust policy the role may have: API Connect with this org's ID (this run's principal, and the
 * other published regions' — one role may serve several), and the declared principals.
 */
function referencePolicy(question: Omit<TrustQuestion, 'now' | 'roleArn'>): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ApiConnect',
        Effect: 'Allow',
        Principal: {
          AWS: [...new Set([question.principalArn, ...PUBLISHED_PRINCIPALS])]
        },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': question.externalId } }
      },
      ...question.accepted.map((principal, i) => ({
        Sid: `Accepted${i + 1}`,
        Effect: 'Allow' as const,
        Principal: principalOf(principal),
        Action: 'sts:*'
      }))
    ]
  }
}

const FEDERATED_NAMES = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com'
])

/** accepted-principals names principals as a trust policy does: an account, an ARN, a service or provider. */
function principalOf(value: string): PolicyPrincipal {
  if (
    /^\d{12}$/.test(value) ||
    /^arn:[\w-]+:(iam|sts)::\d{12}:(?!oidc-provider|saml-provider)/.test(value)
  )
    return { AWS: value }
  if (value.startsWith('arn:') || FEDERATED_NAMES.has(value)) return { Federated: value }
  return { Service: value }
}

/** The local analysis's answers to the two questions, from the trust checks already made. */
function localAnswers(checks: Check[]): { newAccess?: Answer; publicAccess?: Answer } {
  const nobodyElse = checks.find(c => c.name === NOBODY_ELSE)
  if (!nobodyElse || nobodyElse.status === 'undecided') return {}
  const open = (nobodyElse.waysIn ?? []).some(
    w => w.principal === '*' || w.principal.startsWith('everyone except')
  )
  return {
    newAccess: nobodyElse.status === 'pass' ? 'PASS' : 'FAIL',
    publicAccess: open ? 'FAIL' : 'PASS'
  }
}

export async function secondOpinion(
  ctx: RunContext,
  trust: PolicyDocument,
  checks: Check[]
): Promise<Check[]> {
  const local = localAnswers(checks)
  const { apiConnect, acceptedPrincipals } = ctx.settings
  const reference = referencePolicy({
    principalArn: apiConnect.principalArn,
    externalId: apiConnect.externalId,
    accepted: acceptedPrincipals
  })
  const { CheckNoNewAccessCommand, CheckNoPublicAccessCommand } =
    await import('@aws-sdk/client-accessanalyzer')
  const ask = async (
    name: string,
    method: string,
    ours: Answer | undefined,
    call: () => Promise<{ result?: string; reasons?: ReasonSummary[] }>
  ): Promise<Check> => {
    try {
      const { result, reasons = [] } = await call()
      const why = reasons.map(
        r =>
          `${r.statementId ? `"${r.statementId}"` : `Statement[${r.statementIndex}]`}: ${r.description}`
      )
      const theirs = `Access Analyzer: ${result ?? 'no answer'}${why.length ? ` (${why.join('; ')})` : ''}`
      const actual = `${theirs}; local analysis: ${ours ?? 'undecided'}`
      if (!ours) return { name, expected: EXPECTED, actual, status: 'undecided', method }
      const agree = result === ours
      return {
        name,
        expected: EXPECTED,
        actual: agree ? actual : `the engines disagree. ${actual}`,
        status: agree ? 'pass' : 'fail',
        method
      }
    } catch (error) {
      const actual = `not checked (${describeError(error)})`
      return { name, expected: EXPECTED, actual, status: 'not-checked', method }
    }
  }
  const client = await accessAnalyzerOf(ctx.clients)
  const document = JSON.stringify(trust)
  return Promise.all([
    ask(
      NO_NEW_ACCESS,
      'access-analyzer:CheckNoNewAccess against the reference trust policy',
      local.newAccess,
      () =>
        client.send(
          new CheckNoNewAccessCommand({
            existingPolicyDocument: JSON.stringify(reference),
            newPolicyDocument: document,
            policyType: 'RESOURCE_POLICY'
          })
        )
    ),
    ask(NO_PUBLIC_ACCESS, 'access-analyzer:CheckNoPublicAccess', local.publicAccess, () =>
      client.send(
        new CheckNoPublicAccessCommand({
          policyDocument: document,
          resourceType: 'AWS::IAM::AssumeRolePolicyDocument'
        })
      )
    )
  ])
}
