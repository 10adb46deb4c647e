// The one check that a path an input names stays in the workspace (GITHUB_WORKSPACE): `code` and a
// `test-event` file use it alike. A workflow reads what it checked out, never a path that `..` or a
// symbolic link leads elsewhere on the runner. The wording stays with each input.
import { existsSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

/** Whether `path` is `root` or under it. */
const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Whether the resolved `path` is outside the workspace as written (no workspace: never). */
export const outsideWorkspace = (path: string, workspace: string | undefined): boolean =>
  Boolean(workspace) && !inside(resolve(workspace!), path)

/** Whether the existing `path` leads outside the workspace through a symbolic link. */
export const linksOutOfWorkspace = (path: string, workspace: string | undefined): boolean =>
  Boolean(workspace) &&
  existsSync(workspace!) &&
  !inside(realpathSync(workspace!), realpathSync(path))
