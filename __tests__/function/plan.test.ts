import { createHash } from 'node:crypto'
import { DIRECT_UPLOAD_LIMIT, UNZIPPED_SIZE_LIMIT } from '../../src/function/code-package.js'
import type { FunctionChange } from '../../src/function/changes.js'
import { settingChanges } from '../../src/function/settings.js'
import { failure, planFunctionChanges } from '../../src/function/plan.js'
import { planPublish, sameDeployment } from '../../src/function/publish-plan.js'
import type { LiveConfiguration, LiveFunction } from '../../src/function/read.js'
import {
  checkPackage,
  stagingKey,
  type DeploySettings,
  type PackageSummary
} from '../../src/function/upload.js'
import { changeRow } from '../../src/report/words.js'
import { writesOf } from '../support/steps.js'
import { InputError } from '../../src/inputs/settings.js'

const ROLE = 'arn:aws:iam::123456789012:role/orders-exec'
const sha = (text: string): string => createHash('sha256').update(text).digest('base64')
const SHA_A = sha('a')
const SHA_B = sha('b')

function settings(overrides: Partial<DeploySettings> = {}): DeploySettings {
  return {
    functionName: 'orders',
    code: { kind: 'path', path: '/w/dist' },
    config: {},
    publish: false,
    ...overrides
  }
}

const pkg = (overrides: Partial<PackageSummary> = {}): PackageSummary => ({
  sha256: SHA_A,
  size: 1000,
  unzippedSize: 4000,
  ...overrides
})

function live(configuration: Partial<LiveConfiguration> = {}, extra: Partial<LiveFunction> = {}) {
  return {
    configuration: {
      FunctionName: 'orders',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: ROLE,
      MemorySize: 128,
      Timeout: 3,
      Description: '',
      Architectures: ['x86_64'],
      PackageType: 'Zip',
      CodeSha256: SHA_A,
      RevisionId: 'rev-1',
      Environment: { Variables: { STAGE: 'prod', KEEP: 'me' } },
      ...configuration
    },
    ...extra
  }
}

/** The problems of the InputError that `fn` throws. */
function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected an InputError')
}

describe('checkPackage', () => {
  it('accepts a package under both limits', () => {
    expect(() => checkPackage(settings(), pkg())).not.toThrow()
  })

  it('refuses a zip over the direct-upload limit without s3-bucket, naming s3-bucket', () => {
    const problems = problemsOf(() =>
      checkPackage(settings(), pkg({ size: DIRECT_UPLOAD_LIMIT + 1 }))
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      /^s3-bucket: the package is 50\.0 MB \(52428801 bytes\) zipped, over the 52428800 bytes/
    )
  })

  it('accepts a large zip when a staging bucket is given', () => {
    expect(() =>
      checkPackage(settings({ stagingBucket: 'stage' }), pkg({ size: DIRECT_UPLOAD_LIMIT + 1 }))
    ).not.toThrow()
  })

  it('refuses code over 250 MB unzipped, even with a bucket', () => {
    const problems = problemsOf(() =>
      checkPackage(
        settings({ stagingBucket: 'stage' }),
        pkg({ size: 60_000_000, unzippedSize: UNZIPPED_SIZE_LIMIT + 1 })
      )
    )
    expect(problems).toEqual([expect.stringMatching(/^code: .*250\.0 MB; nothing was uploaded$/)])
  })
})

describe('stagingKey', () => {
  it('derives the key from the hex SHA-256, so a rerun finds the same object', () => {
    const hex = createHash('sha256').update('a').digest('hex')
    expect(stagingKey('orders', SHA_A)).toBe(`apic-lambda-deploy/orders/${hex}.zip`)
  })
})

