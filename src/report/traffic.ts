// The job summary's words for where the alias ended: held back, rolled back, and the traffic
// shift's timeline (step, weight, time, alarms) with its outcome.
import { durationText, percent } from '../traffic/schedule.js'
import type { RunResult } from './outputs.js'
import { code } from './words.js'

type Table = (head: string[], rows: string[][]) => string

/** A version published but not promoted, or rolled back, said first: it is what API Connect calls. */
export function aliasStatus(result: RunResult): string[] {
  const line = aliasStatusLine(result)
  return line ? [line, ''] : []
}

function aliasStatusLine({ promoted, version, previousVersion, failed }: RunResult) {
  if (promoted === 'rolled-back' && failed)
    return `**Version ${version} is rolled back**: the traffic shift stopped (see the failed step) and the alias sends all traffic to version ${previousVersion} again.`
  if (promoted === 'rolled-back')
    return `**Rolled back**: the alias points to version ${version} again${previousVersion !== version ? ` (it pointed to version ${previousVersion})` : ' (an earlier rollback put it there)'}.`
  if (promoted !== false) return undefined
  return failed
    ? `**Version ${version} is published but not promoted**: the alias was not moved (see the failed step).`
    : `**Version ${version} is published but not promoted**: the smoke test or verification failed, so the alias stays on the version it had and API Connect keeps calling that one.`
}

/** The shift step by step: when each weight went on, how long it baked, what the alarms said. */
export function trafficSection(result: RunResult, table: Table): string[] {
  const shift = result.trafficShift
  if (!shift) return []
  const rows = shift.steps.map((s, i) => [
    String(i + 1),
    `${percent(s.weight)} → version ${shift.to}`,
    s.at,
    `${durationText(s.bakedMs)} of ${durationText(s.plannedMs)}`,
    s.alarms.length ? s.alarms.map(a => `${code(a.name)} ${a.state}`).join(', ') : '—'
  ])
  const outcome = {
    promoted: `all traffic on version ${shift.to}`,
    'rolled-back': `all traffic back on version ${shift.from}`,
    held: `the alias stays on version ${shift.from}`
  }[shift.outcome]
  return [
    `### Traffic shift of alias ${code(shift.alias)}: version ${shift.from} → ${shift.to}`,
    '',
    rows.length
      ? table(['step', 'weight', 'at', 'baked', 'alarms at the last look'], rows)
      : 'No traffic moved.',
    '',
    `Outcome: ${outcome}.`,
    ''
  ]
}
