// Reads the workflow commands an action writes to stdout as the runner does (actions/runner's
// ActionCommand.TryParseV2 and TryParse, ActionCommandManager.TryProcessCommand): a line is a
// command when, leading blanks trimmed, it starts `::name` (or holds `##[name]` anywhere) and the
// name is a known command; after `::stop-commands::TOKEN` nothing is a command until `::TOKEN::`.
// `add-mask` values are hidden in every later line the runner shows. For the end-to-end runs and
// for unit tests that capture stdout alike.

/** The runner's commands (the ones this action may meet; `notice` included). */
const KNOWN = [
  'add-mask',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'save-state',
  'set-output',
  'stop-commands',
  'warning',
  'add-matcher',
  'remove-matcher'
]

export interface WorkflowCommand {
  name: string
  data: string
}

export interface RunnerView {
  /** The commands the runner obeyed, in order. */
  commands: WorkflowCommand[]
  /** The log as the runner shows it: lines that are not commands, masked values as `***`. */
  shown: string
}

const unescapeData = (text: string): string =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

function parse(line: string, known: Set<string>): WorkflowCommand | undefined {
  const trimmed = line.trimStart()
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end >= 0) {
      const info = trimmed.slice(2, end)
      const name = info.split(' ')[0].toLowerCase()
      if (known.has(name)) return { name, data: unescapeData(trimmed.slice(end + 2)) }
    }
  }
  const legacy = line.indexOf('##[')
  const close = legacy >= 0 ? line.indexOf(']', legacy) : -1
  if (close < 0) return undefined
  const name = line
    .slice(legacy + 3, close)
    .split(' ')[0]
    .toLowerCase()
  return known.has(name) ? { name, data: line.slice(close + 1) } : undefined
}

/** What the runner makes of `log`: the commands it obeys and the lines it shows. */
export function runnerView(log: string): RunnerView {
  const known = new Set(KNOWN)
  const commands: WorkflowCommand[] = []
  const masks: string[] = []
  const shown: string[] = []
  const masked = (text: string) => masks.reduce((out, m) => out.split(m).join('***'), text)
  let stopToken: string | undefined
  // .NET's ReadLine ends a line at \r\n, \n or \r alike.
  for (const line of log.split(/\r\n|\n|\r/)) {
    const command = parse(line, known)
    if (stopToken !== undefined) {
      if (command?.name === stopToken) {
        known.delete(stopToken)
        stopToken = undefined
      } else shown.push(masked(line))
      continue
    }
    if (!command) shown.push(masked(line))
    else if (command.name === 'stop-commands') {
      stopToken = command.data.toLowerCase()
      known.add(stopToken)
    } else {
      commands.push(command)
      if (command.name === 'add-mask' && command.data.trim()) masks.push(command.data)
    }
  }
  return { commands, shown: shown.join('\n') }
}

/** The messages of every `::kind` command the runner obeys in `log`, in order. */
export function commandsIn(log: string, kind: string): string[] {
  return runnerView(log)
    .commands.filter(c => c.name === kind)
    .map(c => c.data)
}
