// Benchmark of the bundled action (`npm run bench [-- runs]`): how far a run is from what AWS
// allows. Runs `node dist/index.js` (node from BENCH_NODE, else `node` on PATH) against the local
// emulator behind a proxy that gives every call 40 ms, with Lambda's 1 s Pending->Active and update
// InProgress and IAM's 3 s before a new role shows (issue 11's model). For a first deploy, a no-op
// rerun and a code change it prints wall time, AWS calls, sequential round trips, the physical
// limit and actual/limit; and the input-error cold start against a bare `node -e 0`. With
// BENCH_BASELINE=<path to another dist/index.js>, runs that bundle interleaved with this one and
// prints the ratios. Medians (and p90) of interleaved runs; prints figures, asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { executionRole, startEmulator } from '../emulator/index.js'
import { ROOT, runAction } from '../harness/run-action.js'
import { sequentialRoundTrips, startLatencyProxy } from './latency-proxy.js'

const RUNS = Number(process.argv[2] ?? 9)
const LATENCY_MS = 40
const ACTIVATION_MS = 1000
const UPDATE_MS = 1000
const IAM_PROPAGATION_MS = 3000
const NODE = process.env.BENCH_NODE ?? 'node'

/**
 * What AWS allows (no publish, no alias: the inputs' defaults): the round trips that must follow
 * one another, and AWS's own waits on that path. First deploy: the reads with GetCallerIdentity,
 * CreateRole, (the role shows 3 s later) the GetRole that sees it, SimulatePrincipalPolicy; the
 * function (create, 1 s, the poll that sees it Active) runs alongside and is shorter. No-op: the
 * reads, SimulatePrincipalPolicy. Code change: the reads, UpdateFunctionCode, (1 s) the poll that
 * sees it done; verification's SimulatePrincipalPolicy runs alongside the wait.
 */
const SCENARIOS = {
  'first deploy': { trips: 4, waitMs: IAM_PROPAGATION_MS },
  'no-op rerun': { trips: 2, waitMs: 0 },
  'code change': { trips: 3, waitMs: UPDATE_MS }
}
type Scenario = keyof typeof SCENARIOS

const entries: Record<string, string> = {
  ...(process.env.BENCH_BASELINE ? { baseline: resolve(process.env.BENCH_BASELINE) } : {}),
  current: join(ROOT, 'dist', 'index.js')
}
const median = (xs: number[]): number => quantile(xs, 0.5)
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]
}
const since = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6
// Alternate the order from run to run, so that drift on a busy machine falls on both alike.
const ordered = (i: number): [string, string][] =>
  i % 2 ? Object.entries(entries).reverse() : Object.entries(entries)

