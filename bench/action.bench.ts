// Benchmarks of the bundled action (`npx tsx bench/action.bench.ts [runs]`): bundle size, cold
// start, and wall time and AWS calls for a first deploy, a no-op rerun and a code change, against
// the local emulator with no artificial delays. Prints medians; asserts nothing.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, startEmulator } from '../emulator/index.js'
import { ROOT, runAction } from '../__tests__/support/run-action.js'

const runs = Number(process.argv[2] ?? 7)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6

const bundle = statSync(join(ROOT, 'dist', 'index.js')).size
console.log(`bundle: dist/index.js ${(bundle / 1024).toFixed(0)} KiB`)

// Cold start: load the bundle and fail on a missing input, before any AWS call.
const cold: number[] = []
const bare: number[] = []
for (let i = 0; i < runs; i++) {
  let start = process.hrtime.bigint()
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist', 'index.js')], {
      env: { PATH: process.env.PATH },
      stdio: 'ignore'
    })
  } catch {
    // exits 1: inputs missing, as intended
  }
  cold.push(ms(start))
  start = process.hrtime.bigint()
  execFileSync(process.execPath, ['-e', ''])
  bare.push(ms(start))
}
console.log(
  `cold start to input error: median ${median(cold).toFixed(0)} ms (bare node: ${median(bare).toFixed(0)} ms)`
)

const emulator = await startEmulator({ seed: { roles: [executionRole('bench-lambda')] } })
const code = mkdtempSync(join(tmpdir(), 'bench-code-'))
cpSync(join(ROOT, 'examples', 'echo'), code, { recursive: true })

const scenarios: Record<string, { ms: number[]; calls: number[]; writes: number[] }> = {}
async function measure(name: string, fn: string): Promise<void> {
  const before = emulator.log.length
  const beforeWrites = emulator.writes().length
  const start = process.hrtime.bigint()
  const run = await runAction(
    {
      'function-name': fn,
      region: 'us-east-1',
      code,
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      'execution-role-arn': `arn:aws:iam::${emulator.accountId}:role/bench-lambda`,
      'provider-org-id': 'ac51909e-a379-4153-a0e8-ef4a25a83405'
    },
    { endpoint: emulator.url }
  )
  if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.log}`)
  const s = (scenarios[name] ??= { ms: [], calls: [], writes: [] })
  s.ms.push(ms(start))
  s.calls.push(emulator.log.length - before)
  s.writes.push(emulator.writes().length - beforeWrites)
}
for (let i = 0; i < runs; i++) {
  await measure('first deploy', `bench-${i}`)
  await measure('no-op rerun', `bench-${i}`)
  writeFileSync(join(code, 'index.mjs'), `export const handler = async e => ({ run: ${i}, e })\n`)
  await measure('code change', `bench-${i}`)
}
await emulator.stop()
for (const [name, s] of Object.entries(scenarios))
  console.log(
    `${name.padEnd(13)} median ${median(s.ms).toFixed(0).padStart(5)} ms, ${median(s.calls)} AWS calls (${median(s.writes)} writes)`
  )
