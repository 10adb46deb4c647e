// How every input group reads: an input trimmed ('' is unset), every problem collected with the
// input's name (none thrown, so all are reported at once), notices, booleans and whole numbers.
import { quote } from './quote.js'

export type InputReader = (name: string) => string

export interface Reader {
  input(name: string): string | undefined
  /** Records a problem with `name`; returns undefined so that a reader can `return problem(…)`. */
  problem(name: string, message: string): undefined
  notice(message: string): void
  bool(name: string, fallback: boolean): boolean
  integer(name: string, min: number, max: number): number | undefined
  env: NodeJS.ProcessEnv
  problems: string[]
  notices: string[]
}

export function readerOf(getInput: InputReader, env: NodeJS.ProcessEnv): Reader {
  const problems: string[] = []
  const notices: string[] = []
  const input = (name: string): string | undefined => getInput(name).trim() || undefined
  const problem = (name: string, message: string): undefined => {
    problems.push(`${name}: ${message}`)
    return undefined
  }
  return {
    input,
    problem,
    notice: message => notices.push(message),
    bool: (name, fallback) => {
      const value = input(name)
      if (value === undefined) return fallback
      if (/^(true|True|TRUE)$/.test(value)) return true
      if (/^(false|False|FALSE)$/.test(value)) return false
      problem(name, `${quote(value)} is not a boolean; use true or false`)
      return fallback
    },
    integer: (name, min, max) => {
      const value = input(name)
      if (value === undefined) return undefined
      const n = Number(value)
      if (!/^\d+$/.test(value) || n < min || n > max)
        return problem(name, `${quote(value)} must be a whole number from ${min} to ${max}`)
      return n
    },
    env,
    problems,
    notices
  }
}
