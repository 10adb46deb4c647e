// The STS dry run end to end: the bundled action, run as the GitHub runner runs it, against the
// local emulator. Each test asserts the outcome the workflow sees (exit code, outputs, errors,
// warnings, job summary) and the verification calls from the emulator's request log.
//
// Roles "managed elsewhere" are seeded and checked with manage-role: false, so the action writes
// nothing to them: what is verified is exactly what was seeded.
import { executionRole, startEmulator, type Emulator, type SeedRole } from '../../emulator/index.js'
import {
  ACCOUNT,
  CALLER,
  functionArn,
  IBM_EU_CENTRAL as IBM_ELSEWHERE,
  IBM_US_EAST as IBM,
  ORG,
  roleArn
} from '../../harness/constants.js'
import { apiConnectStatement, invokeGrant as grant, policy as trust } from '../support/documents.js'
import { only, refuse, runE2e, type E2eRun as Run, type Inputs } from '../support/e2e.js'

const EXEC = roleArn('exec')
const FN = functionArn('orders')
const BILLING = functionArn('billing')
const FREEZE = `arn:aws:iam::${ACCOUNT}:policy/freeze-lambda`
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess'
const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`
const github = (Condition?: object) => ({
  Sid: 'GitHubActions',
  Effect: 'Allow',
  Principal: { Federated: GITHUB },
  Action: 'sts:AssumeRoleWithWebIdentity',
  ...(Condition ? { Condition } : {})
})

const CHECKS = [
  'The credentials work',
  'API Connect can assume the role',
  'Nobody else can assume the role',
  `Role may invoke ${FN}`,
  'The role can do nothing but invoke'
]
const ONLY_INVOKE = 'The role can do nothing but invoke'
const NOBODY_ELSE = 'Nobody else can assume the role'
const TRUST_METHOD =
  'analysis of the trust policy as IAM stores it, over every principal, external ID and sts:AssumeRole* action'
const DRY_METHOD = 'analysis of the planned documents (dry run)'

const ours = apiConnectStatement(IBM, ORG, 'ApiConnectAssumeRole')
/** A role managed elsewhere, with the grant the action would write unless told otherwise. */
const managed = (name: string, assumeRolePolicy: object, extra: Partial<SeedRole> = {}) => ({
  name,
  assumeRolePolicy,
  inlinePolicies: { 'invoke-orders@us-east-1': grant(FN) },
  ...extra
})

const ROLES: SeedRole[] = [
  executionRole('exec'),
  managed('apic-good', trust(ours)),
  managed('apic-no-external-id', trust({ ...ours, Condition: undefined })),
  managed('apic-other-principal', trust({ ...ours, Principal: { AWS: IBM_ELSEWHERE } })),
  managed(
    'apic-deny',
    trust(ours, { Sid: 'Lockdown', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*' })
  ),
  managed('apic-wrong-function', trust(ours), {
    inlinePolicies: { 'invoke-billing@us-east-1': grant(BILLING) }
  }),
  managed('apic-frozen', trust(ours), { attachedPolicies: [FREEZE] }),
  // Finding 1 of issue 20: the right trust and grant, plus AdministratorAccess and s3:*.
  managed('apic-admin', trust(ours), {
    inlinePolicies: {
      'invoke-orders@us-east-1': grant(FN),
      's3-everything': trust({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
    },
    attachedPolicies: [ADMIN]
  }),
  // One role for several functions, and AWS's own invoke-only managed policy.
  managed('apic-shared', trust(ours), {
    inlinePolicies: {
      'invoke-orders@us-east-1': grant(FN),
      'invoke-billing@us-east-1': grant(BILLING)
    },
    attachedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole']
  }),
  // Finding 5 of issue 20: GitHub's OIDC provider, declared, without a subject or audience.
  managed('apic-github', trust(ours, github())),
  managed(
    'apic-github-bound',
    trust(
      ours,
      github({
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/orders:*' }
      })
    )
  ),
  // Trusts every principal of the account: the runner itself can assume it.
  managed(
    'apic-self',
    trust(ours, { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })
  )
]

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      roles: ROLES,
      policies: [
        {
          name: 'freeze-lambda',
          document: trust({ Sid: 'Freeze', Effect: 'Deny', Action: 'lambda:*', Resource: '*' })
        }
      ],
      functions: [
        { name: 'orders', role: EXEC },
        { name: 'billing', role: EXEC }
      ]
    }
  })
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(() => emulator.reset())

/** Runs the action for function orders. */
const run = (inputs: Inputs = {}) =>
  runE2e(emulator, { 'function-name': 'orders', 'provider-org-id': ORG, ...inputs })

/** A role managed elsewhere, verified as it is. */
const elsewhere = (role: string, inputs: Record<string, string> = {}) =>
  run({ 'role-name': role, 'manage-role': 'false', ...inputs })

// From the role's last read on: verify's own, or the one it reuses (the plan's, when this run did
// not write the trust policy or boundary; the wait's, for a new role), up to the alias move, which
// comes last of all. GetCallerIdentity runs alongside the plan's reads, so it may land after the
// plan's GetRole: left out.
// The reads of the role's policies for "nothing but invoke" go out beside the other calls: apart.
const POLICY_READ =
  /^iam:(ListRolePolicies|GetRolePolicy|ListAttachedRolePolicies|GetPolicy|GetPolicyVersion)\b/
const verificationCalls = (r: Run) =>
  r.calls
    .slice(r.calls.lastIndexOf('iam:GetRole'))
    // The function policy's reads go out beside the role's (asserted on their own).
    .filter(c => c !== 'sts:GetCallerIdentity' && !/^lambda:(\w+Alias|GetPolicy)\b/.test(c))
    .filter(c => !POLICY_READ.test(c))
const policyReads = (r: Run) =>
  r.calls.slice(r.calls.lastIndexOf('iam:GetRole')).filter(c => POLICY_READ.test(c))

function expectVerifiedOutputs(r: Run, role: string, verified: 'true' | 'false'): void {
  expect(r.outputs).toMatchObject({
    'role-arn': roleArn(role),
    'function-name': 'orders',
    'function-arn': FN,
    region: 'us-east-1',
    'api-connect-role-arn': IBM,
    'external-id': ORG,
    verified
  })
  expect(r.result.verified).toBe(verified)
  expect(r.result.checks.map(c => c.name)).toEqual(expect.arrayContaining(CHECKS))
}

describe('a correct role', () => {
  it('verifies: every check passes and the summary lists each one', async () => {
    const r = await run({ alias: 'live' })

    expect(r.exitCode).toBe(0)
    expect(r.errors).toEqual([])
    expectVerifiedOutputs(r, 'apic-invoke-orders', 'true')
    expect(r.result.checks.map(c => [c.name, c.status])).toEqual([
      ...CHECKS.slice(0, -1).map(name => [name, 'pass']),
      [`Role may invoke ${FN}:live`, 'pass'],
      [ONLY_INVOKE, 'pass']
    ])
    expect(r.checks['API Connect can assume the role'].method).toBe(TRUST_METHOD)
    expect(r.checks[`Role may invoke ${FN}`].method).toBe('iam:SimulatePrincipalPolicy')
    for (const check of r.result.checks)
      expect(r.summary).toContain(`| ${check.name.replace(/\|/g, '\\|')} | ${check.expected} |`)
    expect(r.summary).toContain('## API Connect → Lambda: orders (verified ✅)')
    expect(r.summary).toContain(`| IAM role ARN | \`${roleArn('apic-invoke-orders')}\` |`)

    // The role was created in this run and verified as IAM stores it, in one pass.
    expect(r.writes).toEqual(expect.arrayContaining(['iam:CreateRole', 'iam:PutRolePolicy']))
    expect(verificationCalls(r)).toEqual(['iam:GetRole', 'iam:SimulatePrincipalPolicy'])
    // The function's and the alias's own policies: none.
    expect(r.calls.filter(c => c.startsWith('lambda:GetPolicy'))).toEqual([
      'lambda:GetPolicy(ResourceNotFoundException)',
      'lambda:GetPolicy(ResourceNotFoundException)'
    ])
    // The role's policies were analysed before the writes (the planned grant, nothing else on a new
    // role) and are not read again.
    expect(policyReads(r)).toEqual([])
    expect(r.log).toMatch(/pass +The role can do nothing but invoke: nothing but invoke/)
    expect(r.calls).not.toContain('sts:AssumeRole')
  })

  it('verifies a role managed elsewhere without writing to IAM', async () => {
    const r = await elsewhere('apic-good')

    expect(r.exitCode).toBe(0)
    expectVerifiedOutputs(r, 'apic-good', 'true')
    expect(r.result.checks.every(c => c.status === 'pass')).toBe(true)
    expect(r.writes).toEqual([])
    expect(verificationCalls(r)).toEqual(['iam:GetRole', 'iam:SimulatePrincipalPolicy'])
    // The plan read this function's grant: only the role's other policies are read.
    expect(policyReads(r)).toEqual(['iam:ListRolePolicies', 'iam:ListAttachedRolePolicies'])
    // Nothing written: the plan's read of the role is the one verify decides on.
    expect(r.calls.filter(c => c === 'iam:GetRole')).toHaveLength(1)
  })

  it('passes the live self-assume probe: the runner is refused', async () => {
    const r = await elsewhere('apic-good', { 'probe-self-assume': 'true' })

    expect(r.exitCode).toBe(0)
    expect(r.checks['The runner itself cannot assume the role']).toMatchObject({
      status: 'pass',
      actual: 'denied',
      method: 'sts:AssumeRole as the runner'
    })
    expect(verificationCalls(r)).toEqual([
      'iam:GetRole',
      'iam:SimulatePrincipalPolicy',
      'sts:AssumeRole(AccessDenied)'
    ])
  })
})

