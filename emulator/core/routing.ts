// Which service a request is for. Signed requests name it in the SigV4 credential scope
// (Credential=AKID/20240101/us-east-1/iam/aws4_request), so one URL serves every client; unsigned
// ones are recognised by the Query API version, Lambda's dated path prefixes, or else taken as S3
// (Access Analyzer is reached signed only: its paths would be taken for S3 buckets).

export type ServiceName = 'iam' | 'sts' | 'lambda' | 's3' | 'access-analyzer' | 'cloudwatch'

export interface Signature {
  accessKeyId: string
  region: string
  service: string
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/

/** From the Authorization header, or from a presigned URL's X-Amz-Credential. */
export function parseSignature(
  authorization: string | undefined,
  query: URLSearchParams
): Signature | undefined {
  const presigned = query.get('X-Amz-Credential')
  const match = CREDENTIAL.exec(authorization ?? '') ?? CREDENTIAL.exec(`Credential=${presigned}`)
  if (!match) return undefined
  return { accessKeyId: match[1], region: match[2], service: match[3] }
}

const QUERY_VERSIONS: Record<string, ServiceName> = { '2010-05-08': 'iam', '2011-06-15': 'sts' }
const LAMBDA_PREFIXES = ['/2015-03-31/', '/2017-03-31/']

// CloudWatch signs as `monitoring` (its endpoint prefix); the log and the emulator call it
// `cloudwatch`. Its JSON 1.0 requests name their target in X-Amz-Target.
const SIGNING_NAMES: Record<string, ServiceName> = { monitoring: 'cloudwatch' }
const CLOUDWATCH_TARGET = 'GraniteServiceVersion20100801.'

/** The service a SigV4 credential scope names. */
export function serviceOfSigningName(name: string): string {
  return Object.hasOwn(SIGNING_NAMES, name) ? SIGNING_NAMES[name] : name
}

/** The service for an unsigned request: by the Query `Version`, the X-Amz-Target, or the path. */
export function serviceFromShape(
  path: string,
  version: string | undefined,
  target?: string | string[]
): ServiceName {
  if (version && QUERY_VERSIONS[version]) return QUERY_VERSIONS[version]
  if (typeof target === 'string' && target.startsWith(CLOUDWATCH_TARGET)) return 'cloudwatch'
  if (LAMBDA_PREFIXES.some(prefix => path.startsWith(prefix))) return 'lambda'
  return 's3'
}

const SERVICE_NAMES: readonly string[] = [
  'iam',
  'sts',
  'lambda',
  's3',
  'access-analyzer',
  'cloudwatch'
]

export function isKnownService(name: string): name is ServiceName {
  return SERVICE_NAMES.includes(name)
}
