// The smoke test in the report: its section of the job summary, and how it ends the step (a failed
// smoke test fails it, saying which version was published but not promoted).
import * as workflowCommands from '../runner/workflow-commands.js'
import type { FunctionOutcome } from '../function/index.js'
import type { SmokeResult } from '../smoke/result.js'
import { code } from './words.js'

const MARK: Record<SmokeResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  skipped: '⚪ skipped'
}

/**
 * The summary's "Smoke test" section: event, duration and result in a table; the response and the
 * verdict's words, which carry the function's own text, each in a code block it cannot close.
 */
export function smokeSection(
  smoke: SmokeResult | undefined,
  functionName: string,
  table: (head: string[], rows: string[][]) => string
): string[] {
  if (!smoke) return []
  return [
    '### Smoke test',
    '',
    table(
      ['invoked', 'event', 'duration', 'result'],
      [
        [
          code(`${functionName}:${smoke.qualifier}`),
          `${code(smoke.event)}${smoke.source === 'inline' ? '' : ` (${smoke.source})`}`,
          smoke.durationMs === undefined ? '—' : `${smoke.durationMs} ms`,
          MARK[smoke.status]
        ]
      ]
    ),
    '',
    ...(smoke.response === undefined ? [] : ['Response:', '', fenced(smoke.response), '']),
    'Result:',
    '',
    fenced(smoke.detail),
    ''
  ]
}

/** A fenced code block longer than any backtick run in `text`, so no line of it closes the block. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${text}\n${fence}`
}

/** A failed smoke test fails the step; the alias it held back is named. */
export function reportSmoke(smoke: SmokeResult | undefined, fn: FunctionOutcome): void {
  if (smoke?.status !== 'fail') return
  const held =
    fn.promoted === false
      ? ` Version ${fn.version} is published but not promoted: the alias stays on the version it had.`
      : ''
  workflowCommands.setFailed(`Smoke test of ${smoke.qualifier} failed: ${smoke.detail}.${held}`)
}
