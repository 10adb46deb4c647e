// Where `rollback: true` sends the alias: one promotion back, never further, and never over a move
// the record does not know.
import { rollbackTarget } from '../../src/traffic/rollback-target.js'

const record = (text: string) => `apic-lambda-deploy ${text}: acme/orders@0123 https://x/runs/1`
const alias = (version: string, description?: string, weights?: Record<string, number>) => ({
  FunctionVersion: version,
  Description: description,
  ...(weights ? { RoutingConfig: { AdditionalVersionWeights: weights } } : {})
})

describe('rollbackTarget', () => {
  it('goes back to the version the last promotion replaced', () => {
    expect(rollbackTarget('live', alias('4', record('promoted 4 from 3')))).toEqual({
      to: '3',
      already: false
    })
  })

  it('ends a shift that did not finish: all traffic back to its previous version', () => {
    const shifting = record('shifting 4 from 3')
    expect(rollbackTarget('live', alias('3', shifting, { '4': 0.1 }))).toEqual({
      to: '3',
      already: false
    })
    // Killed before the first weight went on: nothing to undo.
    expect(rollbackTarget('live', alias('3', shifting))).toEqual({ to: '3', already: true })
  })

  it('rolling back twice stays where the first rollback put the alias', () => {
    expect(rollbackTarget('live', alias('3', record('rolled back 4 to 3')))).toEqual({
      to: '3',
      already: true
    })
  })

  it.each([
    ['no alias', undefined, /alias live does not exist/],
    ['no record', alias('4', 'hand-made'), /no record of a promotion by apic-lambda-deploy/],
    [
      'a record of the alias’s creation',
      alias('1', record('promoted 1 from none')),
      /created on version 1: no earlier version/
    ],
    [
      'a move since the record',
      alias('5', record('promoted 4 from 3')),
      /points to version 5, not where apic-lambda-deploy last left it \(version 4\)/
    ],
    [
      'a weight the record does not know',
      alias('4', record('promoted 4 from 3'), { '5': 0.2 }),
      /and 5 by weight/
    ],
    ['a move since a rollback', alias('4', record('rolled back 4 to 3')), /points to version 4/]
  ])('refuses with %s', (_, given, error) => {
    expect(() => rollbackTarget('live', given)).toThrow(error)
  })
})
