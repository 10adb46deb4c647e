// Where `rollback: true` sends the alias, from the record the action left in its description
// (record.ts) and where it points now. Pure. The record goes back one promotion, never further: a
// second rollback finds the alias already where the first one put it, and says so.
import type { AliasConfiguration } from '@aws-sdk/client-lambda'
import { weightOf } from '../function/publish-plan.js'
import { readRecord } from './record.js'

interface RollbackTarget {
  /** The version the alias goes back to. */
  to: string
  /** Already there: an earlier rollback put it there (a rerun). */
  already: boolean
}

export function rollbackTarget(
  aliasName: string,
  alias: AliasConfiguration | undefined
): RollbackTarget {
  if (!alias) throw new Error(`alias ${aliasName} does not exist: there is no release to roll back`)
  const record = readRecord(alias.Description)
  const now = alias.FunctionVersion
  const weight = weightOf(alias)
  if (!record)
    throw new Error(
      `alias ${aliasName} holds no record of a promotion by apic-lambda-deploy (the action writes it in the alias's description each time it moves the alias), so there is no recorded version to roll back to; move it yourself with aws lambda update-alias`
    )
  // Where the record says the alias is: anywhere else, someone else moved it since.
  const expected = record.kind === 'shifting' ? record.previous : record.version
  if (now !== expected || (record.kind !== 'shifting' && weight))
    throw new Error(
      `alias ${aliasName} points to version ${now ?? '?'}${weight ? ` (and ${weight.version} by weight)` : ''}, not where apic-lambda-deploy last left it (version ${expected}): another deploy moved it since, and this rollback does not move it over that deploy`
    )
  switch (record.kind) {
    case 'promoted':
      if (!record.previous)
        throw new Error(
          `alias ${aliasName} was created on version ${record.version}: no earlier version is recorded to roll back to`
        )
      return { to: record.previous, already: false }
    case 'shifting':
      // A shift that did not finish: its previous version takes all traffic back.
      return { to: record.previous, already: !weight }
    case 'rolled-back':
      return { to: record.version, already: true }
  }
}
