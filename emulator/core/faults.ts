// Fault injection per operation: throttling, internal errors, dropped connections, latency, any
// error, or the answers other emulators give for an operation they lack (moto's HTML 500 page,
// LocalStack's 501), for the next N matching calls or for a fraction of them (decided by a seeded
// PRNG, so a test run is reproducible).

export type FaultKind =
  | 'throttle'
  | 'internal'
  | 'drop'
  | 'latency'
  | 'error'
  | 'html-error'
  | 'empty-error'
  | 'not-implemented'
  | LateFaultKind
/** `drop-answer`: the call is served (a handler runs, a write lands), then the connection is cut
 * before the answer, as when a network fails on the way back. */
export type LateFaultKind = 'drop-answer'

export interface FaultSpec {
  kind: FaultKind
  /** An operation name (`GetRole`), or `*` for every operation. */
  operation: string
  /** Only this service (`iam`, `sts`, `lambda`, `s3`, `access-analyzer`); any when absent. */
  service?: string
  /** The next N matching calls. Without `count` or `probability`: every matching call. */
  count?: number
  /** This fraction (0..1) of matching calls; with `count`, at most that many. */
  probability?: number
  /** For `latency`: the delay added before the call is answered. */
  latencyMs?: number
  /** For `error`: the answer (e.g. 403 AccessDenied); for `html-error`/`empty-error`, 500 by default. */
  status?: number
  code?: string
  message?: string
}

interface ActiveFault {
  spec: FaultSpec
  remaining: number
}

export interface FaultInjector {
  add(spec: FaultSpec): void
  clear(): void
  /** Decides the faults for one call; consumes counts. */
  pick(service: string, operation: string): { latencyMs: number; failure?: FaultSpec }
  active(): FaultSpec[]
}

/** mulberry32: tiny, fast, and good enough for deciding which calls fail. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KINDS: FaultKind[] = [
  'throttle',
  'internal',
  'drop',
  'latency',
  'error',
  'html-error',
  'empty-error',
  'not-implemented',
  'drop-answer'
]

/** Checks a spec that came from outside (the admin endpoint); throws a readable Error. */
export function validateFaultSpec(value: unknown): FaultSpec {
  const spec = value as FaultSpec
  if (!spec || typeof spec !== 'object') throw new Error('a fault must be an object')
  if (!KINDS.includes(spec.kind)) throw new Error(`fault kind must be one of ${KINDS.join(', ')}`)
  if (typeof spec.operation !== 'string' || !spec.operation) {
    throw new Error('fault operation must be an operation name or "*"')
  }
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count > 0)) {
    throw new Error('fault count must be a positive integer')
  }
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
    throw new Error('fault probability must be between 0 and 1')
  }
  if (spec.kind === 'latency' && !(typeof spec.latencyMs === 'number' && spec.latencyMs >= 0)) {
    throw new Error('a latency fault needs latencyMs >= 0')
  }
  if (spec.kind === 'error' && (typeof spec.code !== 'string' || typeof spec.status !== 'number')) {
    throw new Error('an error fault needs a status and a code')
  }
  return spec
}

export function createFaultInjector(random: () => number): FaultInjector {
  let faults: ActiveFault[] = []
  return {
    add(spec) {
      const remaining = spec.count ?? Number.POSITIVE_INFINITY
      faults.push({ spec: validateFaultSpec(spec), remaining })
    },
    clear() {
      faults = []
    },
    active: () => faults.map(f => f.spec),
    pick(service, operation) {
      let latencyMs = 0
      let failure: FaultSpec | undefined
      for (const fault of faults) {
        const { spec } = fault
        if (spec.operation !== '*' && spec.operation !== operation) continue
        if (spec.service && spec.service !== service) continue
        if (spec.kind !== 'latency' && failure) continue
        if (spec.probability !== undefined && random() >= spec.probability) continue
        fault.remaining -= 1
        if (spec.kind === 'latency') latencyMs += spec.latencyMs ?? 0
        else failure = spec
      }
      faults = faults.filter(f => f.remaining > 0)
      return { latencyMs, failure }
    }
  }
}
