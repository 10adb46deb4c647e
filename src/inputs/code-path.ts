// Where the `code` input may point: an existing directory or .zip file inside the workspace
// (GITHUB_WORKSPACE), reached without a symbolic link. A workflow packages what it checked out,
// never a path a symlink leads elsewhere on the runner. Checked with the other inputs, before any
// AWS call.
import { existsSync, lstatSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { linksOutOfWorkspace, outsideWorkspace } from './workspace.js'

/** The resolved path, and what is wrong with it (a message for the `code` input), if anything. */
export function checkCodePath(
  code: string,
  workspace: string | undefined
): { path: string; problem?: string } {
  const path = resolve(code)
  const say = (problem: string) => ({ path, problem })
  if (outsideWorkspace(path, workspace))
    return say(`is outside the workspace (${workspace}): give a path inside the checkout`)
  if (!existsSync(path)) return say(`does not exist (resolved to ${path})`)
  if (lstatSync(path).isSymbolicLink())
    return say('is a symbolic link: give the directory or .zip file itself')
  if (linksOutOfWorkspace(path, workspace))
    return say('leads outside the workspace through a symbolic link in its path')
  if (!statSync(path).isDirectory() && !/\.zip$/i.test(path))
    return say('is neither a directory nor a .zip file')
  return { path }
}
