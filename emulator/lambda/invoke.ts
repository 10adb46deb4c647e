// Lambda's Invoke: the version a qualifier names, run for real when its runtime is nodejs*
// (node-runtime.ts), answered as Lambda answers: the payload as the body, X-Amz-Executed-Version,
// X-Amz-Function-Error when the function failed, and the last 4 KB of the log (base64) in
// X-Amz-Log-Result when LogType is Tail.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
import type { EmulatorContext } from '../core/context.js'
import { ServiceError } from '../protocols/errors.js'
import { header, type EmulatorRequest, type EmulatorResponse } from '../protocols/http.js'
import { pickVersion } from './alias-routing.js'
import { invalidParameter } from './errors.js'
import { ensureActive } from './model.js'
import { findFunction, resolveQualifier } from './names.js'
import { runNodeHandler } from './node-runtime.js'

// "Payload: ... Maximum size 6 MB" for a synchronous invocation (API_Invoke.html).
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024
const LOG_TAIL_BYTES = 4096
// A response over the quota ("Invocation payload (request and response): 6 MB each for synchronous
// requests", gettingstarted-limits.html) is answered 200, FunctionError Unhandled, with this error
// object in its place; Lambda counts 6,291,556 bytes, the number its message gives.
const MAX_RESPONSE_BYTES = 6_291_556
const tooLarge = {
  functionError: 'Unhandled',
  payload: JSON.stringify({
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`
  })
}

async function invoke(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): Promise<EmulatorResponse> {
  const { fn, qualifier } = findFunction(ctx, req.region, name, req.query.get('Qualifier'))
  // A weighted alias runs its additional version on a share of calls; X-Amz-Executed-Version says
  // which ran: "When you invoke a function with an alias, this indicates which version the alias
  // resolved to" (API_Invoke.html, ExecutedVersion).
  const alias = qualifier === undefined ? undefined : fn.aliases.get(qualifier)
  const version = resolveQualifier(fn, alias ? pickVersion(alias, ctx.random) : qualifier)
  const settings = version?.settings ?? fn.settings
  const code = version?.code ?? fn.code
  const executed = version?.version ?? '$LATEST'
  ensureActive(ctx, fn)
  const type = header(req, 'x-amz-invocation-type') ?? 'RequestResponse'
  if (!['RequestResponse', 'Event', 'DryRun'].includes(type))
    throw invalidParameter(`Unsupported invocation type: ${type}`)
  if (req.body.length > MAX_PAYLOAD_BYTES)
    throw new ServiceError(
      413,
      'RequestTooLargeException',
      `Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes for the Invoke operation`
    )
  const event = req.body.length ? req.body.toString('utf8') : '{}'
  try {
    JSON.parse(event)
  } catch (error) {
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${(error as Error).message}`
    )
  }
  const base = {
    'x-amzn-requestid': req.requestId,
    'x-amz-executed-version': executed
  }
  // DryRun: "Validate parameter values and verify that the user or role has permission".
  if (type === 'DryRun') return { status: 204, headers: base }
  const runtime = settings.Runtime ?? ''
  if (settings.PackageType === 'Image' || !runtime.startsWith('nodejs') || !code.zip)
    throw new ServiceError(
      502,
      'InvalidRuntimeException',
      `The emulator runs nodejs* runtimes only: runtime ${runtime || `(container image ${code.imageUri ?? ''})`} is not run by the emulator`
    )
  const outcome = await runNodeHandler({
    zip: code.zip,
    handler: settings.Handler ?? 'index.handler',
    environment: settings.Environment?.Variables ?? {},
    timeoutSeconds: settings.Timeout,
    memorySize: settings.MemorySize,
    event,
    requestId: req.requestId,
    functionName: fn.name,
    functionArn: qualifier ? `${fn.arn}:${qualifier}` : fn.arn,
    version: executed,
    region: fn.region
  })
  // Event: Lambda queues the event and answers 202 at once; the emulator has run it already.
  if (type === 'Event') return { status: 202, headers: base }
  const answer = Buffer.byteLength(outcome.payload) > MAX_RESPONSE_BYTES ? tooLarge : outcome
  const headers: Record<string, string> = { ...base, 'content-type': 'application/json' }
  if (answer.functionError) headers['x-amz-function-error'] = answer.functionError
  if (header(req, 'x-amz-log-type') === 'Tail')
    headers['x-amz-log-result'] = Buffer.from(outcome.log)
      .subarray(-LOG_TAIL_BYTES)
      .toString('base64')
  return { status: 200, headers, body: answer.payload }
}

export const invokeOperations = { invoke }
