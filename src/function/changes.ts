// What deploying the function changes (or in a dry run would change), as data: the plan makes
// these, apply completes them with what it learnt (the version it published), and
// report/words.ts alone puts them into words.
import type { NotDone } from '../not-done.js'

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

/** A setting that changes, by its input, worded as its row in settings.ts says. */
export type FieldChange =
  /** Both values in their normal forms. */
  | { input: string; from?: SettingValue; to?: SettingValue }
  /** Names only: values may be secrets. */
  | { input: string; added: string[]; changed: string[]; removed: string[] }

/** A setting's value as the plan compares it (JSON, for the result output). */
export type SettingValue =
  string | number | boolean | SettingValue[] | { [k: string]: SettingValue }

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
    }
  | { kind: 'configuration'; action: 'update'; fields: FieldChange[] }
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
    }
  /** No comparison: no code source was given. */
  | { kind: 'code'; action: 'unchanged'; comparison?: CodeComparison }
  /** Keys only, as the environment's: added or updated with TagResource, removed with UntagResource. */
  | { kind: 'tags'; action: 'update'; added: string[]; changed: string[]; removed: string[] }
  | { kind: 'tags'; action: 'unchanged'; named: string[] }
  /** `version`: set once published. */
  | { kind: 'version'; action: 'create'; because: 'deployed' | 'no-match'; version?: string }
  | { kind: 'version'; action: 'unchanged'; version: string; codeSha256?: string }
  /** `from`/`to`: versions; `to` undefined until the new version is published. */
  | {
      kind: 'alias'
      action: 'create' | 'update' | 'unchanged'
      alias: string
      from?: string
      to?: string
    }
)
