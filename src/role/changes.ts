// What ensuring the role changes (or would change), as data. Each change that is not `unchanged`
// is also the step that makes it: apply.ts executes exactly these, in order.
import type { NotDone } from '../not-done.js'
import type { TrustTarget } from './documents.js'

export type RoleChange = {
  roleName: string
  /** Why a planned write was not made: a dry run, a role managed elsewhere, a failed run. */
  notDone?: NotDone
} & (
  | {
      kind: 'role'
      action: 'create'
      trust: TrustTarget
      path: string
      tagCount: number
      boundary?: string
    }
  | {
      kind: 'trust'
      action: 'update'
      trust: TrustTarget
      sid: string
      statement: 'present' | 'added' | 'updated'
      /** External IDs our statement pinned before (another or an old provider org). */
      replaced: string[]
      /** How many other statements the policy keeps. */
      kept: number
      /** Statements that trusted the principal without the external ID and no longer do. */
      fixed: string[]
      /** Principals someone added to our statement, now in a statement of their own. */
      split: string[]
    }
  | { kind: 'trust'; action: 'unchanged'; trust: TrustTarget }
  | { kind: 'description'; action: 'update'; from: string; to: string }
  | { kind: 'boundary'; action: 'update'; from?: string; to: string }
  | { kind: 'tags'; action: 'update'; tags: Record<string, string> }
  | {
      kind: 'grant'
      action: 'create' | 'update' | 'unchanged'
      policyName: string
      functionArn: string
    }
)

/** A change that is a write to make. */
export type RoleStep = Exclude<RoleChange, { action: 'unchanged' }>
