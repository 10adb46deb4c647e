// What the function says stays its own words: workflow commands it prints are shown, never obeyed;
// its environment's values are hidden from the log, the summary and the outputs; the smoke test's
// Invoke is sent once, even when its answer is lost. The tests share one emulator and run in order.
import { createServer, type Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { functionArn, ORG, REGION, roleArn } from '../../harness/constants.js'
import { ok, runE2e, startE2eEmulator, type Inputs, writeHandler } from '../support/e2e.js'
import { runnerView } from '../../harness/workflow-commands.js'

let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({ roles: [executionRole('orders-exec')] })
  workspace = await mkdtemp(join(tmpdir(), 'apic-inert-e2e-'))
})

afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})

const writeApp = (body: string) => writeHandler(workspace, body)

const deploy = (inputs: Inputs = {}) =>
  runE2e(
    emu,
    {
      'function-name': 'orders',
      code: 'app',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      'execution-role-arn': roleArn('orders-exec'),
      'provider-org-id': ORG,
      verify: 'off',
      alias: 'live',
      'test-event': '{"orderId": 7}',
      ...inputs
    },
    { workspace }
  )
const aliasVersion = () =>
  emu.state.lambda.functions.get(functionArn('orders'))?.aliases.get('live')?.functionVersion

/** Every workflow command a handler could print to take over the runner, each at a line's start. */
const HOSTILE = [
  '::stop-commands::pwned',
  '::add-mask::Smoke',
  '::error title=x::injected error',
  '::warning::injected warning',
  '   ::notice::injected notice',
  '::group::injected group',
  '::set-output name=promoted::injected',
  'text ##[error]injected legacy error',
  '::endgroup::'
]

/**
 * The lines of the Markdown code block that holds `needle`, as CommonMark reads fences: a block
 * opened by N backticks ends at the first line of at least N backticks alone.
 */
function fencedBlockAround(markdown: string, needle: string): string[] | undefined {
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})[^`]*$/.exec(lines[i])
    if (!open) continue
    const end = lines.findIndex(
      (l, j) => j > i && new RegExp(`^ {0,3}\`{${open[1].length},}\\s*$`).test(l)
    )
    const block = lines.slice(i + 1, end < 0 ? undefined : end)
    if (block.join('\n').includes(needle)) return block
    if (end > i) i = end
  }
  return undefined
}

test('a handler printing workflow commands changes nothing in how the runner reads the action', async () => {
  const raw = HOSTILE.map(line => `process.stdout.write(${JSON.stringify(line + '\n')});`).join('')
  await writeApp(
    `${raw} throw new Error('bad order\\n::error::from the error\\n\`\`\`\\n# not a heading')`
  )
  const run = await deploy()
  expect(run.exitCode).toBe(1)
  const { commands } = runnerView(run.log)
  // The runner obeyed only the action's own commands: one error, no mask, no output, no warning.
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^Smoke test of 1 failed: the function failed .*bad order/s)
  expect(run.warnings).toEqual([expect.stringMatching(/^Alias live stays on no version/)])
  expect(commands.filter(c => c.name === 'add-mask')).toEqual([])
  expect(
    commands.filter(c => /injected|from the error/.test(c.data) && c.name !== 'error')
  ).toEqual([])
  expect(commands.filter(c => c.name === 'group').length).toBe(
    commands.filter(c => c.name === 'endgroup').length
  )
  // Shown as the function printed it.
  for (const line of HOSTILE) expect(run.shownLog).toContain(line)
  expect(run.outputs).toMatchObject({ 'smoke-test': 'fail', promoted: 'false' })
  // In the summary the error sits in a code block that its own ``` does not close.
  const block = fencedBlockAround(run.summary, '(FunctionError Unhandled)')
  expect(block?.join('\n')).toContain('```\n# not a heading')
})

