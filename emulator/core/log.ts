// The request log: one entry per request, so tests can assert exactly which calls were made.

export interface RequestLogEntry {
  service: string
  operation: string
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  status: number
  errorCode?: string
  /** ISO 8601 time the request arrived. */
  time: string
  durationMs: number
  accessKeyId?: string
  /** Which TCP connection it came on, numbered from 1 in the order they opened. */
  connection: number
  /** Set when an injected fault decided the answer. */
  fault?: string
  /** The message of an unexpected exception, answered as the service's 500. */
  detail?: string
}

const WRITE = /^(Create|Update|Put|Delete|Tag|Untag|Publish|Attach|Detach|Set)/

/** Whether an operation changes state. STS changes nothing (an AssumeRole session is not a
 *  resource); elsewhere the operation's verb says it. */
export function isWriteOperation(service: string, operation: string): boolean {
  return service !== 'sts' && WRITE.test(operation)
}

export function writesIn(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter(entry => isWriteOperation(entry.service, entry.operation))
}

export function operationsIn(log: readonly RequestLogEntry[], service?: string): string[] {
  return log.filter(entry => !service || entry.service === service).map(entry => entry.operation)
}
