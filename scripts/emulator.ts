// `npm run emulator`: starts the local AWS emulator in the background for a workflow or a shell, with
// the example's execution role seeded, prints its URL, appends AWS_ENDPOINT_URL to $GITHUB_ENV (so
// every later step of the job reaches it), and exits while the emulator keeps serving.
// `npm run emulator -- --stop` stops it. `--foreground` serves in this process until SIGINT/SIGTERM.
// The pid and URL are kept in .emulator/state.json (EMULATOR_STATE_DIR moves it), one per checkout.
import { fork } from 'node:child_process'
import { appendFileSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { executionRole, startEmulator } from '../emulator/index.js'

const ROOT = resolve(import.meta.dirname, '..')
const STATE_DIR = resolve(process.env.EMULATOR_STATE_DIR ?? join(ROOT, '.emulator'))
const STATE_FILE = join(STATE_DIR, 'state.json')
const LOG_FILE = join(STATE_DIR, 'emulator.log')
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000

/** The execution role that examples/echo (and the integration workflow) create their function with. */
const EXAMPLE_EXECUTION_ROLE = 'echo-lambda'

interface RunningEmulator {
  pid: number
  url: string
}

const { values } = parseArgs({
  options: {
    foreground: { type: 'boolean', default: false },
    stop: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' }
  }
})

function readState(): RunningEmulator | undefined {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as RunningEmulator
  } catch {
    return undefined
  }
}

/** True when something answers the emulator's admin route at url: guards against a stale pid. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/_emulator/config`, { signal: AbortSignal.timeout(2000) })
    return response.ok
  } catch {
    return false
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function serve(): Promise<void> {
  const emulator = await startEmulator({
    port: Number(values.port),
    seed: { roles: [executionRole(EXAMPLE_EXECUTION_ROLE)] }
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void emulator.stop().finally(() => process.exit(0)))
  // Started by `npm run emulator`: tell the parent over IPC; by hand: print the URL.
  if (process.send) process.send({ url: emulator.url })
  else console.log(emulator.url)
}

async function startInBackground(): Promise<void> {
  const running = readState()
  if (running && (await answers(running.url))) {
    console.log(running.url)
    console.error(`The emulator already runs (pid ${running.pid}).`)
    publish(running.url)
    return
  }
  mkdirSync(STATE_DIR, { recursive: true })
  const log = openSync(LOG_FILE, 'a')
  // Detached, in its own process group, with no pipe to this process: it outlives npm and the step.
  const child = fork(import.meta.filename, ['--foreground', '--port', values.port!], {
    detached: true,
    stdio: ['ignore', log, log, 'ipc'],
    execArgv: process.execArgv
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the emulator did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS
    )
    child.once('message', message => {
      clearTimeout(timer)
      resolveUrl((message as { url: string }).url)
    })
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited with code ${code}; see ${LOG_FILE}`))
    })
  })
  child.removeAllListeners('exit')
  child.disconnect()
  child.unref()
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, url }))
  console.log(url)
  console.error(`AWS emulator started (pid ${child.pid}); stop it with: npm run emulator -- --stop`)
  publish(url)
}

/** Hands the URL to the job's later steps, as the runner's GITHUB_ENV file command reads it. */
function publish(url: string): void {
  if (process.env.GITHUB_ENV) appendFileSync(process.env.GITHUB_ENV, `AWS_ENDPOINT_URL=${url}\n`)
}

async function stop(): Promise<void> {
  const running = readState()
  if (!running) {
    console.error('No emulator was started from this checkout.')
    return
  }
  if (alive(running.pid) && (await answers(running.url))) {
    process.kill(running.pid, 'SIGTERM')
    const deadline = Date.now() + STOP_TIMEOUT_MS
    while (alive(running.pid) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
    if (alive(running.pid)) throw new Error(`the emulator (pid ${running.pid}) did not stop`)
    console.error(`AWS emulator stopped (pid ${running.pid}).`)
  } else console.error(`The emulator (pid ${running.pid}) was no longer running.`)
  rmSync(STATE_FILE, { force: true })
}

try {
  await (values.stop ? stop() : values.foreground ? serve() : startInBackground())
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
}
