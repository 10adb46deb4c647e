// The inputs and the code package, checked together before anything else loads: a packaging
// problem (too large, a symlink out of the tree) comes with every other input problem in one error,
// before any AWS call. Nothing here imports the AWS SDK, so a run that stops on an input error does
// not load it (index.ts).
import { CodeInputError, packageCode, type CodePackage } from '../function/code-package.js'
import { checkPackage } from '../function/upload.js'
import { readInputs } from '../inputs/read.js'
import { InputError, type Settings } from '../inputs/settings.js'

export interface RunInputs {
  settings: Settings
  code?: CodePackage
}

/** The runner's naming, as `core.getInput` reads it: INPUT_ + the name upper-cased, spaces to `_`. */
const envInput = (name: string): string =>
  (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()

export async function readRunInputs(getInput = envInput): Promise<RunInputs> {
  const { settings, problems } = readInputs(getInput)
  let code: CodePackage | undefined
  // A rollback reads no code source (inputs/delivery.ts): its kind is none, nothing is packaged.
  if (settings.code.kind === 'path' && !problems.some(p => p.startsWith('code:')))
    try {
      code = await packageCode(settings.code.path)
      checkPackage(settings, code)
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems)
      else if (error instanceof CodeInputError) problems.push(error.message)
      else throw error
    }
  if (problems.length > 0) throw new InputError(problems)
  return { settings, code }
}
