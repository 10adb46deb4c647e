// The server itself: routing, AWS-shaped answers to bad input, the request log helpers, the admin
// surface under /_emulator/, and the CLI.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { CreateRoleCommand, TagRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { type Emulator, isWriteOperation, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, apiConnectTrust, clients } from './helpers.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }] }
  })
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

/** What an SDK would send: a SigV4 Authorization header naming the service in its scope. */
function signedFor(service: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`
  }
}

function form(body: string, headers: Record<string, string> = {}) {
  return fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body
  })
}

describe('routing and bad input', () => {
  test('an unknown IAM action is InvalidAction', async () => {
    const response = await form('Action=Frobnicate&Version=2010-05-08', signedFor('iam'))
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">')
    expect(text).toContain('<Code>InvalidAction</Code>')
    expect(text).toContain('Could not find operation Frobnicate for version 2010-05-08')
    expect(emulator.log[0]).toMatchObject({
      service: 'iam',
      operation: 'Frobnicate',
      errorCode: 'InvalidAction'
    })
  })

  test('a request without Action is MissingAction', async () => {
    const response = await form('Version=2011-06-15', signedFor('sts'))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<Code>MissingAction</Code>')
  })

  test('unsigned requests are routed by their shape', async () => {
    const sts = await form('Action=GetCallerIdentity&Version=2011-06-15')
    expect(sts.status).toBe(200)
    expect(await sts.text()).toContain(`<Account>${ACCOUNT}</Account>`)
    const lambda = await fetch(`${emulator.url}/2015-03-31/functions/nope`)
    expect(lambda.status).toBe(404)
    expect(lambda.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException')
    const s3 = await fetch(`${emulator.url}/no-such-bucket/key`)
    expect(await s3.text()).toContain('<Code>NoSuchBucket</Code>')
    expect(emulator.log.map(e => e.service)).toEqual(['sts', 'lambda', 's3'])
  })

  test('an unknown Lambda path is a 404 UnknownOperationException', async () => {
    const response = await fetch(`${emulator.url}/2015-03-31/frobnicate`, {
      headers: signedFor('lambda')
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    expect(await response.json()).toMatchObject({ Type: 'User' })
  })

  test('a Lambda body that is not JSON is InvalidRequestContentException', async () => {
    const response = await fetch(`${emulator.url}/2015-03-31/functions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedFor('lambda') },
      body: '{"FunctionName": '
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException')
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^Could not parse request body into json/
    )
  })

  test("an exception inside a handler is the service's 500, and the server keeps serving", async () => {
    const response = await fetch(`${emulator.url}/2015-03-31/functions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedFor('lambda') },
      body: JSON.stringify({
        FunctionName: 'broken',
        Role: `arn:aws:iam::${ACCOUNT}:role/exec`,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        EphemeralStorage: null
      })
    })
    expect(response.status).toBe(500)
    expect(response.headers.get('x-amzn-errortype')).toBe('ServiceException')
    expect(emulator.log[0]).toMatchObject({ status: 500, errorCode: 'ServiceException' })
    expect(emulator.log[0].detail).toBeTruthy()
    await expect(
      clients(emulator.url).sts.send(new GetCallerIdentityCommand({}))
    ).resolves.toBeDefined()
  })

  test('a service the emulator does not implement gets an AWS-shaped error', async () => {
    const response = await form('Action=ListQueues', signedFor('sqs'))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<Code>UnknownService</Code>')
    expect(emulator.log[0]).toMatchObject({ service: 'sqs', errorCode: 'UnknownService' })
  })
})

describe('the request log', () => {
  test('isWriteOperation classifies by verb; STS writes nothing', () => {
    const writes = [
      'CreateRole',
      'UpdateAssumeRolePolicy',
      'PutRolePolicy',
      'DeleteRolePolicy',
      'TagRole',
      'UntagRole',
      'PublishVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'PutObject'
    ]
    const reads = [
      'GetRole',
      'ListRoleTags',
      'SimulatePrincipalPolicy',
      'GetFunction',
      'HeadObject'
    ]
    for (const operation of writes) expect(isWriteOperation('iam', operation)).toBe(true)
    for (const operation of reads) expect(isWriteOperation('iam', operation)).toBe(false)
    expect(isWriteOperation('sts', 'AssumeRole')).toBe(false)
  })

  test('operations() and writes() summarise the log', async () => {
    const aws = clients(emulator.url)
    await aws.sts.send(new GetCallerIdentityCommand({}))
    await aws.iam.send(
      new CreateRoleCommand({ RoleName: 'apic', AssumeRolePolicyDocument: apiConnectTrust() })
    )
    await aws.iam.send(new TagRoleCommand({ RoleName: 'apic', Tags: [{ Key: 'a', Value: 'b' }] }))
    await aws.sts
      .send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/apic`,
          RoleSessionName: 's'
        })
      )
      .catch(() => undefined)
    expect(emulator.operations()).toEqual([
      'GetCallerIdentity',
      'CreateRole',
      'TagRole',
      'AssumeRole'
    ])
    expect(emulator.operations('iam')).toEqual(['CreateRole', 'TagRole'])
    expect(emulator.writes().map(e => e.operation)).toEqual(['CreateRole', 'TagRole'])
    for (const entry of emulator.log) {
      expect(entry.accessKeyId).toBe('AKIAEXAMPLE')
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false)
      expect(entry.durationMs).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('the admin surface', () => {
  const admin = (path: string, init?: RequestInit) =>
    fetch(`${emulator.url}/_emulator/${path}`, init)
  const post = (path: string, body?: unknown) =>
    admin(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })

  test('log, state, faults, config and reset over HTTP', async () => {
    const aws = clients(emulator.url, { maxAttempts: 1 })
    await aws.iam.send(
      new CreateRoleCommand({ RoleName: 'apic', AssumeRolePolicyDocument: apiConnectTrust() })
    )

    const log = await (await admin('log')).json()
    expect(log).toEqual([
      expect.objectContaining({ service: 'iam', operation: 'CreateRole', status: 200 })
    ])

    const state = (await (await admin('state')).json()) as {
      roles: { name: string; assumeRolePolicy: unknown }[]
      policies: { name: string }[]
    }
    const apic = state.roles.find(r => r.name === 'apic')
    expect(apic?.assumeRolePolicy).toEqual(JSON.parse(apiConnectTrust()))
    expect(state.policies.map(p => p.name)).toContain('AWSLambdaBasicExecutionRole')

    expect(
      (await post('faults', { kind: 'internal', operation: 'GetCallerIdentity', count: 1 })).status
    ).toBe(204)
    expect(await (await admin('faults')).json()).toHaveLength(1)
    await expect(aws.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InternalFailure'
    })
    await expect(aws.sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined()

    const bad = await post('faults', { kind: 'explode', operation: 'GetRole' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toContain('fault kind must be one of')
    await post('faults', [{ kind: 'throttle', operation: 'GetRole' }])
    expect((await admin('faults', { method: 'DELETE' })).status).toBe(204)
    expect(emulator.faults()).toEqual([])

    const config = await (await post('config', { functionUpdateMs: 250 })).json()
    expect(config).toMatchObject({ functionUpdateMs: 250, accountId: ACCOUNT })
    expect(emulator.config.functionUpdateMs).toBe(250)
    await post('config', { functionUpdateMs: 0 })

    expect((await post('reset')).status).toBe(204)
    expect(emulator.log).toEqual([])
    expect(emulator.state.iam.roles.has('apic')).toBe(false)
    expect(emulator.state.iam.roles.has('exec')).toBe(true)

    expect((await admin('nothing-here')).status).toBe(404)
  })
})

describe('the CLI', () => {
  test('prints the URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0'], {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    try {
      const lines = createInterface({ input: child.stdout! })
      const [url] = (await once(lines, 'line')) as [string]
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const identity = await clients(url).sts.send(new GetCallerIdentityCommand({}))
      expect(identity.Account).toBe(ACCOUNT)
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit')
      expect(code).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
