import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync, zipSync } from 'fflate'
import {
  DIRECT_UPLOAD_LIMIT,
  UNZIPPED_SIZE_LIMIT,
  codeSha256,
  linkTargetProblem,
  normalisedFileMode,
  packageCode,
  readZipSummary
} from '../../src/function/code-package.js'
import { crc32 } from '../../src/function/zip.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
let scratch: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'code-package-'))
})
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

let counter = 0
function freshDir(): string {
  const dir = join(scratch, `t${counter++}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Compressible text, different per seed. */
function text(seed: number, bytes: number): Buffer {
  let s = ''
  for (let i = 0; s.length < bytes; i++)
    s += `line ${seed}:${i} ${'abcdefgh'.repeat((i % 5) + 1)}\n`
  return Buffer.from(s.slice(0, bytes))
}

/** Incompressible bytes (deterministic, so the tree is the same everywhere). */
function noise(bytes: number): Buffer {
  const out = Buffer.alloc(bytes)
  let x = 0x12345678
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

interface Variant {
  fileMode: number
  execMode: number
  dirMode: number
  time: Date
}

/** Writes the same tree with the given modes and times. Returns every file's expected content. */
function writeTree(root: string, v: Variant): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    'index.js': text(1, 300),
    'a.txt': text(2, 50),
    'a/b.txt': text(3, 70),
    'a-b': text(4, 10),
    B: text(5, 10),
    'é.txt': text(6, 10),
    'lib/deep/er/data.txt': text(7, 200_000),
    'lib/random.bin': noise(5000),
    'lib/empty.txt': Buffer.alloc(0)
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true, mode: v.dirMode })
    writeFileSync(join(root, path), content)
    chmodSync(join(root, path), v.fileMode)
  }
  writeFileSync(join(root, 'bootstrap'), '#!/bin/sh\necho hello\n')
  chmodSync(join(root, 'bootstrap'), v.execMode)
  files.bootstrap = readFileSync(join(root, 'bootstrap'))
  for (const path of Object.keys(files)) utimesSync(join(root, path), v.time, v.time)
  for (const dir of ['a', 'lib', 'lib/deep', 'lib/deep/er']) chmodSync(join(root, dir), v.dirMode)
  return files
}

const variantA: Variant = {
  fileMode: 0o644,
  execMode: 0o755,
  dirMode: 0o755,
  time: new Date('2001-02-03T04:05:06Z')
}
const variantB: Variant = {
  fileMode: 0o600,
  execMode: 0o700,
  dirMode: 0o700,
  time: new Date('2033-12-31T23:59:58Z')
}

interface CentralEntry {
  name: string
  madeBy: number
  versionNeeded: number
  flags: number
  method: number
  time: number
  date: number
  extraLength: number
  mode: number
  externalLow: number
  compressedSize: number
  size: number
  offset: number
}

/** A reader written apart from the one under test: walks the central directory. */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = zip.length - 22
  expect(view.getUint32(end, true)).toBe(0x06054b50)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const entries: CentralEntry[] = []
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const external = view.getUint32(at + 38, true)
    entries.push({
      name: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      madeBy: view.getUint16(at + 4, true),
      versionNeeded: view.getUint16(at + 6, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      extraLength,
      mode: external >>> 16,
      externalLow: external & 0xffff,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true)
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

const byName = (zip: Uint8Array): Map<string, CentralEntry> =>
  new Map(centralDirectory(zip).map(e => [e.name, e]))

/** Runs packageCode in a child Node with the given TZ, returning the zip it wrote. */
function zipInChild(tree: string, tz: string): Buffer {
  const script = join(scratch, 'zip-child.mts')
  const out = join(scratch, `child-${tz.replace(/\W/g, '_')}.zip`)
  const moduleUrl = new URL('../../src/function/code-package.ts', import.meta.url).href
  writeFileSync(
    script,
    [
      `import { writeFileSync } from 'node:fs'`,
      `import { packageCode } from ${JSON.stringify(moduleUrl)}`,
      `const offset = new Date(2020, 0, 1).getTimezoneOffset()`,
      `const pkg = await packageCode(process.argv[2])`,
      `writeFileSync(process.argv[3], pkg.zip)`,
      `console.log(JSON.stringify({ offset, sha256: pkg.sha256 }))`
    ].join('\n')
  )
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz }
  delete env.NODE_OPTIONS
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, tree, out], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000
  })
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`)
  const report = JSON.parse(result.stdout.trim().split('\n').pop() as string)
  // Proves the child really ran in that zone (Kiritimati is UTC+14, so -840 minutes).
  if (tz === 'UTC') expect(report.offset).toBe(0)
  if (tz === 'Pacific/Kiritimati') expect(report.offset).toBe(-840)
  const zip = readFileSync(out)
  expect(report.sha256).toBe(codeSha256(zip))
  return zip
}

