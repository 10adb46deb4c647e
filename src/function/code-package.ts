// The function's code package: the `code` input, a .zip file uploaded as is or a directory zipped
// deterministically.
//
// Deterministic means the zip's bytes depend only on the tree's paths, file contents, execute bits
// and symlink texts: not on file times, owner, umask, timezone, Node version or CPU. The same code
// then has the same CodeSha256 (base64 SHA-256 of the zip) everywhere, and a rerun uploads nothing.
// - Entries are sorted by the UTF-8 bytes of their `/`-separated path. Directories get an entry
//   ('dir/', 0755) when they hold something, so Lambda sees 0755 whatever the runner's umask;
//   empty directories and `.git` (directory or file, at any depth) are left out.
// - Every timestamp is the DOS epoch, 1980-01-01 00:00:00, written as the constant DOS fields
//   rather than derived from a Date, so no timezone is involved; no extra fields at all.
// - Modes are normalised and stored as Unix modes (made-by = Unix, so Lambda applies them):
//   files 0644, files with any execute bit 0755 (`bootstrap` must stay executable), symlinks
//   0120777, directories 0755.
// - File data is deflated by fflate, pure JavaScript, so its output is the same on every machine
//   for a given fflate version (Node's zlib is Chromium's fork, which picks CPU-specific code
//   paths). Its hash size is chosen here by an integer rule, not fflate's Math.log default.
//   Data that deflate does not shrink is stored. fflate's own zip writer is not used: it derives
//   the DOS time from a local-time Date, and its streaming form writes data descriptors.
//   yazl is not used either: it deflates with Node's zlib.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises'
import { isAbsolute as isNativeAbsolute, join, posix, relative, sep, win32 } from 'node:path'
import { unzipSync } from 'fflate'
import { createZipWriter } from './zip.js'

/** Largest zip Lambda accepts in the request itself (CreateFunction / UpdateFunctionCode ZipFile). */
export const DIRECT_UPLOAD_LIMIT = 52_428_800
/** Largest unzipped code Lambda accepts (250 MB, layers included), whatever the upload route. */
export const UNZIPPED_SIZE_LIMIT = 262_144_000

export interface CodePackage {
  zip: Uint8Array
  /** Base64 SHA-256 of `zip`, as Lambda reports it in CodeSha256. */
  sha256: string
  /** Bytes of the zip. Over DIRECT_UPLOAD_LIMIT it must go through S3. */
  size: number
  /** Sum of the entries' uncompressed sizes. */
  unzippedSize: number
  /** Zip entries: files, symlinks and (for a directory) directory entries. */
  entries: number
  source: 'directory' | 'zip-file'
}

interface PackageOptions {
  /** Refuse, before reading any file content, code larger than this unzipped. */
  maxUnzippedSize?: number
}

/** An error about the `code` input, its message already naming it. */
export class CodeInputError extends Error {}

/** Packages `path`: a directory is zipped, a file must be a zip and is read as is. */
export async function packageCode(
  path: string,
  options: PackageOptions = {}
): Promise<CodePackage> {
  const maxUnzippedSize = options.maxUnzippedSize ?? UNZIPPED_SIZE_LIMIT
  const fail = (problem: string): never => {
    throw new CodeInputError(`code: "${path}" ${problem}`)
  }
  try {
    const stats = await stat(path).catch((e: NodeJS.ErrnoException) =>
      fail(e.code === 'ENOENT' ? 'does not exist' : `cannot be read: ${e.message}`)
    )
    if (!stats.isDirectory() && !stats.isFile()) fail('is neither a directory nor a file')
    const pkg = stats.isDirectory()
      ? await zipDirectory(path, maxUnzippedSize, fail)
      : await readZipFile(path, fail)
    if (pkg.unzippedSize > maxUnzippedSize) fail(tooLarge(pkg.unzippedSize, maxUnzippedSize))
    return pkg
  } catch (e) {
    // File system surprises (a permission, a file removed mid-walk) still name the input.
    if (e instanceof CodeInputError) throw e
    return fail(`cannot be packaged: ${(e as Error).message}`)
  }
}

/** Base64 SHA-256, the form of Lambda's CodeSha256. */
export function codeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64')
}

type Fail = (problem: string) => never

/** A size for people: `812 bytes`, `12.4 KB`, `50.1 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1_048_576).toFixed(1)} MB`
}

function tooLarge(size: number, limit: number): string {
  return `is ${formatSize(size)} (${size} bytes) unzipped, over the limit of ${formatSize(limit)} (${limit} bytes)`
}

async function readZipFile(path: string, fail: Fail): Promise<CodePackage> {
  const zip = await readFile(path)
  let summary: ZipSummary
  try {
    summary = readZipSummary(zip)
  } catch (e) {
    return fail(`is neither a directory nor a readable zip file (${(e as Error).message})`)
  }
  if (summary.entries === 0) fail('is a zip file with no entries')
  return { zip, sha256: codeSha256(zip), size: zip.length, ...summary, source: 'zip-file' }
}

interface ZipSummary {
  entries: number
  unzippedSize: number
}

/** Counts a zip's entries and adds up their uncompressed sizes, from the central directory
 * (zip64 included) without inflating anything. */
export function readZipSummary(zip: Uint8Array): ZipSummary {
  let entries = 0
  let unzippedSize = 0
  unzipSync(zip, {
    filter: file => {
      entries++
      unzippedSize += file.originalSize
      return false
    }
  })
  return { entries, unzippedSize }
}

// ---- Directory → zip ----

