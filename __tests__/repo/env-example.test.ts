// .env.example is what CONTRIBUTING.md has @github/local-action read: its INPUT_ lines must name
// inputs of action.yml, as the runner forms them, and set every required input.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionYml, inputVariable, ROOT } from '../../harness/run-action.js'

const names = readFileSync(join(ROOT, '.env.example'), 'utf8')
  .split('\n')
  .filter(line => /^[A-Z]/.test(line))
  .map(line => line.slice(0, line.indexOf('=')))
const inputs = actionYml.inputs as Record<string, { required?: boolean }>

test('every INPUT_ variable in .env.example is an input of action.yml', () => {
  const known = new Set(Object.keys(inputs).map(inputVariable))
  const given = names.filter(name => name.startsWith('INPUT_'))
  expect(given.length).toBeGreaterThan(0)
  expect(given.filter(name => !known.has(name))).toEqual([])
})

test('.env.example sets every required input and points the SDK at an endpoint', () => {
  const required = Object.entries(inputs)
    .filter(([, spec]) => spec.required)
    .map(([name]) => inputVariable(name))
  expect(required.filter(name => !names.includes(name))).toEqual([])
  expect(names).toEqual(expect.arrayContaining(['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID']))
})
