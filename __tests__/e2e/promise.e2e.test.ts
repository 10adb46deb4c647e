// Issue 20's findings 2, 3 and 4, end to end (the bundled action against the emulator): IBM's
// principals are refused in accepted-principals before any AWS call; a role that would fail
// verification gets no write at all, role or function, and the error names the reason and the fix
// (a dry run says the same); one role serves two API Connect regions, in either order, reruns too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { type Emulator, executionRole, startEmulator } from '../../emulator/index.js'
import { IBM_EU_WEST, IBM_US_EAST, ORG, roleArn } from '../../harness/constants.js'
import { apiConnectStatement, policy } from '../support/documents.js'
import { runE2e, type Inputs } from '../support/e2e.js'

const IBM_ACCOUNT = IBM_US_EAST.split(':')[4]!
const wholeAccount = {
  ...apiConnectStatement(),
  Sid: 'IbmAccount',
  Principal: { AWS: IBM_ACCOUNT }
}

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    functionActivationMs: 50,
    functionUpdateMs: 50,
    seed: {
      roles: [
        executionRole('exec'),
        { name: 'apic-ibm-account', assumeRolePolicy: policy(wholeAccount) }
      ],
      functions: [
        { name: 'orders', role: roleArn('exec') },
        { name: 'orders', role: roleArn('exec'), region: 'eu-central-1' },
        { name: 'orders', role: roleArn('exec'), region: 'eu-west-2' }
      ]
    }
  })
})
afterAll(async () => {
  await emulator.stop()
})

const run = (inputs: Inputs) =>
  runE2e(emulator, { 'function-name': 'orders', 'provider-org-id': ORG, ...inputs })
const trustOf = (name: string) => emulator.state.iam.roles.get(name)?.assumeRolePolicy

describe("finding 2: IBM's principals are IBM's", () => {
  beforeEach(() => emulator.reset())

  it("refuses London's principal in accepted-principals for a Frankfurt function, before any AWS call", async () => {
    const r = await run({ region: 'eu-central-1', 'accepted-principals': IBM_EU_WEST })
    expect(r.exitCode).toBe(1)
    expect(r.calls).toEqual([])
    expect(r.errors.join('\n')).toMatch(
      /accepted-principals: line 1: is a principal of IBM's API Connect account 623947394061, which is API Connect's: API Connect's access is what api-connect-region and provider-org-id describe/
    )
  })
})

describe('finding 3: never let IBM into a role that fails', () => {
  beforeEach(() => emulator.reset())

  it("refuses the function's own execution role: no write, role or function, and says why and how to fix it", async () => {
    const before = trustOf('exec')
    const r = await run({ 'role-name': 'exec', 'memory-size': '512' })
    expect(r.exitCode).toBe(1)
    expect(r.writes).toEqual([])
    expect(trustOf('exec')).toBe(before)
    expect(r.outputs.verified).toBe('false')
    const error = r.errors.at(-1)!
    expect(error).toMatch(
      /Nothing was written: IBM API Connect would be let into role arn:aws:iam::123456789012:role\/exec/
    )
    expect(error).toMatch(/its trust policy already lets others in: .*lambda\.amazonaws\.com/)
    expect(error).toMatch(
      /it is the execution role of function orders: .*Give API Connect a role of its own/
    )
  })

  it("refuses a role whose trust names IBM's whole account, and a dry run says the same words", async () => {
    const before = trustOf('apic-ibm-account')
    const r = await run({ 'role-name': 'apic-ibm-account' })
    expect(r.exitCode).toBe(1)
    expect(r.writes).toEqual([])
    expect(trustOf('apic-ibm-account')).toBe(before)
    const error = r.errors.at(-1)!
    expect(error).toMatch(/Nothing was written: .*statement "IbmAccount" lets 623947394061/)
    expect(error).toMatch(/Fix the role, or set role-name to a role of its own for API Connect/)

    const dry = await run({ 'role-name': 'apic-ibm-account', 'dry-run': 'true' })
    expect(dry.exitCode).toBe(1)
    expect(dry.writes).toEqual([])
    expect(dry.outputs.verified).toBe('false')
    expect(dry.errors.at(-1)).toBe(error)
  })
})

describe('finding 4: one role, several API Connect regions, reruns in both orders', () => {
  const london = { region: 'eu-west-2', 'role-name': 'apic-shared-regions' }
  const virginia = { region: 'us-east-1', 'role-name': 'apic-shared-regions' }

  it.each([
    ['London, then N. Virginia', [london, virginia]],
    ['N. Virginia, then London', [virginia, london]]
  ])('%s: every run passes with verified=true', async (_, order) => {
    emulator.reset()
    for (const inputs of [...order, ...order, ...[...order].reverse()]) {
      const r = await run(inputs)
      expect(r.errors).toEqual([])
      expect(r.exitCode).toBe(0)
      expect(r.outputs.verified).toBe('true')
    }
    const last = await run(order[0]!)
    expect(last.writes).toEqual([])
    expect(last.checks['API Connect can assume the role']!.actual).toMatch(
      /API Connect regions that can assume the role with this org's external ID: .*eu-west-a \(London\).*us-east-a \(N\. Virginia\)|us-east-a \(N\. Virginia\).*eu-west-a \(London\)/
    )
    expect(last.summary).toContain('API Connect (this org)')
  })
})
