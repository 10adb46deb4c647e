// The smoke test: invokes the version this run published (by number; $LATEST only when nothing is
// published), synchronously with LogType Tail, and judges the answer (result.ts). Reads only: an
// Invoke changes nothing Lambda stores. A failed call is a failed smoke test, never a pass.
import { InvokeCommand } from '@aws-sdk/client-lambda'
import { describeError, retry } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { conflictRetry } from '../function/waits.js'
import { judge, shown, type Invocation, type SmokeResult } from './result.js'

/** Runs the smoke test, or says why it was skipped; undefined when no test-event was given. */
export async function smokeTest(
  ctx: RunContext,
  version: string | undefined
): Promise<SmokeResult | undefined> {
  const smoke = ctx.settings.smokeTest
  if (!smoke) return undefined
  const qualifier = version ?? '$LATEST'
  const base = { qualifier, source: smoke.source, event: shown(smoke.event) }
  if (ctx.settings.dryRun)
    return { ...base, status: 'skipped', detail: 'dry run: nothing was invoked' }
  const name = ctx.settings.functionName
  return ctx.log.group(`Smoke test: invoke ${name}:${qualifier}`, async () => {
    const { log } = ctx
    if (!version) log.info('Nothing is published (publish and alias are not set): invoking $LATEST')
    log.info(`Event (${smoke.source}): ${shown(smoke.event)}`)
    let invocation: Invocation
    try {
      invocation = await invoke(ctx, version, smoke.event)
    } catch (error) {
      const detail = `lambda:Invoke failed: ${describeError(error)}`
      log.info(detail)
      return { ...base, status: 'fail', detail }
    }
    log.info(`Response (${invocation.durationMs} ms): ${shown(invocation.payload)}`)
    if (invocation.logTail) log.info(`Log tail:\n${invocation.logTail.replace(/\n$/, '')}`)
    const verdict = judge(invocation, qualifier, smoke.expect)
    log.info(`Smoke test ${verdict.status === 'pass' ? 'passed' : 'failed'}: ${verdict.detail}`)
    return {
      ...base,
      response: shown(invocation.payload),
      durationMs: invocation.durationMs,
      ...verdict
    }
  })
}

async function invoke(
  ctx: RunContext,
  version: string | undefined,
  event: string
): Promise<Invocation> {
  const name = ctx.settings.functionName
  const started = Date.now()
  const out = await retry(
    () =>
      ctx.clients.lambda.send(
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
