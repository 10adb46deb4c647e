// The STS dry run's AWS side (src/verify/dry-run.ts), one narrow path at a time, with aws-sdk-client-mock:
// which calls it makes, which method each check names, and how it degrades.
import {
  AccessAnalyzerClient,
  AccessDeniedException,
  ValidatePolicyCommand,
  type ValidatePolicyFinding
} from '@aws-sdk/client-accessanalyzer'
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult
} from '@aws-sdk/client-iam'
import {
  GetPolicyCommand as GetFunctionPolicyCommand,
  LambdaClient,
  ResourceNotFoundException
} from '@aws-sdk/client-lambda'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { captureCoreOutput } from '../support/core-output.js'
import { mockClient } from 'aws-sdk-client-mock'
import type { Check } from '../../src/verify/checks.js'
import type { RunContext } from '../../src/context.js'
import { testContext } from '../support/context.js'
import type { RoleChange } from '../../src/role/changes.js'
import { DEFAULT_TIMING, type Timing } from '../../src/timing.js'
import type { RoleOutcome } from '../../src/role/apply.js'
import type { Settings } from '../../src/inputs/settings.js'
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/types.js'
import { verify } from '../../src/verify/dry-run.js'
import { simulatedDecision } from '../../src/verify/invoke.js'

