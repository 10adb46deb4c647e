// The steps of a traffic shift, from `traffic-shift` (SAM's and CodeDeploy's vocabulary). Pure.
import type { TrafficShift } from '../inputs/settings.js'

/** One move of the alias: the new version's share of the traffic, then how long it bakes there. */
export interface ShiftStep {
  /** In [0, 1]; the last step is 1: the alias points to the new version, no additional weight. */
  weight: number
  bakeMs: number
}

/**
 * canary p% d: p% for d, then all. linear p% every d: p%, 2p%, … each for d, then all once the
 * next step would reach 100%, as CodeDeploy's Linear configurations do.
 */
export function scheduleOf(shift: TrafficShift): ShiftStep[] {
  switch (shift.kind) {
    case 'all-at-once':
      return [{ weight: 1, bakeMs: 0 }]
    case 'canary':
      return [
        { weight: toWeight(shift.percent), bakeMs: shift.bakeSeconds * 1000 },
        { weight: 1, bakeMs: 0 }
      ]
    case 'linear': {
      const steps: ShiftStep[] = []
      // Counted in tenths of a percent, so 33.3 × 3 is 99.9, never a float's 99.89999.
      const tenths = Math.round(shift.percent * 10)
      for (let share = tenths; share < 1000; share += tenths)
        steps.push({ weight: toWeight(share / 10), bakeMs: shift.intervalSeconds * 1000 })
      return [...steps, { weight: 1, bakeMs: 0 }]
    }
  }
}

/** Lambda's weight is a fraction of 1; rounded so that 10% is 0.1, not 0.1000000000000000055. */
const toWeight = (percent: number): number => Math.round(percent * 10) / 1000

/** The whole shift's length, for the log and the README's figure of runner minutes. */
export const shiftMs = (steps: ShiftStep[]): number => steps.reduce((sum, s) => sum + s.bakeMs, 0)

/** A weight as people say it: 0.1 → `10%`. */
export const percent = (weight: number): string => `${Math.round(weight * 1000) / 10}%`

/** A duration as `traffic-shift` spells it: 90 000 ms → `1m30s`. */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000)
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60]
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || total === 0 ? `${s}s` : ''}`
}
