// What every handler gets: the world (each service's own state), the run-time settings and the
// clock. Time-based states (Pending, InProgress, IAM propagation) are stored as deadlines and read
// against the clock: no timers to leak.
import { type CloudWatchState, cloudWatchState } from '../cloudwatch/state.js'
import { type IamState, iamState } from '../iam/state.js'
import { type LambdaState, lambdaState } from '../lambda/state.js'
import { type S3State, s3State } from '../s3/state.js'
import { type StsState, stsState } from '../sts/state.js'

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

export interface EmulatorState {
  iam: IamState
  sts: StsState
  lambda: LambdaState
  s3: S3State
  cloudwatch: CloudWatchState
}

/** What every handler gets: the world, the settings, and the clock. */
export interface EmulatorContext {
  state: EmulatorState
  config: RuntimeConfig
  url: string
  now(): number
  /** In [0, 1): decides which version a weighted alias runs (seeded: runs repeat). */
  random(): number
}

export function emptyState(): EmulatorState {
  return {
    iam: iamState(),
    sts: stsState(),
    lambda: lambdaState(),
    s3: s3State(),
    cloudwatch: cloudWatchState()
  }
}

/** Empties every map in place: the Emulator's `state` object stays the one tests hold. */
export function clearState(state: EmulatorState): void {
  for (const service of Object.values(state))
    for (const map of Object.values(service) as Map<unknown, unknown>[]) map.clear()
}
