// The corners of issue 19, end to end: the bundled action against the emulator, for roles managed
// elsewhere. Fresh names (a Deny on the analysis' own session name hides nobody), "*" pinned to
// IBM's role by aws:PrincipalArn, keys IAM documents for IBM's call, a `*` at the end of an ARN
// segment, the function's own policy (lambda:GetPolicy) and the keys the invoke knows (region,
// the function's tags).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { type Emulator, executionRole, type SeedRole, startEmulator } from '../../emulator/index.js'
import { functionArn, IBM_US_EAST as IBM, ORG, roleArn } from '../../harness/constants.js'
import { apiConnectStatement, invokeGrant, policy } from '../support/documents.js'
import { refuse, runE2e, type Inputs } from '../support/e2e.js'

const FN = functionArn('orders')
const INVOKE = `Role may invoke ${FN}`
const OPS = 'arn:aws:iam::111122223333:role/ops'
const ours = apiConnectStatement(IBM, ORG, 'ApiConnect')
const grant = { 'invoke-orders@us-east-1': invokeGrant(FN) }
const role = (name: string, trust: object[], inline: object = grant, tags?: object): SeedRole => ({
  name,
  assumeRolePolicy: policy(...trust),
  inlinePolicies: inline as SeedRole['inlinePolicies'],
  ...(tags ? { tags: tags as SeedRole['tags'] } : {})
})
const invokeWhen = (Condition: object) => ({
  'invoke-orders@us-east-1': policy({
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: [FN, `${FN}:*`],
    Condition
  })
})

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      roles: [
        executionRole('exec'),
        role('apic-hide', [
          ours,
          { Sid: 'Ops', Effect: 'Allow', Principal: { AWS: OPS }, Action: 'sts:AssumeRole' },
          {
            Sid: 'NotThatSession',
            Effect: 'Deny',
            Principal: {
              AWS: 'arn:aws:sts::111122223333:assumed-role/ops/apic-lambda-deploy-analysis'
            },
            Action: 'sts:AssumeRole'
          }
        ]),
        role('apic-pinned', [
          {
            Sid: 'Pinned',
            Effect: 'Allow',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: {
              StringEquals: { 'sts:ExternalId': ORG },
              ArnLike: { 'aws:PrincipalArn': IBM.replace('arn:aws:', 'arn:*:') }
            }
          }
        ]),
        role('apic-documented', [
          {
            ...ours,
            Condition: {
              ...ours.Condition,
              Bool: { 'aws:ViaAWSService': 'false', 'aws:PrincipalIsAWSService': 'false' },
              Null: { 'aws:SourceArn': 'true', 'aws:SourceAccount': 'true' }
            }
          }
        ]),
        role('apic-wild', [ours], {
          ...grant,
          fence: policy({
            Effect: 'Deny',
            Action: '*',
            Resource: 'arn:aws:lambda:*:function:orders'
          })
        }),
        role('apic-by-function', [ours], {}),
        role(
          'apic-tagged',
          [ours],
          invokeWhen({
            StringEquals: {
              'aws:RequestedRegion': 'us-east-1',
              'aws:ResourceTag/team': 'api',
              'aws:PrincipalTag/owner': 'apic'
            }
          }),
          { owner: 'apic' }
        )
      ],
      functions: [{ name: 'orders', role: roleArn('exec'), tags: { team: 'api' } }]
    }
  })
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(() => emulator.reset())

const run = (inputs: Inputs) =>
  runE2e(emulator, {
    'function-name': 'orders',
    'provider-org-id': ORG,
    'manage-role': 'false',
    ...inputs
  })

/** A statement of the function's own policy, as AddPermission would write it. */
function permit(principal: string): void {
  const fn = emulator.state.lambda.functions.get(FN)!
  fn.permissions = new Map([
    [
      '',
      [
        {
          Sid: 'apic',
          Effect: 'Allow',
          Principal: { AWS: principal },
          Action: 'lambda:InvokeFunction',
          Resource: FN
        }
      ]
    ]
  ])
}

describe('the trust analysis: fresh names, "*" pinned to IBM, documented keys', () => {
  it("a Deny on the analysis' own session name does not hide ops' other sessions", async () => {
    const r = await run({ 'role-name': 'apic-hide' })
    expect(r.outputs.verified).toBe('false')
    expect(r.checks['Nobody else can assume the role']).toMatchObject({ status: 'fail' })
    expect(r.summary).toContain('role/ops')
  })

  it('"*" pinned to IBM\'s role by aws:PrincipalArn (ArnLike, any partition) verifies', async () => {
    const r = await run({ 'role-name': 'apic-pinned' })
    expect(r.checks['Nobody else can assume the role']).toMatchObject({ status: 'pass' })
    expect(r.outputs.verified).toBe('true')
    expect(r.exitCode).toBe(0)
  })

  it("conditions on keys IAM documents for IBM's call are decided, not undecided", async () => {
    const r = await run({ 'role-name': 'apic-documented' })
    expect(r.checks['API Connect can assume the role']).toMatchObject({ status: 'pass' })
    expect(r.outputs.verified).toBe('true')
  })
})

describe('the invoke: trailing wildcards, the function policy, known keys', () => {
  it('a Deny on arn:aws:lambda:*:function:orders is undecided, never allowed', async () => {
    refuse(emulator, 'iam:SimulatePrincipalPolicy')
    const r = await run({ 'role-name': 'apic-wild' })
    expect(r.checks[INVOKE]).toMatchObject({ status: 'undecided' })
    expect(r.checks[INVOKE]!.actual).toMatch(/expand beyond colons/)
    expect(r.outputs.verified).toBe('undecided')
  })

  it('a function policy that names the role grants the invoke with no identity policy', async () => {
    permit(roleArn('apic-by-function'))
    const r = await run({ 'role-name': 'apic-by-function' })
    expect(r.checks[INVOKE]).toMatchObject({ status: 'pass' })
    expect(r.checks[INVOKE]!.method).toMatch(/function has a resource-based policy/)
    expect(r.outputs.verified).toBe('true')
    expect(r.calls).toContain('lambda:GetPolicy')
  })

  it('without a function policy the same role may not invoke (GetPolicy: none)', async () => {
    const r = await run({ 'role-name': 'apic-by-function' })
    expect(r.calls).toContain('lambda:GetPolicy(ResourceNotFoundException)')
    expect(r.checks[INVOKE]).toMatchObject({ status: 'fail' })
    expect(r.outputs.verified).toBe('false')
  })

  it('a function policy naming the account alone grants nothing', async () => {
    permit('arn:aws:iam::123456789012:root')
    const r = await run({ 'role-name': 'apic-by-function' })
    expect(r.checks[INVOKE]).toMatchObject({ status: 'fail' })
  })

  it('a refused GetPolicy leaves the invoke undecided, never passed', async () => {
    refuse(emulator, 'lambda:GetPolicy')
    const r = await run({ 'role-name': 'apic-tagged' })
    expect(r.checks[INVOKE]).toMatchObject({ status: 'undecided', method: 'lambda:GetPolicy' })
    expect(r.outputs.verified).toBe('undecided')
  })

  it("region, the function's tags and the role's tags are known: the conditioned grant verifies", async () => {
    refuse(emulator, 'iam:SimulatePrincipalPolicy')
    const r = await run({ 'role-name': 'apic-tagged' })
    expect(r.checks[INVOKE]).toMatchObject({ status: 'pass' })
    expect(r.outputs.verified).toBe('true')
    expect(r.calls).toContain('lambda:ListTags')
  })
})
