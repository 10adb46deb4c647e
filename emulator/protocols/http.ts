// The emulator's own view of one HTTP exchange: plain data, so service handlers stay free of
// node:http and can be read (and tested) as functions from request to response.
import type { IncomingHttpHeaders } from 'node:http'

export interface EmulatorRequest {
  method: string
  /** The raw path, still percent-encoded: labels such as function ARNs are decoded per segment. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: Buffer
  /** From the SigV4 credential scope; us-east-1 when the request is unsigned. */
  region: string
  accessKeyId?: string
  requestId: string
}

export interface EmulatorResponse {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer
}

export function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(',') : value
}