describe('packageCode on a directory', () => {
  let treeA: string
  let treeB: string
  let files: Record<string, Buffer>

  beforeAll(() => {
    treeA = freshDir()
    treeB = freshDir()
    files = writeTree(treeA, variantA)
    writeTree(treeB, variantB)
    // atimes differ too: read one file in B, then set only its atime.
    utimesSync(join(treeB, 'a.txt'), new Date('2040-01-01T00:00:00Z'), variantB.time)
  })

  it('gives identical bytes for the same tree with other times and modes', async () => {
    const a = await packageCode(treeA)
    const b = await packageCode(treeB)
    expect(lstatSync(join(treeB, 'a.txt')).mode & 0o777).toBe(0o600)
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true)
    expect(a.sha256).toBe(b.sha256)
    expect(a.source).toBe('directory')
  })

  it('gives identical bytes in other timezones (child processes)', async () => {
    const here = Buffer.from((await packageCode(treeA)).zip)
    const utc = zipInChild(treeA, 'UTC')
    const kiritimati = zipInChild(treeB, 'Pacific/Kiritimati')
    const honolulu = zipInChild(treeA, 'Pacific/Honolulu')
    expect(utc.equals(here)).toBe(true)
    expect(kiritimati.equals(here)).toBe(true)
    expect(honolulu.equals(here)).toBe(true)
  }, 120_000)

  it('pins the bytes of a known tree (a change here changes every CodeSha256: redeploys)', async () => {
    // Fails on an fflate upgrade that deflates differently or any change to the zip layout.
    const root = freshDir()
    mkdirSync(join(root, 'lib'))
    writeFileSync(join(root, 'bootstrap'), '#!/bin/sh\nexec ./handler\n')
    chmodSync(join(root, 'bootstrap'), 0o755)
    writeFileSync(
      join(root, 'lib/data.txt'),
      'the quick brown fox jumps over the lazy dog\n'.repeat(100)
    )
    symlinkSync('lib/data.txt', join(root, 'data'))
    const pkg = await packageCode(root)
    expect(byName(pkg.zip).get('lib/data.txt')?.method).toBe(8)
    expect(pkg.sha256).toBe('1zgT/JlYmlfik8RdL59WzHULqVNGZpkv0+VPHH2lCO0=')
    expect(pkg.size).toBe(490)
  })

  it('has a sha256 that is the base64 SHA-256 of the zip', async () => {
    const pkg = await packageCode(treeA)
    expect(pkg.sha256).toBe(createHash('sha256').update(pkg.zip).digest('base64'))
    expect(pkg.sha256).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(pkg.size).toBe(pkg.zip.length)
  })

  it('sorts entries by the bytes of their paths, with directory entries', async () => {
    const names = centralDirectory((await packageCode(treeA)).zip).map(e => e.name)
    expect(names).toEqual([
      'B',
      'a-b',
      'a.txt',
      'a/',
      'a/b.txt',
      'bootstrap',
      'index.js',
      'lib/',
      'lib/deep/',
      'lib/deep/er/',
      'lib/deep/er/data.txt',
      'lib/empty.txt',
      'lib/random.bin',
      'é.txt'
    ])
  })

  it('writes fixed DOS-epoch times, Unix made-by, no extra fields, normalised modes', async () => {
    const pkg = await packageCode(treeB)
    const entries = centralDirectory(pkg.zip)
    for (const e of entries) {
      expect(e.date).toBe((0 << 9) | (1 << 5) | 1) // 1980-01-01
      expect(e.time).toBe(0) // 00:00:00
      expect(e.madeBy >> 8).toBe(3) // Unix
      expect(e.extraLength).toBe(0)
      expect(e.flags & 0x8).toBe(0) // sizes in the local header, no data descriptor
      // The local header repeats the same date, time and name, with no extra field either.
      const local = new DataView(pkg.zip.buffer, pkg.zip.byteOffset + e.offset, 30)
      expect(local.getUint32(0, true)).toBe(0x04034b50)
      expect(local.getUint16(10, true)).toBe(0)
      expect(local.getUint16(12, true)).toBe(0x21)
      expect(local.getUint16(28, true)).toBe(0)
    }
    const modes = byName(pkg.zip)
    expect(modes.get('bootstrap')?.mode).toBe(0o100755)
    expect(modes.get('index.js')?.mode).toBe(0o100644)
    expect(modes.get('a.txt')?.mode).toBe(0o100644)
    expect(modes.get('lib/')?.mode).toBe(0o040755)
    expect(modes.get('lib/')?.externalLow).toBe(0x10) // MS-DOS directory bit
    expect(modes.get('é.txt')?.flags).toBe(0x800) // UTF-8 name
    expect(modes.get('a.txt')?.flags).toBe(0)
    expect(pkg.entries).toBe(entries.length)
  })

  it('deflates text and stores what deflate cannot shrink', async () => {
    const entries = byName((await packageCode(treeA)).zip)
    const data = entries.get('lib/deep/er/data.txt')
    expect(data?.method).toBe(8)
    expect(data?.compressedSize).toBeLessThan((data?.size ?? 0) / 4)
    expect(entries.get('lib/random.bin')?.method).toBe(0)
    expect(entries.get('lib/random.bin')?.compressedSize).toBe(5000)
  })

  it('unzips to the same contents and reports the unzipped size', async () => {
    const pkg = await packageCode(treeA)
    const unzipped = unzipSync(pkg.zip)
    const contents = Object.entries(unzipped).filter(([name]) => !name.endsWith('/'))
    expect(
      Object.fromEntries(contents.map(([n, c]) => [n, Buffer.from(c).toString('base64')]))
    ).toEqual(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, c.toString('base64')])))
    const total = Object.values(files).reduce((sum, c) => sum + c.length, 0)
    expect(pkg.unzippedSize).toBe(total)
    expect(readZipSummary(pkg.zip)).toEqual({ entries: pkg.entries, unzippedSize: total })
  })

  const hasUnzip = spawnSync('unzip', ['-v']).status === 0
  ;(hasUnzip ? it : it.skip)(
    'extracts with Info-ZIP unzip: executable stays executable',
    async () => {
      const out = freshDir()
      const zipPath = join(out, 'code.zip')
      writeFileSync(zipPath, (await packageCode(treeB)).zip)
      execFileSync('unzip', ['-q', zipPath, '-d', join(out, 'x')])
      expect(lstatSync(join(out, 'x/bootstrap')).mode & 0o777).toBe(0o755)
      expect(lstatSync(join(out, 'x/a.txt')).mode & 0o777).toBe(0o644)
      expect(
        readFileSync(join(out, 'x/lib/deep/er/data.txt')).equals(files['lib/deep/er/data.txt'])
      ).toBe(true)
    }
  )
})

