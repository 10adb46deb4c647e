// The pure parts of `npm run lint:workflows`: finding workflow snippets in Markdown and checking every
// `uses:` of this action against action.yml's inputs.
import {
  asWorkflow,
  checkActionUses,
  usesThisAction,
  yamlSnippets
} from '../../scripts/workflow-snippets.js'

const action = {
  inputs: {
    'function-name': { required: true },
    'provider-org-id': { required: true },
    verify: { required: false, default: 'fail' },
    region: {}
  }
}

test('yamlSnippets finds yaml and yml fences with the line of their first YAML line', () => {
  const markdown = [
    '# t',
    '```yaml',
    'a: 1',
    '```',
    'text',
    '```yml',
    'b: 2',
    'c: 3',
    '```',
    '```sh',
    'x',
    '```'
  ].join('\n')
  expect(yamlSnippets(markdown)).toEqual([
    { line: 3, text: 'a: 1' },
    { line: 7, text: 'b: 2\nc: 3' }
  ])
})

test('asWorkflow lints only snippets with jobs, adding a trigger where the snippet has none', () => {
  expect(asWorkflow({ line: 10, text: 'steps: []' })).toBeUndefined()
  expect(asWorkflow({ line: 10, text: 'on: push\njobs: {}' })).toEqual({
    text: 'on: push\njobs: {}',
    lineOffset: 9
  })
  // actionlint's line 2 (the snippet's first line) is the Markdown file's line 10.
  expect(asWorkflow({ line: 10, text: 'jobs: {}' })).toEqual({
    text: 'on: workflow_dispatch\njobs: {}',
    lineOffset: 8
  })
})

test('usesThisAction knows the local path and any owner at any ref, and nothing else', () => {
  expect(usesThisAction('./')).toBe(true)
  expect(usesThisAction('acme/apic-lambda-deploy@v1')).toBe(true)
  expect(usesThisAction('acme/apic-lambda-deploy@0123456789abcdef0123456789abcdef01234567')).toBe(
    true
  )
  expect(usesThisAction('acme/apic-lambda-deploy-extra@v1')).toBe(false)
  expect(usesThisAction('aws-actions/configure-aws-credentials@v5')).toBe(false)
})

test('checkActionUses reports unknown inputs and missing required ones, with their lines', () => {
  const yaml = [
    'jobs:',
    '  a:',
    '    steps:',
    '      - uses: actions/checkout@v5',
    '        with: { bogus: 1 }',
    '      - uses: acme/apic-lambda-deploy@v1',
    '        with:',
    '          function-name: orders',
    '          regoin: eu-west-2',
    '      - uses: ./',
    '        with:',
    '          function-name: orders',
    '          provider-org-id: ${{ vars.ORG }}',
    '          verify: warn'
  ].join('\n')
  expect(checkActionUses(yaml, action)).toEqual([
    { line: 9, message: '"regoin" is not an input of action.yml' },
    {
      line: 6,
      message: 'acme/apic-lambda-deploy@v1 leaves out required input(s) provider-org-id'
    }
  ])
})

test('checkActionUses finds this action in a bare list of steps too', () => {
  const problems = checkActionUses('- uses: ./\n  with:\n    region: x', action)
  expect(problems.map(p => p.message)).toEqual([
    './ leaves out required input(s) function-name, provider-org-id'
  ])
})
