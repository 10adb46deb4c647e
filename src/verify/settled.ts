// IAM is eventually consistent: a role this run changed may not read back as written for a few
// seconds. A check that fails then is asked again, bounded by the run's Timing.
import { retry, RetriesExhausted } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { withStatus, type Check } from './checks.js'

class NotSettled<T> extends Error {
  constructor(readonly answer: T) {
    super('a check failed')
  }
}

/**
 * Asks once; when this run changed the role and a check failed, asks again with backoff until
 * every check passes or the bound runs out, and returns the last answer.
 */
export async function settled<T extends { checks: Check[] }>(
  ctx: RunContext,
  label: string,
  roleChanged: boolean,
  ask: () => Promise<T>
): Promise<T> {
  const timing = ctx.timing
  if (!roleChanged) return ask()
  try {
    return await retry(
      async () => {
        const answer = await ask()
        if (withStatus(answer.checks, 'fail').length) throw new NotSettled(answer)
        return answer
      },
      {
        label,
        retryable: error =>
          error instanceof NotSettled
            ? {
                reason:
                  'the role changed in this run and IAM may not show the change everywhere yet'
              }
            : undefined,
        maxElapsedMs: timing.propagationWaitMs,
        initialDelayMs: timing.initialDelayMs,
        maxDelayMs: timing.maxDelayMs,
        log: ctx.log.info
      }
    )
  } catch (error) {
    if (error instanceof RetriesExhausted && error.lastError instanceof NotSettled)
      return error.lastError.answer as T
    throw error
  }
}
