// Deploying the function and ensuring the role run at the same time, but GitHub's log groups
// cannot interleave: the role's lines are held back and written as one group once the deploy,
// which logs live, has settled.
import { AsyncLocalStorage } from 'node:async_hooks'
import * as core from '@actions/core'

const heldLines = new AsyncLocalStorage<(() => void)[]>()

const write = (line: () => void): void => {
  const held = heldLines.getStore()
  if (held) held.push(line)
  else line()
}

export const log = {
  info: (message: string): void => write(() => core.info(message)),
  warning: (message: string): void => write(() => core.warning(message))
}

/** Runs `task` with its `log` lines held back, then writes them as group `title` after `after`. */
export async function groupAfter<T>(
  title: string,
  after: Promise<unknown>,
  task: () => Promise<T>
): Promise<T> {
  const held: (() => void)[] = []
  try {
    return await heldLines.run(held, task)
  } finally {
    await after.catch(() => undefined)
    if (held.length) {
      core.startGroup(title)
      for (const line of held) line()
      core.endGroup()
    }
  }
}
