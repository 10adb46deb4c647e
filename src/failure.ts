// A branch of the run (the function's deploy, the role's writes) that failed part way: the error,
// the step it failed at (as data, worded in one place: stepText), and every planned change marked
// done or not, so that the run's record (run/record.ts) can still say what this run changed.
import type { Change, NotDone } from './changes.js'

/** Where the alias ended: on this run's version, held back, or sent back to the one before. */
export type Promoted = boolean | 'rolled-back'

/** What a failed branch knew for sure when it failed: each set only when true of the live state. */
export interface Known {
  codeSha256?: string
  version?: string
  aliasArn?: string
  roleArn?: string
  /** false when the alias was to move to `version` and did not; rolled-back after a shift stopped. */
  promoted?: Promoted
}

/**
 * Where a run was, as data: an operation (`lambda:PublishVersion`, with what it names, e.g. an
 * alias) on a resource (`function orders`), or what it was doing when no call was under way.
 */
export type Step =
  { operation: string; names?: string; resource?: string; why?: string } | { doing: string }

/** The one wording of a step: `lambda:CreateAlias live on function orders`. */
export function stepText(step: Step): string {
  if ('doing' in step) return step.doing
  const { operation, names, resource, why } = step
  const target = [names, resource && `on ${resource}`].filter(Boolean).join(' ')
  return `${operation}${target && ` ${target}`}${why ? ` (${why})` : ''}`
}

export class StepFailed extends Error {
  /** The step in words (`stepText`): `lambda:PublishVersion on function orders`. */
  readonly step: string

  constructor(
    /** Where the branch failed, as data. */
    readonly where: Step,
    /** Every planned change: the ones made as planned, the others with `notDone`. */
    readonly changes: Change[],
    readonly known: Known,
    cause: unknown
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'StepFailed'
    this.step = stepText(where)
  }

  /** The error, without the step when the AWS error already says it (aws/where.ts): said once. */
  get reason(): string {
    const text = withCauses(this)
    return text.startsWith(`${this.step}: `) ? text.slice(this.step.length + 2) : text
  }
}

/**
 * The planned changes after a failure: `done(change)` says whether its write was made; the first
 * change not made is the one that failed, the rest were not reached.
 */
export function markFailed<C extends Change>(changes: C[], done: (change: C) => boolean): C[] {
  let failedOne = false
  return changes.map(change => {
    if (change.action === 'unchanged' || change.notDone || done(change)) return change
    const notDone: NotDone = failedOne ? 'not reached' : 'failed'
    failedOne = true
    return { ...change, notDone }
  })
}

/** The message, and each cause's that it does not already say. */
export function withCauses(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error)
  for (let cause = (error as Error)?.cause; cause instanceof Error; cause = cause.cause)
    if (!message.includes(cause.message)) message += ` (cause: ${cause.message.slice(0, 500)})`
  return message
}
