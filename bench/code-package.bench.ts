// Benchmark: zip a generated tree (2,000 small files + a few 1 MB files) N times per packer.
//   npx tsx bench/code-package.bench.ts [runs] [large files]
// Each packer runs in its own child process so that its peak RSS is its own.
//   fflate  - packageCode (the action's packer: fflate deflate, own zip writer, one file at a time)
//   zipSync - fflate's zipSync with every file read first (for the memory comparison)
// (yazl, with Node's zlib, was measured too and dropped: ~1.5x slower, 600+ MB peak RSS, and its
// deflate bytes depend on the zlib build.)
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { codeSha256, packageCode } from '../src/function/code-package.js'

const SMALL_FILES = 2000
const MB = 1_048_576

function generateTree(root: string, largeFiles: number): number {
  let total = 0
  let x = 0x9e3779b9
  const random = (): number => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
  const words = ['const', 'function', 'return', 'module', 'exports', 'require', 'value', 'async']
  const source = (bytes: number): Buffer => {
    let s = ''
    while (s.length < bytes)
      s += `${words[random() % words.length]} v${random() % 1000} = ${random() % 97};\n`
    return Buffer.from(s.slice(0, bytes))
  }
  for (let i = 0; i < SMALL_FILES; i++) {
    const dir = join(root, `pkg${i % 40}`, `sub${i % 7}`)
    mkdirSync(dir, { recursive: true })
    const content = source(500 + (random() % 8000))
    writeFileSync(join(dir, `file${i}.js`), content)
    total += content.length
  }
  for (let i = 0; i < largeFiles; i++) {
    // Half compressible text, half incompressible bytes (like bundled binaries or images).
    const content =
      i % 2 ? Buffer.from(Uint32Array.from({ length: MB / 4 }, random).buffer) : source(MB)
    writeFileSync(join(root, `large${i}.bin`), content)
    total += content.length
  }
  return total
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap(d =>
      d.isDirectory() ? listFiles(root, `${prefix}${d.name}/`) : [`${prefix}${d.name}`]
    )
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

function fflateZipSync(root: string): Uint8Array {
  const files: Zippable = {}
  for (const path of listFiles(root)) files[path] = readFileSync(join(root, path))
  return zipSync(files, { mtime: new Date(1980, 0, 1), level: 6 })
}

const packers: Record<string, (root: string) => Promise<Uint8Array> | Uint8Array> = {
  fflate: async root => (await packageCode(root)).zip,
  zipSync: fflateZipSync
}

async function child(packer: string, root: string, runs: number): Promise<void> {
  const rssBefore = process.resourceUsage().maxRSS
  const times: number[] = []
  let zip: Uint8Array = new Uint8Array()
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    zip = await packers[packer](root)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const result = {
    medianMs: times[Math.floor(times.length / 2)],
    zipBytes: zip.length,
    sha256: codeSha256(zip),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    startRssMB: rssBefore / 1024
  }
  console.log(JSON.stringify(result))
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5)
  const largeFiles = Number(process.argv[3] ?? 4)
  const root = mkdtempSync(join(tmpdir(), 'code-package-bench-'))
  try {
    const total = generateTree(root, largeFiles)
    console.log(
      `tree: ${SMALL_FILES} small files + ${largeFiles} x 1 MB, ${(total / MB).toFixed(1)} MB; ` +
        `${runs} runs each, Node ${process.version}`
    )
    console.log('packer   median ms   MB/s   zip MB   peak RSS MB (start)   sha256')
    for (const packer of Object.keys(packers)) {
      const out = spawnSync(
        process.execPath,
        ['--import', 'tsx', process.argv[1], '--child', packer, root, String(runs)],
        { encoding: 'utf8', maxBuffer: 1 << 20 }
      )
      if (out.status !== 0) throw new Error(`${packer} failed: ${out.stderr}`)
      const r = JSON.parse(out.stdout.trim().split('\n').pop() as string)
      const mbs = total / MB / (r.medianMs / 1000)
      console.log(
        `${packer.padEnd(8)} ${r.medianMs.toFixed(0).padStart(9)} ${mbs.toFixed(1).padStart(6)} ` +
          `${(r.zipBytes / MB).toFixed(2).padStart(8)} ${r.peakRssMB.toFixed(0).padStart(13)} ` +
          `(${r.startRssMB.toFixed(0)})   ${r.sha256}`
      )
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], Number(process.argv[5]))
} else {
  await main()
}