describe('a role that API Connect cannot use safely fails the step, naming the check', () => {
  it.each([
    [
      'its API Connect statement lacks the external ID',
      'apic-no-external-id',
      [NOBODY_ELSE],
      /^statement "ApiConnectAssumeRole" lets IBM's API Connect role .* in through sts:AssumeRole with any external ID or none/
    ],
    [
      // Frankfurt's principal with this org's ID is API Connect for this org, in another region.
      'it trusts another region of API Connect only',
      'apic-other-principal',
      ['API Connect can assume the role'],
      /^denied: /
    ],
    [
      'a Deny overrides the Allow',
      'apic-deny',
      ['API Connect can assume the role'],
      /^denied: .*Lockdown/
    ]
  ])('%s', async (_, role, failing, actual) => {
    const r = await elsewhere(role)

    expect(r.exitCode).toBe(1)
    expect(r.errors).toHaveLength(1)
    const [error] = r.errors
    expect(error).toMatch(/^Verification failed: /)
    for (const name of failing) expect(error).toContain(`${name} (expected `)
    expect(r.result.checks.filter(c => c.status === 'fail').map(c => c.name)).toEqual(failing)
    expect(r.checks[failing[0]].actual).toMatch(actual)
    expect(r.checks[failing[0]].method).toBe(TRUST_METHOD)
    expect(r.summary).toContain('(verification failed ❌)')
    expect(r.summary).toContain(`| ${failing[0]} |`)

    // Outputs are set although the step failed, for the next job to read.
    expectVerifiedOutputs(r, role, 'false')
    expect(r.writes).toEqual([])
  })

  it('a grant on another function fails the invoke check', async () => {
    const r = await elsewhere('apic-wrong-function')

    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toContain(`Role may invoke ${FN} (expected allowed, got implicit-deny)`)
    expect(r.checks[`Role may invoke ${FN}`]).toMatchObject({
      status: 'fail',
      method: 'iam:SimulatePrincipalPolicy'
    })
    // The trust is right: only the invoke check fails.
    expect(r.result.checks.filter(c => c.status === 'fail').map(c => c.name)).toEqual([
      `Role may invoke ${FN}`
    ])
    expectVerifiedOutputs(r, 'apic-wrong-function', 'false')
    // No re-ask: this run changed nothing.
    expect(verificationCalls(r)).toEqual(['iam:GetRole', 'iam:SimulatePrincipalPolicy'])
  })

  it('a role that trusts the whole account fails the self-assume probe', async () => {
    const r = await elsewhere('apic-self', { 'probe-self-assume': 'true' })

    expect(r.exitCode).toBe(1)
    expect(r.checks['The runner itself cannot assume the role']).toMatchObject({
      status: 'fail',
      actual: `allowed for ${CALLER}`
    })
    expect(r.errors[0]).toContain('The runner itself cannot assume the role (expected denied')
    expect(r.calls).toContain('sts:AssumeRole')
  })

  it('a missing role stops the run at the plan, before any write, naming it', async () => {
    const r = await elsewhere('apic-missing')

    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([
      expect.stringContaining(
        'role apic-missing does not exist (path /), and with manage-role: false the action creates no role'
      )
    ])
    expect(r.calls).not.toContain('iam:SimulatePrincipalPolicy')
    expect(r.writes).toEqual([])
  })
})

