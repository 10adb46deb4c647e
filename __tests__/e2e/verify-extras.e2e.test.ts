// The optional checks and IAM's late changes, end to end: the bundled action, run as the GitHub
// runner runs it, against the local emulator. Access Analyzer's ValidatePolicy on the trust policy
// (validate-trust-policy), the runner's own AssumeRole that must be refused (probe-self-assume),
// and a run whose IAM writes reads show only seconds later (iamChangePropagationMs), which the
// action must wait out instead of reporting a failure. Each test asserts the outcome the workflow
// sees (exit code, outputs, errors, summary) and the AWS calls from the emulator's request log.
import {
  DeleteRolePolicyCommand,
  GetRoleCommand,
  ListRolePoliciesCommand,
  UpdateAssumeRolePolicyCommand
} from '@aws-sdk/client-iam'
import {
  executionRole,
  type Emulator,
  type RequestLogEntry,
  type SeedRole
} from '../../emulator/index.js'
import { clients } from '../emulator/helpers.js'
import {
  CALLER,
  functionArn,
  IBM_EU_WEST as IBM,
  ORG,
  roleArn,
  RUNNER_ACCESS_KEY_ID
} from '../../harness/constants.js'
import { apiConnectStatement, invokeGrant, policy as trust } from '../support/documents.js'
import { only, runE2e, startE2eEmulator, type E2eRun as Run, type Inputs } from '../support/e2e.js'
import { ECHO_INPUTS, echoWorkspace } from '../support/echo-function.js'

const FN = functionArn('orders', 'eu-west-2')
const GRANT_NAME = 'invoke-orders@eu-west-2'
const VALIDATE = 'Access Analyzer finds no error in the trust policy'
const PROBE = 'The runner itself cannot assume the role'
const PROPAGATION_MS = 2000

const ours = apiConnectStatement(IBM, ORG, 'ApiConnectAssumeRole')

const ROLES: SeedRole[] = [
  executionRole('orders-lambda'),
  // Managed elsewhere: right for API Connect, but it also lets anyone assume it.
  {
    name: 'apic-open',
    assumeRolePolicy: trust(ours, {
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sts:AssumeRole'
    }),
    inlinePolicies: { [GRANT_NAME]: invokeGrant(FN) }
  }
]

let emulator: Emulator
let workspace: string

beforeAll(async () => {
  emulator = await startE2eEmulator({ roles: ROLES })
  workspace = echoWorkspace()
})
afterAll(() => emulator.stop())

const deploy = ECHO_INPUTS

const run = (inputs: Inputs) => runE2e(emulator, inputs, { workspace })

/** IAM as another administrator sees it, to take something away from the action's role. */
const admin = () => clients(emulator.url).iam

const failing = (r: Run) => r.result.checks.filter(c => c.status === 'fail').map(c => c.name)
const at = (entry: RequestLogEntry) => Date.parse(entry.time)

describe('validate-trust-policy and probe-self-assume on the role the action writes', () => {
  let first: Run

  beforeAll(async () => {
    emulator.reset()
    first = await run({ ...deploy, 'validate-trust-policy': 'true' })
  })

  test('Access Analyzer finds nothing in the trust policy, and the check says so', () => {
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({
      'role-arn': roleArn('apic-invoke-orders'),
      'function-arn': FN,
      'api-connect-role-arn': IBM,
      'external-id': ORG,
      verified: 'true'
    })
    expect(first.checks[VALIDATE]).toEqual({
      name: VALIDATE,
      expected: 'no errors or security warnings',
      actual: 'no findings',
      status: 'pass',
      method: 'access-analyzer:ValidatePolicy'
    })
    expect(first.result.checks.every(c => c.status === 'pass')).toBe(true)
    expect(first.summary).toContain(`| ${VALIDATE} | no errors or security warnings |`)
  })

  test('ValidatePolicy is asked once, after the role is read back, and writes nothing', () => {
    expect(only('access-analyzer', first.calls)).toEqual(['access-analyzer:ValidatePolicy'])
    const validate = first.calls.indexOf('access-analyzer:ValidatePolicy')
    expect(first.calls.lastIndexOf('iam:GetRole')).toBeLessThan(validate)
    expect(first.writes.sort()).toEqual([
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'lambda:CreateFunction'
    ])
    expect(first.calls).not.toContain('sts:AssumeRole')
  })

  test('a rerun with probe-self-assume: the runner is refused, so the check passes', async () => {
    const rerun = await run({ ...deploy, 'probe-self-assume': 'true' })

    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs.verified).toBe('true')
    expect(rerun.checks[PROBE]).toEqual({
      name: PROBE,
      expected: 'denied',
      actual: 'denied',
      status: 'pass',
      method: 'sts:AssumeRole as the runner'
    })
    const probe = rerun.requests.filter(r => r.service === 'sts' && r.operation === 'AssumeRole')
    expect(probe).toEqual([
      expect.objectContaining({
        status: 403,
        errorCode: 'AccessDenied',
        accessKeyId: RUNNER_ACCESS_KEY_ID
      })
    ])
    expect(rerun.writes).toEqual([])
    expect(rerun.calls).not.toContain('access-analyzer:ValidatePolicy')
  })
})

