// Whether the alias may move to this run's version: only when the smoke test passed (or none was
// asked for) and verification would not fail the step. Pure; the move is in promote.ts.
import type { Settings } from '../inputs/settings.js'
import type { SmokeResult } from '../smoke/result.js'
import { withStatus, type Check } from '../verify/checks.js'

/** Why the alias stays where it is, or undefined when it may move. */
export function holdReason(
  verify: Settings['verify'],
  smoke: SmokeResult | undefined,
  checks: Check[]
): string | undefined {
  const reasons: string[] = []
  if (smoke?.status === 'fail') reasons.push('the smoke test failed')
  // Under `verify: warn` a failed check warns and the run goes on; under `fail` it stops here.
  const failing = [...withStatus(checks, 'fail'), ...withStatus(checks, 'undecided')]
  if (verify === 'fail' && failing.length)
    reasons.push(`verification failed (${failing.map(c => c.name).join('; ')})`)
  return reasons.length ? reasons.join(' and ') : undefined
}