describe('The role can do nothing but invoke', () => {
  it('fails a role with AdministratorAccess attached and s3:* inline, naming both (issue 20, finding 1)', async () => {
    const r = await run({ 'role-name': 'apic-admin' })

    expect(r.exitCode).toBe(1)
    expect(r.outputs.verified).toBe('false')
    expect(r.result.checks.filter(c => c.status === 'fail').map(c => c.name)).toEqual([ONLY_INVOKE])
    const { actual } = r.checks[ONLY_INVOKE]
    expect(actual).toContain(`"${ADMIN}: Statement[0]" allows *`)
    expect(actual).toContain('"s3-everything: Statement[0]" allows s3:*')
    expect(actual).not.toContain('invoke-orders')
    // The action manages the role: it is refused before any write, naming the policies.
    expect(r.errors[0]).toMatch(
      /^the check before any write \(role apic-admin\) failed: Nothing was written: .*it can do more than invoke: .*AdministratorAccess/
    )
    expect(r.summary).toContain(`| ${ONLY_INVOKE} |`)
    // The AWS managed policy is read as IAM serves it: its default version.
    expect(policyReads(r)).toEqual(
      expect.arrayContaining(['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:GetRolePolicy'])
    )
    expect(r.writes).toEqual([])
  })

  it('passes a shared role with grants for other functions and AWSLambdaRole attached', async () => {
    const r = await elsewhere('apic-shared')

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.checks[ONLY_INVOKE]).toMatchObject({
      status: 'pass',
      actual: 'nothing but invoke (3 policies)'
    })
  })
})

