// Deploying the function end to end: the bundled action, run as the GitHub runner runs it, against
// the local emulator. Each test asserts the outputs, the emulator's final state and the exact AWS
// calls from its request log. The tests share one emulator and run in order: each starts from the
// state the previous one left.
import { CreateRoleCommand } from '@aws-sdk/client-iam'
import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { zipSync } from 'fflate'
import { randomBytes } from 'node:crypto'
import { cp, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { codeSha256, packageCode } from '../../src/function/code-package.js'
import { clients, LAMBDA_TRUST } from '../emulator/helpers.js'
import { ACCOUNT, functionArn, ORG, roleArn } from '../../harness/constants.js'
import {
  collapsePolls,
  ok,
  only,
  refuse,
  runE2e,
  startE2eEmulator,
  type E2eRun,
  type Inputs
} from '../support/e2e.js'

const EXEC_ROLE = roleArn('orders-exec')

let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator(
    { roles: [executionRole('orders-exec')], buckets: ['deploy-staging'] },
    300
  )
  workspace = await mkdtemp(join(tmpdir(), 'apic-deploy-e2e-'))
  await writeApp('app', 'v1')
})

afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})

async function writeApp(dir: string, version: string): Promise<void> {
  await mkdir(join(workspace, dir, 'lib'), { recursive: true })
  await writeFile(
    join(workspace, dir, 'index.js'),
    `export const handler = async () => ({ statusCode: 200, body: '${version}' })\n`
  )
  await writeFile(join(workspace, dir, 'lib', 'util.js'), 'export const id = x => x\n')
}

const BASE = {
  'function-name': 'orders',
  code: 'app',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': EXEC_ROLE,
  'provider-org-id': ORG,
  verify: 'off'
}

const deploy = (inputs: Inputs) => runE2e(emu, inputs, { workspace })

/** The writes to Lambda and S3 only (a new function also gets its API Connect role). */
const deployWrites = (run: E2eRun) => run.writes.filter(w => !w.startsWith('iam:'))

/** The next s3:HeadObject answers 403 AccessDenied, as S3 does to a caller it will not show the key. */
const denyNextHeadObject = () => refuse(emu, 's3:HeadObject', 'AccessDenied', 1)

/** The function as the emulator stores it (keyed by ARN). */
const fn = (name = 'orders') => emu.state.lambda.functions.get(functionArn(name))

