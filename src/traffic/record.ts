// What the action records on the alias each time it moves it, in the alias's Description (the one
// field of an alias the action may own: 0-256 characters, UpdateAlias API reference), so that
// `rollback: true` knows where the alias was before. Pure: written and read here only.
import type { Provenance } from '../runner/provenance.js'

export type AliasRecord =
  /** `version` took all traffic from `previous` (none: the alias was created). */
  | { kind: 'promoted'; version: string; previous?: string }
  /** A traffic shift to `version` from `previous` under way (or killed): the weight says how far. */
  | { kind: 'shifting'; version: string; previous: string }
  /** `rollback: true`, an alarm or a cancel sent the alias back to `version` from `from`. */
  | { kind: 'rolled-back'; version: string; from: string }

const PREFIX = 'apic-lambda-deploy'
const PATTERN =
  /^apic-lambda-deploy (promoted|shifting) (\d+) from (\d+|none)(?::|$)|^apic-lambda-deploy rolled back (\d+) to (\d+)(?::|$)/

/** `apic-lambda-deploy promoted 4 from 3: acme/orders@abcdef012345 https://…/runs/42`. */
export function recordText(record: AliasRecord, p: Provenance): string {
  const what =
    record.kind === 'rolled-back'
      ? `rolled back ${record.from} to ${record.version}`
      : `${record.kind} ${record.version} from ${record.previous ?? 'none'}`
  return `${PREFIX} ${what}: ${p.repository}@${p.commit.slice(0, 12)} ${p.runUrl}`
    .slice(0, 256)
    .trim()
}

/** The record an alias's description holds, or undefined when the action did not write it. */
export function readRecord(description: string | undefined): AliasRecord | undefined {
  const m = PATTERN.exec(description ?? '')
  if (!m) return undefined
  if (m[4]) return { kind: 'rolled-back', from: m[4], version: m[5] }
  const previous = m[3] === 'none' ? undefined : m[3]
  if (m[1] === 'promoted') return { kind: 'promoted', version: m[2], previous }
  return previous ? { kind: 'shifting', version: m[2], previous } : undefined
}