describe('packageCode exclusions and errors', () => {
  it('leaves out .git at any depth, and empty directories', async () => {
    const root = freshDir()
    mkdirSync(join(root, '.git/objects'), { recursive: true })
    writeFileSync(join(root, '.git/config'), '[core]')
    mkdirSync(join(root, 'vendor/dep/.git'), { recursive: true })
    writeFileSync(join(root, 'vendor/dep/.git/HEAD'), 'ref')
    writeFileSync(join(root, 'vendor/dep/index.js'), 'x')
    writeFileSync(join(root, 'vendor/.git'), 'gitdir: ../.git/modules/vendor')
    mkdirSync(join(root, 'empty/nested'), { recursive: true })
    writeFileSync(join(root, 'handler.js'), 'y')
    const pkg = await packageCode(root)
    expect(centralDirectory(pkg.zip).map(e => e.name)).toEqual([
      'handler.js',
      'vendor/',
      'vendor/dep/',
      'vendor/dep/index.js'
    ])
    expect(pkg.unzippedSize).toBe(2)
  })

  it('refuses an empty directory, also when only .git and empty directories are in it', async () => {
    const empty = freshDir()
    await expect(packageCode(empty)).rejects.toThrow(
      `code: "${empty}" contains no files (after leaving out .git)`
    )
    mkdirSync(join(empty, '.git'))
    writeFileSync(join(empty, '.git/config'), 'x')
    mkdirSync(join(empty, 'sub/subsub'), { recursive: true })
    await expect(packageCode(empty)).rejects.toThrow('contains no files')
  })

  it('refuses a special file, as the input or inside the tree', async () => {
    const root = freshDir()
    writeFileSync(join(root, 'index.js'), 'x')
    execFileSync('mkfifo', [join(root, 'pipe')])
    await expect(packageCode(join(root, 'pipe'))).rejects.toThrow(
      `code: "${join(root, 'pipe')}" is neither a directory nor a file`
    )
    await expect(packageCode(root)).rejects.toThrow(
      `code: "${root}" has pipe, which is neither a file, a directory nor a symlink`
    )
  })

  it('refuses a path that does not exist', async () => {
    const missing = join(scratch, 'no-such-dir')
    await expect(packageCode(missing)).rejects.toThrow(`code: "${missing}" does not exist`)
  })

  it('refuses a tree larger than the unzipped limit, before zipping', async () => {
    const root = freshDir()
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(2000))
    await expect(packageCode(root, { maxUnzippedSize: 1999 })).rejects.toThrow(
      /^code: ".*" is 2\.0 KB \(2000 bytes\) unzipped, over the limit of 2\.0 KB \(1999 bytes\)$/
    )
    await expect(packageCode(root, { maxUnzippedSize: 2000 })).resolves.toMatchObject({
      unzippedSize: 2000
    })
  })

  it('exports the Lambda limits', () => {
    expect(DIRECT_UPLOAD_LIMIT).toBe(50 * 1024 * 1024)
    expect(UNZIPPED_SIZE_LIMIT).toBe(250 * 1024 * 1024)
  })
})