describe('a role managed elsewhere that also trusts "*" without a condition', () => {
  let open: Run

  beforeAll(async () => {
    emulator.reset()
    // The function to verify against (it creates apic-invoke-orders too); reading its result
    // stops the setup, with the log, if the run set none.
    expect((await run(deploy)).result).toBeDefined()
    open = await run({
      'function-name': 'orders',
      region: 'eu-west-2',
      'provider-org-id': ORG,
      'role-name': 'apic-open',
      'manage-role': 'false',
      'validate-trust-policy': 'true',
      'probe-self-assume': 'true'
    })
  })

  test("Access Analyzer's security warning fails its check, and the step", () => {
    expect(open.exitCode).toBe(1)
    expect(open.outputs.verified).toBe('false')
    expect(open.checks[VALIDATE]).toMatchObject({
      status: 'fail',
      method: 'access-analyzer:ValidatePolicy',
      actual: expect.stringMatching(
        /^SECURITY_WARNING EMULATOR_ANY_PRINCIPAL_WITHOUT_CONDITION: This statement allows any principal/
      )
    })
    expect(open.errors).toHaveLength(1)
    expect(open.errors[0]).toMatch(/^Verification failed: /)
    expect(open.errors[0]).toContain(
      `${VALIDATE} (expected no errors or security warnings, got SECURITY_WARNING`
    )
    expect(open.summary).toContain('(verification failed ❌)')
  })

  test('the local trust checks and the live probe agree: anyone, the runner included, gets in', () => {
    // "*" lets API Connect in without the external ID too.
    expect(failing(open)).toEqual(['Nobody else can assume the role', VALIDATE, PROBE])
    expect(open.checks[PROBE]).toMatchObject({ status: 'fail', actual: `allowed for ${CALLER}` })
    expect(open.calls).toEqual(
      expect.arrayContaining(['access-analyzer:ValidatePolicy', 'sts:AssumeRole'])
    )
    // Managed elsewhere: verified as it is, never written.
    expect(open.writes).toEqual([])
  })
})

describe(`IAM shows this run's changes ${PROPAGATION_MS} ms late`, () => {
  const ROLE = 'apic-invoke-orders'

  // The role as the action writes it, then changed behind its back (seen at once: no window yet).
  beforeAll(async () => {
    emulator.reset()
    expect((await run(deploy)).exitCode).toBe(0)
  })
  afterEach(() => emulator.configure({ iamChangePropagationMs: 0 }))

  test('a grant put back on the role: SimulatePrincipalPolicy is re-asked until it passes', async () => {
    const iam = admin()
    const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName: ROLE }))
    expect(PolicyNames).toEqual([GRANT_NAME])
    await iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: GRANT_NAME }))

    emulator.configure({ iamChangePropagationMs: PROPAGATION_MS })
    const r = await run(deploy)

    expect(r.errors).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.checks[`Role may invoke ${FN}`]).toMatchObject({
      status: 'pass',
      method: 'iam:SimulatePrincipalPolicy'
    })
    expect(r.writes).toEqual(['iam:PutRolePolicy'])

    const put = r.requests.find(e => e.operation === 'PutRolePolicy')!
    const simulations = r.requests.filter(e => e.operation === 'SimulatePrincipalPolicy')
    expect(simulations.length).toBeGreaterThan(1)
    // The first answer came while IAM still showed the role without the grant; the last after.
    expect(at(simulations[0]) - at(put)).toBeLessThan(PROPAGATION_MS)
    expect(at(simulations.at(-1)!) - at(put)).toBeGreaterThanOrEqual(PROPAGATION_MS)
    expect(r.log).toContain(
      'lambda:InvokeFunction checks: the role changed in this run and IAM may not show the change everywhere yet; attempt 2'
    )
  })

  test('a trust statement stripped of its external ID: the role is re-read until the fix shows', async () => {
    const iam = admin()
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: ROLE }))
    const stored = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)) as {
      Statement: Record<string, unknown>[]
    }
    const stripped = stored.Statement.map(({ Condition: _, ...rest }) => rest)
    expect(stripped).not.toEqual(stored.Statement)
    await iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: ROLE,
        PolicyDocument: JSON.stringify({ ...stored, Statement: stripped })
      })
    )

    emulator.configure({ iamChangePropagationMs: PROPAGATION_MS })
    const r = await run(deploy)

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.writes).toEqual(['iam:UpdateAssumeRolePolicy'])
    const update = r.requests.find(e => e.operation === 'UpdateAssumeRolePolicy')!
    const reads = r.requests.filter(e => e.operation === 'GetRole' && at(e) >= at(update))
    expect(reads.length).toBeGreaterThan(1)
    expect(at(reads[0]) - at(update)).toBeLessThan(PROPAGATION_MS)
    expect(at(reads.at(-1)!) - at(update)).toBeGreaterThanOrEqual(PROPAGATION_MS)
    expect(r.checks['Nobody else can assume the role']).toMatchObject({ status: 'pass' })
    expect(r.log).toContain(
      'iam:GetRole: the role changed in this run and IAM may not show the change everywhere yet; attempt 2'
    )
  })
})
