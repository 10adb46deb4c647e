// The run's logger. Deploying the function and ensuring the role run at the same time, but GitHub's
// log groups cannot interleave: the role's lines are held back and written as one group once the
// deploy, which logs live, has settled. Everything logs through `log`, so a line (a retry's too)
// always lands in the branch it belongs to.
import { AsyncLocalStorage } from 'node:async_hooks'
import * as core from './workflow-commands.js'

const heldLines = new AsyncLocalStorage<(() => void)[]>()

const write = (line: () => void): void => {
  const held = heldLines.getStore()
  if (held) held.push(line)
  else line()
}

export interface Log {
  info(message: string): void
  warning(message: string): void
  /** A log group around `task`; inside a held branch the branch's own group stands for it. */
  group<T>(title: string, task: () => Promise<T>): Promise<T>
}

export const log: Log = {
  info: message => write(() => core.info(message)),
  warning: message => write(() => core.warning(message)),
  group: (title, task) => (heldLines.getStore() ? task() : core.group(title, task))
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