describe('deploying the function', () => {
  let firstSha: string

  it('creates a new function, waits until Active, and outputs it', async () => {
    const run = await deploy(BASE)
    ok(run)
    const expected = (await packageCode(join(workspace, 'app'))).sha256
    firstSha = expected
    expect(run.outputs).toMatchObject({
      'function-name': 'orders',
      'function-arn': functionArn('orders'),
      region: 'us-east-1',
      'code-sha256': expected,
      version: ''
    })
    expect(collapsePolls(only('lambda', run.calls))).toEqual([
      'lambda:GetFunction(ResourceNotFoundException)',
      'lambda:CreateFunction',
      'lambda:GetFunction+'
    ])
    expect(run.log).toContain('Waiting for function orders to become Active')
    expect(run.log).toContain('::group::Create function orders')
    const created = fn()
    expect(created?.code.sha256).toBe(expected)
    expect(created?.settings).toMatchObject({
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: EXEC_ROLE
    })
    expect(created?.tags).toMatchObject({
      'managed-by': 'apic-lambda-deploy',
      'github-repository': 'acme/orders-api',
      'github-commit': '0123456789abcdef0123456789abcdef01234567'
    })
  })

  it('makes zero write calls on a rerun with nothing changed', async () => {
    const run = await deploy(BASE)
    ok(run)
    expect(run.writes).toEqual([])
    expect(only('lambda', run.calls)).toEqual(['lambda:GetFunction'])
    expect(run.outputs['code-sha256']).toBe(firstSha)
    expect(run.log).toContain('Unchanged function orders code: CodeSha256')
  })

  it('zips the same tree copied elsewhere with other file times to the same bytes', async () => {
    await cp(join(workspace, 'app'), join(workspace, 'copy'), { recursive: true })
    const old = new Date('2001-02-03T04:05:06Z')
    for (const file of ['index.js', 'lib/util.js', 'lib'])
      await utimes(join(workspace, 'copy', file), old, old)
    const [a, b] = await Promise.all([
      packageCode(join(workspace, 'app')),
      packageCode(join(workspace, 'copy'))
    ])
    expect(Buffer.compare(Buffer.from(a.zip), Buffer.from(b.zip))).toBe(0)
    const run = await deploy({ ...BASE, code: 'copy' })
    ok(run)
    expect(run.writes).toEqual([])
    expect(run.outputs['code-sha256']).toBe(firstSha)
  })

  it('uploads a code change exactly once and waits for Successful', async () => {
    await writeApp('app', 'v2')
    const run = await deploy(BASE)
    ok(run)
    const expected = (await packageCode(join(workspace, 'app'))).sha256
    expect(expected).not.toBe(firstSha)
    expect(run.writes).toEqual(['lambda:UpdateFunctionCode'])
    expect(collapsePolls(only('lambda', run.calls))).toEqual([
      'lambda:GetFunction',
      'lambda:UpdateFunctionCode',
      'lambda:GetFunction+'
    ])
    expect(run.log).toContain(
      'Waiting for the update of function orders to finish (LastUpdateStatus Successful)'
    )
    expect(run.outputs['code-sha256']).toBe(expected)
    expect(fn()?.code.sha256).toBe(expected)
  })

  it('replaces the environment with exactly what was given, and leaves it alone when not given', async () => {
    const set = await deploy({ ...BASE, environment: 'STAGE=prod\nTOKEN_NAME=orders' })
    ok(set)
    expect(set.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(fn()?.settings.Environment?.Variables).toEqual({ STAGE: 'prod', TOKEN_NAME: 'orders' })

    const untouched = await deploy({ ...BASE, 'memory-size': '256' })
    ok(untouched)
    expect(untouched.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(fn()?.settings.MemorySize).toBe(256)
    expect(fn()?.settings.Environment?.Variables).toEqual({ STAGE: 'prod', TOKEN_NAME: 'orders' })

    const same = await deploy({ ...BASE, environment: '{"TOKEN_NAME":"orders","STAGE":"prod"}' })
    ok(same)
    expect(same.writes).toEqual([])

    const replaced = await deploy({ ...BASE, environment: 'STAGE=test' })
    ok(replaced)
    expect(replaced.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(fn()?.settings.Environment?.Variables).toEqual({ STAGE: 'test' })
    expect(replaced.log).toContain('environment (changed STAGE; removed TOKEN_NAME)')
    // Names only: values never reach the log.
    expect(replaced.log).not.toContain('STAGE=test')
  })

  it('waits for an update in progress and then succeeds', async () => {
    emu.configure({ functionUpdateMs: 2000 })
    try {
      await clients(emu.url).lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 5 })
      )
      await writeApp('app', 'v3')
      const run = await deploy(BASE)
      ok(run)
      expect(run.writes).toEqual([
        'lambda:UpdateFunctionCode(ResourceConflictException)',
        'lambda:UpdateFunctionCode'
      ])
      expect(run.log).toMatch(/lambda:UpdateFunctionCode: function orders is busy/)
      expect(fn()?.code.sha256).toBe(run.outputs['code-sha256'])
      expect(fn()?.settings.Timeout).toBe(5)
    } finally {
      emu.configure({ functionUpdateMs: 300 })
    }
  })

  it('retries CreateFunction until a brand-new execution role is usable', async () => {
    emu.configure({ roleAssumableAfterMs: 2500 })
    try {
      const { Role } = await clients(emu.url).iam.send(
        new CreateRoleCommand({ RoleName: 'fresh-exec', AssumeRolePolicyDocument: LAMBDA_TRUST })
      )
      const run = await deploy({
        ...BASE,
        'function-name': 'orders-fresh',
        'execution-role-arn': Role?.Arn ?? ''
      })
      ok(run)
      const creates = run.calls.filter(c => c.startsWith('lambda:CreateFunction'))
      expect(creates.length).toBeGreaterThan(1)
      expect(creates.slice(0, -1)).toEqual(
        creates.slice(0, -1).map(() => 'lambda:CreateFunction(InvalidParameterValueException)')
      )
      expect(creates[creates.length - 1]).toBe('lambda:CreateFunction')
      expect(run.log).toContain(
        'lambda:CreateFunction: the execution role cannot be assumed by Lambda yet'
      )
      expect(fn('orders-fresh')?.settings.Role).toBe(Role?.Arn)
    } finally {
      emu.configure({ roleAssumableAfterMs: 0 })
    }
  })

  it('publishes a version and points the alias at it; a rerun publishes nothing', async () => {
    const first = await deploy({ ...BASE, alias: 'live' })
    ok(first)
    expect(first.writes).toEqual(['lambda:PublishVersion', 'lambda:CreateAlias'])
    expect(first.outputs.version).toBe('1')
    expect(fn()?.aliases.get('live')?.functionVersion).toBe('1')
    expect(fn()?.versions[0].description).toMatch(
      /^apic-lambda-deploy: acme\/orders-api@0123456789ab https:\/\/github.com\/acme\/orders-api\/actions\/runs\/4242$/
    )

    const rerun = await deploy({ ...BASE, alias: 'live' })
    ok(rerun)
    expect(rerun.writes).toEqual([])
    // The alias's version alone is read and compared; no listing of every version.
    expect(only('lambda', rerun.calls)).toEqual([
      'lambda:GetFunction',
      'lambda:GetAlias',
      'lambda:GetFunctionConfiguration'
    ])
    expect(rerun.outputs.version).toBe('1')
    expect(fn()?.versions).toHaveLength(1)

    await writeApp('app', 'v4')
    const change = await deploy({ ...BASE, alias: 'live' })
    ok(change)
    expect(change.writes).toEqual([
      'lambda:UpdateFunctionCode',
      'lambda:PublishVersion',
      'lambda:UpdateAlias'
    ])
    expect(change.outputs.version).toBe('2')
    expect(fn()?.aliases.get('live')?.functionVersion).toBe('2')
    expect(fn()?.versions[1].code.sha256).toBe(change.outputs['code-sha256'])
  })

  it('writes nothing in a dry run and reports the plan', async () => {
    await writeApp('app', 'v5')
    const before = fn()?.code.sha256
    const run = await deploy({
      ...BASE,
      alias: 'live',
      'memory-size': '512',
      'dry-run': 'true'
    })
    ok(run)
    expect(run.writes).toEqual([])
    expect(run.log).toContain('Would update function orders configuration: memory-size 256 → 512')
    expect(run.log).toContain('Would update function orders code: CodeSha256')
    expect(run.log).toContain('Would create function orders version')
    expect(run.log).toContain('Would update alias orders:live: version 2 → the new version')
    expect(fn()?.code.sha256).toBe(before)

    const create = await deploy({ ...BASE, 'function-name': 'orders-new', 'dry-run': 'true' })
    ok(create)
    expect(create.writes).toEqual([])
    expect(create.log).toContain(
      'Would create function orders-new: nodejs22.x, handler index.handler'
    )
    expect(fn('orders-new')).toBeUndefined()
  })

  it('outputs the plain function name when an ARN is given', async () => {
    const run = await deploy({
      ...BASE,
      'function-name': functionArn('orders'),
      code: ''
    })
    ok(run)
    expect(run.outputs['function-name']).toBe('orders')
    expect(run.writes).toEqual([])
  })
})

