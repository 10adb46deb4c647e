// Waiting for Lambda, never sleeping: the SDK waiters after every create and update, and the retry
// policies for the errors whose cure is waiting (another update in progress, a new execution role
// that Lambda cannot assume yet). Bounds come from the run's Timing.
import {
  type GetFunctionCommandOutput,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive
} from '@aws-sdk/client-lambda'
import { errorName, RetriesExhausted, type RetryDecision, type RetryOptions } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import type { LiveConfiguration } from './read.js'

type LambdaWaiter<I> = (
  config: Parameters<typeof waitUntilFunctionUpdatedV2>[0],
  input: I
) => Promise<{ reason?: unknown }>

/**
 * Runs a Lambda waiter the way Lambda settles: every wait follows a write whose answer said
 * Pending or InProgress, so the first poll comes one minDelay later rather than at once; then
 * polls every minDelay for the first fastPollSeconds (updates and activations usually take a
 * second or two, and a poll overshoots by half its interval on average), then the SDK's jittered
 * backoff from twice minDelay up to maxDelay, within maxWaitSeconds.
 */
async function waitLambda<I>(ctx: RunContext, waiter: LambdaWaiter<I>, input: I) {
  const t = ctx.timing
  const client = ctx.clients.lambda
  await new Promise(resolve => setTimeout(resolve, t.minDelaySeconds * 1000))
  const started = Date.now()
  const fast = Math.min(t.fastPollSeconds, t.maxWaitSeconds)
  try {
    return await waiter(
      { client, maxWaitTime: fast, minDelay: t.minDelaySeconds, maxDelay: t.minDelaySeconds },
      input
    )
  } catch (error) {
    const left = t.maxWaitSeconds - (Date.now() - started) / 1000
    if ((error as Error).name !== 'TimeoutError' || left <= t.maxDelaySeconds) throw error
    return waiter(
      {
        client,
        maxWaitTime: left,
        minDelay: Math.min(2 * t.minDelaySeconds, t.maxDelaySeconds),
        maxDelay: t.maxDelaySeconds
      },
      input
    )
  }
}

export async function waitForActive(
  ctx: RunContext,
  name: string
): Promise<LiveConfiguration | undefined> {
  ctx.log.info(`Waiting for function ${name} to become Active`)
  const result = await waitLambda(ctx, waitUntilFunctionActiveV2, { FunctionName: name }).catch(
    error => {
      throw waiterError(ctx, error, `function ${name} to become Active`)
    }
  )
  return (result.reason as GetFunctionCommandOutput | undefined)?.Configuration
}

export async function waitForUpdate(
  ctx: RunContext,
  name: string
): Promise<LiveConfiguration | undefined> {
  ctx.log.info(`Waiting for the update of function ${name} to finish (LastUpdateStatus Successful)`)
  const result = await waitLambda(ctx, waitUntilFunctionUpdatedV2, { FunctionName: name }).catch(
    error => {
      throw waiterError(ctx, error, `the update of function ${name} to finish`)
    }
  )
  return (result.reason as GetFunctionCommandOutput | undefined)?.Configuration
}

export async function waitForVersion(ctx: RunContext, name: string, version: string) {
  ctx.log.info(`Waiting for version ${version} of ${name} to become Active`)
  await waitLambda(ctx, waitUntilPublishedVersionActive, {
    FunctionName: name,
    Qualifier: version
  }).catch(error => {
    throw waiterError(ctx, error, `version ${version} of ${name} to become Active`)
  })
}

/** A waiter's failure, said plainly: timed out, or Lambda reported Failed (with its reason). */
function waiterError(ctx: RunContext, error: unknown, what: string): Error {
  const text = error instanceof Error ? error.message : String(error)
  if (/TIMEOUT/i.test(text))
    return new Error(`Gave up waiting for ${what} after ${ctx.timing.maxWaitSeconds} s`)
  const reason = /"(?:StateReason|LastUpdateStatusReason)":"([^"]*)"/.exec(text)?.[1]
  return new Error(`Waiting for ${what}: Lambda reports it failed${reason ? `: ${reason}` : ''}`, {
    cause: error
  })
}

const isRoleNotReady = (error: unknown): boolean =>
  errorName(error) === 'InvalidParameterValueException' &&
  /cannot be assumed by Lambda/i.test((error as Error).message)

function roleDecision(error: unknown): RetryDecision | undefined {
  return isRoleNotReady(error)
    ? {
        reason:
          'the execution role cannot be assumed by Lambda yet (a new role takes a few seconds to reach Lambda)'
      }
    : undefined
}

export function roleRetry(ctx: RunContext, label: string): RetryOptions {
  const t = ctx.timing
  return {
    label,
    retryable: roleDecision,
    maxElapsedMs: t.roleRetryMs,
    initialDelayMs: t.initialDelayMs,
    maxDelayMs: t.maxDelayMs,
    log: ctx.log.info
  }
}

/** Another update in progress: wait for it with the SDK waiters, then try again. */
function conflictDecision(
  ctx: RunContext,
  name: string
): (error: unknown) => RetryDecision | undefined {
  return error =>
    errorName(error) === 'ResourceConflictException'
      ? {
          reason: `function ${name} is busy (${(error as Error).message})`,
          waitFor: async () => {
            // A function still being created is Pending; one being updated is InProgress.
            await waitForActive(ctx, name)
            await waitForUpdate(ctx, name)
          }
        }
      : undefined
}

export function conflictRetry(ctx: RunContext, label: string, name: string): RetryOptions {
  return {
    label,
    retryable: conflictDecision(ctx, name),
    maxElapsedMs: ctx.timing.maxWaitSeconds * 1000,
    maxAttempts: ctx.timing.conflictAttempts,
    log: ctx.log.info
  }
}

/** A configuration update may meet both: another update, and a new execution role. */
export function conflictOrRoleRetry(ctx: RunContext, label: string, name: string): RetryOptions {
  const conflict = conflictDecision(ctx, name)
  return {
    ...roleRetry(ctx, label),
    retryable: (error: unknown) => conflict(error) ?? roleDecision(error)
  }
}

/** A role that never became usable: name the input and the likely cause. */
export function explainRoleError(error: unknown, role: string | undefined): unknown {
  if (!(error instanceof RetriesExhausted) || !isRoleNotReady(error.lastError)) return error
  return new Error(
    `execution-role-arn: Lambda could not assume ${role} for ${(error.elapsedMs / 1000).toFixed(0)} s; check that its trust policy allows lambda.amazonaws.com to sts:AssumeRole`,
    { cause: error }
  )
}
