// IAM may not show a role it has just created for a few seconds, though it accepts writes to it at
// once: after the writes, poll GetRole until the role shows. Polled tightly (Timing's
// rolePollMs, growing to rolePollMaxMs), not with the SDK waiter's 1-5 s backoff, which sees a role
// that appears at 3 s only at ~5 s. The read that succeeds is the role as IAM stores it, which
// verification reuses instead of asking again.
import { poll } from '../aws/poll.js'
import type { RunContext } from '../context.js'
import { readRole, type LiveRole } from './read.js'

export async function waitForRole(ctx: RunContext, RoleName: string): Promise<LiveRole> {
  const { roleVisibleSeconds, rolePollMs, rolePollMaxMs } = ctx.timing
  ctx.log.info(`Role ${RoleName}: waiting until IAM shows it (up to ${roleVisibleSeconds} s)`)
  const started = Date.now()
  const live = await poll(
    {
      firstMs: 0,
      everyMs: rolePollMs,
      fastMs: 0,
      growth: 1.5,
      maxMs: rolePollMaxMs,
      timeoutMs: roleVisibleSeconds * 1000
    },
    () => readRole(ctx.clients.iam, RoleName),
    role => role !== undefined
  )
  if (!live)
    throw new Error(
      `Role ${RoleName} was created, but IAM did not show it within ${roleVisibleSeconds} s. Rerun the job: it will find the role and continue.`
    )
  ctx.log.info(`Role ${RoleName}: visible after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return live
}
