// The run's logger. Deploying the function and ensuring the role run at the same time, but GitHub's
// log groups cannot interleave: the role's lines are held back and written once the deploy, which
// logs live, has settled. Everything logs through `log`, so a line (a retry's too) always lands in
// the branch it belongs to; a group opened inside a held branch is written as a group of its own.
import { AsyncLocalStorage } from 'node:async_hooks'
import * as workflowCommands from './workflow-commands.js'

interface Section {
  title: string
  lines: (() => void)[]
}
const held = new AsyncLocalStorage<Section[]>()

const write = (line: () => void): void => {
  const sections = held.getStore()
  if (sections) sections[sections.length - 1].lines.push(line)
  else line()
}

export interface Log {
  info(message: string): void
  warning(message: string): void
  group<T>(title: string, task: () => Promise<T>): Promise<T>
}

export const log: Log = {
  info: message => write(() => workflowCommands.info(message)),
  warning: message => write(() => workflowCommands.warning(message)),
  group: async (title, task) => {
    const sections = held.getStore()
    if (!sections) return workflowCommands.group(title, task)
    const outer = sections[sections.length - 1].title
    sections.push({ title, lines: [] })
    try {
      return await task()
    } finally {
      sections.push({ title: outer, lines: [] })
    }
  }
}

/** Runs `task` with its `log` lines held back, then writes them as group `title` after `after`. */
export async function groupAfter<T>(
  title: string,
  after: Promise<unknown>,
  task: () => Promise<T>
): Promise<T> {
  const sections: Section[] = [{ title, lines: [] }]
  try {
    return await held.run(sections, task)
  } finally {
    await after.catch(() => undefined)
    for (const section of sections.filter(s => s.lines.length)) {
      workflowCommands.startGroup(section.title)
      for (const line of section.lines) line()
      workflowCommands.endGroup()
    }
  }
}
