// The smoke test in the report: its section of the job summary, and how it ends the step (a failed
// smoke test fails it, saying which version was published but not promoted).
import * as workflowCommands from '../runner/workflow-commands.js'
import type { FunctionOutcome } from '../function/index.js'
import type { SmokeResult } from '../smoke/result.js'

const MARK: Record<SmokeResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  skipped: '⚪ skipped'
}

/** The summary's "Smoke test" section: event, response, duration and result. */
export function smokeSection(
  smoke: SmokeResult | undefined,
  functionName: string,
  table: (head: string[], rows: string[][]) => string
): string[] {
  if (!smoke) return []
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``
  return [
    '### Smoke test',
    '',
    table(
      ['invoked', 'event', 'response', 'duration', 'result'],
      [
        [
          code(`${functionName}:${smoke.qualifier}`),
          `${code(smoke.event)}${smoke.source === 'inline' ? '' : ` (${smoke.source})`}`,
          smoke.response === undefined ? '—' : code(smoke.response),
          smoke.durationMs === undefined ? '—' : `${smoke.durationMs} ms`,
          `${MARK[smoke.status]}: ${smoke.detail}`
        ]
      ]
    ),
    ''
  ]
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
