// `npm run lint:workflows` on this repository passes, and on a tree with broken workflows it fails,
// naming each problem's file and line: actionlint's findings and this action's unknown inputs alike.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../harness/run-action.js'
import { exec, type Exit } from './exec.js'

const lint = (root: string): Promise<Exit> =>
  exec(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts', 'lint-workflows.ts'), '--root', root],
    { cwd: ROOT }
  )

test('the repository workflows and the workflow snippets in its Markdown pass', async () => {
  const { code, output } = await lint(ROOT)
  expect(output).toMatch(
    /[1-9]\d* workflow\(s\) and [1-9]\d* workflow snippet\(s\) in Markdown checked: 0 problem/
  )
  expect(code).toBe(0)
})

test('broken workflows and snippets fail with file, line and reason', async () => {
  const root = await mkdtemp(join(tmpdir(), 'lint-workflows-'))
  await mkdir(join(root, '.github', 'workflows'), { recursive: true })
  await copyFile(join(ROOT, 'action.yml'), join(root, 'action.yml'))
  await writeFile(
    join(root, '.github', 'workflows', 'broken.yml'),
    [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - id: deploy',
      '        uses: ./',
      '        with:',
      '          function-name: orders',
      '          provider-org-id: ${{ vars.ORG }}',
      '          role: x',
      '      - run: echo ${{ steps.deploy.outputs.role-arn }} ${{ steps.nope.outputs.x }}'
    ].join('\n')
  )
  await writeFile(
    join(root, 'README.md'),
    [
      '# Use it',
      '',
      '```yaml',
      'jobs:',
      '  a:',
      '    needs: missing',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: true',
      '```'
    ].join('\n')
  )
  const { code, output } = await lint(root)
  expect(code).toBe(1)
  expect(output).toContain(
    '.github/workflows/broken.yml:11:1: "role" is not an input of action.yml'
  )
  expect(output).toMatch(/broken\.yml:12:\d+: property "nope" is not defined/)
  expect(output).toMatch(/README\.md:5:\d+: job "a" needs job "missing" which does not exist/)
  expect(output).toContain('3 problem(s)')
})