const ACCOUNT = '123456789012'
const IBM = 'arn:aws:iam::623947394061:role/ibm-apiconnect-us-east-a'
const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`
const ALIAS = `${FN}:live`
const ROLE_NAME = 'apic-invoke-orders'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`
const GRANT_NAME = 'invoke-orders@us-east-1'
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/team-boundary`
const ATTACHED = `arn:aws:iam::${ACCOUNT}:policy/freeze`
const CALLER = `arn:aws:iam::${ACCOUNT}:user/ci`
const loopback = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
}
const FAST: Partial<Timing> = { propagationWaitMs: 200, initialDelayMs: 5, maxDelayMs: 20 }

const SIMULATE = 'iam:SimulatePrincipalPolicy'
const TRUST_METHOD =
  'analysis of the trust policy as IAM stores it, over every principal, external ID and sts:AssumeRole* action'
const CAN_ASSUME = 'API Connect can assume the role'
const NOBODY_ELSE = 'Nobody else can assume the role'
const INVOKE_FN = `Role may invoke ${FN}`
const INVOKE_ALIAS = `Role may invoke ${ALIAS}`
const VALIDATE = 'Access Analyzer finds no error in the trust policy'
const SELF_ASSUME = 'The runner itself cannot assume the role'
const ONLY_INVOKE = 'The role can do nothing but invoke'
const ONLY_INVOKE_METHOD =
  "analysis of the role's inline, attached and AWS managed policies (default versions) and its permissions boundary, over every action and resource"

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})
const TRUST = policy({
  Sid: 'ApiConnectAssumeRole',
  Effect: 'Allow',
  Principal: { AWS: IBM },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': ORG } }
})
/** The confused deputy: API Connect trusted without the org's external ID. */
const OPEN_TRUST = policy({
  Sid: 'ApiConnectAssumeRole',
  Effect: 'Allow',
  Principal: { AWS: IBM },
  Action: 'sts:AssumeRole'
})
const GRANT = policy({
  Sid: 'ApiConnectInvokeFunction',
  Effect: 'Allow',
  Action: 'lambda:InvokeFunction',
  Resource: [FN, `${FN}:*`]
})
const FREEZE = policy({ Sid: 'Freeze', Effect: 'Deny', Action: 'lambda:*', Resource: '*' })
const S3_ONLY = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
/** IAM returns policy documents URL-encoded. */
const encoded = (doc: PolicyDocument) => encodeURIComponent(JSON.stringify(doc))

const settings = (overrides: Partial<Settings> = {}): Settings =>
  ({
    functionName: 'orders',
    region: 'us-east-1',
    apiConnect: { externalId: ORG, principalArn: IBM, source: 'api-connect-region us-east-a' },
    role: { name: ROLE_NAME, path: '/', tags: {}, manage: true },
    verify: 'fail',
    acceptedPrincipals: [],
    validateTrustPolicy: false,
    accessAnalyzerChecks: false,
    probeSelfAssume: false,
    dryRun: false,
    ...overrides
  }) as Settings

function context(overrides: Partial<Settings> = {}): RunContext {
  return testContext({
    settings: settings(overrides),
    clients: {
      iam: new IAMClient(loopback),
      sts: new STSClient(loopback),
      lambda: new LambdaClient(loopback),
      accessAnalyzer: new AccessAnalyzerClient(loopback)
    },
    identity: { accountId: ACCOUNT, partition: 'aws', arn: CALLER },
    provenance: { repository: 'acme/orders', commit: 'abcdef0', runUrl: 'https://x/runs/1' },
    timing: { ...DEFAULT_TIMING, ...FAST },
    functionArn: FN,
    roleArn: ROLE_ARN
  })
}

const TARGET = { principalArn: IBM, externalId: ORG }
const grantChange = (action: 'update' | 'unchanged'): RoleChange => ({
  roleName: ROLE_NAME,
  kind: 'grant',
  action,
  policyName: GRANT_NAME,
  functionArn: FN
})
const UNCHANGED: RoleChange[] = [
  { roleName: ROLE_NAME, kind: 'trust', action: 'unchanged', trust: TARGET },
  grantChange('unchanged')
]
const UPDATED: RoleChange[] = [grantChange('update')]
const outcome = (overrides: Partial<RoleOutcome> = {}): RoleOutcome => ({
  changes: UNCHANGED,
  roleArn: ROLE_ARN,
  trustPolicy: TRUST,
  grantPolicyName: GRANT_NAME,
  grantPolicy: GRANT,
  ...overrides
})

const iam = mockClient(IAMClient)
const sts = mockClient(STSClient)
const analyzer = mockClient(AccessAnalyzerClient)
const lambda = mockClient(LambdaClient)
const output = captureCoreOutput()
/** Lambda's answer for a function (or qualifier) with no policy of its own. */
const NO_POLICY = new ResourceNotFoundException({ message: 'no policy', $metadata: {} })

beforeEach(() => {
  iam.reset()
  sts.reset()
  analyzer.reset()
  lambda.reset()
  lambda.on(GetFunctionPolicyCommand).rejects(NO_POLICY)
  // The role's own grant, read for "The role can do nothing but invoke" unless a test says otherwise.
  rolePolicies({ [GRANT_NAME]: GRANT })
})

const awsError = (name: string, message = `${name} (test)`) =>
  Object.assign(new Error(message), { name, $metadata: {} })

/** A role as GetRole answers it. */
function liveRole(trust: PolicyDocument = TRUST, boundary?: string) {
  return {
    Role: {
      RoleName: ROLE_NAME,
      RoleId: 'AROAEXAMPLE',
      Path: '/',
      Arn: ROLE_ARN,
      CreateDate: new Date(0),
      AssumeRolePolicyDocument: encoded(trust),
      ...(boundary
        ? {
            PermissionsBoundary: {
              PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
              PermissionsBoundaryArn: boundary
            }
          }
        : {})
    }
  }
}

/** IAM's current answer: one result per action, per-resource decisions inside. */
function simulation(decisions: Record<string, string>): { EvaluationResults: EvaluationResult[] } {
  const values = Object.values(decisions)
  return {
    EvaluationResults: [
      {
        EvalActionName: 'lambda:InvokeFunction',
        EvalResourceName: Object.keys(decisions)[0],
        EvalDecision: values.includes('explicitDeny')
          ? 'explicitDeny'
          : values.includes('implicitDeny')
            ? 'implicitDeny'
            : 'allowed',
        ResourceSpecificResults: Object.entries(decisions).map(([resource, decision]) => ({
          EvalResourceName: resource,
          EvalResourceDecision: decision as 'allowed'
        }))
      }
    ]
  }
}

/** The role's policies as the local fallback reads them. */
function rolePolicies(
  inline: Record<string, PolicyDocument>,
  managed: Record<string, PolicyDocument> = {},
  attached: string[] = Object.keys(managed).filter(arn => arn !== BOUNDARY)
) {
  iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: Object.keys(inline) })
  for (const [name, doc] of Object.entries(inline))
    iam
      .on(GetRolePolicyCommand, { RoleName: ROLE_NAME, PolicyName: name })
      .resolves({ RoleName: ROLE_NAME, PolicyName: name, PolicyDocument: encoded(doc) })
  iam.on(ListAttachedRolePoliciesCommand).resolves({
    AttachedPolicies: attached.map(arn => ({ PolicyArn: arn, PolicyName: arn.split('/').pop() }))
  })
  for (const [arn, doc] of Object.entries(managed)) {
    iam.on(GetPolicyCommand, { PolicyArn: arn }).resolves({ Policy: { DefaultVersionId: 'v3' } })
    iam
      .on(GetPolicyVersionCommand, { PolicyArn: arn, VersionId: 'v3' })
      .resolves({ PolicyVersion: { Document: encoded(doc), VersionId: 'v3' } })
  }
}

const byName = (checks: Check[]) => Object.fromEntries(checks.map(c => [c.name, c]))
const statusOf = (checks: Check[]) => Object.fromEntries(checks.map(c => [c.name, c.status]))
const calls = (command: new (...args: never[]) => unknown) =>
  iam.commandCalls(command as never).map(call => call.args[0].input)
const iamOperations = () =>
  iam.calls().map(call => (call.args[0] as object).constructor.name.replace(/Command$/, ''))
const POLICY_READS = ['ListRolePolicies', 'GetRolePolicy', 'ListAttachedRolePolicies']
/** The reads of the role's policies ("nothing but invoke"), and every other IAM call in order. */
const policyReads = () => iamOperations().filter(op => POLICY_READS.includes(op))
const otherOperations = () =>
  iamOperations().filter(op => ![...POLICY_READS, 'GetPolicy', 'GetPolicyVersion'].includes(op))

describe('the live role', () => {
  it('evaluates the trust policy as IAM stores it and simulates the invoke grant', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(simulation({ [FN]: 'allowed', [ALIAS]: 'allowed' }))

    const checks = await verify(context(), outcome(), ALIAS)

    expect(checks.map(c => [c.name, c.status, c.method])).toEqual([
      ['The credentials work', 'pass', 'sts:GetCallerIdentity'],
      [CAN_ASSUME, 'pass', TRUST_METHOD],
      [NOBODY_ELSE, 'pass', TRUST_METHOD],
      [INVOKE_FN, 'pass', SIMULATE],
      [INVOKE_ALIAS, 'pass', SIMULATE],
      [ONLY_INVOKE, 'pass', ONLY_INVOKE_METHOD]
    ])
    expect(otherOperations()).toEqual(['GetRole', 'SimulatePrincipalPolicy'])
    expect(policyReads()).toEqual(POLICY_READS)
    expect(calls(SimulatePrincipalPolicyCommand)).toEqual([
      {
        PolicySourceArn: ROLE_ARN,
        ActionNames: ['lambda:InvokeFunction'],
        ResourceArns: [FN, ALIAS]
      }
    ])
    expect(sts.calls()).toHaveLength(0)
    expect(analyzer.calls()).toHaveLength(0)
  })

  it('reads the trust back rather than trusting what was sent', async () => {
    // The outcome says the trust is right; IAM says otherwise.
    iam.on(GetRoleCommand).resolves(liveRole(OPEN_TRUST))
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))

    const checks = byName(await verify(context(), outcome({ trustPolicy: TRUST }), undefined))

    expect(checks[NOBODY_ELSE]).toMatchObject({ status: 'fail', expected: 'no other way in' })
    expect(checks[NOBODY_ELSE].actual).toMatch(
      /IBM's API Connect role .* with any external ID or none/
    )
    expect(checks[CAN_ASSUME].status).toBe('pass')
  })

  it('decides on the role the plan (or the wait for a new role) read, without reading it again', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const live = { arn: ROLE_ARN, path: '/', tags: {}, trustPolicy: TRUST }

    const checks = byName(await verify(context(), outcome({ live }), undefined))

    expect(checks[CAN_ASSUME]).toMatchObject({ status: 'pass', method: TRUST_METHOD })
    expect(checks[NOBODY_ELSE].status).toBe('pass')
    expect(checks[INVOKE_FN].status).toBe('pass')
    expect(otherOperations()).toEqual(['SimulatePrincipalPolicy'])
  })

  it("reads the role's other policies for the third question, not the grant the plan read", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    rolePolicies({ [GRANT_NAME]: GRANT, extra: S3_ONLY })
    const live = { arn: ROLE_ARN, path: '/', tags: {}, trustPolicy: TRUST, grant: GRANT }

    const checks = byName(await verify(context(), outcome({ live }), undefined))

    expect(checks[ONLY_INVOKE]).toMatchObject({ status: 'fail', method: ONLY_INVOKE_METHOD })
    expect(checks[ONLY_INVOKE].actual).toMatch(/^"extra: Statement\[0\]" allows s3:\*\. Detach/)
    expect(calls(GetRolePolicyCommand)).toEqual([{ RoleName: ROLE_NAME, PolicyName: 'extra' }])
  })

  it('reads the role again when a trust check fails on the reused read', async () => {
    iam.on(GetRoleCommand).resolves(liveRole(OPEN_TRUST))
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const live = { arn: ROLE_ARN, path: '/', tags: {}, trustPolicy: OPEN_TRUST }

    const checks = byName(await verify(context(), outcome({ live }), undefined))

    // The failure stands on IAM's answer now, not on the earlier read alone. The invoke question
    // went out first, about the same role and boundary: asked once.
    expect(checks[NOBODY_ELSE].status).toBe('fail')
    expect(otherOperations()).toEqual(['SimulatePrincipalPolicy', 'GetRole'])
  })

  it('asks the invoke question again when the read again shows another boundary', async () => {
    iam.on(GetRoleCommand).resolves(liveRole(OPEN_TRUST, BOUNDARY))
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const live = { arn: ROLE_ARN, path: '/', tags: {}, trustPolicy: OPEN_TRUST }

    const checks = byName(await verify(context(), outcome({ live }), undefined))

    expect(checks[INVOKE_FN].status).toBe('pass')
    expect(otherOperations()).toEqual([
      'SimulatePrincipalPolicy',
      'GetRole',
      'SimulatePrincipalPolicy'
    ])
    // The boundary changed: the policies are read again, with the new boundary.
    expect(calls(GetPolicyCommand)).toEqual([{ PolicyArn: BOUNDARY }])
  })

  it('names the expected account when expected-account-id is set', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const [credentials] = await verify(
      context({ expectedAccountId: ACCOUNT }),
      outcome(),
      undefined
    )
    expect(credentials).toMatchObject({
      expected: `account ${ACCOUNT}`,
      actual: CALLER,
      status: 'pass'
    })
  })

  it('fails every check that needs the role when the role does not exist, and asks nothing else', async () => {
    iam
      .on(GetRoleCommand)
      .rejects(new NoSuchEntityException({ message: 'The role cannot be found.', $metadata: {} }))

    const checks = await verify(
      context({
        validateTrustPolicy: true,
        probeSelfAssume: true,
        role: { ...settings().role, manage: false }
      }),
      outcome(),
      ALIAS
    )

    expect(checks.slice(1).map(c => [c.status, c.actual, c.method])).toEqual(
      Array(5).fill(['fail', `role ${ROLE_NAME} does not exist`, 'GetRole'])
    )
    expect(checks.slice(1).map(c => c.name)).toContain(INVOKE_ALIAS)
    expect(iamOperations()).toEqual(['GetRole'])
    expect(sts.calls()).toHaveLength(0)
    expect(analyzer.calls()).toHaveLength(0)
  })

  it('turns a GetRole failure into undecided checks instead of an exception', async () => {
    iam
      .on(GetRoleCommand)
      .rejects(awsError('AccessDenied', 'not authorized to perform: iam:GetRole'))

    const checks = await verify(context(), outcome(), undefined)

    expect(checks.slice(1).map(c => c.status)).toEqual(Array(4).fill('undecided'))
    expect(checks[1].actual).toBe(
      'GetRole failed: AccessDenied: not authorized to perform: iam:GetRole'
    )
  })
})

describe("the function's own policy (lambda:GetPolicy)", () => {
  const byFunction = (
    Principal: PolicyStatement['Principal'],
    Effect: 'Allow' | 'Deny' = 'Allow'
  ) => JSON.stringify(policy({ Effect, Principal, Action: 'lambda:InvokeFunction', Resource: FN }))

  it('a function policy naming the role grants the invoke with no identity policy, decided locally', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'implicitDeny' }))
    rolePolicies({})
    lambda
      .on(GetFunctionPolicyCommand, { FunctionName: FN, Qualifier: undefined })
      .resolves({ Policy: byFunction({ AWS: ROLE_ARN }) })

    const checks = byName(await verify(context(), outcome()))

    expect(checks[INVOKE_FN]).toMatchObject({ status: 'pass' })
    expect(checks[INVOKE_FN].method).toMatch(/function has a resource-based policy/)
  })

  it('a Deny in the function policy fails the check though the role policies allow', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    rolePolicies({ [GRANT_NAME]: GRANT })
    lambda.on(GetFunctionPolicyCommand).resolves({ Policy: byFunction('*', 'Deny') })

    const checks = byName(await verify(context(), outcome()))

    expect(checks[INVOKE_FN]).toMatchObject({
      status: 'fail',
      actual: expect.stringMatching(/explicit-deny/)
    })
  })

  it('a refused GetPolicy leaves the invoke undecided, never passed', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(simulation({ [FN]: 'allowed', [ALIAS]: 'allowed' }))
    lambda.on(GetFunctionPolicyCommand).rejects(awsError('AccessDeniedException'))

    const checks = byName(await verify(context(), outcome(), ALIAS))

    for (const name of [INVOKE_FN, INVOKE_ALIAS])
      expect(checks[name]).toMatchObject({ status: 'undecided', method: 'lambda:GetPolicy' })
  })
})

describe('SimulatePrincipalPolicy', () => {
  it('reads per-resource decisions from the current shape (one result per action)', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(simulation({ [FN]: 'allowed', [ALIAS]: 'implicitDeny' }))

    const checks = byName(await verify(context(), outcome(), ALIAS))

    // The top-level decision is the aggregate (implicitDeny); the function itself is allowed.
    expect(checks[INVOKE_FN]).toMatchObject({ status: 'pass', actual: 'allowed' })
    expect(checks[INVOKE_ALIAS]).toMatchObject({
      status: 'fail',
      actual: 'implicit-deny',
      method: SIMULATE
    })
  })

  it('reads the former shape (one result per resource)', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'lambda:InvokeFunction',
          EvalResourceName: FN,
          EvalDecision: 'explicitDeny'
        },
        {
          EvalActionName: 'lambda:InvokeFunction',
          EvalResourceName: ALIAS,
          EvalDecision: 'allowed'
        }
      ]
    })

    const checks = byName(await verify(context(), outcome(), ALIAS))

    expect(checks[INVOKE_FN]).toMatchObject({ status: 'fail', actual: 'explicit-deny' })
    expect(checks[INVOKE_ALIAS]).toMatchObject({ status: 'pass', actual: 'allowed' })
  })

  it('simulatedDecision: never "allowed" for a resource IAM did not answer or a decision it does not know', () => {
    const results: EvaluationResult[] = [
      {
        EvalActionName: 'lambda:InvokeFunction',
        EvalResourceName: FN,
        EvalDecision: 'allowed',
        ResourceSpecificResults: [
          { EvalResourceName: FN, EvalResourceDecision: 'allowed' },
          { EvalResourceName: ALIAS, EvalResourceDecision: 'toString' as 'allowed' }
        ]
      }
    ]
    expect(simulatedDecision(results, FN)).toBe('allowed')
    expect(simulatedDecision(results, ALIAS)).toBe('cannot-evaluate')
    expect(simulatedDecision(results, `${FN}:other`)).toBe('cannot-evaluate')
    expect(simulatedDecision([], FN)).toBe('cannot-evaluate')
  })

  describe('when it is denied or unavailable, evaluates the role policies locally', () => {
    const denied = awsError(
      'AccessDenied',
      `User: ${CALLER} is not authorized to perform: iam:SimulatePrincipalPolicy`
    )

    it('and the method says so and why', async () => {
      iam.on(GetRoleCommand).resolves(liveRole())
      iam.on(SimulatePrincipalPolicyCommand).rejects(denied)
      rolePolicies({ [GRANT_NAME]: GRANT })

      const checks = byName(await verify(context(), outcome(), ALIAS))

      const method = `local evaluation of inline, attached and boundary policies (SimulatePrincipalPolicy unavailable: AccessDenied: User: ${CALLER} is not authorized to perform: iam:SimulatePrincipalPolicy)`
      expect(checks[INVOKE_FN]).toEqual({
        name: INVOKE_FN,
        expected: 'allowed',
        actual: `allowed: allowed by "${GRANT_NAME}: ApiConnectInvokeFunction"`,
        status: 'pass',
        method
      })
      expect(checks[INVOKE_ALIAS]).toMatchObject({ status: 'pass', method })
      // One read of the role's policies answers both the invoke check and "nothing but invoke".
      expect(otherOperations()).toEqual(['GetRole', 'SimulatePrincipalPolicy'])
      expect(policyReads()).toEqual(POLICY_READS)
      expect(checks[ONLY_INVOKE].status).toBe('pass')
      expect(output.text()).toContain(
        "iam:SimulatePrincipalPolicy is not available (AccessDenied: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:SimulatePrincipalPolicy); evaluating the role's policies locally"
      )
    })

    it('an explicit Deny in an attached managed policy fails the check', async () => {
      iam.on(GetRoleCommand).resolves(liveRole())
      iam.on(SimulatePrincipalPolicyCommand).rejects(denied)
      rolePolicies({ [GRANT_NAME]: GRANT }, { [ATTACHED]: FREEZE })

      const checks = byName(await verify(context(), outcome(), undefined))

      expect(checks[INVOKE_FN]).toMatchObject({
        status: 'fail',
        actual: `explicit-deny: explicitly denied by "${ATTACHED}: Freeze"`
      })
      expect(calls(GetPolicyVersionCommand)).toEqual([{ PolicyArn: ATTACHED, VersionId: 'v3' }])
    })

    it('a permissions boundary that does not allow the action fails the check', async () => {
      iam.on(GetRoleCommand).resolves(liveRole(TRUST, BOUNDARY))
      iam.on(SimulatePrincipalPolicyCommand).rejects(denied)
      rolePolicies({ [GRANT_NAME]: GRANT }, { [BOUNDARY]: S3_ONLY })

      const checks = byName(await verify(context(), outcome(), undefined))

      expect(checks[INVOKE_FN].status).toBe('fail')
      expect(checks[INVOKE_FN].actual).toMatch(/^implicit-deny: .*permissions boundary/)
      expect(calls(GetPolicyCommand)).toEqual([{ PolicyArn: BOUNDARY }])
    })

    it('a grant on another function fails the check', async () => {
      iam.on(GetRoleCommand).resolves(liveRole())
      iam.on(SimulatePrincipalPolicyCommand).rejects(awsError('ServiceUnavailable'))
      const billing = policy({
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:billing`
      })
      rolePolicies({ 'invoke-billing@us-east-1': billing })

      const checks = byName(await verify(context(), outcome(), undefined))

      expect(checks[INVOKE_FN]).toMatchObject({ status: 'fail' })
      expect(checks[INVOKE_FN].method).toContain(
        'SimulatePrincipalPolicy unavailable: ServiceUnavailable'
      )
    })

    it('is undecided, without throwing, when the policies cannot be read either', async () => {
      iam.on(GetRoleCommand).resolves(liveRole())
      iam.on(SimulatePrincipalPolicyCommand).rejects(denied)
      iam.on(ListRolePoliciesCommand).rejects(awsError('AccessDenied', 'no iam:ListRolePolicies'))

      const checks = byName(await verify(context(), outcome(), ALIAS))

      for (const name of [INVOKE_FN, INVOKE_ALIAS])
        expect(checks[name]).toMatchObject({
          status: 'undecided',
          actual:
            "cannot-evaluate: the role's policies could not be read: AccessDenied: no iam:ListRolePolicies"
        })
    })
  })
})

