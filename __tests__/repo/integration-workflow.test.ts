// Runs the integration workflow's job here, from its `emulator` step on, with the commands read from
// .github/workflows/integration.yml: `run:` steps through bash as the runner runs them (GITHUB_ENV
// carried to later steps), `uses: ./` through dist/index.js with the runner's INPUT_* variables, and
// the check steps' assertions on the outputs. A workflow that would fail on GitHub fails here.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseFileCommand, ROOT, runAction } from '../../harness/run-action.js'
import { exec, type Exit } from './exec.js'

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  env?: Record<string, unknown>
  steps: Step[]
}

const workflow = parse(
  await readFile(join(ROOT, '.github', 'workflows', 'integration.yml'), 'utf8')
) as { jobs: Record<string, Job> }
const job = workflow.jobs.emulator
const first = job.steps.findIndex(step => step.id === 'emulator')
const steps = job.steps.slice(first)

const outputs: Record<string, Record<string, string>> = {}
let env: Record<string, string> = {}

/** The two kinds of expression the workflow may use here; anything else is a test failure. */
function resolve(value: unknown): string {
  return String(value).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)
    if (step) return outputs[step[1]]?.[step[2]] ?? ''
    const variable = /^env\.(\w+)$/.exec(expression)
    if (variable) return env[variable[1]] ?? ''
    throw new Error(`integration.yml: this test cannot resolve \${{ ${expression} }}`)
  })
}
const resolveAll = (map: Record<string, unknown> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, resolve(v)]))

/** As the runner runs `run:` on Linux: bash --noprofile --norc -eo pipefail, in the workspace. */
async function runScript(script: string, stepEnv: Record<string, string>): Promise<Exit> {
  const file = join(dir, `step-${Math.random().toString(36).slice(2)}.sh`)
  await writeFile(file, script)
  return exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...stepEnv }
  })
}

let dir: string
let githubEnv: string

async function runStep(step: Step): Promise<void> {
  const label = step.id ?? step.name ?? step.run ?? step.uses
  const stepEnv = resolveAll(step.env)
  if (step.uses === './') {
    const run = await runAction(resolveAll(step.with), {
      endpoint: env.AWS_ENDPOINT_URL ?? '',
      env: { ...env, ...stepEnv }
    })
    if (run.exitCode !== 0) throw new Error(`step ${label} failed:\n${run.log}`)
    if (step.id) outputs[step.id] = run.outputs
  } else if (step.run) {
    const shell = await runScript(resolve(step.run), stepEnv)
    if (shell.code !== 0) throw new Error(`step ${label} exited ${shell.code}:\n${shell.output}`)
    // GITHUB_ENV lines written by this step reach the steps after it, as on the runner.
    Object.assign(env, parseFileCommand(await readFile(githubEnv, 'utf8')))
  } else throw new Error(`step ${label}: this test runs only run: and uses: ./ steps`)
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'integration-workflow-'))
  githubEnv = join(dir, 'github-env')
  await writeFile(githubEnv, '')
  env = {
    ...resolveAll(job.env),
    GITHUB_ENV: githubEnv,
    RUNNER_TEMP: dir,
    // This test's own emulator, whatever else runs from this checkout.
    EMULATOR_STATE_DIR: join(dir, 'emulator')
  }
})

test('the integration job starts the emulator, runs uses: ./ twice and its checks pass', async () => {
  expect(steps.map(step => step.id)).toEqual(
    expect.arrayContaining(['emulator', 'deploy', 'verify', 'rerun', 'verify-rerun', 'stop'])
  )
  const always = steps.filter(step => step.if === 'always()')
  try {
    for (const step of steps.filter(s => !always.includes(s))) await runStep(step)
  } finally {
    for (const step of always) await runStep(step)
  }
  expect(env.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(outputs.deploy['role-arn']).toBe('arn:aws:iam::123456789012:role/apic-invoke-echo')
  // The stop step stopped it: nothing answers at the URL any more.
  await expect(fetch(`${env.AWS_ENDPOINT_URL}/_emulator/config`)).rejects.toThrow()
}, 120_000)

test.each([
  ['verified', 'VERIFIED', 'false'],
  ['function-arn', 'FUNCTION_ARN', 'arn:aws:lambda:us-east-1:123456789012:function:other'],
  ['checks not passed', 'RESULT', JSON.stringify({ checks: [{ name: 'trust', status: 'fail' }] })]
])('the verify step fails when %s is wrong', async (name, variable, value) => {
  expect(outputs.deploy).toBeDefined()
  const verify = steps.find(step => step.id === 'verify')!
  const shell = await runScript(resolve(verify.run), {
    ...resolveAll(verify.env),
    [variable]: value
  })
  expect(shell.code).not.toBe(0)
  expect(shell.output).toContain(`::error::${name} is`)
})
