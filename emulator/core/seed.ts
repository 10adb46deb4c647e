// Starting state: what exists before the first request (and again after reset). Seeded resources
// are dated a day back, so no propagation or activation delay applies to them.
import { newAlarm } from '../cloudwatch/model.js'
import { newManagedPolicy, newRole, storeRole } from '../iam/model.js'
import { resolveCode } from '../lambda/code.js'
import { defaultSettings, newFunction } from '../lambda/model.js'
import { newBucket } from '../s3/model.js'
import type { EmulatorContext } from './context.js'
import type { Tag } from '../iam/state.js'

type Document = string | object

export interface SeedRole {
  name: string
  path?: string
  assumeRolePolicy: Document
  description?: string
  maxSessionDuration?: number
  permissionsBoundary?: string
  tags?: Record<string, string>
  inlinePolicies?: Record<string, Document>
  attachedPolicies?: string[]
}

export interface SeedPolicy {
  name: string
  document: Document
  path?: string
  description?: string
  /** For AWS managed policies: arn:aws:iam::aws:policy/... */
  arn?: string
}

export interface SeedFunction {
  name: string
  /** The execution role's ARN (not checked: seeds are trusted). */
  role: string
  runtime?: string
  handler?: string
  /** Zip bytes; an empty archive when neither zip nor imageUri is given. */
  zip?: Uint8Array
  imageUri?: string
  region?: string
  description?: string
  memorySize?: number
  timeout?: number
  environment?: Record<string, string>
  tags?: Record<string, string>
}

export interface SeedAlarm {
  name: string
  /** INSUFFICIENT_DATA unless given, as a new alarm is. */
  state?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
  reason?: string
  /** A composite alarm (DescribeAlarms lists it only for AlarmTypes CompositeAlarm). */
  composite?: boolean
  region?: string
}

export interface EmulatorSeed {
  roles?: SeedRole[]
  policies?: SeedPolicy[]
  functions?: SeedFunction[]
  buckets?: string[]
  alarms?: SeedAlarm[]
}

const text = (doc: Document) => (typeof doc === 'string' ? doc : JSON.stringify(doc))
const tagList = (tags: Record<string, string> = {}): Tag[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))

// The end-of-central-directory record alone: the smallest valid zip.
const EMPTY_ZIP = Buffer.from('504b0506' + '00'.repeat(18), 'hex')

/**
 * Managed policies every account can attach, present unless a test removes them. AWS managed
 * policies live under account `aws` and are read like any other (GetPolicy, then
 * GetPolicyVersion of the default version). Documents as AWS publishes them: AWS Managed Policy
 * Reference Guide, https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
 * and .../AWSLambdaRole.html.
 */
const AWS_MANAGED: SeedPolicy[] = [
  {
    name: 'AdministratorAccess',
    arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
    }
  },
  {
    name: 'AWSLambdaRole',
    path: '/service-role/',
    arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }]
    }
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    path: '/service-role/',
    arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: '*'
        }
      ]
    }
  }
]

export function applySeed(ctx: EmulatorContext, seed: EmulatorSeed = {}): void {
  const past = ctx.now() - 24 * 3600 * 1000
  for (const p of [...AWS_MANAGED, ...(seed.policies ?? [])]) {
    const policy = newManagedPolicy(ctx, { ...p, document: text(p.document) }, past)
    ctx.state.iam.policies.set(policy.arn, policy)
  }
  for (const r of seed.roles ?? []) {
    const role = newRole(
      ctx,
      { ...r, assumeRolePolicy: text(r.assumeRolePolicy), tags: tagList(r.tags) },
      past
    )
    for (const [name, doc] of Object.entries(r.inlinePolicies ?? {}))
      role.inlinePolicies.set(name, text(doc))
    role.attachedPolicies.push(...(r.attachedPolicies ?? []))
    storeRole(ctx, role)
  }
  for (const name of seed.buckets ?? [])
    ctx.state.s3.buckets.set(name, newBucket(name, new Date(past)))
  for (const a of seed.alarms ?? []) {
    const region = a.region ?? 'us-east-1'
    const kind = a.composite ? 'composite' : 'metric'
    const alarm = newAlarm(ctx, { ...a, region, kind }, past)
    ctx.state.cloudwatch.alarms.set(alarm.arn, alarm)
  }
  for (const f of seed.functions ?? []) {
    const region = f.region ?? 'us-east-1'
    const arn = `arn:aws:lambda:${region}:${ctx.config.accountId}:function:${f.name}`
    const settings = {
      ...defaultSettings(f.role, f.imageUri ? 'Image' : 'Zip'),
      Runtime: f.imageUri ? undefined : (f.runtime ?? 'nodejs22.x'),
      Handler: f.imageUri ? undefined : (f.handler ?? 'index.handler'),
      Description: f.description ?? '',
      MemorySize: f.memorySize ?? 128,
      Timeout: f.timeout ?? 3,
      Environment: f.environment ? { Variables: f.environment } : undefined
    }
    const code = f.imageUri
      ? resolveCode(ctx, { ImageUri: f.imageUri }, 'CreateFunction')
      : resolveCode(
          ctx,
          { ZipFile: Buffer.from(f.zip ?? EMPTY_ZIP).toString('base64') },
          'CreateFunction'
        )
    const fn = newFunction(ctx, { arn, name: f.name, region, settings, code, tags: f.tags }, past)
    ctx.state.lambda.functions.set(arn, fn)
  }
}

/** A function's execution role: trusted by Lambda, old enough to be assumed at once. */
export function executionRole(name: string): SeedRole {
  return {
    name,
    assumeRolePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole'
        }
      ]
    }
  }
}