describe('the re-ask while IAM propagates a change this run made', () => {
  it('a denial, then an allow: passes, after asking twice', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolvesOnce(simulation({ [FN]: 'implicitDeny' }))
      .resolves(simulation({ [FN]: 'allowed' }))

    const checks = byName(await verify(context(), outcome({ changes: UPDATED }), undefined))

    expect(checks[INVOKE_FN]).toMatchObject({ status: 'pass', method: SIMULATE })
    expect(calls(SimulatePrincipalPolicyCommand)).toHaveLength(2)
    expect(output.text()).toContain(
      'lambda:InvokeFunction checks: the role changed in this run and IAM may not show the change everywhere yet; attempt 2'
    )
  })

  it('always denied: fails once the bound runs out, after a bounded number of asks', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'implicitDeny' }))

    const started = Date.now()
    const checks = byName(await verify(context(), outcome({ changes: UPDATED }), undefined))
    const elapsed = Date.now() - started

    expect(checks[INVOKE_FN]).toMatchObject({ status: 'fail', actual: 'implicit-deny' })
    const asks = calls(SimulatePrincipalPolicyCommand).length
    // Backoff 5, 10, 20, 20… ms within 200 ms: more than one ask, and not unbounded.
    expect(asks).toBeGreaterThan(2)
    expect(asks).toBeLessThan(20)
    expect(elapsed).toBeLessThan(2000)
    expect(output.text()).toMatch(/lambda:InvokeFunction checks: .*; gave up after \d+ attempts/)
  })

  it('asks once when the role did not change, even when denied', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'implicitDeny' }))

    const checks = byName(await verify(context(), outcome({ changes: UNCHANGED }), undefined))

    expect(checks[INVOKE_FN].status).toBe('fail')
    expect(otherOperations()).toEqual(['GetRole', 'SimulatePrincipalPolicy'])
  })

  it('asks once when the role is managed elsewhere: its planned changes were not made', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'implicitDeny' }))
    const ctx = context({ role: { ...settings().role, manage: false } })

    const checks = byName(await verify(ctx, outcome({ changes: UPDATED }), undefined))

    expect(checks[INVOKE_FN].status).toBe('fail')
    expect(otherOperations()).toEqual(['GetRole', 'SimulatePrincipalPolicy'])
  })

  it('re-reads a trust policy that does not show this run’s update yet', async () => {
    iam.on(GetRoleCommand).resolvesOnce(liveRole(OPEN_TRUST)).resolves(liveRole(TRUST))
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const changes: RoleChange[] = [
      {
        roleName: ROLE_NAME,
        kind: 'trust',
        action: 'update',
        trust: TARGET,
        sid: 'ApiConnect',
        statement: 'updated',
        replaced: [],
        kept: 0,
        fixed: [],
        split: []
      }
    ]

    const checks = await verify(context(), outcome({ changes }), undefined)

    expect(checks.every(c => c.status === 'pass')).toBe(true)
    expect(otherOperations()).toEqual(['GetRole', 'GetRole', 'SimulatePrincipalPolicy'])
  })

  it('re-reads a role this run created that IAM does not show yet', async () => {
    iam
      .on(GetRoleCommand)
      .rejectsOnce(new NoSuchEntityException({ message: 'not yet', $metadata: {} }))
      .resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const changes: RoleChange[] = [
      { roleName: ROLE_NAME, kind: 'role', action: 'create', trust: TARGET, path: '/', tagCount: 3 }
    ]

    const checks = await verify(context(), outcome({ changes }), undefined)

    expect(statusOf(checks)[CAN_ASSUME]).toBe('pass')
    expect(statusOf(checks)[INVOKE_FN]).toBe('pass')
    expect(otherOperations()).toEqual(['GetRole', 'GetRole', 'SimulatePrincipalPolicy'])
  })

  it('does not ask SimulatePrincipalPolicy again once it was refused', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).rejects(awsError('AccessDenied'))
    iam
      .on(ListRolePoliciesCommand)
      .resolvesOnce({ PolicyNames: [] })
      .resolves({ PolicyNames: [GRANT_NAME] })
    iam
      .on(GetRolePolicyCommand)
      .resolves({ RoleName: ROLE_NAME, PolicyName: GRANT_NAME, PolicyDocument: encoded(GRANT) })
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] })

    const checks = byName(await verify(context(), outcome({ changes: UPDATED }), undefined))

    expect(checks[INVOKE_FN].status).toBe('pass')
    expect(checks[INVOKE_FN].method).toMatch(/^local evaluation/)
    expect(calls(SimulatePrincipalPolicyCommand)).toHaveLength(1)
    expect(calls(ListRolePoliciesCommand)).toHaveLength(2)
  })

  it('asks SimulatePrincipalPolicy again after an error that is not a refusal', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam
      .on(SimulatePrincipalPolicyCommand)
      .rejectsOnce(awsError('Throttling'))
      .resolves(simulation({ [FN]: 'allowed' }))
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] })
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] })

    const checks = byName(await verify(context(), outcome({ changes: UPDATED }), undefined))

    expect(checks[INVOKE_FN]).toMatchObject({ status: 'pass', method: SIMULATE })
    expect(calls(SimulatePrincipalPolicyCommand)).toHaveLength(2)
  })
})

