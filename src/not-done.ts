// Why a planned change was not made: a dry run, a role managed elsewhere, a failed run (the
// change that failed, and those after it that were not reached), or an alias held back because
// the smoke test or verification failed, or a traffic shift that was rolled back.
export type NotDone =
  'dry run' | 'manage-role is false' | 'failed' | 'not reached' | 'held back' | 'rolled back'
