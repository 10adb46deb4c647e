// A cancelled workflow during a traffic shift: "the runner machine sends SIGINT/Ctrl-C to the step's
// entry process (node for javascript action …). If the process doesn't exit within 7500 ms, the
// runner will send SIGTERM/Ctrl-Break to the process, then wait for 2500 ms for the process to
// exit" (GitHub Docs, Canceling a workflow). While a shift runs, both signals abort it instead of
// ending the process, so the alias goes back first; later signals are ignored until it has.

interface Cancel {
  signal: AbortSignal
  /** Stops listening: the process's default handling comes back. */
  dispose(): void
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

export function listenForCancel(): Cancel {
  const controller = new AbortController()
  const handler = (name: NodeJS.Signals) => controller.abort(name)
  for (const name of SIGNALS) process.on(name, handler)
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, handler)
    }
  }
}
