// The smoke test's inputs: `test-event` (inline JSON, or the path of a JSON file in the workspace)
// and `test-expect` (see expect.ts), read and checked with every other input, before any AWS call.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { linksOutOfWorkspace, outsideWorkspace } from './workspace.js'
import { quote } from './quote.js'
import { NOT_JSON, parseExpectation, parseJson, type Expectation } from './expect.js'
import { whereInvalid } from './json-location.js'

const isJson = (text: string): boolean => parseJson(text) !== NOT_JSON

export interface SmokeSettings {
  /** The event as sent: JSON text. */
  event: string
  /** Where it came from: `inline`, or the file's path as given. */
  source: string
  expect?: Expectation
}

// Lambda's limit on a synchronous invocation's request payload (API_Invoke.html).
const MAX_EVENT_BYTES = 6 * 1024 * 1024
const BOM_BYTES = 3

/** The smoke test asked for, or undefined; every problem goes to `problem`, naming its input. */
export function readSmokeInputs(
  eventInput: string | undefined,
  expectInput: string | undefined,
  workspace: string | undefined,
  problem: (name: string, message: string) => undefined
): SmokeSettings | undefined {
  const expect = expectInput === undefined ? undefined : parseExpectation(expectInput)
  if (expectInput !== undefined && !expect)
    problem(
      'test-expect',
      `${quote(expectInput)} is neither a status code (e.g. 200) nor JSON (e.g. {"ok": true})`
    )
  if (expectInput !== undefined && eventInput === undefined)
    problem('test-expect', 'needs test-event: the event to invoke the function with')
  if (eventInput === undefined) return undefined
  const inline = /^[[{"]/.test(eventInput) || isJson(eventInput)
  const event = inline ? eventInput : readEventFile(eventInput, workspace, problem)
  if (event === undefined) return undefined
  if (!isJson(event))
    return problem(
      'test-event',
      // Located, never quoted: an event may hold a token.
      inline
        ? `is not valid JSON (${whereInvalid(event)})`
        : `file ${quote(eventInput)} does not hold valid JSON (${whereInvalid(event)})`
    )
  if (Buffer.byteLength(event) > MAX_EVENT_BYTES)
    return problem('test-event', 'is over Lambda’s 6 MB limit for a synchronous invocation')
  return { event, source: inline ? 'inline' : eventInput, expect }
}

function readEventFile(
  path: string,
  workspace: string | undefined,
  problem: (name: string, message: string) => undefined
): string | undefined {
  const full = resolve(path)
  const say = (message: string) => problem('test-event', `${quote(path)} ${message}`)
  if (outsideWorkspace(full, workspace))
    return say('is outside the workspace: give inline JSON or a file in the checkout')
  if (!existsSync(full) || !statSync(full).isFile())
    return say(`is neither JSON nor an existing file (resolved to ${full})`)
  if (linksOutOfWorkspace(full, workspace))
    return say('leads outside the workspace through a symbolic link')
  // Sized before it is read: a file of hundreds of MB would not fit in a string. (A byte-order
  // mark's 3 bytes are allowed for; the event's own size is checked once read.)
  if (statSync(full).size > MAX_EVENT_BYTES + BOM_BYTES)
    return say('is over Lambda’s 6 MB limit for a synchronous invocation')
  // JSON files written by Windows tools start with a byte-order mark, which is not JSON.
  return readFileSync(full, 'utf8').replace(/^\uFEFF/, '')
}
