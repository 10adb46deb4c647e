// The action's entry point, as bundled into dist/index.js. The inputs are checked first; only a
// run that gets past them loads main.ts, and with it @actions/core and the AWS SDK (a separate
// chunk of dist/). @actions/core cannot load without undici (its OIDC client imports it), ~1 MB
// that an input error would otherwise compile and run for nothing.
import { withCauses } from './failure.js'
import { readRunInputs, type RunInputs } from './run-inputs.js'

let inputs: RunInputs | undefined
try {
  inputs = await readRunInputs()
} catch (error) {
  failEarly(withCauses(error))
}
if (inputs) await (await import('./main.js')).run(inputs)

/**
 * `core.setFailed` without @actions/core: the runner's `::error::` command (its data escaped as
 * the runner expects: %, CR, LF) and exit code 1.
 */
function failEarly(message: string): void {
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::error::${data}\n`)
  process.exitCode = 1
}
