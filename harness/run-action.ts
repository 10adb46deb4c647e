// Runs the bundled action the way the GitHub runner does: `node dist/index.js` in a child process,
// inputs as INPUT_<NAME> variables with action.yml's defaults applied, file commands for outputs and
// the job summary, the workspace as working directory.
import { execFile } from 'node:child_process'
import { constants } from 'node:os'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { REGION, RUNNER_ACCESS_KEY_ID } from './constants.js'
import { commandsIn, runnerView } from './workflow-commands.js'

export const ROOT = resolve(import.meta.dirname, '..')
// APIC_ACTION_ENTRY lets a developer test a bundle built elsewhere (e.g. ncc -o /tmp/dist).
const ACTION = process.env.APIC_ACTION_ENTRY ?? join(ROOT, 'dist', 'index.js')

interface ActionYml {
  inputs: Record<string, { default?: string }>
}
export const actionYml = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as ActionYml

export interface RunOptions {
  /** The emulator's URL, given to the action as AWS_ENDPOINT_URL. */
  endpoint: string
  workspace?: string
  env?: Record<string, string>
  /** The node binary and the bundle to run (benchmarks): this process's node and ACTION otherwise. */
  node?: string
  entry?: string
  /** A signal sent to the action once `after` resolves: the runner's SIGINT on cancel, or a kill. */
  interrupt?: { after: Promise<unknown>; signal: NodeJS.Signals }
}

export interface ActionRun {
  exitCode: number
  outputs: Record<string, string>
  summary: string
  log: string
  /** The log as the runner shows it: commands obeyed and hidden, add-mask values as `***`. */
  shownLog: string
  errors: string[]
  warnings: string[]
}

/** The runner's naming: INPUT_ + the name upper-cased, spaces to `_`, dashes kept. */
export const inputVariable = (name: string): string =>
  `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

export async function runAction(
  inputs: Record<string, string>,
  options: RunOptions
): Promise<ActionRun> {
  const unknown = Object.keys(inputs).filter(name => !(name in actionYml.inputs))
  if (unknown.length) throw new Error(`not inputs of action.yml: ${unknown.join(', ')}`)
  const dir = await mkdtemp(join(tmpdir(), 'apic-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const eventFile = join(dir, 'event.json')
  await Promise.all([
    writeFile(outputFile, ''),
    writeFile(summaryFile, ''),
    writeFile(eventFile, '{}')
  ])

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.workspace ?? ROOT,
    GITHUB_REPOSITORY: 'acme/orders-api',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventFile,
    RUNNER_TEMP: dir,
    // Static fake credentials: the SDK must never look for others (IMDS is not loopback).
    AWS_ACCESS_KEY_ID: RUNNER_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: options.endpoint
  }
  for (const [name, spec] of Object.entries(actionYml.inputs))
    env[inputVariable(name)] = inputs[name] ?? spec.default ?? ''
  Object.assign(env, options.env)

  const result = await new Promise<{ exitCode: number; log: string }>(resolve => {
    const child = execFile(
      options.node ?? process.execPath,
      [options.entry ?? ACTION],
      { cwd: env.GITHUB_WORKSPACE, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          // A process ended by a signal has no exit code: 128 + the signal's number, as a shell says.
          exitCode: !error
            ? 0
            : typeof error.code === 'number'
              ? error.code
              : child.signalCode
                ? 128 + constants.signals[child.signalCode]
                : 1,
          log: error ? `${stdout}${stderr}` : stdout
        })
    )
    void options.interrupt?.after.then(() => child.kill(options.interrupt?.signal))
  })
  return {
    ...result,
    outputs: parseFileCommand(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    shownLog: runnerView(result.log).shown,
    errors: commandsIn(result.log, 'error'),
    warnings: commandsIn(result.log, 'warning')
  }
}

/** Parses a GITHUB_OUTPUT file: `name=value` lines and the `name<<DELIMITER` multi-line form. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}
