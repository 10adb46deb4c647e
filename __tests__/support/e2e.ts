// One end-to-end run, read the way every e2e test reads it: what the workflow sees (exit code,
// outputs, errors, warnings, summary, log; from runAction), the AWS calls the run made and which of
// them wrote (from the emulator's request log), and the `result` output with its checks.
import {
  isWriteOperation,
  startEmulator,
  type Emulator,
  type EmulatorSeed,
  type RequestLogEntry
} from '../../emulator/index.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunResult } from '../../src/report/outputs.js'
import type { Check } from '../../src/verify/checks.js'
import { CALLER } from '../../harness/constants.js'
import { runAction, type ActionRun, type RunOptions } from '../../harness/run-action.js'

export type Inputs = Record<string, string>

/** Requests as the tests name them, in arrival order. */
export interface Traffic {
  requests: RequestLogEntry[]
  /** Every call as `service:Operation`, with `(ErrorCode)` appended when it failed. */
  calls: string[]
  /** The calls that change state (the emulator's own `isWriteOperation`), labelled alike. */
  writes: string[]
}

export interface E2eRun extends ActionRun, Traffic {
  /** The parsed `result` output; reading it throws, with the run's log, if the run set none. */
  readonly result: RunResult
  /** The result's checks by name. */
  readonly checks: Record<string, Check>
}

/**
 * Starts the emulator for a file of runs, seeded, with functions that settle (Pending → Active,
 * InProgress → Successful) after `settleMs`: long enough for the action to wait, short for the suite.
 */
export const startE2eEmulator = (seed: EmulatorSeed, settleMs = 200): Promise<Emulator> =>
  startEmulator({ functionActivationMs: settleMs, functionUpdateMs: settleMs, seed })

const label = (e: RequestLogEntry): string =>
  `${e.service}:${e.operation}${e.errorCode ? `(${e.errorCode})` : e.status >= 400 ? `(${e.status})` : ''}`

/** Labels a stretch of the request log: one run's, or a batch of concurrent runs' taken at once. */
export function trafficOf(requests: RequestLogEntry[]): Traffic {
  return {
    requests,
    calls: requests.map(label),
    writes: requests.filter(e => isWriteOperation(e.service, e.operation)).map(label)
  }
}

/**
 * Runs the bundled action against the emulator. Its traffic is the log from the run's start to its
 * end, so runs made at the same time see each other's calls: read a batch with `trafficOf`.
 */
export async function runE2e(
  emulator: Emulator,
  inputs: Inputs,
  options: Omit<RunOptions, 'endpoint'> = {}
): Promise<E2eRun> {
  const since = emulator.log.length
  const run = await runAction(inputs, { ...options, endpoint: emulator.url })
  const traffic = trafficOf(emulator.log.slice(since))
  const parsed = run.outputs.result ? (JSON.parse(run.outputs.result) as RunResult) : undefined
  const result = (): RunResult => {
    if (!parsed) throw new Error(`the run set no result output:\n${run.log}`)
    return parsed
  }
  return {
    ...run,
    ...traffic,
    get result() {
      return result()
    },
    get checks() {
      return Object.fromEntries(result().checks.map(c => [c.name, c]))
    }
  }
}

/** Only the calls to one service, labels kept. */
export const only = (service: string, calls: string[]): string[] =>
  calls.filter(call => call.startsWith(`${service}:`))

/**
 * The one poll-collapsing rule. Lambda's waiter polls GetFunction until the function settles, a
 * number of times that varies with timing: consecutive successful `lambda:GetFunction` calls
 * collapse to one `lambda:GetFunction+` (two or more). Nothing else collapses, so a repeated write,
 * a retried error or a second read elsewhere still shows.
 */
export function collapsePolls(calls: string[]): string[] {
  const poll = 'lambda:GetFunction'
  return calls.reduce<string[]>((out, call) => {
    const last = out.at(-1)
    if (call === poll && (last === poll || last === `${poll}+`)) out[out.length - 1] = `${poll}+`
    else out.push(call)
    return out
  }, [])
}

/** Fails with the run's log when the action did not exit 0. */
export function ok(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(`the action failed:\n${run.log}`)
}

/**
 * From now on (the next `count` calls, when given) the emulator refuses `call`
 * (`service:Operation`) with HTTP 403, as AWS answers a caller whose policies do not allow it.
 */
export function refuse(
  emulator: Emulator,
  call: string,
  code = 'AccessDenied',
  count?: number
): void {
  const [service, operation] = call.split(':')
  emulator.injectFault({
    kind: 'error',
    service,
    operation,
    status: 403,
    code,
    message: `User: ${CALLER} is not authorized to perform: ${call}`,
    ...(count ? { count } : {})
  })
}

/** Writes a function's code under `workspace`/app: `body` is the handler's body, with `event` in scope. */
export const writeHandler = (workspace: string, body: string): Promise<void> =>
  mkdir(join(workspace, 'app'), { recursive: true }).then(() =>
    writeFile(
      join(workspace, 'app', 'index.mjs'),
      `export const handler = async event => {${body}}\n`
    )
  )

/** A directory `tag` in the workspace, with code answering `tag`: one commit of the function. */
export async function commitAnswering(workspace: string, tag: string): Promise<string> {
  await mkdir(join(workspace, tag), { recursive: true })
  await writeFile(join(workspace, tag, 'index.js'), `export const handler = async () => '${tag}'\n`)
  return tag
}
