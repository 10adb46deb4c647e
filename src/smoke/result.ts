// The smoke test's outcome as data, and the verdict on one invocation. Pure: the call is in
// invoke.ts, the words for the summary in report/smoke-words.ts.
import { mismatch, NOT_JSON, parseJson, type Expectation } from '../inputs/expect.js'

/** What Lambda answered to the smoke test's Invoke. */
export interface Invocation {
  payload: string
  functionError?: string
  executedVersion?: string
  /** The decoded log tail (Lambda's last 4 KB). */
  logTail: string
  durationMs: number
}

export interface SmokeResult {
  /** The qualifier invoked: a version number, or `$LATEST` when nothing was published. */
  qualifier: string
  /** `inline`, or the event file's path. */
  source: string
  /** The event and the response, cut to MAX_SHOWN characters. */
  event: string
  response?: string
  durationMs?: number
  status: 'pass' | 'fail' | 'skipped'
  /** Why it failed or was skipped, or what it showed. */
  detail: string
}

/** How much of the event and the response the log, the summary and `result` show. */
export const MAX_SHOWN = 1000

export const shown = (text: string): string =>
  text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text

/** Pass only when the function answered without error, from the version asked for, as expected. */
export function judge(
  invocation: Invocation,
  qualifier: string,
  expect: Expectation | undefined
): Pick<SmokeResult, 'status' | 'detail'> {
  const fail = (detail: string) => ({ status: 'fail' as const, detail })
  if (invocation.functionError) {
    const error = parseJson(invocation.payload) as { errorType?: string; errorMessage?: string }
    const what = error?.errorType
      ? `${error.errorType}: ${error.errorMessage ?? ''}`
      : shown(invocation.payload)
    return fail(`the function failed (FunctionError ${invocation.functionError}): ${what}`)
  }
  if (invocation.executedVersion && invocation.executedVersion !== qualifier)
    return fail(`Lambda ran version ${invocation.executedVersion}, not ${qualifier}`)
  if (!expect) return { status: 'pass', detail: 'answered without an error' }
  const response = parseJson(invocation.payload)
  if (response === NOT_JSON) return fail('the response is not JSON, so test-expect cannot match it')
  const differs = mismatch(expect, response)
  return differs
    ? fail(`the response does not match test-expect: ${differs}`)
    : {
        status: 'pass',
        detail:
          expect.kind === 'status'
            ? `answered statusCode ${expect.statusCode}`
            : 'answered as test-expect asks'
      }
}
