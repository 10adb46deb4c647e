// Every change a run makes (or in a dry run would make), as data, for the report.
import type { FunctionChange } from './function/changes.js'
import type { RoleChange } from './role/changes.js'

export type Change = FunctionChange | RoleChange

/** Why a planned change was not made: a dry run, a role managed elsewhere, or a failed run. */
export type NotDone = 'dry run' | 'manage-role is false' | 'failed' | 'not reached'
