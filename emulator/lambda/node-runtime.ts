// Runs a Node.js handler for real: the function's zip extracted into a temporary directory, the
// handler imported and called in a child process with the function's environment variables, bounded
// by the function's timeout. What a handler can reach, exactly (emulator/README.md says the same):
// - files: reads under its own code only, writes none (Node's permission model: --permission, on
//   node 20 --experimental-permission); no child processes, no worker threads, no native addons;
// - network: TCP and TLS (http, https, fetch) to loopback addresses only, by host name `localhost`
//   or a loopback literal, without a `lookup` of its own; no UDP (dgram is refused). This is a
//   patch of Socket#connect inside the child, not a network sandbox: it stops a handler that calls
//   out by mistake, not one written to escape;
// - no environment of the host (no credentials): the function's variables and Lambda's own only.
// Lambda's Node.js runtime: https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html
// (handler, context, errors: nodejs-handler.html, nodejs-context.html, nodejs-exceptions.html).
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { unzipSync } from 'fflate'

export interface NodeInvocation {
  zip: Buffer
  /** `file.export`, e.g. `index.handler` or `src/app.handler`. */
  handler: string
  environment: Record<string, string>
  timeoutSeconds: number
  memorySize: number
  event: string
  requestId: string
  functionName: string
  functionArn: string
  version: string
  region: string
}

export interface NodeOutcome {
  /** The response as Lambda returns it: the handler's result as JSON, or the error object. */
  payload: string
  /** `Unhandled` when the handler threw, timed out or the process died (Lambda's word for all). */
  functionError?: 'Unhandled'
  /** START, the handler's console output, END and REPORT, as CloudWatch would show them. */
  log: string
  durationMs: number
}

// The bootstrap the child runs: reads the event, imports the handler (ESM or CommonJS; `import()`
// loads both), calls it (async, or callback-style when it takes three arguments), and sends
// { result } or { error } to the parent. console.* lines carry timestamp, request id and level as
// the Node.js runtime writes them.
const BOOTSTRAP = String.raw`
import { existsSync } from 'node:fs'
import dgram from 'node:dgram'
import net from 'node:net'
import { format } from 'node:util'
import { pathToFileURL } from 'node:url'
const { _HANDLER: spec, LAMBDA_TASK_ROOT: root, AWS_REQUEST_ID: id } = process.env
// Loopback only: every TCP and TLS connection (http, https, fetch) goes through Socket#connect.
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const o = first !== null && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }
  const host = o.host ?? 'localhost'
  if (o.path === undefined && (!['127.0.0.1', 'localhost', '::1'].includes(host) || o.lookup !== undefined))
    throw new Error('the emulator lets a function reach loopback addresses only, not ' + host + (o.lookup ? ' through a lookup of its own' : ''))
  return connect.apply(this, args)
}
for (const method of ['bind', 'send', 'connect'])
  dgram.Socket.prototype[method] = () => { throw new Error('the emulator lets a function use no UDP') }
for (const [name, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG']])
  console[name] = (...args) => process.stdout.write(new Date().toISOString() + '\t' + id + '\t' + level + '\t' + format(...args) + '\n')
const fail = (errorType, errorMessage, trace = []) => process.send({ error: { errorType, errorMessage, trace } }, () => process.exit(0))
let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => (input += chunk))
process.stdin.on('end', async () => {
  const dot = spec.lastIndexOf('.')
  const file = spec.slice(0, dot), name = spec.slice(dot + 1)
  const path = ['.js', '.mjs', '.cjs'].map(ext => root + '/' + file + ext).find(p => existsSync(p))
  if (dot < 1 || !path) return fail('Runtime.ImportModuleError', "Error: Cannot find module '" + file + "'")
  let mod
  try { mod = await import(pathToFileURL(path).href) }
  catch (e) { return fail('Runtime.UserCodeSyntaxError', String(e), String(e.stack ?? '').split('\n')) }
  const fn = typeof mod[name] === 'function' ? mod[name] : mod.default?.[name]
  if (typeof fn !== 'function') return fail('Runtime.HandlerNotFound', spec + ' is undefined or not exported')
  const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT) * 1000
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: process.env.INVOKED_FUNCTION_ARN, memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: id, callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now())
  }
  try {
    const event = JSON.parse(input)
    const result = fn.length >= 3
      ? await new Promise((ok, ko) => fn(event, context, (err, value) => (err ? ko(err) : ok(value))))
      : await fn(event, context)
    process.send({ result: JSON.stringify(result) ?? 'null' }, () => process.exit(0))
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e))
    console.error('Invoke Error', JSON.stringify({ errorType: error.name, errorMessage: error.message }))
    fail(error.name, error.message, String(error.stack ?? '').split('\n'))
  }
})
`

