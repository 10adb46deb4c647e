// Writes a zip in memory (APPNOTE.TXT 4.3: local header and data per entry, then the central
// directory and its end record) with nothing that varies between machines: the DOS epoch for every
// time, Unix modes, no extra fields, and fflate's pure-JavaScript deflate (see code-package.ts).
import { deflateSync, type DeflateOptions } from 'fflate'

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1 // years since 1980 | month | day
const DOS_TIME_MIDNIGHT = 0
const MADE_BY_UNIX = (3 << 8) | 20 // host 3 = Unix, so readers apply the mode; spec 2.0
const VERSION_NEEDED = 20 // 2.0: deflate and directories
const FLAG_UTF8_NAME = 1 << 11
const MSDOS_DIRECTORY = 0x10
const STORED = 0
const DEFLATED = 8

interface ZipRecord {
  name: Uint8Array
  mode: number
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  offset: number
}

/** Builds a zip in memory, entry by entry, in the order given. */
export function createZipWriter(): {
  add(name: Uint8Array, mode: number, data: Uint8Array, compress: boolean): void
  finish(): Uint8Array
} {
  const chunks: Uint8Array[] = []
  const records: ZipRecord[] = []
  let offset = 0
  const push = (chunk: Uint8Array): void => {
    chunks.push(chunk)
    offset += chunk.length
  }

  return {
    add(name, mode, data, compress) {
      const deflated = compress && data.length > 0 ? deflate(data) : undefined
      const body = deflated && deflated.length < data.length ? deflated : data
      const record: ZipRecord = {
        name,
        mode,
        flags: name.every(byte => byte < 0x80) ? 0 : FLAG_UTF8_NAME,
        method: body === data ? STORED : DEFLATED,
        crc: crc32(data),
        compressedSize: body.length,
        size: data.length,
        offset
      }
      push(header(record, false))
      push(body)
      records.push(record)
    },
    finish() {
      const directoryOffset = offset
      for (const record of records) push(header(record, true))
      if (offset > 0xffffffff) throw new Error('the zip would exceed 4 GiB, which needs zip64')
      push(endOfCentralDirectory(records.length, offset - directoryOffset, directoryOffset))
      const zip = new Uint8Array(offset)
      let at = 0
      for (const chunk of chunks.splice(0)) {
        zip.set(chunk, at)
        at += chunk.length
      }
      return zip
    }
  }
}

/** fflate's deflate at level 6, with its hash table sized from the data's bit length: the same
 * curve as fflate's default (ceil(1.5·ln n), clamped), but in integers, so no float rounding. */
function deflate(data: Uint8Array): Uint8Array {
  const bitLength = 32 - Math.clz32(data.length)
  const mem = Math.min(8, Math.max(0, bitLength - 12))
  return deflateSync(data, { level: 6, mem: mem as DeflateOptions['mem'] })
}

/** A local file header (central = false) or a central directory header (central = true). */
function header(r: ZipRecord, central: boolean): Uint8Array {
  const fixed = central ? 46 : 30
  const bytes = new Uint8Array(fixed + r.name.length)
  const view = new DataView(bytes.buffer)
  let at = 0
  const u16 = (value: number): void => {
    view.setUint16(at, value, true)
    at += 2
  }
  const u32 = (value: number): void => {
    view.setUint32(at, value >>> 0, true)
    at += 4
  }
  u32(central ? 0x02014b50 : 0x04034b50)
  if (central) u16(MADE_BY_UNIX)
  u16(VERSION_NEEDED)
  u16(r.flags)
  u16(r.method)
  u16(DOS_TIME_MIDNIGHT)
  u16(DOS_DATE_1980_01_01)
  u32(r.crc)
  u32(r.compressedSize)
  u32(r.size)
  u16(r.name.length)
  u16(0) // extra field length
  if (central) {
    u16(0) // comment length
    u16(0) // disk number
    u16(0) // internal attributes
    const isDirectory = (r.mode & 0o170000) === 0o040000
    u32(r.mode * 0x10000 + (isDirectory ? MSDOS_DIRECTORY : 0)) // Unix mode in the high 16 bits
    u32(r.offset)
  }
  bytes.set(r.name, at)
  return bytes
}

function endOfCentralDirectory(entries: number, size: number, offset: number): Uint8Array {
  const bytes = new Uint8Array(22)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x06054b50, true)
  view.setUint16(8, entries, true) // on this disk (disk numbers stay 0)
  view.setUint16(10, entries, true) // in total
  view.setUint32(12, size, true)
  view.setUint32(16, offset, true)
  return bytes
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

/** CRC-32 (IEEE 802.3), as zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