describe('planFunctionChanges: create', () => {
  it('creates a zip function with everything the user named', () => {
    const plan = planFunctionChanges({
      settings: settings({
        config: {
          runtime: 'nodejs22.x',
          handler: 'index.handler',
          role: ROLE,
          architectures: ['arm64'],
          memorySize: 256,
          timeout: 10,
          description: 'Orders',
          environment: { STAGE: 'prod' }
        }
      }),
      pkg: pkg()
    })
    expect(writesOf(plan).create).toEqual({
      PackageType: 'Zip',
      settings: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: ROLE,
        Architectures: ['arm64'],
        MemorySize: 256,
        Timeout: 10,
        Description: 'Orders',
        Environment: { Variables: { STAGE: 'prod' } }
      },
      Role: ROLE,
      upload: { kind: 'zip', sha256: SHA_A, size: 1000 }
    })
    expect(plan.codeSha256).toBe(SHA_A)
    expect(rows(plan.changes)).toEqual([
      { target: 'function orders', action: 'create', detail: expect.stringContaining('nodejs22.x') }
    ])
  })

  it('names every missing create input at once', () => {
    const problems = problemsOf(() => planFunctionChanges({ settings: settings(), pkg: pkg() }))
    expect(problems).toEqual([
      expect.stringMatching(
        /^runtime, handler, execution-role-arn: function orders does not exist; creating it needs runtime, handler, execution-role-arn$/
      )
    ])
  })

  it('needs a code source to create, naming code', () => {
    const problems = problemsOf(() =>
      planFunctionChanges({
        settings: settings({
          code: { kind: 'none' },
          config: { runtime: 'nodejs22.x', handler: 'index.handler', role: ROLE }
        })
      })
    )
    expect(problems).toEqual([expect.stringMatching(/^code: function orders does not exist/)])
  })

  it('creates an image function with only the execution role', () => {
    const imageUri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1'
    const plan = planFunctionChanges({
      settings: settings({ code: { kind: 'image', imageUri }, config: { role: ROLE } })
    })
    expect(writesOf(plan).create).toMatchObject({ PackageType: 'Image', Role: ROLE })
    expect(writesOf(plan).create?.upload).toEqual({ kind: 'image', imageUri })
    expect(plan.codeSha256).toBeUndefined()
  })

  it('refuses runtime and handler for an image function', () => {
    const problems = problemsOf(() =>
      planFunctionChanges({
        settings: settings({
          code: { kind: 'image', imageUri: 'r.example/orders:1' },
          config: { role: ROLE, runtime: 'nodejs22.x' }
        })
      })
    )
    expect(problems).toEqual([expect.stringMatching(/^runtime: an image function/)])
  })

  it('stages a zip over the direct-upload limit in the bucket', () => {
    const plan = planFunctionChanges({
      settings: settings({
        stagingBucket: 'stage',
        config: { runtime: 'nodejs22.x', handler: 'index.handler', role: ROLE }
      }),
      pkg: pkg({ size: DIRECT_UPLOAD_LIMIT + 10 })
    })
    expect(writesOf(plan).create?.upload).toEqual({
      kind: 'staged-zip',
      sha256: SHA_A,
      size: DIRECT_UPLOAD_LIMIT + 10,
      bucket: 'stage',
      key: stagingKey('orders', SHA_A)
    })
  })

  it('uploads a small zip directly even when a bucket is given', () => {
    const plan = planFunctionChanges({
      settings: settings({
        stagingBucket: 'stage',
        config: { runtime: 'nodejs22.x', handler: 'index.handler', role: ROLE }
      }),
      pkg: pkg()
    })
    expect(writesOf(plan).create?.upload.kind).toBe('zip')
  })
})

