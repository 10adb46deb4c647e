// The words for every change, produced here once from the plans' data: the log lines, the job
// summary's table and the `result` output all read them from this file.
import type { Change } from '../changes.js'
import { formatSize } from '../function/code-package.js'
import type { CodeComparison, FunctionChange, Upload } from '../function/changes.js'
import type { FieldChange, SettingValue } from '../function/settings.js'
import type { TrustTarget } from '../role/documents.js'
import type { RoleChange } from '../role/changes.js'
import { percent } from '../traffic/schedule.js'

/** Inline code in the job summary; a backtick in the text would end it early. */
export const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``

/** One row of "what changed", as the summary and the `result` output show it. */
export interface ChangeRow {
  target: string
  action: 'create' | 'update' | 'unchanged'
  detail: string
}

export function changeRow(change: Change): ChangeRow {
  return 'functionName' in change ? functionRow(change) : roleRow(change)
}

/** A function change as the plan logs it: "Would update" in a dry run. */
export function planLine(change: FunctionChange, dryRun: boolean): string {
  const { target, action, detail } = functionRow(change)
  const verb = {
    create: dryRun ? 'Would create' : 'Create',
    update: dryRun ? 'Would update' : 'Update',
    unchanged: 'Unchanged'
  }[action]
  return `${verb} ${target}: ${detail}`
}

/** A change as its branch logs it, once made (or not made, and why). */
export function changeLine(change: Change): string {
  const { target, action, detail } = changeRow(change)
  return `${target}: ${action}: ${detail}`
}

/** A planned change's detail, saying so when it was not made: "failed: …", "not done (dry run): …". */
function notDoneText(change: Change, detail: string): string {
  if (!change.notDone || change.action === 'unchanged') return detail
  return change.notDone === 'failed'
    ? `failed: ${detail}`
    : `not done (${change.notDone}): ${detail}`
}

/** The rows of `change`: its action, and its detail marked when it was not done. */
const rowsOf =
  (change: Change) =>
  (target: string, detail: string): ChangeRow => ({
    target,
    action: change.action,
    detail: notDoneText(change, detail)
  })

function functionRow(change: FunctionChange): ChangeRow {
  const fn = `function ${change.functionName}`
  const row = rowsOf(change)
  switch (change.kind) {
    case 'function':
      return row(
        fn,
        change.upload.kind === 'image'
          ? `image ${change.upload.imageUri}`
          : `${change.runtime}, handler ${change.handler}, ${uploadText(change.upload)}`
      )
    case 'configuration':
      return row(
        `${fn} configuration`,
        change.action === 'update'
          ? change.fields.map(fieldText).join(', ')
          : change.named.length
            ? `${change.named.join(', ')} as given`
            : 'no configuration input given'
      )
    case 'code': {
      if (change.action === 'unchanged')
        return row(
          `${fn} code`,
          change.comparison ? comparisonText(change.comparison, true) : 'no code source given'
        )
      const why = comparisonText(change.comparison, change.same)
      const parts = [change.same ? `same code (${why})` : why]
      if (change.architecture)
        parts.push(`architecture ${change.architecture.from} → ${change.architecture.to}`)
      if (change.failed)
        parts.unshift(`redeployed because Lambda reports it failed (${change.failed})`)
      return row(`${fn} code`, `${parts.join('; ')}, ${uploadText(change.upload)}`)
    }
    case 'tags':
      return row(
        `${fn} tags`,
        change.action === 'unchanged' ? `${change.named.join(', ')} as given` : keysText(change)
      )
    case 'version':
      return row(
        `${fn} version`,
        change.action === 'unchanged' && change.rollback
          ? `version ${change.version}, recorded before the last promotion: the alias goes back to it`
          : change.action === 'unchanged'
            ? `version ${change.version} already has CodeSha256 ${short(change.codeSha256)} and this configuration`
            : change.version
              ? `published version ${change.version}`
              : change.because === 'deployed'
                ? 'publish the deployed code as a new version'
                : 'no published version matches $LATEST; publish it'
      )
    case 'alias': {
      const to = change.to ? `version ${change.to}` : 'the new version'
      // A weight left by a shift that did not finish: said, since this move ends it.
      const from = `version ${change.from ?? '?'}${change.weight ? ` (and ${percent(change.weight.weight)} on version ${change.weight.version}, left by a traffic shift that has not finished)` : ''}`
      return row(
        `alias ${change.functionName}:${change.alias}`,
        change.action === 'unchanged'
          ? `points to version ${change.to}${change.rollback ? ' (already rolled back)' : ''}`
          : change.action === 'create'
            ? `point it to ${to}`
            : `${from} → ${to}${change.rollback ? ' (rollback)' : ''}`
      )
    }
  }
}