describe('an accepted federation still says what it lets in (issue 20, finding 5)', () => {
  it('warns, naming the statement, when the OIDC provider is trusted with no subject or audience', async () => {
    const r = await elsewhere('apic-github', { 'accepted-principals': GITHUB })

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^Statement "GitHubActions" lets the accepted provider arn:aws:iam::\d+:oidc-provider\/token\.actions\.githubusercontent\.com in with no condition on token\.actions\.githubusercontent\.com:sub \(the token's subject\) or token\.actions\.githubusercontent\.com:aud/
      )
    ])
  })

  it('says nothing when the statement bounds the subject and the audience', async () => {
    const r = await elsewhere('apic-github-bound', { 'accepted-principals': GITHUB })

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.warnings).toEqual([])
  })
})

describe('access-analyzer-checks: a second opinion from AWS', () => {
  const NEW = 'Access Analyzer agrees: nobody else can assume the role'
  const PUBLIC = 'Access Analyzer agrees: the role is not public'

  it('sets both engines side by side; they agree on a correct role', async () => {
    const r = await elsewhere('apic-good', { 'access-analyzer-checks': 'true' })

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.checks[NEW]).toMatchObject({
      status: 'pass',
      actual: 'Access Analyzer: PASS; local analysis: PASS',
      method: 'access-analyzer:CheckNoNewAccess against the reference trust policy'
    })
    expect(r.checks[PUBLIC]).toMatchObject({
      status: 'pass',
      actual: 'Access Analyzer: PASS; local analysis: PASS'
    })
    expect(r.summary).toContain(`| ${NEW} |`)
    expect(only('access-analyzer', r.calls).sort()).toEqual([
      'access-analyzer:CheckNoNewAccess',
      'access-analyzer:CheckNoPublicAccess'
    ])
  })

  it('agrees that a statement without the external ID lets others in (verification still fails)', async () => {
    const r = await elsewhere('apic-no-external-id', { 'access-analyzer-checks': 'true' })

    expect(r.exitCode).toBe(1)
    expect(r.checks[NEW].status).toBe('pass')
    expect(r.checks[NEW].actual).toMatch(
      /^Access Analyzer: FAIL \("ApiConnectAssumeRole": .*\); local analysis: FAIL$/
    )
    expect(r.result.checks.filter(c => c.status === 'fail').map(c => c.name)).toEqual([NOBODY_ELSE])
  })

  it('a disagreement keeps verified from true and says so', async () => {
    // The emulator's evaluator cannot put a web identity to the policy: it sees no new access
    // where the local analysis finds GitHub's provider, undeclared.
    const r = await elsewhere('apic-github', { 'access-analyzer-checks': 'true', verify: 'warn' })

    expect(r.outputs.verified).toBe('false')
    expect(r.checks[NEW]).toMatchObject({
      status: 'fail',
      actual: 'the engines disagree. Access Analyzer: PASS; local analysis: FAIL'
    })
    expect(r.warnings.join('\n')).toContain(
      `${NEW} (expected the same answer as the local analysis`
    )
  })

  it('is off by default: no Access Analyzer call', async () => {
    const r = await elsewhere('apic-good')
    expect(only('access-analyzer', r.calls)).toEqual([])
  })
})

