// The action's entry point, as bundled into dist/index.js. The inputs are checked first; only a
// run that gets past them loads run/main.ts, and with it the AWS SDK (a separate chunk of dist/).
import { withCauses } from './failure.js'
import { readRunInputs, type RunInputs } from './run/read-inputs.js'
import { setFailed } from './runner/workflow-commands.js'

let inputs: RunInputs | undefined
try {
  inputs = await readRunInputs()
} catch (error) {
  setFailed(withCauses(error))
}
if (inputs) await (await import('./run/main.js')).run(inputs)
