// How the checks end the step: a failed or undecided check fails it (or warns), an extra not run warns.
import * as workflowCommands from '../runner/workflow-commands.js'
import type { Settings } from '../inputs/settings.js'
import { withStatus, type Check } from '../verify/checks.js'

/**
 * A failed or undecided check fails the step under `verify: fail` (a warning under `warn`); an
 * optional extra that could not run is a warning.
 */
export function reportVerdict(verify: Settings['verify'], checks: Check[]): void {
  const list = (cs: Check[]) =>
    cs.map(c => `${c.name} (expected ${c.expected}, got ${c.actual})`).join('; ')
  const failures = withStatus(checks, 'fail')
  const undecided = withStatus(checks, 'undecided')
  const problems = [
    ...(failures.length ? [`Verification failed: ${list(failures)}`] : []),
    ...(undecided.length ? [`Verification could not decide: ${list(undecided)}`] : [])
  ]
  if (problems.length) {
    if (verify === 'fail') workflowCommands.setFailed(problems.join('\n'))
    else workflowCommands.warning(problems.join('\n'))
  }
  const notRun = withStatus(checks, 'not-checked')
  if (notRun.length) workflowCommands.warning(`Not checked: ${list(notRun)}`)
}