describe('SimulatePrincipalPolicy denied', () => {
  const deny = () => refuse(emulator, 'iam:SimulatePrincipalPolicy')
  const fallback =
    'local evaluation of inline, attached and boundary policies (SimulatePrincipalPolicy unavailable: AccessDenied'

  it('falls back to local evaluation, and the summary says so', async () => {
    deny()
    const r = await elsewhere('apic-good')

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('true')
    expect(r.checks[`Role may invoke ${FN}`].method).toMatch(new RegExp(`^${escape(fallback)}`))
    expect(r.summary).toContain(`| ${fallback}: User: ${CALLER} is not authorized`)
    expect(verificationCalls(r)).toEqual([
      'iam:GetRole',
      'iam:SimulatePrincipalPolicy(AccessDenied)'
    ])
    // One read of the role's policies answers the invoke check and "nothing but invoke".
    expect(policyReads(r)).toEqual(['iam:ListRolePolicies', 'iam:ListAttachedRolePolicies'])
    expect(r.checks[ONLY_INVOKE].status).toBe('pass')
  })

  it('the local evaluation still fails a grant on another function', async () => {
    deny()
    const r = await elsewhere('apic-wrong-function')

    expect(r.exitCode).toBe(1)
    expect(r.checks[`Role may invoke ${FN}`].status).toBe('fail')
    expect(r.checks[`Role may invoke ${FN}`].method).toContain(fallback)
  })

  it('the local evaluation reads attached managed policies and honours their Deny', async () => {
    deny()
    const r = await elsewhere('apic-frozen')

    expect(r.exitCode).toBe(1)
    expect(r.checks[`Role may invoke ${FN}`].actual).toBe(
      `explicit-deny: explicitly denied by "${FREEZE}: Freeze"`
    )
    expect(policyReads(r)).toEqual(
      expect.arrayContaining(['iam:GetPolicy', 'iam:GetPolicyVersion'])
    )
  })
})

