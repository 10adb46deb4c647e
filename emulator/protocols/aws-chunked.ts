// `Content-Encoding: aws-chunked`, as recent SDKs send uploads with flexible checksums: chunks of
// `<hex size>[;chunk-signature=...]\r\n<data>\r\n`, a zero-size chunk, then trailer headers such as
// `x-amz-checksum-crc32:...`. https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
import { ServiceError } from './errors.js'

export interface DecodedBody {
  data: Buffer
  trailers: Record<string, string>
}

function incomplete(): ServiceError {
  return new ServiceError(400, 'IncompleteBody', 'The request body terminated unexpectedly')
}

export function isAwsChunked(
  contentEncoding: string | undefined,
  contentSha256: string | undefined
): boolean {
  return (
    (contentEncoding ?? '').split(',').some(e => e.trim() === 'aws-chunked') ||
    (contentSha256 ?? '').startsWith('STREAMING-')
  )
}

export function decodeAwsChunked(body: Buffer): DecodedBody {
  const chunks: Buffer[] = []
  let pos = 0
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos)
    if (lineEnd < 0) throw incomplete()
    const size = Number.parseInt(body.subarray(pos, lineEnd).toString('latin1').split(';')[0], 16)
    if (Number.isNaN(size)) throw incomplete()
    pos = lineEnd + 2
    if (size === 0) break
    if (pos + size + 2 > body.length) throw incomplete()
    chunks.push(body.subarray(pos, pos + size))
    pos += size + 2
  }
  const trailers: Record<string, string> = {}
  for (const line of body.subarray(pos).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0)
      trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { data: Buffer.concat(chunks), trailers }
}
