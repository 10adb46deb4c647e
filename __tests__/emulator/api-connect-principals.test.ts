// IBM's API Connect principals have one source of truth, src/inputs/api-connect-regions.ts: the emulator
// takes its built-in principals from it, and action.yml's hand-written list of regions (in the
// description of `api-connect-region`) must name the same published regions.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { IBM_API_CONNECT_PRINCIPALS } from '../../emulator/index.js'
import { API_CONNECT_REGIONS, findApiConnectRegion } from '../../src/inputs/api-connect-regions.js'

const published = API_CONNECT_REGIONS.filter(region => region.roleArn)

test('the emulator trusts exactly the published API Connect roles', () => {
  expect(published.length).toBeGreaterThan(0)
  expect([...IBM_API_CONNECT_PRINCIPALS].sort()).toEqual(published.map(r => r.roleArn).sort())
})

describe("action.yml's description of api-connect-region", () => {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { description: string }>
  }
  const description = action.inputs['api-connect-region'].description
  // "API Connect region: us-east-a, eu-central-a, eu-west-a, or an alias such as us-east-1, ..."
  const match = /region: (.+?), or an alias such as (.+?)\./.exec(description)

  test('has the list of regions and aliases in the expected form', () => {
    expect(match).not.toBeNull()
  })

  test('lists exactly the regions whose role IBM has published', () => {
    const listed = match![1].split(/,\s*/)
    expect([...listed].sort()).toEqual(published.map(r => r.id).sort())
  })

  test('gives only aliases that resolve to a published region', () => {
    const aliases = match![2].split(/,\s*/)
    expect(aliases.length).toBeGreaterThan(0)
    for (const alias of aliases) {
      const region = findApiConnectRegion(alias)
      expect({ alias, published: Boolean(region?.roleArn) }).toEqual({ alias, published: true })
    }
  })
})
