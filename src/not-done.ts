// Why a planned change was not made: a dry run, a role managed elsewhere, or a failed run (the
// change that failed, and those after it that were not reached).
export type NotDone = 'dry run' | 'manage-role is false' | 'failed' | 'not reached'