type ChildMessage = { result: string } | { error: Record<string, unknown> }

/** Runs the handler once in a fresh child process; never throws for what the handler does. */
export async function runNodeHandler(call: NodeInvocation): Promise<NodeOutcome> {
  const root = await mkdtemp(join(tmpdir(), 'emulator-lambda-'))
  try {
    await extract(call.zip, root)
    return await runChild(call, await realpath(root))
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** Writes the zip's files under root; an entry that would land outside it is refused. */
async function extract(zip: Buffer, root: string): Promise<void> {
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(zip)))) {
    const target = resolve(root, name)
    if (!target.startsWith(root + sep)) throw new Error(`zip entry ${name} is outside the package`)
    if (name.endsWith('/')) await mkdir(target, { recursive: true })
    else {
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, data)
    }
  }
}

// The permission model is --permission from node 22.13/23.5, --experimental-permission before.
const PERMISSION = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission'

/** Reads under the code only; nothing else allowed. The model's warning is not the handler's. */
const permissionFlags = (root: string): string[] => [
  PERMISSION,
  `--allow-fs-read=${root}`,
  '--disable-warning=ExperimentalWarning'
]

function runChild(call: NodeInvocation, root: string): Promise<NodeOutcome> {
  const started = Date.now()
  const child = spawn(
    process.execPath,
    [...permissionFlags(root), '--input-type=module', '-e', BOOTSTRAP],
    {
      cwd: root,
      // The function's variables, then the ones Lambda sets (they win: Lambda reserves them).
      env: {
        ...call.environment,
        _HANDLER: call.handler,
        LAMBDA_TASK_ROOT: root,
        AWS_REQUEST_ID: call.requestId,
        AWS_REGION: call.region,
        AWS_DEFAULT_REGION: call.region,
        AWS_LAMBDA_FUNCTION_NAME: call.functionName,
        AWS_LAMBDA_FUNCTION_VERSION: call.version,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(call.memorySize),
        AWS_LAMBDA_FUNCTION_TIMEOUT: String(call.timeoutSeconds),
        INVOKED_FUNCTION_ARN: call.functionArn,
        TZ: ':UTC'
      },
      stdio: ['pipe', 'pipe', 'pipe', 'ipc']
    }
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stdin?.end(call.event)
  return new Promise(done => {
    let message: ChildMessage | undefined
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, call.timeoutSeconds * 1000)
    child.on('message', m => (message = m as ChildMessage))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const durationMs = Date.now() - started
      const failure = (errorType: string, text: string) => {
        output += `${new Date().toISOString()} ${call.requestId} ${text}\n`
        return JSON.stringify({
          errorType,
          errorMessage: `RequestId: ${call.requestId} Error: ${text}`
        })
      }
      let payload: string
      let functionError: 'Unhandled' | undefined = 'Unhandled'
      if (timedOut)
        payload = failure(
          'Sandbox.Timedout',
          `Task timed out after ${call.timeoutSeconds.toFixed(2)} seconds`
        )
      else if (message && 'result' in message) {
        payload = message.result
        functionError = undefined
      } else if (message) payload = JSON.stringify(message.error)
      else
        payload = failure(
          'Runtime.ExitError',
          `Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}`
        )
      done({ payload, functionError, log: lambdaLog(call, output, durationMs), durationMs })
    })
  })
}

/** The invocation's log as CloudWatch shows it: START, the output, END and REPORT. */
function lambdaLog(call: NodeInvocation, output: string, durationMs: number): string {
  const id = call.requestId
  return [
    `START RequestId: ${id} Version: ${call.version}`,
    output.replace(/\n$/, ''),
    `END RequestId: ${id}`,
    `REPORT RequestId: ${id}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(durationMs))} ms\tMemory Size: ${call.memorySize} MB\t`
  ]
    .filter(line => line !== '')
    .join('\n')
    .concat('\n')
}
