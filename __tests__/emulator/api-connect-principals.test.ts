// IBM's API Connect regions have one source of truth, src/inputs/api-connect-regions.ts: the emulator
// takes its built-in principals from it, and the hand-written lists of regions (action.yml's
// description of `api-connect-region`, the README's table) must name the same regions.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { IBM_API_CONNECT_PRINCIPALS } from '../../emulator/index.js'
import { API_CONNECT_REGIONS, findApiConnectRegion } from '../../src/inputs/api-connect-regions.js'

const published = API_CONNECT_REGIONS.filter(region => region.roleArn)
const unpublished = API_CONNECT_REGIONS.filter(region => !region.roleArn)
const file = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8')
const list = (text: string) => text.split(/,\s*|\s+or\s+|\s+and\s+/)

test('the emulator trusts exactly the published API Connect roles', () => {
  expect(published.length).toBeGreaterThan(0)
  expect([...IBM_API_CONNECT_PRINCIPALS].sort()).toEqual(published.map(r => r.roleArn).sort())
})

test("IBM's ids are the ids of its host names; no region without a source (no Jakarta)", () => {
  expect(API_CONNECT_REGIONS.map(r => r.id)).toEqual([
    'us-east-a',
    'eu-central-a',
    'eu-west-a',
    'ap-south-a',
    'ap-southeast-a'
  ])
  expect(findApiConnectRegion('jakarta')).toBeUndefined()
  expect(findApiConnectRegion('ap-southeast-3')).toBeUndefined()
})

describe("action.yml's description of api-connect-region", () => {
  const action = parse(file('action.yml')) as { inputs: Record<string, { description: string }> }
  const description = action.inputs['api-connect-region'].description
  const match =
    /by IBM's id: (.+?) \(AWS region and city names, such as (.+?), are aliases\)\. IBM has not published its role for (.+?): set api-connect-role-arn there\./.exec(
      description
    )

  test('has the lists of regions, aliases and unpublished regions in the expected form', () => {
    expect(match).not.toBeNull()
  })

  test('lists every region by its id, in order', () => {
    expect(list(match![1])).toEqual(API_CONNECT_REGIONS.map(r => r.id))
  })

  test('gives aliases that resolve to a region and are not ids', () => {
    const aliases = list(match![2])
    expect(aliases.length).toBeGreaterThan(0)
    for (const alias of aliases) {
      expect(findApiConnectRegion(alias)).toBeDefined()
      expect(API_CONNECT_REGIONS.map(r => r.id)).not.toContain(alias)
    }
  })

  test('names exactly the regions whose role IBM has not published', () => {
    expect(list(match![3])).toEqual(unpublished.map(r => r.id))
  })
})

test("the README's table of regions has one row per region, with IBM's role or the way to get it", () => {
  const readme = file('README.md')
  const start = readme.indexOf('| API Connect region')
  expect(start).toBeGreaterThan(0)
  const rows = readme
    .slice(start)
    .split('\n\n')[0]
    .split('\n')
    .slice(2)
    .map(line => line.split('|').map(cell => cell.trim()))
  expect(rows.map(cells => cells.slice(1, 5))).toEqual(
    API_CONNECT_REGIONS.map(r => [
      `\`${r.id}\``,
      r.name,
      `\`${r.awsRegion}\``,
      r.roleArn ? `\`${r.roleArn}\`` : 'not published: pass `api-connect-role-arn`'
    ])
  )
})
