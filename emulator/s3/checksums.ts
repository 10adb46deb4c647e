// The checksums S3 verifies on upload (headers or aws-chunked trailers), and Content-MD5.
import { createHash } from 'node:crypto'
import * as zlib from 'node:zlib'
import { ServiceError } from '../protocols/errors.js'

export const CHECKSUM_HEADERS = [
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256'
]

function crc32(data: Buffer): string | undefined {
  // zlib.crc32 exists from Node 20.15 / 22.2; without it the checksum is stored unverified.
  const compute = (zlib as { crc32?: (data: Buffer) => number }).crc32
  if (!compute) return undefined
  const out = Buffer.alloc(4)
  out.writeUInt32BE(compute(data) >>> 0)
  return out.toString('base64')
}

/** What we can compute: CRC32C and CRC64NVME are stored as sent, unverified. */
function computed(header: string, data: Buffer): string | undefined {
  if (header === 'x-amz-checksum-crc32') return crc32(data)
  if (header === 'x-amz-checksum-sha1') return createHash('sha1').update(data).digest('base64')
  if (header === 'x-amz-checksum-sha256') return createHash('sha256').update(data).digest('base64')
  return undefined
}

/** Checks every checksum the client sent (headers or trailers) and returns those to store. */
export function verifyChecksums(
  data: Buffer,
  sent: Record<string, string | undefined>,
  contentMd5: string | undefined
): Record<string, string> {
  if (contentMd5 !== undefined && createHash('md5').update(data).digest('base64') !== contentMd5) {
    throw new ServiceError(
      400,
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.'
    )
  }
  const checksums: Record<string, string> = {}
  for (const header of CHECKSUM_HEADERS) {
    const value = sent[header]
    if (value === undefined) continue
    const actual = computed(header, data)
    if (actual !== undefined && actual !== value) {
      const algorithm = header.replace('x-amz-checksum-', '').toUpperCase()
      throw new ServiceError(
        400,
        'BadDigest',
        `The ${algorithm} you specified did not match the calculated checksum.`
      )
    }
    checksums[header] = value
  }
  return checksums
}