test('a response full of commands and fences is shown inert too, and the run passes', async () => {
  const answer = `${HOSTILE.join('\n')}\n\`\`\`\`\`\n<details>`
  await writeApp(`return ${JSON.stringify(answer)}`)
  const run = await deploy()
  ok(run)
  expect(run.errors).toEqual([])
  expect(run.warnings).toEqual([])
  expect(runnerView(run.log).commands.some(c => /injected|Smoke$/.test(c.data))).toBe(false)
  expect(run.outputs).toMatchObject({ 'smoke-test': 'pass', promoted: 'true' })
  expect(aliasVersion()).toBe('2')
  const block = fencedBlockAround(run.summary, 'injected error')
  expect(block?.join('\n')).toContain('`````\\n<details>')
})

test('the function’s environment values are hidden, live-only ones included', async () => {
  const live = 'live-only-token-4b1f9c'
  const given = 'given-password-77aa01'
  // Set on the live function by someone else (the console, another pipeline): never an input.
  const lambda = new LambdaClient({
    endpoint: emu.url,
    region: REGION,
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
  })
  await lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: 'orders',
      Environment: { Variables: { API_TOKEN: live, STAGE: 'qa' } }
    })
  )
  await writeApp(
    `console.log('token', process.env.API_TOKEN, JSON.stringify(process.env)); ` +
      `if (event.fail) throw new Error('denied for ' + process.env.DB_PASSWORD); ` +
      `return { token: process.env.API_TOKEN, password: process.env.DB_PASSWORD, stage: process.env.STAGE }`
  )
  for (const fail of [false, true]) {
    const run = await deploy({
      environment: `DB_PASSWORD=${given}`,
      'environment-mode': 'merge',
      'test-event': JSON.stringify({ orderId: 7, fail })
    })
    expect(run.exitCode).toBe(fail ? 1 : 0)
    // The function printed it; the action wrote it only to the runner, as a mask.
    const rawLines = run.log.split('\n').filter(line => line.includes(live))
    expect(rawLines).toEqual([`::add-mask::${live}`])
    for (const secret of [live, given]) {
      expect(run.shownLog).not.toContain(secret)
      expect(run.summary).not.toContain(secret)
      expect(run.errors.join('\n')).not.toContain(secret)
      for (const value of Object.values(run.outputs)) expect(value).not.toContain(secret)
    }
    // Masked before the function's first word: the first mask precedes the log tail.
    expect(run.log.indexOf('::add-mask::')).toBeLessThan(run.log.indexOf('START RequestId'))
    // A value under the floor is not hidden, as the README says.
    expect(run.result.smokeTest?.[fail ? 'detail' : 'response']).toContain(fail ? '***' : '"qa"')
  }
})

describe('an Invoke whose answer is lost', () => {
  let server: Server
  let hits = 0
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++
      res.end('ok')
    })
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  })
  afterAll(() => new Promise(done => server.close(done)))

  test('runs the handler once, fails the smoke test and leaves the alias', async () => {
    const { port } = server.address() as { port: number }
    await writeApp(`await fetch('http://127.0.0.1:${port}/order'); return { statusCode: 200 }`)
    const before = aliasVersion()
    emu.injectFault({ kind: 'drop-answer', service: 'lambda', operation: 'Invoke', count: 1 })
    const run = await deploy()
    expect(hits).toBe(1)
    expect(run.calls.filter(c => c === 'lambda:Invoke')).toHaveLength(1)
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain('the answer was lost; the handler may have run once')
    expect(run.outputs).toMatchObject({ 'smoke-test': 'fail', promoted: 'false' })
    expect(aliasVersion()).toBe(before)
  })
})

test('an invalid test-event is located, never quoted, before any AWS call', async () => {
  const since = emu.log.length
  const run = await deploy({ 'test-event': '{\n  "token": "sk-live-4f7a9c",\n  oops\n}' })
  expect(run.exitCode).toBe(1)
  expect(emu.log.length).toBe(since)
  expect(run.errors.join('\n')).toContain('test-event: is not valid JSON (line 3, column 3)')
  expect(run.log).not.toContain('sk-live-4f7a9c')
})