describe('planFunctionChanges: update', () => {
  it('changes nothing when the code hash matches and no configuration is named', () => {
    const plan = planFunctionChanges({ settings: settings(), pkg: pkg(), live: live() })
    expect(writesOf(plan).create).toBeUndefined()
    expect(writesOf(plan).code).toBeUndefined()
    expect(writesOf(plan).configuration).toBeUndefined()
    expect(plan.codeSha256).toBe(SHA_A)
    expect(rows(plan.changes).map(c => c.action)).toEqual(['unchanged', 'unchanged'])
  })

  it('uploads the code when its hash differs', () => {
    const plan = planFunctionChanges({
      settings: settings(),
      pkg: pkg({ sha256: SHA_B }),
      live: live()
    })
    expect(writesOf(plan).code).toEqual({ upload: { kind: 'zip', sha256: SHA_B, size: 1000 } })
    expect(plan.codeSha256).toBe(SHA_B)
    expect(rows(plan.changes)[1]).toMatchObject({
      target: 'function orders code',
      action: 'update'
    })
  })

  it('leaves code alone when no code source is given', () => {
    const plan = planFunctionChanges({
      settings: settings({ code: { kind: 'none' } }),
      live: live()
    })
    expect(writesOf(plan).code).toBeUndefined()
    expect(plan.codeSha256).toBe(SHA_A)
  })

  it('never touches the environment when it is not given', () => {
    const plan = planFunctionChanges({
      settings: settings({ config: { memorySize: 512 } }),
      pkg: pkg(),
      live: live()
    })
    expect(writesOf(plan).configuration).toEqual({ MemorySize: 512 })
  })

  it('compares environment as a map: order does not matter', () => {
    const plan = planFunctionChanges({
      settings: settings({ config: { environment: { KEEP: 'me', STAGE: 'prod' } } }),
      pkg: pkg(),
      live: live()
    })
    expect(writesOf(plan).configuration).toBeUndefined()
  })

  it('replaces the environment with exactly the given map', () => {
    const plan = planFunctionChanges({
      settings: settings({ config: { environment: { STAGE: 'test', NEW: 'x' } } }),
      pkg: pkg(),
      live: live()
    })
    expect(writesOf(plan).configuration).toEqual({
      Environment: { Variables: { STAGE: 'test', NEW: 'x' } }
    })
    expect(rows(plan.changes)[0].detail).toBe(
      'environment (added NEW; changed STAGE; removed KEEP)'
    )
  })

  it('clears the environment when given an empty map', () => {
    const plan = planFunctionChanges({
      settings: settings({ config: { environment: {} } }),
      pkg: pkg(),
      live: live()
    })
    expect(writesOf(plan).configuration).toEqual({ Environment: { Variables: {} } })
  })

  it('sends only the named fields that differ', () => {
    const plan = planFunctionChanges({
      settings: settings({
        config: {
          runtime: 'nodejs22.x',
          handler: 'main.handler',
          role: ROLE,
          memorySize: 128,
          timeout: 30,
          description: 'Orders API'
        }
      }),
      pkg: pkg(),
      live: live()
    })
    expect(writesOf(plan).configuration).toEqual({
      Handler: 'main.handler',
      Timeout: 30,
      Description: 'Orders API'
    })
    expect(rows(plan.changes)[0].detail).toBe(
      'handler index.handler → main.handler, timeout 3 → 30, description'
    )
  })

  it('reports named configuration that already matches as unchanged', () => {
    const plan = planFunctionChanges({
      settings: settings({ config: { memorySize: 128, timeout: 3 } }),
      pkg: pkg(),
      live: live()
    })
    expect(rows(plan.changes)[0]).toEqual({
      target: 'function orders configuration',
      action: 'unchanged',
      detail: 'memory-size, timeout as given'
    })
  })

  it('changes the architecture with the code, even when the code is the same', () => {
    const plan = planFunctionChanges({
      settings: settings({ config: { architectures: ['arm64'] } }),
      pkg: pkg(),
      live: live()
    })
    expect(writesOf(plan).code).toEqual({
      upload: { kind: 'zip', sha256: SHA_A, size: 1000 },
      Architectures: ['arm64']
    })
    expect(rows(plan.changes)[1].detail).toMatch(/architecture x86_64 → arm64/)
  })

  it('refuses an architecture change without code', () => {
    const problems = problemsOf(() =>
      planFunctionChanges({
        settings: settings({ code: { kind: 'none' }, config: { architectures: ['arm64'] } }),
        live: live()
      })
    )
    expect(problems).toEqual([expect.stringMatching(/^architectures: .* needs its code too/)])
  })

  it('refuses a zip for an image function and an image for a zip function', () => {
    expect(
      problemsOf(() =>
        planFunctionChanges({
          settings: settings(),
          pkg: pkg(),
          live: live({ PackageType: 'Image' })
        })
      )
    ).toEqual([expect.stringMatching(/^code: function orders is an image function/)])
    expect(
      problemsOf(() =>
        planFunctionChanges({
          settings: settings({ code: { kind: 'image', imageUri: 'r.example/o:1' } }),
          live: live()
        })
      )
    ).toEqual([expect.stringMatching(/^image-uri: function orders is a zip function/)])
  })

  describe('code already in S3', () => {
    const s3 = settings({ code: { kind: 's3', bucket: 'b', key: 'k.zip' } })

    it('is unchanged when the object’s SHA-256 matches CodeSha256', () => {
      const plan = planFunctionChanges({ settings: s3, live: live(), s3Sha256: SHA_A })
      expect(writesOf(plan).code).toBeUndefined()
    })

    it('is deployed when the object’s SHA-256 differs', () => {
      const plan = planFunctionChanges({ settings: s3, live: live(), s3Sha256: SHA_B })
      expect(writesOf(plan).code?.upload).toEqual({
        kind: 's3',
        bucket: 'b',
        key: 'k.zip',
        objectVersion: undefined,
        sha256: SHA_B
      })
    })

    it('is always deployed when S3 has no checksum to compare', () => {
      const plan = planFunctionChanges({ settings: s3, live: live() })
      expect(writesOf(plan).code).toBeDefined()
      expect(plan.codeSha256).toBeUndefined()
      expect(rows(plan.changes)[1].detail).toMatch(/has no full-object SHA-256 checksum/)
    })
  })

  describe('images', () => {
    const repo = '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders'
    const digest = `${repo}@sha256:${'a'.repeat(64)}`
    const image = (imageUri: string) => settings({ code: { kind: 'image', imageUri } })
    const imageLive = live(
      { PackageType: 'Image', Runtime: undefined, Handler: undefined },
      { imageUri: `${repo}:1`, resolvedImageUri: digest }
    )

    it('is unchanged when the URI is the deployed one', () => {
      expect(
        writesOf(planFunctionChanges({ settings: image(`${repo}:1`), live: imageLive })).code
      ).toBeUndefined()
    })

    it('is unchanged when the digest is the resolved one', () => {
      expect(
        writesOf(planFunctionChanges({ settings: image(digest), live: imageLive })).code
      ).toBeUndefined()
    })

    it('is deployed when the URI differs', () => {
      const plan = planFunctionChanges({ settings: image(`${repo}:2`), live: imageLive })
      expect(writesOf(plan).code?.upload).toEqual({ kind: 'image', imageUri: `${repo}:2` })
    })
  })
})

