// Benchmark of the trust analysis (`npx tsx bench/trust-analysis.bench.ts [runs]`): the time
// whoCanAssume takes on trust policies filled up to IAM's size limit for a role trust policy
// (2,048 characters without whitespace by default, 4,096 with the raised quota). Prints the
// median of many runs and what the analysis found; asserts nothing. Target: under 50 ms.
import type { PolicyStatement } from '../src/iam-policy/evaluate.js'
import { trustVerdict, whoCanAssume } from '../src/iam-policy/who-can-assume.js'
import {
  API_CONNECT,
  NOW,
  ORG_ID,
  OWN_ROLE,
  TARGET_ROLE
} from '../harness/trust-policy-generator.js'

const runs = Number(process.argv[2] ?? 25)
const IBM = TARGET_ROLE
const ORG = ORG_ID
const ROLE = OWN_ROLE
const apiConnect = API_CONNECT

/** Statements a shared role's trust policy accumulates: other orgs, accounts, CI, SAML, Denys. */
function mixed(i: number): PolicyStatement {
  const n = String(i).padStart(2, '0')
  const statements: PolicyStatement[] = [
    {
      ...apiConnect,
      Sid: `Org${n}`,
      Condition: { StringEquals: { 'sts:ExternalId': `5f3c9a21-e4b0-41b2-8c3d-4e5f607182${n}` } }
    },
    {
      Sid: `Acct${n}`,
      Effect: 'Allow',
      Principal: { AWS: [`1111222233${n}`, `arn:aws:iam::5555666677${n}:role/ops-${n}`] },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
    },
    {
      Sid: `Ci${n}`,
      Effect: 'Allow',
      Principal: {
        Federated: 'arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com'
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': `repo:acme/app-${n}:*` }
      }
    },
    {
      Sid: `Net${n}`,
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:*',
      Condition: {
        NotIpAddress: { 'aws:SourceIp': [`10.${i}.0.0/16`, `2001:db8:${i}::/48`] },
        Bool: { 'aws:ViaAWSService': 'false' }
      }
    },
    {
      Sid: `Saml${n}`,
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::444455556666:saml-provider/idp-${n}` },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }
    }
  ]
  return statements[i % statements.length]!
}

/** One condition-heavy statement per step: many keys the runner cannot know, in a Deny for all. */
function conditionHeavy(i: number): PolicyStatement {
  return {
    Sid: `Guard${i}`,
    Effect: i % 2 ? 'Deny' : 'Allow',
    Principal:
      i % 2 ? '*' : { AWS: `arn:aws:iam::1111222233${String(i).padStart(2, '0')}:role/r${i}` },
    Action: 'sts:AssumeRole',
    Condition: {
      StringLike: {
        'sts:ExternalId': [`ac51909e-${i}*`, `*-${i}?`],
        'aws:PrincipalTag/team': `t${i}*`
      },
      IpAddress: { 'aws:SourceIp': `192.0.${i}.0/24` },
      DateGreaterThan: { 'aws:TokenIssueTime': `2026-0${(i % 9) + 1}-01T00:00:00Z` }
    }
  }
}

const size = (statements: PolicyStatement[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }).length

/** The API Connect statement, then as many generated ones as fit under the limit. */
function fill(limit: number, make: (i: number) => PolicyStatement): PolicyStatement[] {
  const statements = [apiConnect]
  for (let i = 0; ; i++) {
    const next = [...statements, make(i)]
    if (size(next) > limit) return statements
    statements.push(next.at(-1)!)
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

for (const limit of [2048, 4096]) {
  for (const [name, make] of [
    ['mixed', mixed],
    ['condition-heavy', conditionHeavy]
  ] as const) {
    const statements = fill(limit, make)
    const policy = { Version: '2012-10-17', Statement: statements }
    const times: number[] = []
    let analysis = whoCanAssume(
      policy,
      { principalArn: IBM, externalId: ORG },
      { roleArn: ROLE, now: NOW }
    )
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      analysis = whoCanAssume(
        policy,
        { principalArn: IBM, externalId: ORG },
        { roleArn: ROLE, now: NOW }
      )
      times.push(performance.now() - start)
    }
    console.log(
      `${limit} chars, ${name}: ${size(statements)} chars, ${statements.length} statements — ` +
        `median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${runs} runs; ` +
        `verdict ${trustVerdict(analysis).verdict}, target ${analysis.target.decision}, ` +
        `${analysis.waysIn.length} ways in, ${analysis.undecided.length} undecided`
    )
  }
}
