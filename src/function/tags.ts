// Which function tags to add, update and remove: the named tags that differ from the live ones
// (TagResource), and the keys of remove-tags that the function has (UntagResource). A live tag
// not named is never touched. Pure.
import type { FunctionConfig } from '../inputs/settings.js'
import type { FunctionChange } from './changes.js'

/** The tag change, its write when it has one; undefined when neither tags nor remove-tags was given. */
export function planTags(
  functionName: string,
  config: Pick<FunctionConfig, 'tags' | 'removeTags'>,
  live: Record<string, string>
): FunctionChange | undefined {
  if (config.tags === undefined && config.removeTags === undefined) return undefined
  const want = config.tags ?? {}
  const added = Object.keys(want).filter(k => !Object.hasOwn(live, k))
  const changed = Object.keys(want).filter(k => Object.hasOwn(live, k) && live[k] !== want[k])
  const removed = (config.removeTags ?? []).filter(k => Object.hasOwn(live, k))
  if (!added.length && !changed.length && !removed.length)
    return {
      functionName,
      kind: 'tags',
      action: 'unchanged',
      named: [config.tags && 'tags', config.removeTags && 'remove-tags'].filter((n): n is string =>
        Boolean(n)
      )
    }
  const set = Object.fromEntries([...added, ...changed].map(k => [k, want[k]]))
  return {
    functionName,
    kind: 'tags',
    action: 'update',
    added: added.sort(),
    changed: changed.sort(),
    removed: removed.sort(),
    set
  }
}