describe('planFunctionChanges: a function Lambda reports failed', () => {
  const afterFailedUpdate = {
    LastUpdateStatus: 'Failed',
    LastUpdateStatusReasonCode: 'EniLimitExceeded',
    LastUpdateStatusReason: 'Too many network interfaces.'
  }

  it('names the failed state and its reason', () => {
    expect(failure(live(afterFailedUpdate).configuration)).toBe(
      'LastUpdateStatus Failed: EniLimitExceeded: Too many network interfaces.'
    )
    expect(failure(live({ State: 'Failed' }).configuration)).toBe('State Failed')
    expect(failure(live({ State: 'Active', LastUpdateStatus: 'Successful' }).configuration)).toBe(
      undefined
    )
  })

  it('redeploys the same code after a failed update, saying why', () => {
    const plan = planFunctionChanges({
      settings: settings(),
      pkg: pkg(),
      live: live(afterFailedUpdate)
    })
    expect(writesOf(plan).code).toEqual({ upload: { kind: 'zip', sha256: SHA_A, size: 1000 } })
    expect(rows(plan.changes)[1]).toEqual({
      target: 'function orders code',
      action: 'update',
      detail: expect.stringMatching(
        /^redeployed because Lambda reports it failed \(LastUpdateStatus Failed: EniLimitExceeded: Too many network interfaces\.\); same code \(CodeSha256 .* matches\), /
      )
    })
    expect(plan.warnings).toEqual([
      'Lambda reports function orders failed (LastUpdateStatus Failed: EniLimitExceeded: Too many network interfaces.): its previous code and configuration still run; this run redeploys it'
    ])
  })

  it('redeploys a function in state Failed, warning that Lambda may need it recreated', () => {
    const plan = planFunctionChanges({
      settings: settings(),
      pkg: pkg(),
      live: live({ State: 'Failed', StateReason: 'Role is invalid' })
    })
    expect(writesOf(plan).code).toBeDefined()
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^Lambda reports function orders failed \(State Failed: Role is invalid\): this run redeploys its code, but .*must be deleted and created again; if it stays Failed, delete it and run the action again$/
      )
    ])
  })

  it('warns, changing nothing, when there is no code source to redeploy', () => {
    const plan = planFunctionChanges({
      settings: settings({ code: { kind: 'none' } }),
      live: live(afterFailedUpdate)
    })
    expect(writesOf(plan).code).toBeUndefined()
    expect(rows(plan.changes).map(c => c.action)).toEqual(['unchanged', 'unchanged'])
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /this run has no code source to redeploy it; give code, s3-key or image-uri$/
      )
    ])
  })

  it('warns about nothing for a healthy function', () => {
    const plan = planFunctionChanges({ settings: settings(), pkg: pkg(), live: live() })
    expect(plan.warnings).toEqual([])
  })
})

