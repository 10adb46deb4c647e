// The verdict, end to end: the bundled action against the emulator, for every kind of trust policy
// that fooled a five-sample check (issue 9). Roles managed elsewhere (manage-role: false) are verified
// as they are; roles the action manages keep what it did not write, and fail while it lets others in.
// Each case asserts `verified`, the exit code, and that the summary names the way in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { type Emulator, executionRole, type SeedRole, startEmulator } from '../../emulator/index.js'
import {
  ACCOUNT,
  functionArn,
  IBM_EU_WEST,
  IBM_US_EAST as IBM,
  ORG,
  roleArn
} from '../../harness/constants.js'
import {
  apiConnectSid,
  apiConnectStatement,
  invokeGrant,
  policy as trust
} from '../support/documents.js'
import { refuse, runE2e, type Inputs } from '../support/e2e.js'

const FN = functionArn('orders')
const OTHER_ORG = '0d1c6f3e-5b7a-4c2e-9f80-123456789abc'
const OTHER_ACCOUNT = '111122223333'
const IBM_ACCOUNT = IBM.split(':')[4]!
const ours = apiConnectStatement(IBM, ORG, 'ApiConnect')
const allow = (Principal: unknown, extra: object = {}) => ({
  Sid: 'Other',
  Effect: 'Allow',
  Principal,
  Action: 'sts:AssumeRole',
  ...extra
})
const deny = (Condition: object) => ({
  Sid: 'Guard',
  Effect: 'Deny',
  Principal: '*',
  Action: 'sts:*',
  Condition
})
const withCondition = (Condition: object) => ({ ...ours, Condition })

