// The record in the alias's description: what rollback reads back, and what it refuses to read.
import { readRecord, recordText, type AliasRecord } from '../../src/traffic/record.js'

const P = {
  repository: 'acme/orders',
  commit: '0123456789abcdef',
  runUrl: 'https://github.com/acme/orders/actions/runs/42'
}

describe('the alias record', () => {
  const records: AliasRecord[] = [
    { kind: 'promoted', version: '4', previous: '3' },
    { kind: 'promoted', version: '1' },
    { kind: 'shifting', version: '12', previous: '9' },
    { kind: 'rolled-back', version: '3', from: '4' }
  ]

  it.each(records)('reads back what it wrote: %o', record => {
    const text = recordText(record, P)
    expect(text.length).toBeLessThanOrEqual(256)
    expect(readRecord(text)).toEqual(record)
  })

  it('words it for a reader of the console', () => {
    expect(recordText(records[0], P)).toBe(
      'apic-lambda-deploy promoted 4 from 3: acme/orders@0123456789ab https://github.com/acme/orders/actions/runs/42'
    )
    expect(recordText(records[3], P)).toMatch(/^apic-lambda-deploy rolled back 4 to 3: /)
  })

  it('stays within Lambda’s 256 characters with a long repository name, and still reads back', () => {
    const text = recordText(records[2], { ...P, repository: `acme/${'x'.repeat(300)}` })
    expect(text.length).toBeLessThanOrEqual(256)
    expect(readRecord(text)).toEqual(records[2])
  })

  it.each([
    undefined,
    '',
    'live traffic',
    // The version descriptions the action writes are not alias records.
    'apic-lambda-deploy: acme/orders@0123456789ab https://x/runs/1',
    'apic-lambda-deploy promoted 4 from 3x: …',
    'apic-lambda-deploy promoted $LATEST from 3: …',
    'apic-lambda-deploy shifting 4 from none: …',
    'x apic-lambda-deploy promoted 4 from 3: …'
  ])('is no record in %p', description => {
    expect(readRecord(description)).toBeUndefined()
  })
})
