// Waiting for Lambda, never sleeping: polls after every create and update, and the retry policies
// for the errors whose cure is waiting (another update in progress, a new execution role that
// Lambda cannot assume yet). Bounds come from the run's Timing.
import {
  type FunctionConfiguration,
  GetFunctionCommand,
  GetFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { poll } from '../aws/poll.js'
import {
  errorName,
  RetriesExhausted,
  unlessMissing,
  type RetryDecision,
  type RetryOptions
} from '../aws/retry.js'
import type { RunContext } from '../context.js'
import type { LiveConfiguration } from './read.js'

/**
 * Polls `read` until Lambda's `status` says `done` or Failed (the states and fields of the SDK's
 * waiters FunctionActiveV2, FunctionUpdatedV2 and PublishedVersionActive, on a tighter cadence).
 * Every wait follows a write whose answer said Pending or InProgress, so the first poll comes one
 * minDelay later rather than at once; then every minDelay for the first fastPollSeconds (updates
 * and activations usually take a second or two, and a wait overshoots by half an interval on
 * average), then doubling up to maxDelay, within maxWaitSeconds.
 */
async function waitLambda(
  ctx: RunContext,
  what: string,
  read: () => Promise<FunctionConfiguration | undefined>,
  status: 'State' | 'LastUpdateStatus',
  done: 'Active' | 'Successful'
): Promise<LiveConfiguration> {
  const t = ctx.timing
  const latest = await poll(
    {
      firstMs: t.minDelaySeconds * 1000,
      everyMs: t.minDelaySeconds * 1000,
      fastMs: t.fastPollSeconds * 1000,
      growth: 2,
      maxMs: t.maxDelaySeconds * 1000,
      timeoutMs: t.maxWaitSeconds * 1000
    },
    // Not found yet, right after a create, is still settling (the SDK's waiters retry it too).
    () => unlessMissing(read(), 'ResourceNotFoundException'),
    configuration => configuration?.[status] === done || configuration?.[status] === 'Failed'
  )
  if (!latest) throw new Error(`Gave up waiting for ${what} after ${t.maxWaitSeconds} s`)
  if (latest[status] === 'Failed') {
    const reason = status === 'State' ? latest.StateReason : latest.LastUpdateStatusReason
    throw new Error(`Waiting for ${what}: Lambda reports it failed${reason ? `: ${reason}` : ''}`)
  }
  return latest
}

const readLatest = (ctx: RunContext, name: string) => async () =>
  (await ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration

export function waitForActive(ctx: RunContext, name: string): Promise<LiveConfiguration> {
  ctx.log.info(`Waiting for function ${name} to become Active`)
  return waitLambda(
    ctx,
    `function ${name} to become Active`,
    readLatest(ctx, name),
    'State',
    'Active'
  )
}

export function waitForUpdate(ctx: RunContext, name: string): Promise<LiveConfiguration> {
  ctx.log.info(`Waiting for the update of function ${name} to finish (LastUpdateStatus Successful)`)
  return waitLambda(
    ctx,
    `the update of function ${name} to finish`,
    readLatest(ctx, name),
    'LastUpdateStatus',
    'Successful'
  )
}

export async function waitForVersion(
  ctx: RunContext,
  name: string,
  version: string
): Promise<void> {
  ctx.log.info(`Waiting for version ${version} of ${name} to become Active`)
  await waitLambda(
    ctx,
    `version ${version} of ${name} to become Active`,
    () =>
      ctx.clients.lambda.send(
        new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: version })
      ),
    'State',
    'Active'
  )
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

/** Another update in progress: wait for it to settle, then try again. */
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