/** name → [trust statements, verified, what the summary must name] */
const CASES: Record<string, [object[], 'true' | 'false' | 'undecided', RegExp]> = {
  "another account's root": [
    [ours, allow({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` })],
    'false',
    /111122223333:root/
  ],
  "another account's role": [
    [ours, allow({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/deployer` })],
    'false',
    /role\/deployer/
  ],
  "the own account's root": [
    [ours, allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` })],
    'false',
    new RegExp(`${ACCOUNT}:root`)
  ],
  '"*" narrowed by aws:PrincipalAccount': [
    [ours, allow('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } } })],
    'false',
    /\| Other \|/
  ],
  '"*" narrowed by aws:PrincipalOrgID': [
    [ours, allow('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })],
    'false',
    /aws:PrincipalOrgID/
  ],
  'GitHub OIDC through AssumeRoleWithWebIdentity': [
    [
      ours,
      allow(
        { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
        {
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/*' } }
        }
      )
    ],
    'false',
    /sts:AssumeRoleWithWebIdentity/
  ],
  'a SAML provider': [
    [
      ours,
      allow(
        { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/okta` },
        { Action: 'sts:AssumeRoleWithSAML' }
      )
    ],
    'false',
    /saml-provider\/okta/
  ],
  'sts:* for someone else': [
    [ours, allow({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/ops` }, { Action: 'sts:*' })],
    'false',
    /role\/ops/
  ],
  'lambda.amazonaws.com copied from an execution role': [
    [ours, allow({ Service: 'lambda.amazonaws.com' })],
    'false',
    /lambda\.amazonaws\.com/
  ],
  // One role may serve several API Connect regions: London with this org's ID is API Connect.
  "IBM's role for another API Connect region, with this org's ID": [
    [ours, apiConnectStatement(IBM_EU_WEST, ORG, 'London')],
    'true',
    /\| London \| API Connect for this org \(arn:aws:iam::623947394061:role\/ibm-apiconnect-eu-west-a\).*\| API Connect \(this org\) \|/
  ],
  "IBM's role for another API Connect region, with no external ID": [
    [ours, { ...apiConnectStatement(IBM_EU_WEST, ORG, 'London'), Condition: undefined }],
    'false',
    /\| London \| IBM's API Connect role \(arn:aws:iam::623947394061:role\/ibm-apiconnect-eu-west-a\)/
  ],
  'a principal list [IBM, someone else]': [
    [{ ...ours, Principal: { AWS: [IBM, `arn:aws:iam::${OTHER_ACCOUNT}:role/x`] } }],
    'false',
    /role\/x/
  ],
  'a Sid-less second statement for a previous org': [
    [ours, { ...apiConnectStatement(IBM, OTHER_ORG), Sid: undefined }],
    'false',
    /Statement\[1\]/
  ],
  'StringLike ac51909e-*': [
    [withCondition({ StringLike: { 'sts:ExternalId': 'ac51909e-*' } })],
    'false',
    /another external ID/
  ],
  'StringLike with ?': [
    [withCondition({ StringLike: { 'sts:ExternalId': ORG.replace(/.$/, '?') } })],
    'false',
    /another external ID/
  ],
  'StringEquals with a list': [
    [withCondition({ StringEquals: { 'sts:ExternalId': [ORG, OTHER_ORG] } })],
    'false',
    new RegExp(OTHER_ORG)
  ],
  'ForAnyValue:StringEquals with a list': [
    [withCondition({ 'ForAnyValue:StringEquals': { 'sts:ExternalId': [ORG, OTHER_ORG] } })],
    'false',
    /\| ApiConnect \|/
  ],
  'IBM given as its account root': [
    [{ ...ours, Principal: { AWS: `arn:aws:iam::${IBM_ACCOUNT}:root` } }],
    'false',
    new RegExp(`${IBM_ACCOUNT}:root`)
  ],
  'IBM given as a bare account ID': [
    [{ ...ours, Principal: { AWS: IBM_ACCOUNT } }],
    'false',
    new RegExp(`\\| ${IBM_ACCOUNT}`)
  ],
  'a Deny on aws:CurrentTime in the past': [
    [ours, deny({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } })],
    'false',
    /API Connect can assume the role \| allowed \| denied/
  ],
  'a Deny on aws:EpochTime in the past': [
    [ours, deny({ NumericGreaterThan: { 'aws:EpochTime': 1577836800 } })],
    'false',
    /API Connect can assume the role \| allowed \| denied/
  ],
  'a Deny on aws:PrincipalType AssumedRole': [
    [ours, deny({ StringEquals: { 'aws:PrincipalType': 'AssumedRole' } })],
    'false',
    /API Connect can assume the role \| allowed \| denied/
  ],
  'a Deny on aws:SourceIp 0.0.0.0/0': [
    [ours, deny({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })],
    'undecided',
    /⚠️ undecided/
  ],
  'an Allow that also requires aws:SecureTransport': [
    [{ ...ours, Condition: { ...ours.Condition, Bool: { 'aws:SecureTransport': 'true' } } }],
    'true',
    /verified ✅/
  ],
  'an Allow valid until 2099 (DateLessThan aws:CurrentTime)': [
    [
      {
        ...ours,
        Condition: {
          ...ours.Condition,
          DateLessThan: { 'aws:CurrentTime': '2099-12-31T00:00:00Z' }
        }
      }
    ],
    'true',
    /verified ✅/
  ],
  'an Allow valid until 2099 (NumericLessThan aws:EpochTime)': [
    [
      {
        ...ours,
        Condition: { ...ours.Condition, NumericLessThan: { 'aws:EpochTime': 4102358400 } }
      }
    ],
    'true',
    /verified ✅/
  ]
}

const names = Object.keys(CASES)
const slug = (i: number) => `apic-case-${i}`
const OPS = roleArn('ops')
const SID = apiConnectSid(IBM)

/** A role with the grant and an inline Deny of lambda:* under `Condition`. */
const guarded = (name: string, Condition: object): SeedRole => ({
  name,
  assumeRolePolicy: trust(ours),
  inlinePolicies: {
    'invoke-orders@us-east-1': invokeGrant(FN),
    guard: trust({ Effect: 'Deny', Action: 'lambda:*', Resource: '*', Condition })
  }
})

let emulator: Emulator
beforeAll(async () => {
  const roles: SeedRole[] = names.map((name, i) => ({
    name: slug(i),
    assumeRolePolicy: trust(...CASES[name]![0]),
    inlinePolicies: { 'invoke-orders@us-east-1': invokeGrant(FN) }
  }))
  emulator = await startEmulator({
    seed: {
      roles: [
        executionRole('exec'),
        executionRole('ops'),
        ...roles,
        {
          name: 'apic-shared',
          assumeRolePolicy: trust(ours, { ...apiConnectStatement(IBM, OTHER_ORG), Sid: undefined })
        },
        {
          name: 'apic-widened',
          assumeRolePolicy: trust({ ...apiConnectStatement(IBM), Principal: { AWS: [IBM, OPS] } })
        },
        guarded('apic-frozen', {
          DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }
        }),
        guarded('apic-fenced', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })
      ],
      functions: [{ name: 'orders', role: roleArn('exec') }]
    }
  })
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(() => emulator.reset())

const run = (inputs: Inputs) =>
  runE2e(emulator, { 'function-name': 'orders', 'provider-org-id': ORG, ...inputs })

describe('roles managed elsewhere: every category gets the right verdict, the way in named', () => {
  it.each(names.map((name, i) => [name, i] as const))('%s', async (name, i) => {
    const [, verified, named] = CASES[name]!
    const r = await run({ 'role-name': slug(i), 'manage-role': 'false' })

    expect(r.outputs.verified).toBe(verified)
    expect(r.exitCode).toBe(verified === 'true' ? 0 : 1)
    expect(r.summary).toMatch(named)
    if (verified === 'false' && r.checks['Nobody else can assume the role']?.status === 'fail')
      expect(r.summary).toContain('### Who else can assume the role')
    expect(r.writes).toEqual([])
  })
})

describe('declared principals', () => {
  it('a way in listed in accepted-principals is reported, not failed', async () => {
    const i = names.indexOf("another account's role")
    const r = await run({
      'role-name': slug(i),
      'manage-role': 'false',
      'accepted-principals': `arn:aws:iam::${OTHER_ACCOUNT}:role/deployer`
    })
    expect(r.outputs.verified).toBe('true')
    expect(r.exitCode).toBe(0)
    expect(r.checks['Nobody else can assume the role']!.actual).toMatch(
      /declared in accepted-principals: statement "Other" lets arn:aws:iam::111122223333:role\/deployer/
    )
    expect(r.summary).toMatch(/\| Other \| arn:aws:iam::111122223333:role\/deployer .*\| yes \|/)
  })

  it('IBM with another org can never be declared away', async () => {
    const i = names.indexOf('a Sid-less second statement for a previous org')
    const r = await run({
      'role-name': slug(i),
      'manage-role': 'false',
      'accepted-principals': OPS
    })
    expect(r.outputs.verified).toBe('false')
  })
})

describe('roles the action manages: merge never clobbers, and verification says what is left', () => {
  it('keeps a statement it did not write that lets IBM in for another org, and fails naming it', async () => {
    const r = await run({ 'role-name': 'apic-shared', 'manage-role': 'true' })

    const stored = JSON.parse(
      decodeURIComponent(emulator.state.iam.roles.get('apic-shared')!.assumeRolePolicy)
    )
    expect(stored.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Condition: { StringEquals: { 'sts:ExternalId': OTHER_ORG } } })
      ])
    )
    expect(r.outputs.verified).toBe('false')
    expect(r.exitCode).toBe(1)
    // Refused before any write: IBM is never let into a role that others can assume.
    expect(r.writes).toEqual([])
    expect(r.errors[0]).toMatch(
      /Nothing was written: .*Statement\[1\].*Remove the statements that let IBM's principal in/
    )
  })

  it('refuses to split a principal someone added to its statement until it is declared', async () => {
    const before = emulator.state.iam.roles.get('apic-widened')!.assumeRolePolicy
    const r = await run({ 'role-name': 'apic-widened', 'manage-role': 'true' })

    // The action would keep OPS in a statement of its own: others could still assume the role.
    expect(r.writes).toEqual([])
    expect(emulator.state.iam.roles.get('apic-widened')!.assumeRolePolicy).toBe(before)
    expect(r.outputs.verified).toBe('false')
    expect(r.errors[0]).toMatch(new RegExp(`Nothing was written: .*${SID}Other.*${OPS}`))
    expect(r.summary).toContain(`| ${SID}Other | ${OPS}`)

    // Declared, the same role is split and verifies: the kept statement is what the user wants.
    const declared = await run({
      'role-name': 'apic-widened',
      'manage-role': 'true',
      'accepted-principals': OPS
    })
    const stored = JSON.parse(
      decodeURIComponent(emulator.state.iam.roles.get('apic-widened')!.assumeRolePolicy)
    )
    expect(stored.Statement).toEqual([
      apiConnectStatement(IBM),
      { ...apiConnectStatement(IBM), Sid: `${SID}Other`, Principal: { AWS: OPS } }
    ])
    expect(declared.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`statement ${SID} also trusted ${OPS}`))
      ])
    )
    expect(declared.outputs.verified).toBe('true')
    const again = await run({
      'role-name': 'apic-widened',
      'manage-role': 'true',
      'accepted-principals': OPS
    })
    expect(again.outputs.verified).toBe('true')
    expect(again.writes).toEqual([])
  })
})

describe("the role's permission policies, evaluated locally when SimulatePrincipalPolicy is refused", () => {
  beforeEach(() => refuse(emulator, 'iam:SimulatePrincipalPolicy'))

  it('a Deny on aws:CurrentTime in the past denies the invoke', async () => {
    const r = await run({ 'role-name': 'apic-frozen', 'manage-role': 'false' })
    expect(r.checks[`Role may invoke ${FN}`]).toMatchObject({ status: 'fail' })
    expect(r.outputs.verified).toBe('false')
  })

  it('a Deny on aws:SourceIp is undecided, never allowed', async () => {
    const r = await run({ 'role-name': 'apic-fenced', 'manage-role': 'false' })
    expect(r.checks[`Role may invoke ${FN}`]).toMatchObject({ status: 'undecided' })
    expect(r.outputs.verified).toBe('undecided')
    expect(r.exitCode).toBe(1)
  })
})
