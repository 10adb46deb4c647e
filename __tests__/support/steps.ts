// The writes a function plan holds, read from its steps (the changes that are not `unchanged`),
// in the shape each request takes: what the planning tests assert.
import { stepOf, type FunctionChange } from '../../src/function/changes.js'

export function writesOf(plan: { changes: FunctionChange[] } | FunctionChange[]) {
  const changes = Array.isArray(plan) ? plan : plan.changes
  const create = stepOf(changes, 'function')
  const configuration = stepOf(changes, 'configuration')
  const code = stepOf(changes, 'code')
  const alias = changes.find(c => c.kind === 'alias')
  return {
    create: create && { ...create.request, upload: create.upload },
    configuration: configuration?.request,
    codeSigning: configuration?.codeSigning,
    code: code && { upload: code.upload, ...code.request },
    tags: stepOf(changes, 'tags'),
    /** A published version reused instead of publishing $LATEST. */
    reuse: changes.find(c => c.kind === 'version' && c.action === 'unchanged')?.version,
    alias: alias && { name: alias.alias, action: alias.action, arn: alias.arn }
  }
}