function roleRow(change: RoleChange): ChangeRow {
  const role = `role ${change.roleName}`
  const row = rowsOf(change)
  switch (change.kind) {
    case 'role':
      return row(
        role,
        `${trusts(change.trust)}; path ${change.path}; ${change.tagCount} tags${change.boundary ? `; permissions boundary ${change.boundary}` : ''}`
      )
    case 'trust': {
      if (change.action === 'unchanged') return row(`${role}: trust policy`, trusts(change.trust))
      const { sid, replaced, trust } = change
      const detail =
        change.statement === 'updated'
          ? `statement ${sid} now ${trusts(trust)}${replaced.length ? ` (was sts:ExternalId ${replaced.join(', ')})` : ''}`
          : change.statement === 'added'
            ? `statement ${sid} added: ${trusts(trust)}; ${change.kept} other statement(s) kept`
            : `${trusts(trust)} (already)`
      const fixed = change.fixed.length
        ? `; ${change.fixed.join(', ')} no longer trust ${trust.principalArn} without sts:ExternalId`
        : ''
      const split = change.split.length
        ? `; ${change.split.join(', ')} kept in statement ${sid}Other`
        : ''
      return row(`${role}: trust policy`, detail + fixed + split)
    }
    case 'description':
      return row(`${role}: description`, `"${change.from}" → "${change.to}"`)
    case 'boundary':
      return row(`${role}: permissions boundary`, `${change.from ?? 'none'} → ${change.to}`)
    case 'tags':
      // Names only, as for the function's tags: a tag's value may be anything the user holds.
      return row(`${role}: tags`, `set ${Object.keys(change.tags).join(', ')}`)
    case 'grant':
      return row(
        `${role}: policy ${change.policyName}`,
        `allows lambda:InvokeFunction on ${change.functionArn} and ${change.functionArn}:*`
      )
  }
}

const trusts = ({ principalArn, externalId }: TrustTarget): string =>
  `trusts ${principalArn} with sts:ExternalId ${externalId}`

/** A setting's change, worded as its row in function/settings.ts says: keys, values or its name. */
function fieldText(field: FieldChange): string {
  if ('added' in field) return `${field.input} (${keysText(field)})`
  if ('to' in field) return `${field.input} ${valueText(field.from)} → ${valueText(field.to)}`
  return field.input
}

/** Keys added, changed and removed (environment variables, tags): names only. */
function keysText(keys: { added: string[]; changed: string[]; removed: string[] }): string {
  return [
    keys.added.length && `added ${keys.added.join(' ')}`,
    keys.changed.length && `changed ${keys.changed.join(' ')}`,
    keys.removed.length && `removed ${keys.removed.join(' ')}`
  ]
    .filter(Boolean)
    .join('; ')
}

/** A setting's value in a few words: '' and [] read as none. */
function valueText(value: SettingValue | undefined): string {
  if (value === undefined || value === '') return '(none)'
  if (Array.isArray(value)) return value.length ? `[${value.map(valueText).join(', ')}]` : '(none)'
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k} ${valueText(v)}`)
      .join(', ')}}`
  return String(value)
}

function comparisonText(comparison: CodeComparison, same: boolean): string {
  switch (comparison.kind) {
    case 'sha256':
      return same
        ? `CodeSha256 ${short(comparison.live)} matches`
        : `CodeSha256 ${short(comparison.live)} → ${short(comparison.wanted)}`
    case 's3-unknown':
      return `s3://${comparison.bucket}/${comparison.key} has no full-object SHA-256 checksum in S3 to compare, so it is deployed every run (upload it with --checksum-algorithm SHA256 to let reruns skip it)`
    case 'image':
      return same
        ? `image ${comparison.wanted} is deployed`
        : `image ${comparison.live ?? '(none)'} → ${comparison.wanted}`
  }
}

function uploadText(upload: Upload): string {
  switch (upload.kind) {
    case 'zip':
      return `${formatSize(upload.size)} zip (CodeSha256 ${short(upload.sha256)})`
    case 'staged-zip':
      return `${formatSize(upload.size)} zip through s3://${upload.bucket}/${upload.key}`
    case 's3':
      return `from s3://${upload.bucket}/${upload.key}${upload.objectVersion ? ` (version ${upload.objectVersion})` : ''}`
    case 'image':
      return `image ${upload.imageUri}`
  }
}

const short = (sha: string | undefined): string => (sha ? `${sha.slice(0, 12)}…` : '(none)')
