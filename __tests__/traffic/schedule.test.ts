// The steps of a traffic shift: what the alias's weights will be, in order, and for how long.
import { shiftSeconds } from '../../src/inputs/delivery.js'
import { durationText, percent, scheduleOf, shiftMs } from '../../src/traffic/schedule.js'

describe('scheduleOf', () => {
  it('moves all at once in one step', () => {
    expect(scheduleOf({ kind: 'all-at-once' })).toEqual([{ weight: 1, bakeMs: 0 }])
  })

  it('bakes a canary once, then moves everything', () => {
    expect(scheduleOf({ kind: 'canary', percent: 10, bakeSeconds: 300 })).toEqual([
      { weight: 0.1, bakeMs: 300_000 },
      { weight: 1, bakeMs: 0 }
    ])
  })

  it('grows linearly by the percent each interval, then 100% once the next step would reach it', () => {
    const steps = scheduleOf({ kind: 'linear', percent: 30, intervalSeconds: 60 })
    expect(steps.map(s => s.weight)).toEqual([0.3, 0.6, 0.9, 1])
    expect(shiftMs(steps)).toBe(180_000)
    // CodeDeploy's Linear10PercentEvery1Minute: 10% … 90%, nine bakes, then all.
    const ten = scheduleOf({ kind: 'linear', percent: 10, intervalSeconds: 60 })
    expect(ten.map(s => s.weight)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
    expect(shiftMs(ten)).toBe(9 * 60_000)
  })

  it('keeps weights exact for every percent with one decimal (no 0.30000000000000004)', () => {
    for (let tenths = 1; tenths < 1000; tenths++) {
      const steps = scheduleOf({ kind: 'linear', percent: tenths / 10, intervalSeconds: 1 })
      const weights = steps.map(s => s.weight)
      // Strictly growing, within (0, 1), ending at 1, and each a multiple of the step.
      weights.slice(0, -1).forEach((w, i) => {
        expect(Math.round(w * 1000)).toBe(tenths * (i + 1))
        expect(w).toBeGreaterThan(0)
        expect(w).toBeLessThan(1)
        expect(String(w).length).toBeLessThanOrEqual(5)
      })
      expect(weights[weights.length - 1]).toBe(1)
      expect(weights.length - 1).toBe(Math.ceil(1000 / tenths) - 1)
    }
  })

  it('lasts what the input check said it would (its 6-hour notice), for every percent with one decimal', () => {
    for (let tenths = 1; tenths < 1000; tenths++)
      for (const shift of [
        { kind: 'canary' as const, percent: tenths / 10, bakeSeconds: 300 },
        { kind: 'linear' as const, percent: tenths / 10, intervalSeconds: 60 }
      ])
        expect(shiftMs(scheduleOf(shift))).toBe(shiftSeconds(shift) * 1000)
  })
})

describe('words', () => {
  it('says weights and durations as the inputs spell them', () => {
    expect(percent(0.1)).toBe('10%')
    expect(percent(0.333)).toBe('33.3%')
    expect(durationText(0)).toBe('0s')
    expect(durationText(90_000)).toBe('1m30s')
    expect(durationText(3_600_000)).toBe('1h')
    expect(durationText(3_661_000)).toBe('1h1m1s')
  })
})
