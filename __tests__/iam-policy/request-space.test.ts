import { type Goal, searchAssignment } from '../../src/iam-policy/assignment-search.js'
import { keySpace, keyUses } from '../../src/iam-policy/request-space.js'
import { arnTokens, globTokens, stringWitnesses } from '../../src/iam-policy/string-witnesses.js'

const like = (pattern: string) => ({ tokens: globTokens(pattern, { wildcards: true }) })
const equals = (text: string) => ({ tokens: globTokens(text, { wildcards: false }) })
const witnesses = (...comparisons: { tokens: ReturnType<typeof globTokens> }[]) => {
  const result = stringWitnesses(comparisons)
  if ('exceeded' in result) throw new Error(result.exceeded)
  return result.witnesses
}
const signatures = (ws: { matches: boolean[] }[]) =>
  ws.map(w => w.matches.map(Number).join('')).sort()

describe('string witnesses: one value per combination of comparisons matched', () => {
  it('finds a value matching two patterns at once, and each alone, and neither', () => {
    const ws = witnesses(like('a*'), like('*b'))
    expect(signatures(ws)).toEqual(['00', '01', '10', '11'])
    const both = ws.find(w => w.matches.every(Boolean))!.value
    expect(both.startsWith('a') && both.endsWith('b')).toBe(true)
  })

  it('never reports a combination no value has', () => {
    // "a" and "b" cannot both be equal to one value.
    expect(signatures(witnesses(equals('a'), equals('b')))).toEqual(['00', '01', '10'])
    // Every value matching "ab?" matches "a*".
    expect(signatures(witnesses(like('ab?'), like('a*')))).toEqual(['00', '01', '11'])
  })

  it('reads ? as exactly one character and IgnoreCase comparisons case-insensitively', () => {
    const ws = witnesses(like('x?'), {
      tokens: globTokens('XY', { wildcards: false, ignoreCase: true })
    })
    // StringLike is case-sensitive: "XY" matches only the IgnoreCase comparison.
    expect(signatures(ws)).toEqual(['00', '01', '10', '11'])
    expect(ws.find(w => w.matches[1] && !w.matches[0])!.value).toBe('XY')
    expect(ws.find(w => w.matches[0] && !w.matches[1])!.value).toHaveLength(2)
  })

  it('keeps ARN wildcards inside one component', () => {
    const arn = { tokens: arnTokens('arn:aws:iam::*:role/x') }
    const ws = witnesses(arn, equals('arn:aws:iam::1:2:role/x'))
    // An account with a colon in it is not matched by the account wildcard.
    expect(signatures(ws)).toEqual(['00', '01', '10'])
  })

  it('gives up past its budget instead of guessing', () => {
    const result = stringWitnesses([like('*a*b*c*'), like('*c*b*a*'), like('*b*')], {
      budget: 3
    })
    expect(result).toEqual({ exceeded: 'more than 3 string states to explore' })
  })
})

describe('key spaces: the trial values of a condition key', () => {
  const space = (condition: Record<string, Record<string, unknown>>, key: string) => {
    const uses = keyUses([{ Condition: condition }], true)
    const result = keySpace(key.toLowerCase(), uses.get(key.toLowerCase())!)
    if ('undecided' in result) throw new Error(result.undecided)
    return result.values
  }

  it('numbers: each constant, one between neighbours, one below and one above, and absent', () => {
    expect(
      space(
        { NumericLessThan: { 'aws:MultiFactorAuthAge': ['60', '3600'] } },
        'aws:MultiFactorAuthAge'
      )
    ).toEqual([undefined, '59', '60', '1830', '3600', '3601'])
  })

  it('dates: whole milliseconds around each constant', () => {
    const values = space(
      { DateGreaterThan: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } },
      'aws:TokenIssueTime'
    )
    expect(values).toEqual([
      undefined,
      '2025-12-31T23:59:59.999Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.001Z'
    ])
  })

  it('IP ranges: the lowest address, each range start and the address after it, v4 and v6', () => {
    const values = space(
      { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
      'aws:SourceIp'
    )
    expect(values).toEqual([
      undefined,
      '0.0.0.0',
      '10.0.0.0',
      '11.0.0.0',
      '0:0:0:0:0:0:0:0',
      '2001:db8:0:0:0:0:0:0',
      '2001:db9:0:0:0:0:0:0'
    ])
  })

  it('a multivalued key takes sets: empty, and up to one element per set clause', () => {
    const values = space(
      {
        'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' },
        'ForAllValues:StringLike': { 'aws:TagKeys': 'c*' }
      },
      'aws:TagKeys'
    )
    expect(values[0]).toBeUndefined()
    expect(values).toContainEqual([])
    expect(values).toContainEqual(expect.arrayContaining(['team']))
    expect(values.some(v => Array.isArray(v) && v.length === 2)).toBe(true)
  })

  it('an AWS single-valued key tested with ForAnyValue still takes single values', () => {
    const values = space(
      { 'ForAnyValue:StringEquals': { 'sts:ExternalId': ['a', 'b'] } },
      'sts:ExternalId'
    )
    expect(values.every(v => v === undefined || typeof v === 'string')).toBe(true)
  })

  it('refuses a key compared both as a number and as a string', () => {
    const uses = keyUses(
      [{ Condition: { NumericEquals: { 'x:k': '1' }, StringEquals: { 'x:k': 'a' } } }],
      true
    )
    expect(keySpace('x:k', uses.get('x:k')!)).toEqual({
      undecided: 'x:k is compared as numeric and string'
    })
  })
})

describe('assignment search: values under which some statements apply and others do not', () => {
  const spaces = new Map([
    ['a', { values: [undefined, '1', '2'] }],
    ['b', { values: [undefined, 'x', 'y'] }]
  ])
  const conj = (parts: Record<string, (v: unknown) => boolean>) => ({
    fixed: true as const,
    parts: new Map(Object.entries(parts))
  })

  it('narrows each key for a statement that must apply, and hits a key for one that must not', () => {
    const allow = conj({ a: v => v !== undefined })
    const deny = conj({ a: v => v === '1', b: v => v === 'x' })
    const goals: Goal[] = [
      { conjunction: allow, want: 'true' },
      { conjunction: deny, want: 'false' }
    ]
    const result = searchAssignment(['a', 'b'], spaces, goals, { left: 100 })
    expect(result).toHaveProperty('found')
    const found = (result as { found: Record<string, unknown> }).found
    expect(found.a).not.toBeUndefined()
    expect(found.a === '1' && found.b === 'x').toBe(false)
  })

  it('finds none when the Deny applies whenever the Allow does', () => {
    const allow = conj({ a: v => v === '1' })
    const deny = conj({ a: v => v !== undefined })
    const goals: Goal[] = [
      { conjunction: allow, want: 'true' },
      { conjunction: deny, want: 'false' }
    ]
    expect(searchAssignment(['a'], spaces, goals, { left: 100 })).toEqual({ none: true })
  })
})
