// The emulator's in-memory world and its run-time settings. Time-based states (Pending, InProgress,
// IAM propagation) are stored as deadlines and read against the clock: no timers to leak.

export interface RuntimeConfig {
  accountId: string
  /** The identity of every access key that is neither a session key nor listed in `identities`. */
  callerArn: string
  /** Extra access keys and the ARN each one is (a user, or a role to act as a session of). */
  identities: Map<string, string>
  functionActivationMs: number
  functionUpdateMs: number
  iamPropagationMs: number
  /** A changed trust or inline policy is read as before until then. */
  iamChangePropagationMs: number
  roleAssumableAfterMs: number
  /** Principals outside the account that trust policies may name. */
  externalPrincipals: string[]
}

// A type, not an interface: it must fit the XML writer's index-signature values.
export type Tag = { Key: string; Value: string }

export interface Role {
  name: string
  path: string
  arn: string
  roleId: string
  createdAt: number
  /** GetRole answers NoSuchEntity until then (IAM's eventual consistency). */
  visibleAt: number
  /** As sent: IAM returns the document it was given, URL-encoded. */
  assumeRolePolicy: string
  description?: string
  maxSessionDuration: number
  permissionsBoundary?: string
  tags: Tag[]
  inlinePolicies: Map<string, string>
  attachedPolicies: string[]
  /** Changes that reads do not see yet (see iam-propagation.ts); absent when there are none. */
  propagation?: Propagation
}

/** The documents of a role that change propagation applies to. */
export interface RoleDocuments {
  assumeRolePolicy: string
  inlinePolicies: Map<string, string>
}

export type RoleChange =
  | { kind: 'trust'; document: string }
  | { kind: 'put-inline'; name: string; document: string }
  | { kind: 'delete-inline'; name: string }

export interface Propagation {
  /** What reads see: the documents before the first pending change, plus those now visible. */
  base: RoleDocuments
  /** Oldest first. */
  pending: { change: RoleChange; visibleAt: number }[]
}

export interface ManagedPolicy {
  name: string
  arn: string
  policyId: string
  path: string
  description?: string
  document: string
  createdAt: number
  tags: Tag[]
}

export interface Session {
  accessKeyId: string
  roleArn: string
  roleId: string
  sessionName: string
  assumedRoleArn: string
  expiresAt: number
}

export interface FunctionCode {
  sha256: string
  size: number
  zip?: Buffer
  imageUri?: string
}

/** The configuration fields a caller sets; everything else in FunctionConfiguration is derived. */
export interface FunctionSettings {
  Runtime?: string
  Handler?: string
  Role: string
  Description: string
  Timeout: number
  MemorySize: number
  Environment?: { Variables: Record<string, string> }
  Architectures: string[]
  PackageType: 'Zip' | 'Image'
  EphemeralStorage: { Size: number }
}

export interface PublishedVersion {
  version: string
  settings: FunctionSettings
  code: FunctionCode
  description: string
  revisionId: string
  lastModified: string
  /** $LATEST's revision when published: an unchanged $LATEST publishes nothing new. */
  sourceRevision: string
}

export interface Alias {
  name: string
  functionVersion: string
  description: string
  revisionId: string
}

export interface LambdaFunction {
  name: string
  arn: string
  region: string
  settings: FunctionSettings
  code: FunctionCode
  revisionId: string
  lastModified: string
  /** State is Pending until then, Active after. */
  activeAt: number
  /** LastUpdateStatus is InProgress until then (0: never updated). */
  updateDoneAt: number
  versions: PublishedVersion[]
  aliases: Map<string, Alias>
  tags: Record<string, string>
}

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

export interface EmulatorState {
  iam: { roles: Map<string, Role>; policies: Map<string, ManagedPolicy> }
  sts: { sessions: Map<string, Session> }
  lambda: { functions: Map<string, LambdaFunction> }
  s3: { buckets: Map<string, Bucket> }
}

/** What every handler gets: the world, the settings, and the clock. */
export interface EmulatorContext {
  state: EmulatorState
  config: RuntimeConfig
  url: string
  now(): number
}

export function emptyState(): EmulatorState {
  return {
    iam: { roles: new Map(), policies: new Map() },
    sts: { sessions: new Map() },
    lambda: { functions: new Map() },
    s3: { buckets: new Map() }
  }
}

export function clearState(state: EmulatorState): void {
  state.iam.roles.clear()
  state.iam.policies.clear()
  state.sts.sessions.clear()
  state.lambda.functions.clear()
  state.s3.buckets.clear()
}
