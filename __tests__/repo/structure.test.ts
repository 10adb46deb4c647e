// The house's rules (ARCHITECTURE.md), measured by scripts/structure.ts over the real tree: a rule
// broken by a change fails here, with the files that break it.
import { MAX_TOP_FILES, structure } from '../../scripts/structure.js'

const s = structure()

describe('the structure of the repository', () => {
  it('has no import cycle between files', () => {
    expect(s.cycles).toEqual([])
  })

  it('has no two folders that import each other', () => {
    expect(s.mutualFolders).toEqual([])
  })

  it('keeps function/ and role/ libraries: they import nothing of the run', () => {
    expect(s.libraryReachesUp).toEqual([])
  })

  it(`has at most ${MAX_TOP_FILES} files at its top level`, () => {
    expect(s.topFiles.length).toBeLessThanOrEqual(MAX_TOP_FILES)
  })

  it('keeps scripts/ and bench/ out of __tests__/ (what they share is in harness/)', () => {
    expect(s.toolsReachIntoTests).toEqual([])
  })

  it('has no file over 350 lines, in src/ or emulator/', () => {
    expect(s.overLong).toEqual([])
  })

  it('exports nothing that nobody imports', () => {
    expect(s.unusedExports).toEqual([])
  })
})
