// S3's in-memory state: buckets by name, each key with every version it had.

export interface S3ObjectVersion {
  versionId: string
  body: Buffer
  etag: string
  contentType: string
  lastModified: Date
  checksums: Record<string, string>
  metadata: Record<string, string>
}

export interface Bucket {
  name: string
  createdAt: Date
  /** Every version of each key, oldest first: the bucket is always versioned. */
  objects: Map<string, S3ObjectVersion[]>
}

export interface S3State {
  buckets: Map<string, Bucket>
}

export function s3State(): S3State {
  return { buckets: new Map() }
}