describe('planPublish', () => {
  const latest = live().configuration
  const version = (n: string, overrides: Partial<LiveConfiguration> = {}): LiveConfiguration => ({
    ...latest,
    Version: n,
    RevisionId: `v${n}`,
    ...overrides
  })

  it('plans nothing without publish', () => {
    expect(
      planPublish({ settings: settings(), latestChanges: true, latest, facts: { versions: [] } })
    ).toEqual([])
  })

  it('publishes when $LATEST changes, and creates a missing alias', () => {
    const plan = planPublish({
      settings: settings({ publish: true, alias: 'live' }),
      latestChanges: true,
      latest,
      facts: { versions: [] }
    })
    expect(writesOf(plan).reuse).toBeUndefined()
    expect(writesOf(plan).alias).toEqual({ name: 'live', action: 'create', arn: undefined })
    expect(rows(plan).map(c => [c.target, c.action])).toEqual([
      ['function orders version', 'create'],
      ['alias orders:live', 'create']
    ])
  })

  it('reuses the newest version when it matches $LATEST, and leaves the alias that points to it', () => {
    const plan = planPublish({
      settings: settings({ publish: true, alias: 'live' }),
      latestChanges: false,
      latest,
      facts: {
        versions: [version('1', { CodeSha256: SHA_B }), version('2')],
        alias: { FunctionVersion: '2', AliasArn: 'arn:alias' }
      }
    })
    expect(writesOf(plan).reuse).toBe('2')
    expect(writesOf(plan).alias).toEqual({ name: 'live', action: 'unchanged', arn: 'arn:alias' })
    expect(rows(plan).every(c => c.action === 'unchanged')).toBe(true)
  })

  it('moves an alias that points elsewhere to the matching version, publishing nothing', () => {
    const plan = planPublish({
      settings: settings({ publish: true, alias: 'live' }),
      latestChanges: false,
      latest,
      facts: {
        versions: [version('1', { CodeSha256: SHA_B }), version('2')],
        alias: { FunctionVersion: '1' }
      }
    })
    expect(writesOf(plan).reuse).toBe('2')
    expect(writesOf(plan).alias?.action).toBe('update')
    expect(rows(plan)[1].detail).toBe('version 1 → version 2')
  })

  it('prefers the alias’s version when it matches, even if a newer one does too', () => {
    const plan = planPublish({
      settings: settings({ publish: true, alias: 'live' }),
      latestChanges: false,
      latest,
      facts: { versions: [version('3'), version('4')], alias: { FunctionVersion: '3' } }
    })
    expect(writesOf(plan).reuse).toBe('3')
    expect(writesOf(plan).alias?.action).toBe('unchanged')
  })

  it('publishes when the newest version has other code or configuration', () => {
    for (const other of [{ CodeSha256: SHA_B }, { Environment: { Variables: { STAGE: 'x' } } }]) {
      const plan = planPublish({
        settings: settings({ publish: true }),
        latestChanges: false,
        latest,
        facts: { versions: [version('7', other)] }
      })
      expect(writesOf(plan).reuse).toBeUndefined()
      expect(rows(plan)[0].detail).toMatch(/no published version matches/)
    }
  })

  it('compares version numbers as numbers', () => {
    const plan = planPublish({
      settings: settings({ publish: true }),
      latestChanges: false,
      latest,
      facts: { versions: [version('9'), version('10'), version('2')] }
    })
    expect(writesOf(plan).reuse).toBe('10')
  })

  it('ignores the version description when comparing a version with $LATEST', () => {
    expect(sameDeployment(version('1', { Description: 'apic-lambda-deploy: …' }), latest)).toBe(
      true
    )
  })
})

