// IAM's eventual consistency for changes (iamChangePropagationMs), through the real clients: a new
// trust policy or inline policy is stored at once but read as before until the window has passed,
// by GetRole, GetRolePolicy, ListRolePolicies, SimulatePrincipalPolicy and STS AssumeRole alike.
import {
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand,
  UpdateAssumeRolePolicyCommand
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import {
  ACCOUNT,
  IBM_US_EAST,
  ORG_ID,
  apiConnectTrust,
  clients,
  eventually,
  rejectionOf
} from './helpers.js'

const WINDOW_MS = 300
const IBM_KEY = 'AKIAIBMEXAMPLE'
const ROLE = 'apic-invoke'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`
const FN = `arn:aws:lambda:eu-west-2:${ACCOUNT}:function:orders`
const OTHER_ORG = '0b6c8a5e-5d0c-4c55-9d6c-3f1f1d2c9e77'
const GRANT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN }]
})

let emulator: Emulator
let ci: ReturnType<typeof clients>
let ibm: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator({
    identities: { [IBM_KEY]: IBM_US_EAST },
    iamChangePropagationMs: WINDOW_MS,
    seed: {
      roles: [
        {
          name: ROLE,
          assumeRolePolicy: apiConnectTrust(),
          inlinePolicies: { 'invoke-orders': GRANT }
        }
      ]
    }
  })
  ci = clients(emulator.url)
  ibm = clients(emulator.url, { credentials: { accessKeyId: IBM_KEY, secretAccessKey: 'x' } })
})
afterAll(() => emulator.stop())
beforeEach(() => {
  emulator.reset()
  emulator.configure({ iamChangePropagationMs: WINDOW_MS })
})

const trustOf = async () => {
  const { Role } = await ci.iam.send(new GetRoleCommand({ RoleName: ROLE }))
  return decodeURIComponent(Role!.AssumeRolePolicyDocument!)
}
const policyNames = async () =>
  (await ci.iam.send(new ListRolePoliciesCommand({ RoleName: ROLE }))).PolicyNames
const getPolicy = (PolicyName: string) =>
  ci.iam.send(new GetRolePolicyCommand({ RoleName: ROLE, PolicyName }))
const mayInvoke = async () => {
  const { EvaluationResults } = await ci.iam.send(
    new SimulatePrincipalPolicyCommand({
      PolicySourceArn: ROLE_ARN,
      ActionNames: ['lambda:InvokeFunction'],
      ResourceArns: [FN]
    })
  )
  return EvaluationResults![0].EvalDecision
}
const assumeAs = (externalId: string) =>
  ibm.sts
    .send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'apic', ExternalId: externalId })
    )
    .then(
      () => 'allowed',
      (error: Error) => error.name
    )

/** Polls until `probe` answers `expected`; returns how long after `since` that was. */
async function settlesTo<T>(probe: () => Promise<T>, expected: T, since: number): Promise<number> {
  await eventually(async () => ((await probe()) === expected ? true : undefined), 5000)
  return Date.now() - since
}

test('a new trust policy: GetRole and AssumeRole follow the old one until the window passes', async () => {
  const before = await trustOf()
  const after = apiConnectTrust(IBM_US_EAST, OTHER_ORG)
  const changed = Date.now()
  await ci.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: after }))

  expect(await trustOf()).toBe(before)
  expect(await assumeAs(ORG_ID)).toBe('allowed')
  expect(await assumeAs(OTHER_ORG)).toBe('AccessDenied')
  // What IAM stores is already the new document.
  expect(emulator.state.iam.roles.get(ROLE)!.assumeRolePolicy).toBe(after)

  expect(await settlesTo(trustOf, after, changed)).toBeGreaterThanOrEqual(WINDOW_MS - 50)
  expect(await assumeAs(OTHER_ORG)).toBe('allowed')
  expect(await assumeAs(ORG_ID)).toBe('AccessDenied')
})

test('a new inline policy: not listed, not readable, not simulated until the window passes', async () => {
  const wider = GRANT.replace(FN, `${FN}:*`)
  const put = Date.now()
  await ci.iam.send(
    new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'invoke-alias', PolicyDocument: wider })
  )

  expect(await policyNames()).toEqual(['invoke-orders'])
  expect((await rejectionOf(getPolicy('invoke-alias'))).name).toBe('NoSuchEntityException')

  const listed = await settlesTo(
    async () => (await policyNames())!.join(),
    'invoke-alias,invoke-orders',
    put
  )
  expect(listed).toBeGreaterThanOrEqual(WINDOW_MS - 50)
  expect(decodeURIComponent((await getPolicy('invoke-alias')).PolicyDocument!)).toBe(wider)
})

test('a grant added to a role without one is simulated as denied until it propagates', async () => {
  await ci.iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'invoke-orders' }))
  // The deletion itself propagates: the grant still counts for a while.
  expect(await mayInvoke()).toBe('allowed')
  await settlesTo(mayInvoke, 'implicitDeny', Date.now())

  const put = Date.now()
  await ci.iam.send(
    new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'invoke-orders', PolicyDocument: GRANT })
  )
  expect(await mayInvoke()).toBe('implicitDeny')
  expect(await settlesTo(mayInvoke, 'allowed', put)).toBeGreaterThanOrEqual(WINDOW_MS - 50)
})

test('writes build on what is stored, not on what reads show', async () => {
  await ci.iam.send(
    new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'extra', PolicyDocument: GRANT })
  )
  // Not readable yet, but deletable: the write path sees the stored role.
  await ci.iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'extra' }))
  expect(emulator.snapshot().roles[0].propagating).toEqual([
    { kind: 'put-inline', name: 'extra', document: GRANT, visibleAt: expect.any(String) },
    { kind: 'delete-inline', name: 'extra', visibleAt: expect.any(String) }
  ])
  const deleted = await rejectionOf(
    ci.iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'extra' }))
  )
  expect(deleted.name).toBe('NoSuchEntityException')

  // Both changes land in order: the policy never lingers once both have propagated.
  await eventually(async () => (emulator.snapshot().roles[0].propagating ? undefined : true))
  expect(await policyNames()).toEqual(['invoke-orders'])
})

test('configure sets the window at run time; 0 makes new changes visible at once', async () => {
  expect(emulator.configure({ iamChangePropagationMs: 0 }).iamChangePropagationMs).toBe(0)
  const after = apiConnectTrust(IBM_US_EAST, OTHER_ORG)
  await ci.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: after }))
  expect(await trustOf()).toBe(after)
  expect(emulator.snapshot().roles[0].propagating).toBeUndefined()

  const response = await fetch(`${emulator.url}/_emulator/config`, {
    method: 'POST',
    body: JSON.stringify({ iamChangePropagationMs: 10_000 })
  })
  expect(await response.json()).toMatchObject({ iamChangePropagationMs: 10_000 })
  await ci.iam.send(
    new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: apiConnectTrust() })
  )
  expect(await trustOf()).toBe(after)
  expect(() => emulator.configure({ iamChangePropagationMs: -1 })).toThrow(
    'iamChangePropagationMs must be a number >= 0'
  )
})
