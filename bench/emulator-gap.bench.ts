// Benchmark (`npx tsx bench/emulator-gap.bench.ts [runs]`): a no-op rerun of the bundled action
// against an endpoint that implements iam:SimulatePrincipalPolicy and against ones that lack it as
// moto does (an HTML 500 page) and as LocalStack does (501). Same emulator, same 40 ms a call as
// `npm run bench`; the endpoints alternate run by run. With BENCH_BASELINE=<another dist/index.js>,
// that bundle runs interleaved too. Prints medians and SimulatePrincipalPolicy calls; asserts nothing.
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { executionRole, startEmulator, type FaultSpec } from '../emulator/index.js'
import { ROOT, runAction } from '../harness/run-action.js'
import { startLatencyProxy } from './latency-proxy.js'

const RUNS = Number(process.argv[2] ?? 9)
const LATENCY_MS = 40
const NODE = process.env.BENCH_NODE ?? 'node'
const ENDPOINTS: Record<string, Omit<FaultSpec, 'operation'> | undefined> = {
  implements: undefined,
  'moto (HTML 500)': { kind: 'html-error', service: 'iam' },
  'LocalStack (501)': { kind: 'not-implemented', service: 'iam' }
}
const bundles: Record<string, string> = {
  current: join(ROOT, 'dist', 'index.js'),
  ...(process.env.BENCH_BASELINE ? { baseline: resolve(process.env.BENCH_BASELINE) } : {})
}

const emulator = await startEmulator({ seed: { roles: [executionRole('bench-lambda')] } })
const proxy = await startLatencyProxy(emulator.url, LATENCY_MS)
const workspace = mkdtempSync(join(tmpdir(), 'bench-gap-'))
cpSync(join(ROOT, 'examples', 'echo'), join(workspace, 'function'), { recursive: true })

const inputs = {
  'function-name': 'gap',
  region: 'us-east-1',
  code: 'function',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': `arn:aws:iam::${emulator.accountId}:role/bench-lambda`,
  'provider-org-id': 'ac51909e-a379-4153-a0e8-ef4a25a83405'
}
async function run(entry: string): Promise<{ ms: number; simulate: number }> {
  const before = emulator.log.length
  const start = process.hrtime.bigint()
  const result = await runAction(inputs, { endpoint: proxy.url, workspace, node: NODE, entry })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.exitCode !== 0) throw new Error(`run failed:\n${result.log}`)
  const simulate = emulator.log
    .slice(before)
    .filter(e => e.operation === 'SimulatePrincipalPolicy').length
  return { ms, simulate }
}

await run(bundles.current) // the first deploy: every later run is a no-op rerun
const cases = Object.keys(bundles).flatMap(b => Object.keys(ENDPOINTS).map(e => [b, e]))
const figures = new Map<string, { ms: number[]; simulate: number[] }>()
for (let i = 0; i < RUNS; i++)
  // Rotate the order each round, so that drift on a busy machine falls on every case alike.
  for (const [bundle, endpoint] of cases.map((_, k) => cases[(k + i) % cases.length])) {
    emulator.clearFaults()
    const fault = ENDPOINTS[endpoint]
    if (fault) emulator.injectFault({ ...fault, operation: 'SimulatePrincipalPolicy' })
    const { ms, simulate } = await run(bundles[bundle])
    const f = figures.get(`${bundle}|${endpoint}`) ?? { ms: [], simulate: [] }
    f.ms.push(ms)
    f.simulate.push(simulate)
    figures.set(`${bundle}|${endpoint}`, f)
  }
await proxy.stop()
await emulator.stop()

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`no-op rerun, ${RUNS} interleaved runs each, ${LATENCY_MS} ms a call (median):`)
for (const bundle of Object.keys(bundles)) {
  const base = median(figures.get(`${bundle}|implements`)!.ms)
  for (const endpoint of Object.keys(ENDPOINTS)) {
    const f = figures.get(`${bundle}|${endpoint}`)!
    console.log(
      `  ${bundle.padEnd(8)} ${endpoint.padEnd(17)} ${median(f.ms).toFixed(0).padStart(5)} ms, ` +
        `${median(f.simulate)} SimulatePrincipalPolicy call(s), ${(median(f.ms) / base).toFixed(2)}x the endpoint that implements it`
    )
  }
}