describe('symlinks', () => {
  it('stores a link inside the tree as a symlink entry with its text', async () => {
    const root = freshDir()
    mkdirSync(join(root, 'lib'))
    writeFileSync(join(root, 'lib/real.js'), 'module.exports = 1')
    symlinkSync('../lib/real.js', join(root, 'lib/alias.js'))
    symlinkSync('lib', join(root, 'libdir'))
    symlinkSync('does-not-exist-yet', join(root, 'dangling'))
    const pkg = await packageCode(root)
    const entries = byName(pkg.zip)
    expect(entries.get('lib/alias.js')?.mode).toBe(0o120777)
    expect(entries.get('libdir')?.mode).toBe(0o120777)
    expect(entries.get('dangling')?.mode).toBe(0o120777)
    expect([...entries.keys()]).not.toContain('libdir/real.js') // never followed
    const unzipped = unzipSync(pkg.zip)
    expect(Buffer.from(unzipped['lib/alias.js']).toString()).toBe('../lib/real.js')
    expect(Buffer.from(unzipped.libdir).toString()).toBe('lib')

    if (spawnSync('unzip', ['-v']).status === 0) {
      const zipPath = join(freshDir(), 'links.zip')
      writeFileSync(zipPath, pkg.zip)
      const out = join(dirname(zipPath), 'x')
      execFileSync('unzip', ['-q', zipPath, '-d', out])
      expect(readlinkSync(join(out, 'lib/alias.js'))).toBe('../lib/real.js')
      expect(readFileSync(join(out, 'lib/alias.js'), 'utf8')).toBe('module.exports = 1')
    }
  })

  it('refuses a link that climbs out of the tree, naming it', async () => {
    const root = freshDir()
    writeFileSync(join(root, 'index.js'), 'x')
    mkdirSync(join(root, 'sub'))
    symlinkSync('../../secret', join(root, 'sub/creds'))
    await expect(packageCode(root)).rejects.toThrow(
      `code: "${root}" has a symlink that points outside the directory: sub/creds -> ../../secret`
    )
  })

  it('refuses an absolute link, even to a file inside the tree', async () => {
    const root = freshDir()
    writeFileSync(join(root, 'index.js'), 'x')
    symlinkSync(join(root, 'index.js'), join(root, 'abs'))
    await expect(packageCode(root)).rejects.toThrow(
      `has a symlink that has an absolute target: abs -> ${join(root, 'index.js')}`
    )
  })

  it('refuses a link that climbs out through another link', async () => {
    const root = freshDir()
    writeFileSync(join(root, 'index.js'), 'x')
    writeFileSync(join(scratch, 'secret'), 'do not ship')
    mkdirSync(join(root, 'sub'))
    symlinkSync('..', join(root, 'sub/up')) // sub/up is the root: allowed
    symlinkSync(`up/../${'secret'}`, join(root, 'sub/x')) // text says sub/secret, really ../secret
    await expect(packageCode(root)).rejects.toThrow(
      'has a symlink that resolves outside the directory: sub/x -> up/../secret'
    )
  })

  it('judges link texts', () => {
    expect(linkTargetProblem('a/b', '../c')).toBeUndefined()
    expect(linkTargetProblem('a/b', '../a/./c')).toBeUndefined()
    expect(linkTargetProblem('a/b', '..')).toBeUndefined() // the root itself
    expect(linkTargetProblem('a/b', '../..')).toBe('points outside the directory')
    expect(linkTargetProblem('b', '../b')).toBe('points outside the directory')
    expect(linkTargetProblem('b', '/etc/passwd')).toBe('has an absolute target')
    expect(linkTargetProblem('b', 'C:\\Windows')).toBe('has an absolute target')
    expect(linkTargetProblem('b', '')).toBe('has an empty target')
  })
})

