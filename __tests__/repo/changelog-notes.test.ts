// The release workflow's notes come from CHANGELOG.md: one version's section, or a failed release.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { releaseNotes } from '../../scripts/changelog-notes.js'
import { ROOT } from '../../harness/run-action.js'

const changelog = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '## [1.1.0] - 2026-12-01',
  '',
  '### Added',
  '',
  '- `alias` input',
  '',
  '## [1.0.0] - 2026-11-30',
  '',
  '- first release',
  '',
  '[1.1.0]: https://example.invalid/compare/v1.0.0...v1.1.0'
].join('\n')

test('releaseNotes gives the body of the tagged version only', () => {
  expect(releaseNotes(changelog, 'v1.1.0')).toBe('### Added\n\n- `alias` input')
  expect(releaseNotes(changelog, '1.0.0')).toBe(
    '- first release\n\n[1.1.0]: https://example.invalid/compare/v1.0.0...v1.1.0'
  )
})

test('releaseNotes refuses a version with no section or an empty one', () => {
  expect(() => releaseNotes(changelog, 'v2.0.0')).toThrow('no "## [2.0.0]" section')
  expect(() => releaseNotes('## [3.0.0]\n\n## [2.0.0]\n- x', 'v3.0.0')).toThrow('is empty')
})

test('CHANGELOG.md follows Keep a Changelog with an Unreleased section', () => {
  const text = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
  expect(text).toContain('https://keepachangelog.com/')
  expect(releaseNotes(text, 'Unreleased')).toContain('### Added')
})
