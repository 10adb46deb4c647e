// Writes the inputs and outputs tables of README.md from action.yml, between marker comments.
// `--check` fails instead of writing when the README is stale (CI and a test run it).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const ROOT = join(import.meta.dirname, '..')
const README = join(ROOT, 'README.md')
const START = '<!-- action-tables:start (generated from action.yml by `npm run docs`) -->'
const END = '<!-- action-tables:end -->'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

export function renderTables(action: ActionYml): string {
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${i.default ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`
  )
  return [
    '### Inputs',
    '',
    '| name | required | default | description |',
    '| --- | --- | --- | --- |',
    ...inputs,
    '',
    '### Outputs',
    '',
    '| name | description |',
    '| --- | --- |',
    ...outputs
  ].join('\n')
}

/** The README with its tables regenerated, formatted as `prettier --write` leaves it. */
export async function updateReadme(readme: string, action: ActionYml): Promise<string> {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} … ${END}`)
  const updated = `${readme.slice(0, start + START.length)}\n\n${renderTables(action)}\n\n${readme.slice(end)}`
  return format(updated, { ...(await resolveConfig(README)), filepath: README })
}

export function readmeFiles(): { readme: string; action: ActionYml } {
  return {
    readme: readFileSync(README, 'utf8'),
    action: parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
  }
}

if (process.argv[1] === import.meta.filename) {
  const { readme, action } = readmeFiles()
  const updated = await updateReadme(readme, action)
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md is stale: run `npm run docs`')
      process.exit(1)
    }
  } else writeFileSync(README, updated)
}
