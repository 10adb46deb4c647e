// A loopback proxy in front of the emulator that gives every AWS call a round-trip time (the
// latency model of issue 11: 40 ms a call) and records when each call started and ended, so that
// the benchmark can count the calls that had to wait for one another.
import { createServer, request, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CallSpan {
  start: number
  end: number
}

export interface LatencyProxy {
  url: string
  spans: CallSpan[]
  stop(): Promise<void>
}

export async function startLatencyProxy(target: string, latencyMs: number): Promise<LatencyProxy> {
  const spans: CallSpan[] = []
  const upstream = new URL(target)
  const server = createServer((req, res) => {
    const start = performance.now()
    const body: Buffer[] = []
    req.on('data', (chunk: Buffer) => body.push(chunk))
    req.on('end', () =>
      setTimeout(() => {
        const forward = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers
          },
          (answer: IncomingMessage) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(res)
          }
        )
        forward.on('error', () => res.destroy())
        forward.end(Buffer.concat(body))
      }, latencyMs)
    )
    res.on('finish', () => spans.push({ start, end: performance.now() }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/**
 * Sequential round trips: the longest chain of calls in which each started only after the one
 * before it had ended. Calls made at the same time count once; a poll counts as the trip it is.
 */
export function sequentialRoundTrips(spans: readonly CallSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.end - b.end)
  const chain: number[] = []
  for (let i = 0; i < sorted.length; i++) {
    let longest = 0
    for (let j = 0; j < i; j++)
      if (sorted[j].end <= sorted[i].start) longest = Math.max(longest, chain[j])
    chain.push(longest + 1)
  }
  return Math.max(0, ...chain)
}
