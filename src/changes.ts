// Every change a run makes (or in a dry run would make), as data, for the report.
import type { FunctionChange } from './function/changes.js'
import type { RoleChange } from './role/changes.js'

export type Change = FunctionChange | RoleChange
export type { NotDone } from './not-done.js'