describe('validate-trust-policy: Access Analyzer ValidatePolicy', () => {
  const finding = (findingType: ValidatePolicyFinding['findingType'], issueCode: string) => ({
    findingType,
    issueCode,
    findingDetails: `${issueCode} details`,
    learnMoreLink: 'https://docs.aws.amazon.com/',
    locations: []
  })
  const run = async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    return byName(await verify(context({ validateTrustPolicy: true }), outcome(), undefined))[
      VALIDATE
    ]
  }

  it('sends the trust policy as IAM stores it, decoded, as a role trust document', async () => {
    analyzer.on(ValidatePolicyCommand).resolves({ findings: [] })
    expect(await run()).toEqual({
      name: VALIDATE,
      expected: 'no errors or security warnings',
      actual: 'no findings',
      status: 'pass',
      method: 'access-analyzer:ValidatePolicy'
    })
    const [input] = analyzer.commandCalls(ValidatePolicyCommand).map(c => c.args[0].input)
    expect(input.policyType).toBe('RESOURCE_POLICY')
    expect(input.validatePolicyResourceType).toBe('AWS::IAM::AssumeRolePolicyDocument')
    expect(JSON.parse(input.policyDocument ?? '')).toEqual(TRUST)
  })

  it.each([
    ['ERROR', 'fail'],
    ['SECURITY_WARNING', 'fail'],
    ['WARNING', 'pass'],
    ['SUGGESTION', 'pass']
  ] as const)('a %s finding: %s, and the finding is listed', async (type, status) => {
    analyzer.on(ValidatePolicyCommand).resolves({ findings: [finding(type, 'SOME_ISSUE')] })
    expect(await run()).toMatchObject({ status, actual: `${type} SOME_ISSUE: SOME_ISSUE details` })
  })

  it('reads every page of findings', async () => {
    analyzer
      .on(ValidatePolicyCommand)
      .resolvesOnce({ findings: [finding('SUGGESTION', 'EMPTY_SID')], nextToken: 'page-2' })
      .resolves({ findings: [finding('ERROR', 'MISSING_PRINCIPAL')] })
    const check = await run()
    expect(check.status).toBe('fail')
    expect(check.actual).toBe(
      'SUGGESTION EMPTY_SID: EMPTY_SID details; ERROR MISSING_PRINCIPAL: MISSING_PRINCIPAL details'
    )
    expect(analyzer.commandCalls(ValidatePolicyCommand)[1].args[0].input.nextToken).toBe('page-2')
  })

  it('AccessDenied: not checked, with the reason', async () => {
    analyzer.on(ValidatePolicyCommand).rejects(
      new AccessDeniedException({
        message: 'not authorized to perform: access-analyzer:ValidatePolicy',
        $metadata: {}
      })
    )
    expect(await run()).toMatchObject({
      status: 'not-checked',
      actual:
        'not checked (AccessDeniedException: not authorized to perform: access-analyzer:ValidatePolicy)'
    })
  })
})

