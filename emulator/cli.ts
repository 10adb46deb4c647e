// Runs the emulator until SIGINT/SIGTERM: `npx tsx emulator/cli.ts [--port N] [--activation-ms N]
// [--update-ms N] [--propagation-ms N] [--change-propagation-ms N] [--role-assumable-ms N]`.
// Prints the URL on the first line.
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'activation-ms': { type: 'string' },
    'update-ms': { type: 'string' },
    'propagation-ms': { type: 'string' },
    'change-propagation-ms': { type: 'string' },
    'role-assumable-ms': { type: 'string' }
  }
})

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value))

const emulator = await startEmulator({
  port: Number(values.port),
  functionActivationMs: number(values['activation-ms']),
  functionUpdateMs: number(values['update-ms']),
  iamPropagationMs: number(values['propagation-ms']),
  iamChangePropagationMs: number(values['change-propagation-ms']),
  roleAssumableAfterMs: number(values['role-assumable-ms'])
})

console.log(emulator.url)
console.error(
  `AWS emulator (IAM, STS, Lambda, S3, Access Analyzer) for account ${emulator.accountId}: ` +
    `export AWS_ENDPOINT_URL=${emulator.url}; admin at ${emulator.url}/_emulator/log`
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  })
}
