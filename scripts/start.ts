// `npm start`: the action's main job against the local AWS emulator, no AWS account needed.
// Starts the emulator, creates the example's execution role, runs dist/index.js as the runner
// would with examples/echo, prints the outputs and the job summary, and stops the emulator.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { startEmulator } from '../emulator/index.js'
import { ROOT, runAction } from '../__tests__/support/run-action.js'

const emulator = await startEmulator({ functionActivationMs: 300, functionUpdateMs: 300 })
try {
  const iam = new IAMClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'AKIAEMULATOR0000TEST', secretAccessKey: 'emulator-secret' }
  })
  const { Role } = await iam.send(
    new CreateRoleCommand({
      RoleName: 'echo-lambda',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole'
          }
        ]
      })
    })
  )
  console.log(`Local AWS emulator on ${emulator.url}\n`)

  const run = await runAction(
    {
      'function-name': 'echo',
      region: 'us-east-1',
      code: 'examples/echo',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      'execution-role-arn': Role?.Arn ?? '',
      'provider-org-id': 'ac51909e-a379-4153-a0e8-ef4a25a83405',
      alias: 'live'
    },
    { endpoint: emulator.url, workspace: ROOT }
  )
  console.log(run.log)
  console.log('Outputs:')
  for (const [name, value] of Object.entries(run.outputs))
    if (name !== 'result') console.log(`  ${name.padEnd(22)} ${value}`)
  console.log(`\nJob summary:\n\n${run.summary}`)
  console.log(`AWS calls: ${emulator.log.length} (${emulator.writes().length} writes)`)
  process.exitCode = run.exitCode
} finally {
  await emulator.stop()
}
