// The emulator's own HTTP surface under /_emulator/, for a separate process (npm start, a
// benchmark) to read the log and state, inject faults, set an alarm's state, reset, or change
// delays at run time.
import { validateFaultSpec } from './faults.js'
import type { EmulatorResponse } from '../protocols/http.js'
import type { ConfigPatch } from './options.js'
import type { Emulator } from './emulator.js'

function json(status: number, body?: unknown): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body, null, 2)
  }
}

function parseJson(body: Buffer): unknown {
  return body.length === 0 ? undefined : JSON.parse(body.toString('utf8'))
}

function functionCode(emulator: Emulator, path: string, version: string | null): EmulatorResponse {
  const arn = decodeURIComponent(path.slice('/_emulator/code/'.length))
  const fn = emulator.state.lambda.functions.get(arn)
  const code = version ? fn?.versions.find(v => v.version === version)?.code : fn?.code
  if (!code?.zip) return json(404, { error: `no zip package for ${arn}` })
  return { status: 200, headers: { 'content-type': 'application/zip' }, body: code.zip }
}

export function handleAdmin(
  emulator: Emulator,
  method: string,
  url: URL,
  body: Buffer
): EmulatorResponse {
  const route = `${method} ${url.pathname.replace(/\/$/, '')}`
  try {
    switch (route) {
      case 'GET /_emulator/log':
        return json(200, emulator.log)
      case 'GET /_emulator/state':
        return json(200, emulator.snapshot())
      case 'GET /_emulator/faults':
        return json(200, emulator.faults())
      case 'POST /_emulator/faults': {
        const input = parseJson(body)
        const specs = (Array.isArray(input) ? input : [input]).map(validateFaultSpec)
        specs.forEach(spec => emulator.injectFault(spec))
        return json(204)
      }
      case 'DELETE /_emulator/faults':
        emulator.clearFaults()
        return json(204)
      case 'POST /_emulator/alarms': {
        const input = (parseJson(body) ?? {}) as Record<string, unknown>
        if (typeof input.name !== 'string' || typeof input.state !== 'string')
          return json(400, { error: 'name and state (OK, ALARM, INSUFFICIENT_DATA) are required' })
        const reason = typeof input.reason === 'string' ? input.reason : undefined
        emulator.setAlarmState(input.name, input.state as 'ALARM', reason)
        return json(204)
      }
      case 'POST /_emulator/reset':
        emulator.reset()
        return json(204)
      case 'GET /_emulator/config':
        return json(200, emulator.configure({}))
      case 'POST /_emulator/config':
        return json(200, emulator.configure((parseJson(body) ?? {}) as ConfigPatch))
    }
    if (method === 'GET' && url.pathname.startsWith('/_emulator/code/')) {
      return functionCode(emulator, url.pathname, url.searchParams.get('version'))
    }
    return json(404, { error: `unknown admin route ${route}` })
  } catch (error) {
    return json(400, { error: (error as Error).message })
  }
}