console.log(`node: ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()} (${NODE})`)
console.log(`runs: ${RUNS}, interleaved; ${LATENCY_MS} ms a call`)
for (const [name, entry] of Object.entries(entries)) {
  const chunks = spawnSync('sh', ['-c', `ls ${dirname(entry)}/*.js`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
  const total = chunks.reduce((sum, file) => sum + statSync(file).size, 0)
  console.log(
    `bundle ${name}: ${(statSync(entry).size / 1024).toFixed(0)} KiB entry, ${(total / 1024).toFixed(0)} KiB in ${chunks.length} file(s)`
  )
}

// Cold start: load the bundle and fail on missing inputs, before any AWS call.
const cold: Record<string, number[]> = { 'bare node': [] }
for (let i = 0; i < RUNS; i++) {
  for (const [name, args] of [
    ['bare node', ['-e', '0']],
    ...ordered(i).map(([n, entry]) => [n, [entry]])
  ] as [string, string[]][]) {
    const start = process.hrtime.bigint()
    spawnSync(NODE, args, { env: { PATH: process.env.PATH }, stdio: 'ignore' })
    ;(cold[name] ??= []).push(since(start))
  }
}
const bare = median(cold['bare node'])
console.log(`\ncold start to the input error (median):`)
console.log(`  bare node    ${bare.toFixed(0).padStart(5)} ms`)
for (const name of Object.keys(entries))
  console.log(
    `  ${name.padEnd(12)} ${median(cold[name]).toFixed(0).padStart(5)} ms  ${(median(cold[name]) / bare).toFixed(2)}x bare node`
  )
if (entries.baseline)
  console.log(`  current/baseline ${(median(cold.current) / median(cold.baseline)).toFixed(2)}x`)

const emulator = await startEmulator({
  functionActivationMs: ACTIVATION_MS,
  functionUpdateMs: UPDATE_MS,
  iamPropagationMs: IAM_PROPAGATION_MS,
  seed: { roles: [executionRole('bench-lambda')] }
})
const proxy = await startLatencyProxy(emulator.url, LATENCY_MS)
const workspace = mkdtempSync(join(tmpdir(), 'bench-workspace-'))
const code = join(workspace, 'function')
cpSync(join(ROOT, 'examples', 'echo'), code, { recursive: true })
const writeCode = (mark: string) =>
  writeFileSync(
    join(code, 'index.mjs'),
    `export const handler = async e => ({ mark: '${mark}', e })\n`
  )

interface Figures {
  ms: number[]
  calls: number[]
  writes: number[]
  trips: number[]
}
const figures: Record<string, Record<Scenario, Figures>> = {}

async function measure(entry: string, tag: string, scenario: Scenario, fn: string): Promise<void> {
  const calls = emulator.log.length
  const writes = emulator.writes().length
  const spans = proxy.spans.length
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
    { endpoint: proxy.url, workspace, node: NODE, entry }
  )
  const ms = since(start)
  if (run.exitCode !== 0) throw new Error(`${tag} ${scenario} failed:\n${run.log}`)
  const f = ((figures[tag] ??= {} as Record<Scenario, Figures>)[scenario] ??= {
    ms: [],
    calls: [],
    writes: [],
    trips: []
  })
  f.ms.push(ms)
  f.calls.push(emulator.log.length - calls)
  f.writes.push(emulator.writes().length - writes)
  f.trips.push(sequentialRoundTrips(proxy.spans.slice(spans)))
}

for (let i = 0; i < RUNS; i++)
  for (const [tag, entry] of ordered(i)) {
    const fn = `bench-${tag}-${i}`
    writeCode(`${tag}-${i}-a`)
    await measure(entry, tag, 'first deploy', fn)
    await measure(entry, tag, 'no-op rerun', fn)
    writeCode(`${tag}-${i}-b`)
    await measure(entry, tag, 'code change', fn)
  }
await proxy.stop()
await emulator.stop()

console.log(
  `\nwhole runs (median, p90; limit = bare node + round trips x ${LATENCY_MS} ms + AWS's waits):`
)
for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
  const { trips, waitMs } = SCENARIOS[scenario]
  const limit = bare + trips * LATENCY_MS + waitMs
  for (const tag of Object.keys(entries)) {
    const f = figures[tag][scenario]
    console.log(
      `  ${scenario.padEnd(13)} ${tag.padEnd(9)} ${median(f.ms).toFixed(0).padStart(5)} ms (p90 ${quantile(f.ms, 0.9).toFixed(0)}), ` +
        `${median(f.calls)} calls (${median(f.writes)} writes), ${median(f.trips)} sequential round trips; ` +
        `limit ${limit.toFixed(0)} ms (${trips} trips), actual/limit ${(median(f.ms) / limit).toFixed(2)}x (p90 ${(quantile(f.ms, 0.9) / limit).toFixed(2)}x)`
    )
  }
  if (entries.baseline)
    console.log(
      `  ${scenario.padEnd(13)} current/baseline ${(median(figures.current[scenario].ms) / median(figures.baseline[scenario].ms)).toFixed(2)}x`
    )
}
