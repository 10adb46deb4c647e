// The settings compared by meaning: defaults filled in, sets sorted, only the named ones, and
// tags added or updated but removed only when asked.
import type { LiveConfiguration } from '../../src/function/read.js'
import { settingChanges } from '../../src/function/settings.js'
import { planTags } from '../../src/function/tags.js'
import type { MoreSettings } from '../../src/inputs/settings.js'

const live: LiveConfiguration = {
  FunctionName: 'orders',
  VpcConfig: { SubnetIds: ['subnet-b', 'subnet-a'], SecurityGroupIds: ['sg-a'], VpcId: 'vpc-1' },
  Layers: [{ Arn: 'layer:1' }, { Arn: 'layer:2' }],
  TracingConfig: { Mode: 'PassThrough' },
  LoggingConfig: {
    LogFormat: 'JSON',
    ApplicationLogLevel: 'INFO',
    SystemLogLevel: 'INFO',
    LogGroup: '/aws/lambda/orders'
  }
}

/** UpdateFunctionConfiguration's fields for the settings of `more`, and the changes' data. */
function moreSettingsUpdate(more: MoreSettings, configuration: LiveConfiguration) {
  const changes = settingChanges('UpdateFunctionConfiguration', { more }, { configuration })
  return { update: changes?.request ?? {}, fields: changes?.fields ?? [] }
}

describe('settingChanges', () => {
  test('a setting equal by meaning is not written', () => {
    const { update, fields } = moreSettingsUpdate(
      {
        VpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'], SecurityGroupIds: ['sg-a'] },
        TracingConfig: { Mode: 'PassThrough' },
        EphemeralStorage: { Size: 512 },
        SnapStart: { ApplyOn: 'None' },
        KMSKeyArn: undefined,
        LoggingConfig: { LogFormat: 'JSON' }
      },
      live
    )
    expect(update).toEqual({})
    expect(fields).toEqual([])
  })

  test('layer order matters, and only what differs is sent', () => {
    const { update, fields } = moreSettingsUpdate(
      { Layers: ['layer:2', 'layer:1'], TracingConfig: { Mode: 'PassThrough' } },
      live
    )
    expect(update).toEqual({ Layers: ['layer:2', 'layer:1'] })
    expect(fields).toEqual([
      { input: 'layers', from: ['layer:1', 'layer:2'], to: ['layer:2', 'layer:1'] }
    ])
  })

  test('logging-config sends the live members with the named one over them', () => {
    const { update } = moreSettingsUpdate({ LoggingConfig: { SystemLogLevel: 'WARN' } }, live)
    expect(update.LoggingConfig).toEqual({ ...live.LoggingConfig, SystemLogLevel: 'WARN' })
    // Back to Text: the levels cannot go with it.
    const text = moreSettingsUpdate({ LoggingConfig: { LogFormat: 'Text' } }, live).update
    expect(text.LoggingConfig).toEqual({ LogFormat: 'Text', LogGroup: '/aws/lambda/orders' })
  })

  test('a dead-letter target "" removes a live one and matches none', () => {
    expect(moreSettingsUpdate({ DeadLetterConfig: { TargetArn: '' } }, live).fields).toEqual([])
    const withDlq = { ...live, DeadLetterConfig: { TargetArn: 'arn:q' } }
    expect(moreSettingsUpdate({ DeadLetterConfig: { TargetArn: '' } }, withDlq).fields).toEqual([
      { input: 'dead-letter-config', from: 'arn:q', to: '' }
    ])
  })
})

describe('planTags', () => {
  const liveTags = { team: 'a', owner: 'ops', 'managed-by': 'apic-lambda-deploy' }
  test('nothing named: no tag change at all', () => {
    expect(planTags('orders', {}, liveTags)).toBeUndefined()
  })
  test('added and changed tags are set; unnamed live tags stay', () => {
    expect(planTags('orders', { tags: { team: 'b', cost: '42', owner: 'ops' } }, liveTags)).toEqual(
      {
        functionName: 'orders',
        kind: 'tags',
        action: 'update',
        added: ['cost'],
        changed: ['team'],
        removed: [],
        set: { cost: '42', team: 'b' }
      }
    )
  })
  test('remove-tags removes only keys the function has', () => {
    expect(planTags('orders', { removeTags: ['owner', 'absent'] }, liveTags)).toMatchObject({
      set: {},
      removed: ['owner']
    })
    expect(planTags('orders', { removeTags: ['absent'] }, liveTags)).toMatchObject({
      action: 'unchanged',
      named: ['remove-tags']
    })
  })
})
