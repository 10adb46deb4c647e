// The smoke test: invokes the version this run published (by number; $LATEST only when nothing is
// published), synchronously with LogType Tail, and judges the answer (result.ts). Reads only: an
// Invoke changes nothing Lambda stores. A failed call is a failed smoke test, never a pass.
// The Invoke is sent once (no SDK retry: a retry after a lost answer runs the handler again), and
// what the function printed or answered is echoed inert, its environment's values hidden.
import { InvokeCommand } from '@aws-sdk/client-lambda'
import { describeError, retry } from '../aws/retry.js'
import { isConnectionError } from '../aws/where.js'
import type { RunContext } from '../context.js'
import type { LiveConfiguration } from '../function/read.js'
import { conflictRetry } from '../function/waits.js'
import { addMask, inert } from '../runner/workflow-commands.js'
import { judge, shown, type Invocation, type SmokeResult } from './result.js'
import { redact, secretValues } from './secrets.js'

const LOST_ANSWER = 'the answer was lost; the handler may have run once'

/**
 * Runs the smoke test, or says why it was skipped; undefined when no test-event was given. `live`
 * is the function as the plan read it: its variables are hidden too, the runner never saw them.
 */
export async function smokeTest(
  ctx: RunContext,
  version: string | undefined,
  live?: LiveConfiguration
): Promise<SmokeResult | undefined> {
  const smoke = ctx.settings.smokeTest
  if (!smoke) return undefined
  const qualifier = version ?? '$LATEST'
  const base = { qualifier, source: smoke.source, event: shown(smoke.event) }
  if (ctx.settings.dryRun)
    return { ...base, status: 'skipped', detail: 'dry run: nothing was invoked' }
  const secrets = secretValues(ctx.settings.config.environment, live?.Environment?.Variables)
  // Masked before the function's first word is printed, so the runner hides them there too.
  for (const value of secrets) addMask(value)
  const clean = (text: string) => redact(text, secrets)
  const name = ctx.settings.functionName
  return ctx.log.group(`Smoke test: invoke ${name}:${qualifier}`, async () => {
    const { log } = ctx
    if (!version) log.info('Nothing is published (publish and alias are not set): invoking $LATEST')
    log.info(`Event (${smoke.source}): ${shown(smoke.event)}`)
    let invocation: Invocation
    try {
      invocation = await invoke(ctx, version, smoke.event)
    } catch (error) {
      const lost = isConnectionError(error) && !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${error}`)
      const detail = `lambda:Invoke failed: ${lost ? `${LOST_ANSWER} (` : ''}${clean(describeError(error))}${lost ? ')' : ''}`
      log.info(inert(detail))
      return { ...base, status: 'fail', detail }
    }
    const response = clean(shown(invocation.payload))
    log.info(`Response (${invocation.durationMs} ms):`)
    log.info(inert(response))
    if (invocation.logTail) {
      log.info('Log tail:')
      log.info(inert(clean(invocation.logTail.replace(/\n$/, ''))))
    }
    // Judged on the answer as it came; only what is shown is redacted.
    const verdict = judge(invocation, qualifier, smoke.expect)
    const detail = clean(verdict.detail)
    log.info(`Smoke test ${verdict.status === 'pass' ? 'passed' : 'failed'}:`)
    log.info(inert(detail))
    return { ...base, response, durationMs: invocation.durationMs, status: verdict.status, detail }
  })
}

async function invoke(
  ctx: RunContext,
  version: string | undefined,
  event: string
): Promise<Invocation> {
  const name = ctx.settings.functionName
  const lambda = ctx.clients.lambdaOnce
  const started = Date.now()
  // Retried only when Lambda refused it for an update in progress: the handler did not run.
  const out = await retry(
    () =>
      lambda.send(
        new InvokeCommand({
          FunctionName: name,
          Qualifier: version,
          InvocationType: 'RequestResponse',
          LogType: 'Tail',
          Payload: Buffer.from(event)
        })
      ),
    conflictRetry(ctx, 'lambda:Invoke', name)
  )
  return {
    payload: out.Payload ? Buffer.from(out.Payload).toString('utf8') : '',
    functionError: out.FunctionError,
    executedVersion: out.ExecutedVersion,
    logTail: out.LogResult ? Buffer.from(out.LogResult, 'base64').toString('utf8') : '',
    durationMs: Date.now() - started
  }
}