describe('packageCode on a .zip file', () => {
  it('passes the zip through byte for byte, with its sha, size and entry count', async () => {
    const dir = freshDir()
    const zip = zipSync(
      {
        'index.js': text(1, 5000),
        'lib/util.js': text(2, 123),
        'lib/raw.bin': [noise(777), { level: 0 }]
      },
      { mtime: new Date('2020-05-05T12:00:00Z') }
    )
    const path = join(dir, 'function.zip')
    writeFileSync(path, zip)
    const pkg = await packageCode(path)
    expect(Buffer.from(pkg.zip).equals(Buffer.from(zip))).toBe(true)
    expect(pkg.sha256).toBe(createHash('sha256').update(zip).digest('base64'))
    expect(pkg).toMatchObject({ size: zip.length, unzippedSize: 5000 + 123 + 777, entries: 3 })
    expect(pkg.source).toBe('zip-file')
  })

  it('refuses a file that is not a zip, and a zip with no entries', async () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'index.js'), 'console.log(1)')
    await expect(packageCode(join(dir, 'index.js'))).rejects.toThrow(
      /^code: ".*index\.js" is neither a directory nor a readable zip file/
    )
    writeFileSync(join(dir, 'empty.zip'), zipSync({}))
    await expect(packageCode(join(dir, 'empty.zip'))).rejects.toThrow(
      'is a zip file with no entries'
    )
  })

  it('applies the unzipped limit to a zip file too', async () => {
    const path = join(freshDir(), 'big.zip')
    writeFileSync(path, zipSync({ 'zeros.bin': new Uint8Array(100_000) }))
    await expect(packageCode(path, { maxUnzippedSize: 99_999 })).rejects.toThrow(
      '(100000 bytes) unzipped, over the limit'
    )
  })
})

describe('helpers', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
  })

  it('normalises file modes on any execute bit', () => {
    expect(normalisedFileMode(0o100600)).toBe(0o100644)
    expect(normalisedFileMode(0o100664)).toBe(0o100644)
    expect(normalisedFileMode(0o100700)).toBe(0o100755)
    expect(normalisedFileMode(0o100601)).toBe(0o100755)
  })

  it('codeSha256 is base64 SHA-256', () => {
    expect(codeSha256(Buffer.from('abc'))).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=')
  })
})
