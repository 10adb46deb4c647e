// Every wait and retry bound of a run, in one place: production values here, and tests shorten
// them all at once through the run context.
export interface Timing {
  /** Bound of every wait for Lambda, in seconds. */
  maxWaitSeconds: number
  /**
   * Polling Lambda, in seconds (function/waits.ts): the first delay (also before the first poll:
   * right after a write, Lambda's state cannot be final yet), the same for fastPollSeconds, then
   * doubling up to maxDelaySeconds.
   */
  minDelaySeconds: number
  fastPollSeconds: number
  maxDelaySeconds: number
  /** How long a new execution role may stay unusable for CreateFunction. */
  roleRetryMs: number
  /** Backoff of the action's own retries: the first delay, doubled up to maxDelayMs. */
  initialDelayMs: number
  maxDelayMs: number
  /** Attempts of a call that meets another update in progress. */
  conflictAttempts: number
  /** How long IAM may take to show a new role, in seconds. */
  roleVisibleSeconds: number
  /** Polling for a new role to show: the first delay, growing to the largest, in ms. */
  rolePollMs: number
  rolePollMaxMs: number
  /** How long verification asks again after this run changed the role (IAM propagation). */
  propagationWaitMs: number
  /** Attempts of every SDK call (throttling and 5xx, retried by the SDK itself). */
  sdkMaxAttempts: number
}

export const DEFAULT_TIMING: Timing = {
  maxWaitSeconds: 300,
  // Lambda's updates and activations take a second or a few: poll every 0.25 s for the first 5 s,
  // then back off (doubling) to 5 s.
  minDelaySeconds: 0.25,
  fastPollSeconds: 5,
  maxDelaySeconds: 5,
  roleRetryMs: 120_000,
  initialDelayMs: 1000,
  maxDelayMs: 10_000,
  conflictAttempts: 5,
  roleVisibleSeconds: 120,
  rolePollMs: 250,
  rolePollMaxMs: 500,
  propagationWaitMs: 30_000,
  // Throttling is common when matrix jobs share an account: a little more than the default 3.
  sdkMaxAttempts: 5
}
