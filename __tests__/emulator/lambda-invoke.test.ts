// Lambda's Invoke through the real client: Node.js handlers run for real (ESM and CommonJS), with the
// function's environment and timeout, and the error paths Lambda reports.
import {
  CreateFunctionCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  type InvokeCommandOutput,
  type Runtime
} from '@aws-sdk/client-lambda'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, clients, rejectionOf, zipOf } from './helpers.js'

let emulator: Emulator
let lambda: ReturnType<typeof clients>['lambda']

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }] }
  })
  lambda = clients(emulator.url, { maxAttempts: 1 }).lambda
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

let count = 0
/** Creates a function from files and returns its name. */
async function deploy(
  files: Record<string, string>,
  settings: {
    Runtime?: string
    Handler?: string
    Timeout?: number
    env?: Record<string, string>
  } = {}
): Promise<string> {
  const name = `fn${++count}`
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: `arn:aws:iam::${ACCOUNT}:role/exec`,
      Runtime: (settings.Runtime ?? 'nodejs22.x') as Runtime,
      Handler: settings.Handler ?? 'index.handler',
      Timeout: settings.Timeout,
      Environment: settings.env ? { Variables: settings.env } : undefined,
      Code: { ZipFile: zipOf(files) }
    })
  )
  return name
}

const invoke = (name: string, event: unknown, Qualifier?: string) =>
  lambda.send(
    new InvokeCommand({
      FunctionName: name,
      Qualifier,
      LogType: 'Tail',
      Payload: new TextEncoder().encode(JSON.stringify(event))
    })
  )
const payloadOf = (out: InvokeCommandOutput): unknown =>
  JSON.parse(new TextDecoder().decode(out.Payload))
const logOf = (out: InvokeCommandOutput): string =>
  Buffer.from(out.LogResult ?? '', 'base64').toString('utf8')

describe('Invoke runs Node.js handlers', () => {
  test('an ESM handler (index.mjs) gets the event, its environment and context', async () => {
    const name = await deploy(
      {
        'index.mjs': `export const handler = async (event, context) => {
          console.log('got', event.id)
          return { echo: event, greeting: process.env.GREETING, fn: context.functionName, v: process.env.AWS_LAMBDA_FUNCTION_VERSION, secret: process.env.AWS_SECRET_ACCESS_KEY ?? null }
        }`
      },
      { env: { GREETING: 'hello' } }
    )
    const out = await invoke(name, { id: 42 })
    expect(out.StatusCode).toBe(200)
    expect(out.FunctionError).toBeUndefined()
    expect(out.ExecutedVersion).toBe('$LATEST')
    expect(payloadOf(out)).toEqual({
      echo: { id: 42 },
      greeting: 'hello',
      fn: name,
      v: '$LATEST',
      secret: null
    })
    const log = logOf(out)
    expect(log).toMatch(/^START RequestId: \S+ Version: \$LATEST\n/)
    expect(log).toMatch(/\tINFO\tgot 42\n/)
    expect(log).toMatch(/REPORT RequestId: \S+\tDuration: [\d.]+ ms/)
  })

  test('a CommonJS handler (module.exports, in a subfolder) and a callback-style one', async () => {
    const cjs = await deploy(
      { 'src/app.js': 'module.exports.main = async event => ({ sum: event.a + event.b })' },
      { Handler: 'src/app.main' }
    )
    expect(payloadOf(await invoke(cjs, { a: 2, b: 3 }))).toEqual({ sum: 5 })
    const callback = await deploy({
      'index.js':
        'exports.handler = (event, context, done) => setTimeout(() => done(null, "late " + event.n), 10)'
    })
    expect(payloadOf(await invoke(callback, { n: 1 }))).toBe('late 1')
  })

  test('a qualified invoke runs that version, not $LATEST', async () => {
    const name = await deploy({ 'index.js': 'exports.handler = async () => "one"' })
    await lambda.send(new PublishVersionCommand({ FunctionName: name }))
    await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: name,
        ZipFile: zipOf({ 'index.js': 'exports.handler = async () => "two"' })
      })
    )
    const v1 = await invoke(name, {}, '1')
    expect([v1.ExecutedVersion, payloadOf(v1)]).toEqual(['1', 'one'])
    const latest = await invoke(name, {})
    expect([latest.ExecutedVersion, payloadOf(latest)]).toEqual(['$LATEST', 'two'])
  })
})