describe('verify: warn and verify: off', () => {
  it('warn: exits 0, the failure becomes a warning, and verified is false', async () => {
    const r = await elsewhere('apic-no-external-id', { verify: 'warn' })

    expect(r.exitCode).toBe(0)
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Verification failed: Nobody else can assume the role/)
      ])
    )
    expectVerifiedOutputs(r, 'apic-no-external-id', 'false')
    expect(r.summary).toContain('❌ fail')
  })

  it('off: no check, no verification call, verified is skipped', async () => {
    const r = await elsewhere('apic-no-external-id', { verify: 'off' })

    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('skipped')
    expect(r.result.checks).toEqual([])
    expect(r.calls).not.toContain('iam:SimulatePrincipalPolicy')
    expect(r.summary).toContain('Verification is off.')
  })
})

describe('dry run', () => {
  it('verifies the planned documents of a new role and writes nothing', async () => {
    const r = await run({ 'dry-run': 'true' })

    expect(r.exitCode).toBe(0)
    expect(r.writes).toEqual([])
    expect(emulator.state.iam.roles.has('apic-invoke-orders')).toBe(false)
    expect(r.outputs.verified).toBe('true')
    expect(r.result.checks.slice(1).map(c => [c.name, c.status, c.method])).toEqual(
      CHECKS.slice(1).map(name => [name, 'pass', DRY_METHOD])
    )
    expect(r.summary).toContain('(verified ✅, dry run)')
    expect(r.calls).not.toContain('iam:SimulatePrincipalPolicy')
    expect(only('sts', r.calls)).toEqual(['sts:GetCallerIdentity'])
  })

  it('verifies the trust policy the run would write, not the one the role has now', async () => {
    const before = emulator.state.iam.roles.get('apic-no-external-id')?.assumeRolePolicy
    const r = await run({ 'role-name': 'apic-no-external-id', 'dry-run': 'true' })

    // The plan fixes the statement, so the planned documents pass; the role is left as it was.
    expect(r.exitCode).toBe(0)
    expect(r.checks[NOBODY_ELSE]).toMatchObject({ status: 'pass', method: DRY_METHOD })
    expect(r.writes).toEqual([])
    expect(emulator.state.iam.roles.get('apic-no-external-id')?.assumeRolePolicy).toBe(before)
    // The plan's reads (the role, its grant) serve verification, which adds the role's other
    // policies (inline and attached; the grant the plan replaces is not read again).
    expect(only('iam', r.calls).sort()).toEqual([
      'iam:GetRole',
      'iam:GetRolePolicy',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies'
    ])
  })

  it('with manage-role false, verifies the role as it is: nothing would change it', async () => {
    const r = await elsewhere('apic-no-external-id', { 'dry-run': 'true' })

    expect(r.exitCode).toBe(1)
    expect(r.checks[NOBODY_ELSE]).toMatchObject({ status: 'fail', method: TRUST_METHOD })
    expect(r.outputs.verified).toBe('false')
    expect(r.writes).toEqual([])
  })
})

describe('validate-trust-policy', () => {
  it('degrades to "not checked", with the reason, when the runner may not call Access Analyzer', async () => {
    refuse(emulator, 'access-analyzer:ValidatePolicy', 'AccessDeniedException')
    const r = await elsewhere('apic-good', { 'validate-trust-policy': 'true' })

    const check = r.checks['Access Analyzer finds no error in the trust policy']
    expect(check.status).toBe('not-checked')
    expect(check.actual).toMatch(
      /^not checked \(AccessDeniedException: access-analyzer:ValidatePolicy on a resource policy: User: /
    )
    // Not a pass: verified says the extra did not run, and the step warns instead of failing.
    expect(r.exitCode).toBe(0)
    expect(r.outputs.verified).toBe('incomplete')
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Not checked: Access Analyzer finds no error/)
      ])
    )
    expect(r.calls).toContain('access-analyzer:ValidatePolicy(AccessDeniedException)')
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
