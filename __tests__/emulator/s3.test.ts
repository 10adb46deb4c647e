// S3 through the real client (path-style): buckets, versioned objects, flexible checksums and the
// aws-chunked uploads recent SDKs send for streams.
import { Readable } from 'node:stream'
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand
} from '@aws-sdk/client-s3'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { clients, rejectionOf } from './helpers.js'

let emulator: Emulator
let s3: ReturnType<typeof clients>['s3']

beforeAll(async () => {
  emulator = await startEmulator({ seed: { buckets: ['seeded-bucket'] } })
  s3 = clients(emulator.url).s3
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

const BODY = Buffer.from('hello world')
const MD5 = '"5eb63bbbe01eeed093cb22bb8f5acdc3"'
const CRC32 = 'DUoRhQ==' // CRC32 of "hello world", big-endian, base64

describe('buckets', () => {
  test('CreateBucket; a duplicate or an invalid name is refused', async () => {
    const created = await s3.send(new CreateBucketCommand({ Bucket: 'artifacts' }))
    expect(created.Location).toBe('/artifacts')
    const duplicate = await rejectionOf(s3.send(new CreateBucketCommand({ Bucket: 'artifacts' })))
    expect(duplicate.name).toBe('BucketAlreadyOwnedByYou')
    expect(duplicate.$metadata.httpStatusCode).toBe(409)
    const invalid = await rejectionOf(s3.send(new CreateBucketCommand({ Bucket: 'No_Caps' })))
    expect(invalid.name).toBe('InvalidBucketName')
    expect(invalid.message).toBe('The specified bucket is not valid.')
  })

  test('a missing bucket is NoSuchBucket', async () => {
    const error = await rejectionOf(
      s3.send(new PutObjectCommand({ Bucket: 'nope', Key: 'k', Body: BODY }))
    )
    expect(error.name).toBe('NoSuchBucket')
    expect(error.message).toBe('The specified bucket does not exist')
    expect(error.$metadata.httpStatusCode).toBe(404)
  })
})

describe('objects', () => {
  test('PutObject answers ETag, VersionId and the checksum it verified; HeadObject reads it', async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'seeded-bucket',
        Key: 'releases/orders 1.zip',
        Body: BODY,
        ContentType: 'application/zip',
        Metadata: { commit: 'abc123' }
      })
    )
    expect(put.ETag).toBe(MD5)
    expect(put.ChecksumCRC32).toBe(CRC32)
    expect(put.VersionId).toMatch(/^[A-Za-z0-9]{32}$/)

    const head = await s3.send(
      new HeadObjectCommand({ Bucket: 'seeded-bucket', Key: 'releases/orders 1.zip' })
    )
    expect(head).toMatchObject({
      ETag: MD5,
      ContentLength: BODY.length,
      ContentType: 'application/zip',
      VersionId: put.VersionId,
      Metadata: { commit: 'abc123' }
    })
    expect(head.LastModified).toBeInstanceOf(Date)

    const got = await s3.send(
      new GetObjectCommand({ Bucket: 'seeded-bucket', Key: 'releases/orders 1.zip' })
    )
    expect(await got.Body!.transformToString()).toBe('hello world')
  })

  test('every put is a new version; HeadObject reads any version', async () => {
    const first = await s3.send(
      new PutObjectCommand({ Bucket: 'seeded-bucket', Key: 'k', Body: 'one' })
    )
    const second = await s3.send(
      new PutObjectCommand({ Bucket: 'seeded-bucket', Key: 'k', Body: 'three' })
    )
    expect(second.VersionId).not.toBe(first.VersionId)
    const latest = await s3.send(new HeadObjectCommand({ Bucket: 'seeded-bucket', Key: 'k' }))
    expect(latest.ContentLength).toBe(5)
    const old = await s3.send(
      new HeadObjectCommand({ Bucket: 'seeded-bucket', Key: 'k', VersionId: first.VersionId })
    )
    expect(old.ContentLength).toBe(3)
  })

  test('a missing object is NotFound on HEAD and NoSuchKey on GET', async () => {
    const head = await rejectionOf(
      s3.send(new HeadObjectCommand({ Bucket: 'seeded-bucket', Key: 'nope' }))
    )
    expect(head.name).toBe('NotFound')
    expect(head.$metadata.httpStatusCode).toBe(404)
    const get = await rejectionOf(
      s3.send(new GetObjectCommand({ Bucket: 'seeded-bucket', Key: 'nope' }))
    )
    expect(get.name).toBe('NoSuchKey')
    expect(get.message).toBe('The specified key does not exist.')
  })

  test('a stream is uploaded aws-chunked with a trailing checksum, and decoded', async () => {
    const sent: Record<string, string>[] = []
    s3.middlewareStack.add(
      next => async args => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers })
        return next(args)
      },
      { step: 'finalizeRequest', name: 'captureHeaders', override: true }
    )
    try {
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: 'seeded-bucket',
          Key: 'streamed',
          Body: Readable.from([Buffer.from('hello '), Buffer.from('world')]),
          ContentLength: BODY.length
        })
      )
      expect(sent[0]['content-encoding']).toBe('aws-chunked')
      expect(sent[0]['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER')
      expect(put).toMatchObject({ ETag: MD5, ChecksumCRC32: CRC32 })
      const stored = emulator.state.s3.buckets.get('seeded-bucket')!.objects.get('streamed')![0]
      expect(stored.body.toString()).toBe('hello world')
    } finally {
      s3.middlewareStack.remove('captureHeaders')
    }
  })

  test('an operation the emulator does not implement is NotImplemented (501)', async () => {
    const error = await rejectionOf(s3.send(new ListObjectsV2Command({ Bucket: 'seeded-bucket' })))
    expect(error.name).toBe('NotImplemented')
    expect(error.$metadata.httpStatusCode).toBe(501)
  })
})

describe('raw uploads', () => {
  function chunked(body: string, headers: Record<string, string>) {
    return fetch(`${emulator.url}/seeded-bucket/raw`, {
      method: 'PUT',
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        ...headers
      },
      body
    })
  }

  test('signed chunks and trailers are decoded', async () => {
    const body =
      '6;chunk-signature=abc\r\nhello \r\n5;chunk-signature=def\r\nworld\r\n0;chunk-signature=0\r\n' +
      `x-amz-checksum-crc32:${CRC32}\r\n\r\n`
    const response = await chunked(body, { 'x-amz-decoded-content-length': '11' })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe(MD5)
  })

  test('a checksum that does not match is BadDigest', async () => {
    const body = `b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n`
    const response = await chunked(body, {})
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toContain('<Code>BadDigest</Code>')
    expect(text).toContain('The CRC32 you specified did not match the calculated checksum.')
  })

  test('a truncated chunked body is IncompleteBody', async () => {
    const response = await chunked('b\r\nhello', {})
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<Code>IncompleteBody</Code>')
  })

  test('a wrong Content-MD5 is BadDigest', async () => {
    const response = await fetch(`${emulator.url}/seeded-bucket/raw`, {
      method: 'PUT',
      headers: { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' },
      body: 'hello world'
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(
      'The Content-MD5 you specified did not match what we received.'
    )
  })
})
