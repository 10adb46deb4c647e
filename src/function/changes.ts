// What deploying the function changes (or in a dry run would change), as data: a plan is a list
// of these, and each that is not `unchanged` is also the step that makes it, with its request
// (apply.ts makes it, traffic/promote.ts the alias's). Apply completes them with what it learnt (the
// version it published); report/words.ts alone puts them into words.
import type { NotDone } from '../not-done.js'
import type { CodePackage } from './code-package.js'
import type { LiveConfiguration } from './read.js'
import type { FieldChange, SettingFields } from './settings.js'

/** The function's plan: its changes, and what the writes need besides. */
export interface FunctionPlan {
  /** What will change (in a dry run: what would), in the order the report shows them. */
  changes: FunctionChange[]
  /** $LATEST's CodeSha256 once the changes are made, when it is known before making them. */
  codeSha256?: string
  /** For warning annotations: a function that Lambda reports failed, and what to do about it. */
  warnings: string[]
  /** $LATEST as read, when the function exists. */
  live?: LiveConfiguration
  /** The `code` package, when there is one. */
  code?: CodePackage
}

/** CreateFunction's request, besides the code: the named settings and what goes with them. */
interface CreateRequest {
  PackageType: 'Zip' | 'Image'
  settings: SettingFields
  Role: string
  /** The named tags; the provenance tags are added when the request is made. */
  Tags?: Record<string, string>
  SourceKMSKeyArn?: string
}

/** How the code reaches Lambda. */
export type Upload =
  /** The zip in the request itself (ZipFile). */
  | { kind: 'zip'; sha256: string; size: number }
  /** A zip over the direct-upload limit: PutObject to the staging bucket, then S3Bucket/S3Key. */
  | { kind: 'staged-zip'; sha256: string; size: number; bucket: string; key: string }
  /** Code the user already put in S3; sha256 when S3 knows the object's full SHA-256. */
  | { kind: 's3'; bucket: string; key: string; objectVersion?: string; sha256?: string }
  | { kind: 'image'; imageUri: string }

/** How the code to deploy compares with the code $LATEST runs. */
export type CodeComparison =
  | { kind: 'sha256'; live?: string; wanted: string }
  /** An S3 object without a full-object SHA-256: its content is unknown. */
  | { kind: 's3-unknown'; bucket: string; key: string }
  | { kind: 'image'; live?: string; wanted: string }

export type FunctionChange = {
  functionName: string
  /** Set only when a run failed: this write failed, or was not reached. */
  notDone?: NotDone
} & (
  | {
      kind: 'function'
      action: 'create'
      packageType: 'Zip' | 'Image'
      runtime?: string
      handler?: string
      upload: Upload
      request: CreateRequest
    }
  | {
      kind: 'configuration'
      action: 'update'
      fields: FieldChange[]
      /** UpdateFunctionConfiguration's fields that change; undefined when none does. */
      request?: SettingFields
      /** PutFunctionCodeSigningConfig's ARN, when it differs from the live one. */
      codeSigning?: string
    }
  /** `named`: the configuration inputs given, all already as wanted. */
  | { kind: 'configuration'; action: 'unchanged'; named: string[] }
  | {
      kind: 'code'
      action: 'update'
      upload: Upload
      comparison: CodeComparison
      same: boolean
      architecture?: { from: string; to: string }
      /** Lambda reported the function failed: redeployed even when nothing differs. */
      failed?: string
      /** UpdateFunctionCode's fields besides the code (Lambda sets these with the code). */
      request: Pick<SettingFields, 'Architectures'> & { SourceKMSKeyArn?: string }
    }
  /** No comparison: no code source was given. */
  | { kind: 'code'; action: 'unchanged'; comparison?: CodeComparison }
  /** Keys only, as the environment's: added or updated with TagResource, removed with UntagResource. */
  | {
      kind: 'tags'
      action: 'update'
      added: string[]
      changed: string[]
      removed: string[]
      /** TagResource's tags (the added and changed ones); UntagResource takes `removed`. */
      set: Record<string, string>
    }
  | { kind: 'tags'; action: 'unchanged'; named: string[] }
  /** `version`: set once published. */
  | { kind: 'version'; action: 'create'; because: 'deployed' | 'no-match'; version?: string }
  | {
      kind: 'version'
      action: 'unchanged'
      version: string
      codeSha256?: string
      /** `rollback: true`: the version the alias goes back to, not one compared with $LATEST. */
      rollback?: boolean
    }
  /** `from`/`to`: versions; `to` undefined until the new version is published. */
  | {
      kind: 'alias'
      action: 'create' | 'update' | 'unchanged'
      alias: string
      from?: string
      to?: string
      /** The alias's ARN when it exists. */
      arn?: string
      /** The alias's RevisionId as read: it moves only from there (traffic/promote.ts). */
      revisionId?: string
      /** The additional version's share as read: a traffic shift that has not finished. */
      weight?: { version: string; weight: number }
      /** `rollback: true`: back to the version recorded before the last promotion. */
      rollback?: boolean
    }
)

/** A change that is a write to make. */
export type FunctionStep = Exclude<FunctionChange, { action: 'unchanged' }>

/** The plan's write of `kind`, if it has one. */
export const stepOf = <K extends FunctionStep['kind']>(
  changes: FunctionChange[],
  kind: K
): Extract<FunctionStep, { kind: K }> | undefined =>
  changes.find(
    (c): c is Extract<FunctionStep, { kind: K }> => c.kind === kind && c.action !== 'unchanged'
  )