describe('Invoke reports what went wrong', () => {
  test('a throw is FunctionError Unhandled with the error object, logged', async () => {
    const name = await deploy({
      'index.mjs': 'export const handler = async () => { throw new TypeError("no orders table") }'
    })
    const out = await invoke(name, {})
    expect(out.StatusCode).toBe(200)
    expect(out.FunctionError).toBe('Unhandled')
    expect(payloadOf(out)).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'no orders table'
    })
    expect(logOf(out)).toContain('ERROR\tInvoke Error')
  })

  test('a handler that runs past the timeout is killed: Sandbox.Timedout', async () => {
    const name = await deploy(
      { 'index.js': 'exports.handler = () => new Promise(() => setInterval(() => {}, 1000))' },
      { Timeout: 1 }
    )
    const started = Date.now()
    const out = await invoke(name, {})
    expect(Date.now() - started).toBeLessThan(4000)
    expect(out.FunctionError).toBe('Unhandled')
    expect(payloadOf(out)).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: expect.stringContaining('Task timed out after 1.00 seconds')
    })
  })

  test('a process that exits, a missing module and a missing export', async () => {
    const exits = await deploy({ 'index.js': 'exports.handler = async () => process.exit(3)' })
    expect(payloadOf(await invoke(exits, {}))).toMatchObject({
      errorType: 'Runtime.ExitError',
      errorMessage: expect.stringContaining('exit status 3')
    })
    const noModule = await deploy({ 'other.js': '' })
    expect(payloadOf(await invoke(noModule, {}))).toMatchObject({
      errorType: 'Runtime.ImportModuleError'
    })
    const noExport = await deploy({ 'index.js': 'exports.other = async () => 1' })
    const out = await invoke(noExport, {})
    expect(out.FunctionError).toBe('Unhandled')
    expect(payloadOf(out)).toMatchObject({ errorType: 'Runtime.HandlerNotFound' })
  })

  test('other runtimes are refused in words; a missing version is not found', async () => {
    const python = await deploy(
      { 'app.py': 'def handler(e, c): return 1' },
      {
        Runtime: 'python3.13',
        Handler: 'app.handler'
      }
    )
    const error = await rejectionOf(invoke(python, {}))
    expect(error.name).toBe('InvalidRuntimeException')
    expect(error.message).toMatch(/python3\.13 is not run by the emulator/)
    const node = await deploy({ 'index.js': 'exports.handler = async () => 1' })
    expect((await rejectionOf(invoke(node, {}, '7'))).name).toBe('ResourceNotFoundException')
  })

  test('a handler may connect to loopback only', async () => {
    const name = await deploy({
      'index.mjs': `import net from 'node:net'
        export const handler = async () => {
          try { net.connect({ host: '192.0.2.1', port: 80 }); return 'connected' }
          catch (e) { return e.message }
        }`
    })
    expect(payloadOf(await invoke(name, {}))).toBe(
      'the emulator lets a function reach loopback addresses only, not 192.0.2.1'
    )
    const local = await deploy({
      'index.mjs': `export const handler = async event => (await fetch(event.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/x-amz-json-1.1' } })).status`
    })
    expect(payloadOf(await invoke(local, { url: emulator.url }))).toEqual(expect.any(Number))
  })

  test('DryRun runs nothing and answers 204', async () => {
    const name = await deploy({ 'index.js': 'exports.handler = async () => process.exit(1)' })
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: name, InvocationType: 'DryRun' })
    )
    expect(out.StatusCode).toBe(204)
    expect(emulator.writes().map(w => w.operation)).toEqual(['CreateFunction'])
  })
})

describe('what a handler can reach', () => {
  const attempt = (body: string) =>
    deploy({
      'index.mjs': `export const handler = async () => { try { ${body}; return 'allowed' } catch (e) { return String(e.code ?? e.message) } }`,
      'data.txt': 'own file'
    })

  test('its own files only: no other file, no write, no child process, no worker', async () => {
    const cases: [string, string][] = [
      [
        `const fs = await import('node:fs'); if (fs.readFileSync(process.env.LAMBDA_TASK_ROOT + '/data.txt', 'utf8') !== 'own file') throw new Error('x')`,
        'allowed'
      ],
      [`(await import('node:fs')).readFileSync('/etc/hostname')`, 'ERR_ACCESS_DENIED'],
      [`(await import('node:fs')).writeFileSync('/tmp/emulator-escape', 'x')`, 'ERR_ACCESS_DENIED'],
      [`(await import('node:child_process')).execSync('true')`, 'ERR_ACCESS_DENIED'],
      [`new (await import('node:worker_threads')).Worker('1', { eval: true })`, 'ERR_ACCESS_DENIED']
    ]
    for (const [body, expected] of cases)
      expect({ body, got: payloadOf(await invoke(await attempt(body), {})) }).toEqual({
        body,
        got: expected
      })
  })

  test('loopback only, without a lookup of its own, and no UDP', async () => {
    const lookup = await attempt(
      `(await import('node:net')).connect({ host: 'localhost', port: 9, lookup: (h, o, cb) => cb(null, '192.0.2.1', 4) })`
    )
    expect(payloadOf(await invoke(lookup, {}))).toMatch(
      /loopback addresses only, not localhost through a lookup of its own/
    )
    const udp = await attempt(
      `(await import('node:dgram')).createSocket('udp4').send('x', 53, '192.0.2.1')`
    )
    expect(payloadOf(await invoke(udp, {}))).toBe('the emulator lets a function use no UDP')
  })
})

test('a response over 6 MB is answered as Lambda does: Function.ResponseSizeTooLarge', async () => {
  const name = await deploy({ 'index.mjs': `export const handler = async e => 'A'.repeat(e.n)` })
  const fits = await invoke(name, { n: 6_291_556 - 2 })
  expect(fits.FunctionError).toBeUndefined()
  const over = await invoke(name, { n: 6_291_556 - 1 })
  expect(over.FunctionError).toBe('Unhandled')
  expect(payloadOf(over)).toEqual({
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).'
  })
})