describe('probe-self-assume: a live sts:AssumeRole as the runner', () => {
  const run = async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    return byName(await verify(context({ probeSelfAssume: true }), outcome(), undefined))[
      SELF_ASSUME
    ]
  }

  it('denied: pass', async () => {
    sts.on(AssumeRoleCommand).rejects(awsError('AccessDenied', `User: ${CALLER} is not authorized`))
    expect(await run()).toEqual({
      name: SELF_ASSUME,
      expected: 'denied',
      actual: 'denied',
      status: 'pass',
      method: 'sts:AssumeRole as the runner'
    })
    expect(sts.commandCalls(AssumeRoleCommand).map(c => c.args[0].input)).toEqual([
      { RoleArn: ROLE_ARN, RoleSessionName: 'apic-lambda-deploy-probe' }
    ])
  })

  it('allowed: fail, naming the runner', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAEXAMPLE',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: new Date(0)
      }
    })
    expect(await run()).toMatchObject({ status: 'fail', actual: `allowed for ${CALLER}` })
  })

  it('throttled: not checked, with the reason', async () => {
    sts.on(AssumeRoleCommand).rejects(awsError('Throttling', 'Rate exceeded'))
    expect(await run()).toMatchObject({
      status: 'not-checked',
      actual: 'not checked (Throttling: Rate exceeded)'
    })
  })
})

