// A bounded retry for the few AWS errors that mean "not yet" rather than "no": a new execution
// role that Lambda cannot assume for a few seconds, another update still in progress. The SDK's
// own retries cover throttling and 5xx; this covers errors whose cure is waiting.
import { setTimeout as delay } from 'node:timers/promises'

export interface RetryDecision {
  /** Why another try may succeed, for the log. */
  reason: string
  /** Waits for the condition to clear (e.g. polling Lambda), instead of the backoff delay. */
  waitFor?: () => Promise<void>
}

export interface RetryOptions {
  /** The call being retried, as the log names it: e.g. `lambda:CreateFunction`. */
  label: string
  /** A decision for an error worth another try; undefined gives up at once. */
  retryable: (error: unknown) => RetryDecision | undefined
  /** No new attempt starts later than this after the first one. */
  maxElapsedMs: number
  maxAttempts?: number
  /** Backoff: the first delay, doubled after each attempt up to maxDelayMs. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** The run's logger (ctx.log.info), so that the line lands in the branch it belongs to. */
  log: (message: string) => void
}

export class RetriesExhausted extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly lastError: unknown
  ) {
    super(message, { cause: lastError })
    this.name = 'RetriesExhausted'
  }
}

/**
 * Calls `call` until it succeeds, an error is not retryable (thrown as is), or the attempts or
 * time run out (RetriesExhausted, carrying the last error).
 */
export async function retry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const {
    label,
    retryable,
    maxElapsedMs,
    maxAttempts = Infinity,
    initialDelayMs = 1000,
    maxDelayMs = 10_000,
    log
  } = options
  const start = Date.now()
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      const decision = retryable(error)
      if (!decision) throw error
      const wait = Math.min(initialDelayMs * 2 ** (attempt - 1), maxDelayMs)
      const elapsed = Date.now() - start
      if (attempt >= maxAttempts || elapsed + (decision.waitFor ? 0 : wait) > maxElapsedMs) {
        const message = `${label}: ${decision.reason}; gave up after ${attempt} attempt${attempt > 1 ? 's' : ''} in ${seconds(elapsed)}`
        log(message)
        throw new RetriesExhausted(message, attempt, elapsed, error)
      }
      if (decision.waitFor) {
        log(`${label}: ${decision.reason}; waiting, then attempt ${attempt + 1}`)
        await decision.waitFor()
      } else {
        log(`${label}: ${decision.reason}; attempt ${attempt + 1} in ${seconds(wait)}`)
        await delay(wait)
      }
    }
  }
}

/** The answer, or undefined when AWS answers `missing` (e.g. ResourceNotFoundException): it does not exist. */
export async function unlessMissing<T>(
  request: Promise<T>,
  missing: string
): Promise<T | undefined> {
  try {
    return await request
  } catch (error) {
    if (errorName(error) === missing) return undefined
    throw error
  }
}

/** The AWS error name (`ResourceConflictException`…) of an SDK error, if it is one. */
export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : undefined
}

/** The HTTP status of an SDK error: what to decide on when an answer has no body (S3 HEAD). */
export function httpStatus(error: unknown): number | undefined {
  const metadata =
    typeof error === 'object' && error !== null && '$metadata' in error
      ? (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata
      : undefined
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/**
 * An endpoint that lacks the operation: emulators users run in CI (LocalStack, moto) answer one
 * they do not implement with 501, or 500 and "not implemented". Asking again cannot help.
 */
export function isNotImplemented(error: unknown): boolean {
  const text = `${errorName(error) ?? ''} ${(error as Error)?.message ?? ''}`
  return httpStatus(error) === 501 || /not[\s_-]*(yet[\s_-]*)?implemented/i.test(text)
}

/** The names the SDK gives an error whose answer carried no AWS error code. */
const NO_AWS_CODE = new Set([undefined, 'Error', 'Unknown', 'UnknownError'])

/**
 * A 5xx that no AWS service said: no AWS error code in it (moto's HTML error page, an empty body).
 * AWS's own 5xx carry a code (InternalFailure, ServiceUnavailable…).
 */
export function isForeignServerError(error: unknown): boolean {
  return (httpStatus(error) ?? 0) >= 500 && NO_AWS_CODE.has(errorName(error))
}

/** A 5xx or throttling answer: what the SDK itself would try again. */
export function isTransientServerError(error: unknown): boolean {
  const status = httpStatus(error) ?? 0
  return status >= 500 || status === 429 || /Throttl|TooManyRequests/.test(errorName(error) ?? '')
}

/** `Name: message` of an error, for a report; a foreign 5xx by its status (its body is not AWS's). */
export const describeError = (error: unknown): string =>
  isForeignServerError(error)
    ? `HTTP ${httpStatus(error)} with no AWS error code`
    : `${errorName(error) ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`
