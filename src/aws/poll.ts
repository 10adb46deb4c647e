// Polling AWS until something settles (a Lambda update, a new IAM role showing), on a cadence
// counted from one poll's sending to the next, not from its answer: otherwise every answer's round
// trip is added to every interval, and a wait overshoots the moment it could have ended by more.

export interface Cadence {
  /** Delay before the first poll (when the write that started the wait cannot have settled yet). */
  firstMs: number
  /** Poll every everyMs for fastMs, then let the interval grow by `growth` up to maxMs. */
  everyMs: number
  fastMs: number
  growth: number
  maxMs: number
  /** Give up when the next poll would go out later than this after the start. */
  timeoutMs: number
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Polls `read` until `settled` accepts an answer, which it returns; undefined on timeout. */
export async function poll<T>(
  cadence: Cadence,
  read: () => Promise<T>,
  settled: (answer: T) => boolean
): Promise<T | undefined> {
  const { firstMs, everyMs, fastMs, growth, maxMs, timeoutMs } = cadence
  const started = Date.now()
  let next = started + firstMs
  for (let interval = everyMs; next - started <= timeoutMs;) {
    if (next > Date.now()) await sleep(next - Date.now())
    const sent = Date.now()
    const answer = await read()
    if (settled(answer)) return answer
    if (sent - started >= fastMs) interval = Math.min(interval * growth, maxMs)
    next = Math.max(sent + interval, Date.now())
  }
  return undefined
}
