// The `lambda-policy` output end to end, and API Connect's regions by IBM's ids: the bundled
// action against the emulator. The policy must parse as YAML with exactly the keys of IBM's
// `aws-lambda` policy 1.0.0, filled with what this run deployed.
import { parse } from 'yaml'
import { executionRole, startEmulator, type Emulator } from '../../emulator/index.js'
import { ORG, REGION, roleArn } from '../../harness/constants.js'
import { ok, refuse, runE2e, type Inputs } from '../support/e2e.js'

/** The role IBM would hand a team in Sydney: it exists here, as IAM refuses a principal that does not. */
const SYDNEY_ROLE = 'arn:aws:iam::623947394061:role/ibm-apiconnect-ap-southeast-a'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({
    functionActivationMs: 200,
    functionUpdateMs: 200,
    externalPrincipals: [SYDNEY_ROLE],
    seed: { roles: [executionRole('exec')] }
  })
})
afterAll(() => emu?.stop())
beforeEach(() => emu.clearFaults())

const workspace = `${import.meta.dirname}/../../examples`
const inputs = (name: string, extra: Inputs = {}): Inputs => ({
  'function-name': name,
  code: 'echo',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': roleArn('exec'),
  'provider-org-id': ORG,
  ...extra
})
const deploy = (extra: Inputs) => runE2e(emu, extra, { workspace })

/** The policy's one item, asserting its shape on the way. */
function policyOf(yamlText: string): Record<string, unknown> {
  const items = parse(yamlText) as unknown
  expect(Array.isArray(items) && items.length === 1).toBe(true)
  const item = (items as Record<string, unknown>[])[0]
  expect(Object.keys(item)).toEqual(['aws-lambda'])
  return item['aws-lambda'] as Record<string, unknown>
}

test('holds the aws-lambda policy with the alias, the region and the role it ensured', async () => {
  const run = await deploy(inputs('orders', { alias: 'live' }))
  ok(run)
  const role = emu.state.iam.roles.get('apic-invoke-orders')
  expect(role).toBeDefined()
  expect(policyOf(run.outputs['lambda-policy'])).toStrictEqual({
    version: '1.0.0',
    title: 'invoke orders',
    function_name: 'orders:live',
    aws_region: REGION,
    aws_assume_role_arn: role?.arn
  })
  expect(run.outputs['qualified-name']).toBe('orders:live')
  expect(run.result.lambdaPolicy).toBe(run.outputs['lambda-policy'])
  expect(run.summary).toContain(
    `### The assembly's Lambda policy (output \`lambda-policy\`)\n\n\`\`\`yaml\n${run.outputs['lambda-policy'].trimEnd()}\n\`\`\``
  )
})

test('a dry run leaves it empty and shows what it would hold, marked as such', async () => {
  const run = await deploy(inputs('payments', { 'dry-run': 'true' }))
  ok(run)
  expect(run.outputs['lambda-policy']).toBe('')
  expect(run.summary).toContain('(dry run: the `lambda-policy` output is empty)')
  expect(run.summary).toContain('    function_name: "payments"')
})

test('a failed run leaves it empty and shows no policy', async () => {
  refuse(emu, 'iam:PutRolePolicy')
  const run = await deploy(inputs('billing'))
  expect(run.exitCode).toBe(1)
  expect(run.outputs['lambda-policy']).toBe('')
  expect(run.summary).not.toContain('aws-lambda')
})

describe("IBM's unpublished regions", () => {
  test.each(['ap-southeast-a', 'ap-south-a'])(
    '%s without api-connect-role-arn fails before any AWS call, saying where IBM names it',
    async region => {
      const run = await deploy(inputs('asia', { 'api-connect-region': region }))
      expect(run.exitCode).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Invalid input: api-connect-role-arn: API Connect region ${region} \\(.*\\) has no role published by IBM yet; IBM names its role per region under "Setting up permissions and trust in AWS" at https://www\\.ibm\\.com/docs/en/api-connect/saas\\?topic=policies-lambda`
          )
        )
      ])
      expect(run.calls).toEqual([])
    }
  )

  test('ap-southeast-a with the role IBM gave is accepted and trusted', async () => {
    const run = await deploy(
      inputs('sydney', {
        'api-connect-region': 'ap-southeast-a',
        'api-connect-role-arn': SYDNEY_ROLE
      })
    )
    ok(run)
    expect(run.outputs['api-connect-role-arn']).toBe(SYDNEY_ROLE)
    expect(
      decodeURIComponent(emu.state.iam.roles.get('apic-invoke-sydney')?.assumeRolePolicy ?? '')
    ).toContain(SYDNEY_ROLE)
  })
})
