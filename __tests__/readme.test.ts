import { readmeFiles, renderTables, updateReadme } from '../scripts/readme-inputs.js'

test('README documents every input and output of action.yml (run `npm run docs` when this fails)', async () => {
  const { readme, action } = readmeFiles()
  expect(await updateReadme(readme, action)).toBe(readme)
})

test('the tables name every input with its default', () => {
  const tables = renderTables({
    inputs: {
      'dry-run': { description: 'Read only.', default: 'false' },
      'function-name': { description: 'Name | ARN', required: true }
    },
    outputs: { 'role-arn': { description: 'The role.' } }
  })
  expect(tables).toContain('| `dry-run` | no | `false` | Read only. |')
  expect(tables).toContain('| `function-name` | yes |  | Name \\| ARN |')
  expect(tables).toContain('| `role-arn` | The role. |')
})