describe('dry run', () => {
  const DRY = 'analysis of the planned documents (dry run)'
  /** The plan's read of the role, which a dry run's outcome carries (it writes nothing). */
  const planRead = (boundary?: string) =>
    outcome({
      live: {
        arn: ROLE_ARN,
        path: '/',
        tags: {},
        trustPolicy: TRUST,
        permissionsBoundary: boundary
      }
    })

  it('checks the planned documents, reads nothing more, and never simulates', async () => {
    const ctx = context({ dryRun: true, validateTrustPolicy: true, probeSelfAssume: true })

    // No live role: the plan found none.
    const checks = await verify(ctx, outcome(), ALIAS)

    expect(checks.slice(1).map(c => [c.name, c.status, c.method])).toEqual([
      [CAN_ASSUME, 'pass', DRY],
      [NOBODY_ELSE, 'pass', DRY],
      [INVOKE_FN, 'pass', DRY],
      [INVOKE_ALIAS, 'pass', DRY],
      [ONLY_INVOKE, 'pass', DRY]
    ])
    expect(iamOperations()).toEqual([])
    expect(sts.calls()).toHaveLength(0)
    expect(analyzer.calls()).toHaveLength(0)
  })

  it('fails when the planned documents are wrong', async () => {
    const checks = statusOf(
      await verify(
        context({ dryRun: true }),
        outcome({ trustPolicy: OPEN_TRUST, grantPolicy: S3_ONLY }),
        undefined
      )
    )
    expect(checks[NOBODY_ELSE]).toBe('fail')
    expect(checks[INVOKE_FN]).toBe('fail')
    expect(checks[ONLY_INVOKE]).toBe('fail')
  })

  it('weighs the planned grant against the role’s other policies and its boundary', async () => {
    // The live grant is outdated (another function); the planned one replaces it.
    const stale = policy({
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:old'
    })
    rolePolicies({ [GRANT_NAME]: stale }, { [BOUNDARY]: S3_ONLY })

    const checks = byName(await verify(context({ dryRun: true }), planRead(BOUNDARY), undefined))

    expect(checks[INVOKE_FN]).toMatchObject({ status: 'fail', method: DRY })
    expect(checks[INVOKE_FN].actual).toMatch(/permissions boundary/)
    expect(calls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
    // The live grant is replaced, so not read.
    expect(calls(GetRolePolicyCommand)).toEqual([])

    // With a boundary that allows it, the planned grant (not the stale one) decides.
    iam.reset()
    rolePolicies(
      { [GRANT_NAME]: stale },
      { [BOUNDARY]: policy({ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }) }
    )
    const again = byName(await verify(context({ dryRun: true }), planRead(BOUNDARY), undefined))
    expect(again[INVOKE_FN]).toMatchObject({ status: 'pass' })
  })

  it('uses the boundary the run would set', async () => {
    rolePolicies({}, { [BOUNDARY]: S3_ONLY })
    const ctx = context({
      dryRun: true,
      role: { ...settings().role, permissionsBoundary: BOUNDARY }
    })

    const checks = byName(await verify(ctx, outcome(), undefined))

    expect(checks[INVOKE_FN].status).toBe('fail')
    expect(iamOperations()).toEqual(['GetPolicy', 'GetPolicyVersion'])
  })

  it('falls back to the planned grant alone, and says so, when the role cannot be read', async () => {
    iam.on(ListRolePoliciesCommand).rejects(awsError('AccessDenied', 'no list'))

    const checks = byName(await verify(context({ dryRun: true }), planRead(), undefined))

    expect(checks[INVOKE_FN]).toMatchObject({
      status: 'pass',
      method: `${DRY}; the role's other policies and boundary could not be read (AccessDenied: no list)`
    })
  })

  it('with manage-role false, verifies the live role: nothing would be written to it', async () => {
    iam.on(GetRoleCommand).resolves(liveRole(OPEN_TRUST))
    iam.on(SimulatePrincipalPolicyCommand).resolves(simulation({ [FN]: 'allowed' }))
    const ctx = context({ dryRun: true, role: { ...settings().role, manage: false } })

    // The plan shows the trust as it would be merged; the role would keep its own.
    const checks = byName(
      await verify(ctx, outcome({ trustPolicy: TRUST, changes: UPDATED }), undefined)
    )

    expect(checks[NOBODY_ELSE]).toMatchObject({ status: 'fail', method: TRUST_METHOD })
    expect(checks[INVOKE_FN]).toMatchObject({ status: 'pass', method: SIMULATE })
    expect(otherOperations()).toEqual(['GetRole', 'SimulatePrincipalPolicy'])
  })
})