interface TreeEntry {
  kind: 'file' | 'directory' | 'symlink'
  /** Zip entry name: relative, `/`-separated, directories ending in `/`. */
  path: string
  name: Buffer
  mode: number
  /** Where to read a file's content; a symlink's content is its target text. */
  absolute: string
  target?: string
  size: number
}

async function zipDirectory(
  root: string,
  maxUnzippedSize: number,
  fail: Fail
): Promise<CodePackage> {
  const tree = await listTree(root, fail)
  if (!tree.some(e => e.kind !== 'directory')) fail('contains no files (after leaving out .git)')
  const unzippedSize = tree.reduce((sum, e) => sum + e.size, 0)
  // Known from lstat alone: refuse before reading and compressing hundreds of megabytes.
  if (unzippedSize > maxUnzippedSize) fail(tooLarge(unzippedSize, maxUnzippedSize))
  if (tree.length > 0xffff) fail(`has ${tree.length} entries, more than a zip without zip64 holds`)

  const writer = createZipWriter()
  let actualSize = 0
  for (const entry of tree) {
    // One file in memory at a time besides the zip. Read synchronously: deflate blocks the event
    // loop per file anyway, and the promise API's round trips to the thread pool (open, fstat,
    // read, close) made reading 2,000 small files 3-5 times slower, even with 16 reads in flight.
    const data =
      entry.kind === 'file'
        ? readFileSync(entry.absolute)
        : Buffer.from(entry.kind === 'symlink' ? (entry.target as string) : '')
    actualSize += data.length
    writer.add(entry.name, entry.mode, data, entry.kind === 'file')
  }
  const zip = writer.finish()
  return {
    zip,
    sha256: codeSha256(zip),
    size: zip.length,
    unzippedSize: actualSize,
    entries: tree.length,
    source: 'directory'
  }
}

const FILE_MODE = 0o100644
const EXECUTABLE_MODE = 0o100755
const DIRECTORY_MODE = 0o040755
const SYMLINK_MODE = 0o120777

/** The stored mode of a regular file: 0755 if any execute bit is set, else 0644. */
export function normalisedFileMode(mode: number): number {
  return mode & 0o111 ? EXECUTABLE_MODE : FILE_MODE
}

// Symlinks. A link is stored as a link (its target text), as Lambda keeps links; the tree is
// never read through a link, so nothing outside it (a runner's secret) can end up in the zip.
// Allowed: a relative target that stays inside the tree, judged on its text (`..` resolved
// against the link's own directory) and, when the target exists here, on its real path too
// (`up -> ..` in sub/, then `sub/x -> up/../secret` reads as sub/secret but is ../secret).
// Refused, naming the link: an absolute target, or one that leaves the tree. A dangling link
// with an inside text is kept: it points at nothing on this machine.

/** Why a link at `linkPath` (relative, `/`-separated) with text `target` is refused, if it is. */
export function linkTargetProblem(linkPath: string, target: string): string | undefined {
  if (target === '') return 'has an empty target'
  if (posix.isAbsolute(target) || win32.isAbsolute(target)) return 'has an absolute target'
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target))
  if (resolved === '..' || resolved.startsWith('../')) return 'points outside the directory'
  return undefined
}

async function listTree(root: string, fail: Fail): Promise<TreeEntry[]> {
  const realRoot = await realpath(root)
  const entries: TreeEntry[] = []
  const add = (entry: Omit<TreeEntry, 'name'>): void => {
    entries.push({ ...entry, name: Buffer.from(entry.path, 'utf8') })
  }

  const checkLink = async (absolute: string, path: string, target: string): Promise<void> => {
    const problem = linkTargetProblem(path, target)
    if (problem) fail(`has a symlink that ${problem}: ${path} -> ${target}`)
    const real = await realpath(absolute).catch((e: NodeJS.ErrnoException) => {
      // A dangling or looping link reaches nothing on this machine; its text was checked above.
      if (e.code === 'ENOENT' || e.code === 'ELOOP' || e.code === 'ENOTDIR') return undefined
      throw e
    })
    const fromRoot = real === undefined ? '' : relative(realRoot, real)
    if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isNativeAbsolute(fromRoot)) {
      fail(`has a symlink that resolves outside the directory: ${path} -> ${target}`)
    }
  }

  const visit = async (dir: string, prefix: string): Promise<void> => {
    const children = (await readdir(dir)).filter(child => child !== '.git')
    const allStats = await Promise.all(children.map(child => lstat(join(dir, child))))
    for (const [i, child] of children.entries()) {
      const absolute = join(dir, child)
      const path = prefix + child
      const stats = allStats[i]
      if (stats.isDirectory()) {
        const before = entries.length
        await visit(absolute, `${path}/`)
        const holdsSomething = entries.length > before
        if (holdsSomething)
          add({ kind: 'directory', path: `${path}/`, mode: DIRECTORY_MODE, absolute, size: 0 })
      } else if (stats.isFile()) {
        add({
          kind: 'file',
          path,
          mode: normalisedFileMode(stats.mode),
          absolute,
          size: stats.size
        })
      } else if (stats.isSymbolicLink()) {
        const target = await readlink(absolute)
        await checkLink(absolute, path, target)
        const size = Buffer.byteLength(target)
        add({ kind: 'symlink', path, mode: SYMLINK_MODE, absolute, target, size })
      } else {
        fail(`has ${path}, which is neither a file, a directory nor a symlink`)
      }
    }
  }

  await visit(root, '')
  return entries.sort((a, b) => Buffer.compare(a.name, b.name))
}