describe('other code sources', () => {
  const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/orders`
  const image = {
    'function-name': 'orders-image',
    'image-uri': `${IMAGE}:1`,
    'execution-role-arn': EXEC_ROLE,
    'provider-org-id': ORG,
    verify: 'off'
  }

  it('creates an image function, leaves the same image alone and deploys a new one', async () => {
    const create = await deploy(image)
    ok(create)
    expect(deployWrites(create)).toEqual(['lambda:CreateFunction'])
    expect(fn('orders-image')?.settings.PackageType).toBe('Image')

    const rerun = await deploy(image)
    ok(rerun)
    expect(rerun.writes).toEqual([])

    const next = await deploy({ ...image, 'image-uri': `${IMAGE}:2` })
    ok(next)
    expect(next.writes).toEqual(['lambda:UpdateFunctionCode'])
    expect(fn('orders-image')?.code.imageUri).toBe(`${IMAGE}:2`)
  })

  it('compares code in S3 through its SHA-256 checksum, and redeploys one without', async () => {
    const { s3 } = clients(emu.url)
    const pkg = await packageCode(join(workspace, 'app'))
    await s3.send(
      new PutObjectCommand({
        Bucket: 'deploy-staging',
        Key: 'orders/with-checksum.zip',
        Body: pkg.zip,
        ChecksumAlgorithm: 'SHA256'
      })
    )
    await s3.send(
      new PutObjectCommand({
        Bucket: 'deploy-staging',
        Key: 'orders/plain.zip',
        Body: pkg.zip,
        ChecksumAlgorithm: 'CRC32'
      })
    )
    const inputs = {
      ...BASE,
      'function-name': 'orders-s3',
      code: '',
      's3-bucket': 'deploy-staging'
    }
    const create = await deploy({ ...inputs, 's3-key': 'orders/with-checksum.zip' })
    ok(create)
    expect(deployWrites(create)).toEqual(['lambda:CreateFunction'])
    expect(create.outputs['code-sha256']).toBe(pkg.sha256)

    const rerun = await deploy({ ...inputs, 's3-key': 'orders/with-checksum.zip' })
    ok(rerun)
    expect(rerun.calls).toContain('s3:HeadObject')
    expect(rerun.writes).toEqual([])

    const plain = await deploy({ ...inputs, 's3-key': 'orders/plain.zip' })
    ok(plain)
    expect(plain.writes).toEqual(['lambda:UpdateFunctionCode'])
    expect(plain.log).toContain(
      'has no full-object SHA-256 checksum in S3 to compare, so it is deployed every run'
    )
    expect(plain.outputs['code-sha256']).toBe(pkg.sha256)
  })

  it('names s3-key when the object is missing or unreadable (404, or 403 without s3:ListBucket)', async () => {
    const inputs = {
      ...BASE,
      'function-name': 'orders-s3',
      code: '',
      's3-bucket': 'deploy-staging',
      's3-key': 'orders/missing.zip'
    }
    const missing = await deploy(inputs)
    expect(missing.exitCode).toBe(1)
    expect(missing.errors.join('\n')).toContain(
      's3-key: s3://deploy-staging/orders/missing.zip does not exist or cannot be read (s3:HeadObject answered HTTP 404)'
    )
    expect(missing.writes).toEqual([])

    denyNextHeadObject()
    const denied = await deploy(inputs)
    expect(denied.exitCode).toBe(1)
    expect(denied.errors.join('\n')).toContain('(s3:HeadObject answered HTTP 403)')
    expect(denied.calls).toContain('s3:HeadObject(AccessDenied)')
    expect(denied.writes).toEqual([])
  })
})

describe('a zip over the 50 MB direct-upload limit', () => {
  let bigZip: string
  let sha: string

  beforeAll(async () => {
    // Random bytes do not compress: a stored zip just over the limit, written as a .zip file.
    const zip = zipSync({ 'blob.bin': [randomBytes(52_500_000), { level: 0 }] })
    bigZip = join(workspace, 'big.zip')
    await writeFile(bigZip, zip)
    sha = codeSha256(zip)
  })

  it('is refused without s3-bucket, naming s3-bucket, before any AWS call', async () => {
    const run = await deploy({ ...BASE, code: 'big.zip' })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      /s3-bucket: the package is 50\.1 MB \(\d+ bytes\) zipped, over the 52428800 bytes/
    )
    expect(run.calls).toEqual([])
  })

  it('goes through the staging bucket, and is not uploaded again on a rerun', async () => {
    // S3 answers 403, not 404, for a missing key to a caller without s3:ListBucket (which the
    // README does not ask for), and the SDK cannot name a bodiless 403: it must still upload.
    denyNextHeadObject()
    const run = await deploy({ ...BASE, code: 'big.zip', 's3-bucket': 'deploy-staging' })
    ok(run)
    expect(run.writes).toEqual(['s3:PutObject', 'lambda:UpdateFunctionCode'])
    expect(run.calls).toContain('s3:HeadObject(AccessDenied)')
    expect(run.outputs['code-sha256']).toBe(sha)
    expect(fn()?.code.sha256).toBe(sha)

    const rerun = await deploy({ ...BASE, code: 'big.zip', 's3-bucket': 'deploy-staging' })
    ok(rerun)
    expect(rerun.writes).toEqual([])
  }, 120_000)

  it('deploys a package staged before from the bucket, without sending it again', async () => {
    ok(await deploy(BASE))
    const back = await deploy({ ...BASE, code: 'big.zip', 's3-bucket': 'deploy-staging' })
    ok(back)
    expect(back.calls).toContain('s3:HeadObject')
    expect(back.writes).toEqual(['lambda:UpdateFunctionCode'])
    expect(back.log).toContain('is already there; not uploaded again')
    expect(fn()?.code.sha256).toBe(sha)
  }, 120_000)
})

describe('bad input', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['function name syntax', { 'function-name': 'orders api' }, /function-name: "orders api"/],
    ['region syntax', { region: 'mars-1' }, /region: "mars-1" is not an AWS region/],
    ['a missing code path', { code: 'nowhere' }, /code: "nowhere" does not exist/],
    ['two code sources', { 'image-uri': 'r.example/o:1' }, /code, image-uri: give at most one/],
    ['memory out of range', { 'memory-size': '64' }, /memory-size: "64" must be a whole number/],
    ['a non-numeric timeout', { timeout: 'ten' }, /timeout: "ten" must be a whole number/],
    ['malformed environment', { environment: 'NOEQUALS' }, /environment: line 1 is not KEY=VALUE/],
    [
      'a role ARN that is not a role',
      { 'execution-role-arn': `arn:aws:iam::${ACCOUNT}:user/bob` },
      /execution-role-arn: .* is not an IAM role ARN/
    ]
  ]

  it.each(cases)('fails on %s with a clear error and no AWS call', async (_, inputs, error) => {
    const run = await deploy({ ...BASE, 'function-name': 'orders-bad', ...inputs })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toMatch(error)
    expect(run.calls).toEqual([])
  })

  it('fails on an empty directory with no AWS call', async () => {
    await mkdir(join(workspace, 'empty'), { recursive: true })
    const run = await deploy({ ...BASE, 'function-name': 'orders-bad', code: 'empty' })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toMatch(/code: .* contains no files/)
    expect(run.calls).toEqual([])
  })

  it('reports every create input that is missing, after GetFunction and before any write', async () => {
    const run = await deploy({
      'function-name': 'orders-bad',
      code: 'app',
      'provider-org-id': ORG,
      verify: 'off'
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      /runtime, handler, execution-role-arn: function orders-bad does not exist; creating it needs runtime, handler, execution-role-arn/
    )
    expect(only('lambda', run.calls)).toEqual(['lambda:GetFunction(ResourceNotFoundException)'])
    expect(run.writes).toEqual([])
  })
})
