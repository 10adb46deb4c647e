// `npm start`: the action's main job against the local AWS emulator, no AWS account needed.
// Starts the emulator with the example's execution role, runs dist/index.js as the runner would
// with examples/echo and a smoke test (the emulator runs the handler for real), prints the outputs,
// the smoke test's response and the job summary; then deploys a change as a short canary (seconds,
// not minutes) watched by an alarm, and prints its shift; and stops the emulator.
import { executionRole, startEmulator } from '../emulator/index.js'
import { ROOT, runAction } from '../harness/run-action.js'
import type { RunResult } from '../src/report/outputs.js'

const emulator = await startEmulator({
  functionActivationMs: 300,
  functionUpdateMs: 300,
  seed: { roles: [executionRole('echo-lambda')], alarms: [{ name: 'echo-errors', state: 'OK' }] }
})
try {
  console.log(`Local AWS emulator on ${emulator.url}\n`)
  const inputs = {
    'function-name': 'echo',
    region: 'us-east-1',
    code: 'examples/echo',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    'execution-role-arn': `arn:aws:iam::${emulator.accountId}:role/echo-lambda`,
    'provider-org-id': 'ac51909e-a379-4153-a0e8-ef4a25a83405',
    alias: 'live',
    'test-event': '{"message": "hello from npm start"}',
    'test-expect': '{"message": "hello from npm start"}'
  }
  const run = await runAction(inputs, { endpoint: emulator.url, workspace: ROOT })
  console.log(run.log)
  console.log('Outputs:')
  for (const [name, value] of Object.entries(run.outputs))
    if (name !== 'result') console.log(`  ${name.padEnd(22)} ${value}`)
  const smoke = run.outputs.result
    ? (JSON.parse(run.outputs.result) as RunResult).smokeTest
    : undefined
  if (smoke)
    console.log(
      `\nSmoke test of echo:${smoke.qualifier}: ${smoke.status} (${smoke.detail}); response ${smoke.response}`
    )
  console.log(`\nJob summary:\n\n${run.summary}`)
  console.log(`AWS calls: ${emulator.log.length} (${emulator.writes().length} writes)`)

  // A change (one environment variable), shifted as a canary: 20% for 4 seconds, then all.
  console.log('\nThe same function with a change, as a canary watched by alarm echo-errors:\n')
  const canary = await runAction(
    {
      ...inputs,
      environment: 'GREETING=canary',
      'traffic-shift': 'canary 20% 4s',
      alarms: 'echo-errors'
    },
    { endpoint: emulator.url, workspace: ROOT }
  )
  for (const line of canary.shownLog.split('\n').filter(l => /Traffic/.test(l))) console.log(line)
  console.log(
    `\npromoted=${canary.outputs.promoted} version=${canary.outputs.version} previous-version=${canary.outputs['previous-version']}\n`
  )
  const shift = canary.summary.indexOf('### Traffic shift')
  console.log(canary.summary.slice(shift, canary.summary.indexOf('\n###', shift + 1)))
  process.exitCode = run.exitCode || canary.exitCode
} finally {
  await emulator.stop()
}
