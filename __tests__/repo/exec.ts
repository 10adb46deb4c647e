// Runs a command for the repository tests and returns its exit code with stdout and stderr joined,
// instead of throwing on a non-zero exit: the tests assert on both.
import { execFile, type ExecFileOptions } from 'node:child_process'
import { promisify } from 'node:util'

export interface Exit {
  code: number
  output: string
}

export async function exec(file: string, args: string[], options: ExecFileOptions): Promise<Exit> {
  return promisify(execFile)(file, args, { ...options, encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`
    })
  )
}
