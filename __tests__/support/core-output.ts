// What @actions/core writes during each unit test (core.info, warning, group: all go to stdout),
// kept for assertions and out of the test output. The unit-test counterpart of runAction's log.
import { jest } from '@jest/globals'
import { commandsIn } from '../../harness/workflow-commands.js'

export interface CoreOutput {
  /** Everything written during the current test. */
  text(): string
  /** The messages of the `::warning::` commands written during the current test. */
  warnings(): string[]
}

/** Call at the top of a test file: captures stdout afresh for every test, and restores it after. */
export function captureCoreOutput(): CoreOutput {
  const chunks: string[] = []
  beforeEach(() => {
    chunks.length = 0
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      chunks.push(String(chunk))
      return true
    })
  })
  afterEach(() => jest.restoreAllMocks())
  return {
    text: () => chunks.join(''),
    warnings: () => commandsIn(chunks.join(''), 'warning')
  }
}