describe('sameDeployment', () => {
  const latest = live().configuration
  /** A published copy of $LATEST, with the fields that belong to the version alone. */
  const published = (extra: Record<string, unknown> = {}): LiveConfiguration =>
    ({
      ...latest,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders:7',
      Version: '7',
      Description: 'apic-lambda-deploy: acme/orders@abc',
      LastModified: '2026-01-01T00:00:00.000+0000',
      RevisionId: 'v7',
      State: 'Active',
      LastUpdateStatus: 'Successful',
      ...extra
    }) as LiveConfiguration
  const latestWith = (extra: Record<string, unknown>): LiveConfiguration =>
    ({ ...latest, ...extra }) as LiveConfiguration

  it('ignores what belongs to one version: ARN, number, description, dates, revision, state', () => {
    expect(sameDeployment(published(), latestWith({ State: 'Pending' }))).toBe(true)
  })

  it.each<[string, Record<string, unknown>]>([
    ['layers', { Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:deps:2' }] }],
    ['VPC', { VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'], VpcId: 'vpc-1' } }],
    ['ephemeral storage', { EphemeralStorage: { Size: 1024 } }],
    ['logging', { LoggingConfig: { LogFormat: 'JSON', LogGroup: '/aws/lambda/orders' } }],
    ['the KMS key', { KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1' }],
    ['the code', { CodeSha256: SHA_B }],
    ['the timeout', { Timeout: 30 }],
    ['a field this action does not know', { DurableConfig: { RetentionPeriodInDays: 7 } }]
  ])('sees %s changed on $LATEST outside the action', (_, change) => {
    expect(sameDeployment(published(), latestWith(change))).toBe(false)
  })

  it('takes layer order into account', () => {
    const a = { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:a:1' }
    const b = { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:b:1' }
    expect(sameDeployment(published({ Layers: [a, b] }), latestWith({ Layers: [b, a] }))).toBe(
      false
    )
  })

  it('treats empty and absent settings alike, and key order as meaningless', () => {
    const emptyVpc = { VpcConfig: { SubnetIds: [], SecurityGroupIds: [], VpcId: '' }, Layers: [] }
    expect(sameDeployment(published(emptyVpc), latest)).toBe(true)
    const reordered = latestWith({ EphemeralStorage: { Size: 512 }, TracingConfig: { Mode: 'X' } })
    const version = published({ TracingConfig: { Mode: 'X' }, EphemeralStorage: { Size: 512 } })
    expect(sameDeployment(version, reordered)).toBe(true)
  })

  it('compares SnapStart by its setting, not by the optimization only versions get', () => {
    const snap = (status: string) => ({
      SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: status }
    })
    expect(sameDeployment(published(snap('On')), latestWith(snap('Off')))).toBe(true)
    expect(
      sameDeployment(
        published(snap('On')),
        latestWith({ SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' } })
      )
    ).toBe(false)
  })

  it('ignores the SDK’s $metadata of a whole GetFunctionConfiguration output', () => {
    expect(sameDeployment(published({ $metadata: { httpStatusCode: 200 } }), latest)).toBe(true)
  })
})

describe('environment changes', () => {
  it('names variables, never their values', () => {
    const change = settingChanges(
      'UpdateFunctionConfiguration',
      { environment: { TOKEN: 'n3w-s3cr3t', NEW: 'x' } },
      { configuration: { Environment: { Variables: { TOKEN: 's3cr3t', OLD: 'y' } } } }
    )?.fields
    expect(change).toEqual([
      { input: 'environment', added: ['NEW'], changed: ['TOKEN'], removed: ['OLD'] }
    ])
    expect(JSON.stringify(change)).not.toContain('s3cr3t')
  })
})

/** The changes as the report words them: what these tests assert. */
function rows(changes: FunctionChange[] | undefined) {
  return (changes ?? []).map(changeRow)
}
