// Planning the settings of issue 13 against a live function: what is written, in which request,
// and what is refused before any write.
import { createHash } from 'node:crypto'
import { planFunctionChanges } from '../../src/function/plan.js'
import type { LiveConfiguration, LiveFunction } from '../../src/function/read.js'
import type { DeploySettings } from '../../src/function/upload.js'
import { changeRow } from '../../src/report/words.js'
import { writesOf } from '../support/steps.js'
import { InputError, type FunctionConfig } from '../../src/inputs/settings.js'

const ROLE = 'arn:aws:iam::123456789012:role/orders-exec'
const SHA = createHash('sha256').update('a').digest('base64')
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1'
const SIGNING = 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0'

const settings = (config: FunctionConfig, withCode = false): DeploySettings => ({
  functionName: 'orders',
  code: withCode ? { kind: 'path', path: '/w/dist' } : { kind: 'none' },
  config,
  publish: false
})
const pkg = { sha256: SHA, size: 1000, unzippedSize: 4000 }

const live = (
  configuration: Partial<LiveConfiguration> = {},
  extra: Partial<LiveFunction> = {}
): LiveFunction => ({
  configuration: {
    FunctionName: 'orders',
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: ROLE,
    PackageType: 'Zip',
    CodeSha256: SHA,
    Environment: { Variables: { STAGE: 'prod', KEEP: 'me' } },
    ...configuration
  },
  tags: { team: 'a' },
  ...extra
})

const plan = (config: FunctionConfig, fn = live(), withCode = false) =>
  planFunctionChanges({
    settings: settings(config, withCode),
    pkg: withCode ? pkg : undefined,
    live: fn
  })

describe('planning the function settings', () => {
  test('environment-mode merge keeps the live variables and sends the merged map', () => {
    const p = plan({ environment: { STAGE: 'qa', NEW: 'x' }, environmentMode: 'merge' })
    expect(writesOf(p).configuration).toEqual({
      Environment: { Variables: { STAGE: 'qa', KEEP: 'me', NEW: 'x' } }
    })
    expect(changeRow(p.changes[0]).detail).toBe('environment (added NEW; changed STAGE)')
    expect(
      writesOf(plan({ environment: { STAGE: 'prod' }, environmentMode: 'merge' })).configuration
    ).toBeUndefined()
  })

  test('settings and environment together are one configuration update', () => {
    const p = plan({
      environment: { STAGE: 'prod', KEEP: 'me' },
      more: { EphemeralStorage: { Size: 2048 }, TracingConfig: { Mode: 'Active' } }
    })
    expect(writesOf(p).configuration).toEqual({
      EphemeralStorage: { Size: 2048 },
      TracingConfig: { Mode: 'Active' }
    })
    expect(changeRow(p.changes[0]).detail).toBe(
      'tracing-config PassThrough → Active, ephemeral-storage 512 → 2048'
    )
  })

  test('tags: a tag change of its own; nothing named, no tag change', () => {
    const p = plan({ tags: { team: 'b' } })
    expect(writesOf(p).tags).toMatchObject({ set: { team: 'b' }, removed: [] })
    expect(writesOf(p).configuration).toBeUndefined()
    expect(p.changes.map(changeRow)).toContainEqual({
      target: 'function orders tags',
      action: 'update',
      detail: 'changed team'
    })
    expect(plan({}).changes.some(c => c.kind === 'tags')).toBe(false)
  })

  test('a different code-signing configuration is its own write, shown with the configuration', () => {
    const p = plan({ codeSigningConfigArn: SIGNING }, live({}, { codeSigningConfigArn: undefined }))
    expect(writesOf(p).codeSigning).toBe(SIGNING)
    expect(writesOf(p).configuration).toBeUndefined()
    expect(changeRow(p.changes[0]).detail).toBe(`code-signing-config-arn (none) → ${SIGNING}`)
    expect(
      writesOf(plan({ codeSigningConfigArn: SIGNING }, live({}, { codeSigningConfigArn: SIGNING })))
        .codeSigning
    ).toBeUndefined()
  })

  test('a new source key rewrites the code, and needs a code source', () => {
    const p = plan({ sourceKmsKeyArn: KEY }, live(), true)
    expect(writesOf(p).code).toMatchObject({ SourceKMSKeyArn: KEY })
    expect(
      writesOf(plan({ sourceKmsKeyArn: KEY }, live({}, { sourceKmsKeyArn: KEY }), true)).code
    ).toBeUndefined()
    expect(() => plan({ sourceKmsKeyArn: KEY })).toThrow(InputError)
  })

  test('layers on an image function and image-config on a zip function are refused', () => {
    expect(() => plan({ more: { ImageConfig: { Command: ['x'] } } })).toThrow(
      /image-config: orders is a zip function/
    )
    expect(() => plan({ more: { Layers: ['arn:l:1'] } }, live({ PackageType: 'Image' }))).toThrow(
      /layers: orders is an image function/
    )
    expect(() => plan({ sourceKmsKeyArn: KEY }, live({ PackageType: 'Image' }))).toThrow(
      /source-kms-key-arn: orders is an image function/
    )
  })
})
