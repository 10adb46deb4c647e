// Prints the CHANGELOG.md section of one version, for the release workflow's release notes:
// `npx tsx scripts/changelog-notes.ts v1.2.3`. Fails when the section is missing or empty, so a
// release cannot go out with its changes unwritten.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The body of the `## [X.Y.Z]` section (Keep a Changelog headings), for tag `vX.Y.Z` or `X.Y.Z`. */
export function releaseNotes(changelog: string, tag: string): string {
  const version = tag.replace(/^v/, '')
  const lines = changelog.split('\n')
  const start = lines.findIndex(line => line.startsWith(`## [${version}]`))
  if (start < 0) throw new Error(`CHANGELOG.md has no "## [${version}]" section`)
  const next = lines.findIndex((line, i) => i > start && /^## /.test(line))
  const body = lines
    .slice(start + 1, next < 0 ? undefined : next)
    .join('\n')
    .trim()
  if (!body) throw new Error(`CHANGELOG.md's "## [${version}]" section is empty`)
  return body
}

if (process.argv[1] === import.meta.filename) {
  try {
    const tag = process.argv[2]
    if (!tag) throw new Error('usage: changelog-notes.ts vX.Y.Z')
    const changelog = readFileSync(join(import.meta.dirname, '..', 'CHANGELOG.md'), 'utf8')
    console.log(releaseNotes(changelog, tag))
  } catch (error) {
    console.error((error as Error).message)
    process.exitCode = 1
  }
}
