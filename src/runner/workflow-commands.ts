// The runner's workflow commands, written as @actions/core writes them (its command.js and
// file-command.js): log lines, annotations, groups, step outputs and the job summary. The action
// does not import @actions/core: its core.js loads the OIDC client, and with it undici (~1 MB, ~95
// ms of start-up on node 24), for an ID token this action never asks for.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** The escaping the runner undoes in a command's data (`escapeData` in @actions/core). */
const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

const command = (name: string, message: string): void => {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

export const info = (message: string): void => {
  process.stdout.write(message + EOL)
}
export const notice = (message: string): void => command('notice', message)
export const warning = (message: string): void => command('warning', message)
export const error = (message: string): void => command('error', message)
export const startGroup = (title: string): void => command('group', title)
/** Hides `value` in the rest of the job's log (the runner's secret masker). */
export const addMask = (value: string): void => command('add-mask', value)

/**
 * Untrusted text (what a function printed or answered) framed so that the runner obeys none of its
 * lines: commands stop until `::<token>::`, the token random per call so the text cannot resume
 * them early (as @actions/core's toolkit does with `stop-commands`).
 */
export const inert = (text: string): string => {
  const token = `inert-${randomUUID()}`
  return `::stop-commands::${token}${EOL}${text}${EOL}::${token}::`
}
export const endGroup = (): void => command('endgroup', '')

export async function group<T>(title: string, task: () => Promise<T>): Promise<T> {
  startGroup(title)
  try {
    return await task()
  } finally {
    endGroup()
  }
}

/** An error annotation, and the step fails (exit code 1) when the action ends. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/**
 * A step output: to the GITHUB_OUTPUT file, in the multi-line form with a random delimiter (as
 * `prepareKeyValueMessage` does, so that no value can end it early); without the file, the old
 * `set-output` command.
 */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) {
    process.stdout.write(EOL)
    process.stdout.write(`::set-output name=${name}::${escapeData(value)}${EOL}`)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

/** Appends to the job summary (GITHUB_STEP_SUMMARY); nothing when the runner gives no file. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) await appendFile(file, markdown + EOL, 'utf8')
}
