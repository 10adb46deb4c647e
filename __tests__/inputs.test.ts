import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSettings } from '../src/inputs/read.js'
import { defaultRoleName } from '../src/inputs/role.js'
import { InputError, type Settings } from '../src/inputs/settings.js'

const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const base = { 'function-name': 'orders', 'provider-org-id': ORG }
const env = { AWS_REGION: 'eu-west-2' }

const read = (inputs: Record<string, string>, environment: NodeJS.ProcessEnv = env): Settings =>
  readSettings(name => inputs[name] ?? '', environment)

/** The problems readSettings reports, or [] when it accepts the inputs. */
function problems(inputs: Record<string, string>, environment: NodeJS.ProcessEnv = env): string[] {
  try {
    read(inputs, environment)
    return []
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
}

describe('readSettings', () => {
  test('minimal inputs get the documented defaults', () => {
    const s = read(base)
    expect(s).toMatchObject({
      functionName: 'orders',
      region: 'eu-west-2',
      code: { kind: 'none' },
      publish: false,
      dryRun: false,
      verify: 'fail',
      role: { name: 'apic-invoke-orders', path: '/', manage: true, tags: {} },
      apiConnect: {
        externalId: ORG,
        principalArn: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
      }
    })
    expect(s.config).toEqual({
      runtime: undefined,
      handler: undefined,
      role: undefined,
      architectures: undefined,
      memorySize: undefined,
      timeout: undefined,
      description: undefined,
      environment: undefined
    })
  })

  test('a function ARN gives name, region and account', () => {
    const s = read(
      { ...base, 'function-name': 'arn:aws:lambda:eu-central-1:111122223333:function:orders' },
      {}
    )
    expect(s).toMatchObject({
      functionName: 'orders',
      region: 'eu-central-1',
      functionAccountId: '111122223333'
    })
    expect(s.apiConnect.principalArn).toBe(
      'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-central-a'
    )
  })

  test('region falls back from input to ARN to AWS_REGION to AWS_DEFAULT_REGION', () => {
    expect(read({ ...base, region: 'us-east-1' }).region).toBe('us-east-1')
    expect(read(base, { AWS_DEFAULT_REGION: 'us-east-1' }).region).toBe('us-east-1')
    expect(problems(base, {})).toEqual([expect.stringMatching(/^region: is required/)])
  })

  test.each([
    ['frankfurt', 'eu-central-a'],
    ['eu-central-1', 'eu-central-a'],
    ['London', 'eu-west-a'],
    ['us-east-a', 'us-east-a'],
    ['n-virginia', 'us-east-a']
  ])('api-connect-region %s maps to %s', (name, id) => {
    const s = read({ ...base, 'api-connect-region': name })
    expect(s.apiConnect.principalArn).toBe(`arn:aws:iam::623947394061:role/ibm-apiconnect-${id}`)
  })

  test('the API Connect region and the Lambda region are independent', () => {
    const s = read({ ...base, region: 'eu-central-1', 'api-connect-region': 'london' })
    expect(s.region).toBe('eu-central-1')
    expect(s.apiConnect.principalArn).toMatch(/ibm-apiconnect-eu-west-a$/)
  })

  test('an explicit principal overrides the table', () => {
    const arn = 'arn:aws:iam::999988887777:role/apic-private'
    const s = read({ ...base, 'api-connect-region': 'london', 'api-connect-role-arn': arn })
    expect(s.apiConnect).toEqual({
      externalId: ORG,
      principalArn: arn,
      source: 'api-connect-role-arn input'
    })
  })

  test('a region whose IBM role is unpublished asks for api-connect-role-arn, never guesses', () => {
    const sydney =
      'api-connect-role-arn: API Connect region ap-southeast-a (Sydney, ap-southeast-2) has no role published by IBM yet; IBM names its role per region under "Setting up permissions and trust in AWS" at https://www.ibm.com/docs/en/api-connect/saas?topic=policies-lambda (or ask IBM Support for it); pass it as api-connect-role-arn'
    // IBM's id, AWS's region name and the city name all name the region.
    for (const name of ['ap-southeast-a', 'AP-SOUTHEAST-A', 'ap-southeast-2', 'sydney'])
      expect(problems({ ...base, 'api-connect-region': name })).toEqual([sydney])
    // A function in Sydney: API Connect runs there, so the message is the same, not "no region".
    expect(problems(base, { AWS_REGION: 'ap-southeast-2' })).toEqual([sydney])
    // With the ARN given, the region is accepted.
    const arn = 'arn:aws:iam::623947394061:role/ibm-apiconnect-ap-southeast-a'
    expect(
      problems({ ...base, 'api-connect-region': 'ap-southeast-a', 'api-connect-role-arn': arn })
    ).toEqual([])
    expect(problems(base, { AWS_REGION: 'sa-east-1' })).toEqual([
      expect.stringMatching(/^api-connect-region: no API Connect region runs in sa-east-1/)
    ])
  })

  test('environment and role-tags accept KEY=VALUE lines or JSON', () => {
    const s = read({
      ...base,
      environment: 'AA=1\n# comment\nBB = two=2\n',
      'role-tags': '{"team":"payments"}'
    })
    expect(s.config.environment).toEqual({ AA: '1', BB: 'two=2' })
    expect(s.role.tags).toEqual({ team: 'payments' })
    expect(read({ ...base, environment: '{}' }).config.environment).toEqual({})
  })

  test('alias implies publish; booleans are YAML 1.2 core booleans', () => {
    expect(read({ ...base, alias: 'live' })).toMatchObject({ alias: 'live', publish: true })
    expect(read({ ...base, 'dry-run': 'TRUE', 'manage-role': 'False' })).toMatchObject({
      dryRun: true,
      role: { manage: false }
    })
  })

  test('a code path is resolved against the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-'))
    expect(read({ ...base, code: dir }).code).toEqual({ kind: 'path', path: dir })
    const zip = join(dir, 'fn.zip')
    writeFileSync(zip, 'PK')
    expect(read({ ...base, code: zip, 's3-bucket': 'staging-bucket' })).toMatchObject({
      code: { kind: 'path', path: zip },
      stagingBucket: 'staging-bucket'
    })
    expect(read({ ...base, 's3-bucket': 'code-bucket', 's3-key': 'fn.zip' }).code).toEqual({
      kind: 's3',
      bucket: 'code-bucket',
      key: 'fn.zip',
      objectVersion: undefined
    })
  })

  test('every bad input is reported at once, each naming its input', () => {
    const found = problems(
      {
        'function-name': 'orders:live',
        region: 'Europe',
        'provider-org-id': 'Acme Payments',
        'api-connect-region': 'mars',
        'memory-size': '64',
        timeout: 'ten',
        runtime: 'node',
        'execution-role-arn': 'arn:aws:iam::123456789012:user/bob',
        architectures: 'x86',
        environment: 'AWS_REGION=x\n1BAD=y\nnot a pair',
        'role-name': 'has space',
        'role-path': 'apic',
        'permissions-boundary': 'boundary',
        'role-tags': 'aws:owner=me',
        'manage-role': 'maybe',
        verify: 'strict',
        'expected-account-id': '123',
        'endpoint-url': 'localhost:4566',
        alias: '42',
        code: './does-not-exist',
        'image-uri': 'nope'
      },
      {}
    )
    const named = found.map(p => p.slice(0, p.indexOf(':')))
    expect(new Set(named)).toEqual(
      new Set([
        'function-name',
        'region',
        'provider-org-id',
        'api-connect-region',
        'memory-size',
        'timeout',
        'runtime',
        'execution-role-arn',
        'architectures',
        'environment',
        'role-name',
        'role-path',
        'permissions-boundary',
        'role-tags',
        'manage-role',
        'verify',
        'expected-account-id',
        'endpoint-url',
        'alias',
        'code, image-uri',
        'code',
        'image-uri'
      ])
    )
    expect(found).toContain(
      'provider-org-id: "Acme Payments" is not a UUID. It is the provider organization\'s ID, not its name (e.g. ac51909e-a379-4153-a0e8-ef4a25a83405): `apic orgs:list --my --server <management server>` lists it'
    )
    expect(found).toContain('memory-size: "64" must be a whole number from 128 to 10240')
    expect(found).toContain('environment: "AWS_REGION" is reserved by Lambda')
    expect(found).toContain('environment: line 3 is not KEY=VALUE')
  })

  test('the error message lists every problem', () => {
    expect(() => read({})).toThrow(
      /^2 invalid inputs:\n {2}- function-name: is required.*\n {2}- provider-org-id: is required/
    )
  })

  test.each([
    ['*', 'api-connect-role-arn'],
    ['arn:aws:iam::123456789012:role/*', 'api-connect-role-arn'],
    ['arn:aws:iam::123456789012:user/apic', 'api-connect-role-arn']
  ])('principal %s is refused', (arn, name) => {
    expect(problems({ ...base, 'api-connect-role-arn': arn })).toEqual([
      expect.stringMatching(new RegExp(`^${name}: `))
    ])
  })

  test.each([
    ['s3-key without bucket', { 's3-key': 'k.zip' }, 's3-bucket: is required with s3-key'],
    [
      'version without key',
      { 's3-object-version': 'v1' },
      's3-object-version: needs s3-bucket and s3-key'
    ],
    [
      'bucket alone',
      { 's3-bucket': 'code-bucket' },
      expect.stringMatching(/^s3-bucket: needs s3-key/)
    ],
    [
      'two sources',
      { 's3-bucket': 'b-b', 's3-key': 'k', 'image-uri': '1.dkr.ecr.x.amazonaws.com/r:t' },
      expect.stringMatching(/^s3-key, image-uri: give at most one/)
    ],
    [
      'tags over the limit',
      { 'role-tags': Array.from({ length: 48 }, (_, i) => `k${i}=v`).join('\n') },
      expect.stringMatching(/^role-tags: at most 47 tags/)
    ],
    [
      'qualified ARN',
      { 'function-name': 'arn:aws:lambda:eu-west-2:111122223333:function:orders:3' },
      expect.stringMatching(/^function-name: .* names version or alias "3"/)
    ],
    [
      'an ARN with an 11-digit account (not a qualifier)',
      { 'function-name': 'arn:aws:lambda:eu-west-2:11112222333:function:orders' },
      'function-name: "arn:aws:lambda:eu-west-2:11112222333:function:orders" is not a Lambda function ARN: the account ID must be 12 digits'
    ],
    [
      'a partial ARN with a malformed account',
      { 'function-name': '1111-2222-3333:function:orders' },
      'function-name: "1111-2222-3333:function:orders" is not a Lambda function ARN: the account ID must be 12 digits'
    ],
    [
      'an ARN of another service',
      { 'function-name': 'arn:aws:states:eu-west-2:111122223333:stateMachine:orders' },
      'function-name: "arn:aws:states:eu-west-2:111122223333:stateMachine:orders" is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)'
    ],
    [
      'region unlike the ARN',
      {
        'function-name': 'arn:aws:lambda:eu-west-2:111122223333:function:orders',
        region: 'us-east-1'
      },
      'region: "us-east-1" differs from the region in function-name (eu-west-2)'
    ]
  ])('%s', (_, inputs, expected) => {
    expect(problems({ ...base, ...inputs })).toEqual([expected])
  })
})

describe('environment', () => {
  test('names need two characters, as Lambda requires; an invalid name is never quoted', () => {
    expect(problems({ ...base, environment: 'X=1' })).toEqual([
      'environment: line 1: the name is not valid (a letter, then one or more letters, digits or _)'
    ])
    // The line of a PEM that holds a `=` is not a name: nothing of it is repeated.
    expect(problems({ ...base, environment: 'AA=1\nMIIEvQ+abc/def=' })).toEqual([
      'environment: line 2: the name is not valid (a letter, then one or more letters, digits or _)'
    ])
  })

  test('both forms refuse a repeated name, and JavaScript’s own property names', () => {
    expect(problems({ ...base, environment: 'AA=1\nBB=2\nAA=3' })).toEqual([
      'environment: line 3: "AA" is already set (line 1)'
    ])
    expect(problems({ ...base, environment: '{"AA": "1", "BB": "x\\": y", "AA": "3"}' })).toEqual([
      'environment: entry 3: "AA" is already set (entry 1)'
    ])
    for (const environment of ['__proto__=x', '{"__proto__": "x"}', 'constructor=x'])
      expect(problems({ ...base, environment })).toEqual([
        expect.stringMatching(
          /^environment: (line|entry) 1: (__proto__|constructor) is not allowed/
        )
      ])
  })

  test('both forms: whitespace around a name is trimmed from a line, refused in JSON', () => {
    expect(read({ ...base, environment: ' AA = 1 ' }).config.environment).toEqual({ AA: '1' })
    expect(problems({ ...base, environment: '{" AA": "1"}' })).toEqual([
      'environment: entry 1: the name has whitespace around it'
    ])
    expect(problems({ ...base, environment: '{"AA": {"secret": "x"}}' })).toEqual([
      'environment: entry 1: the value must be a string'
    ])
  })

  test('a JSON error gives the place, never the text around it (values may be secrets)', () => {
    const found = problems({ ...base, environment: '{"TOKEN": "s3cr3t-value", }' })
    expect(found).toEqual([
      expect.stringMatching(/^environment: is not valid JSON \(at position \d+/)
    ])
    expect(problems({ ...base, environment: '{"TOKEN": s3cr3t}' })).toEqual([
      'environment: is not valid JSON'
    ])
  })

  test('the 4 KB limit counts bytes, not characters', () => {
    const value = 'é'.repeat(1500) // 1,500 characters, 3,000 bytes
    expect(problems({ ...base, environment: `AA=${value}` })).toEqual([])
    expect(problems({ ...base, environment: `AA=${value}\nBB=${value}` })).toEqual([
      'environment: variables exceed Lambda’s 4 KB limit'
    ])
  })
})

describe('defaultRoleName', () => {
  test('fits IAM’s 64 characters and stays distinct for long names', () => {
    const a = defaultRoleName('a'.repeat(64))
    const b = defaultRoleName('a'.repeat(63) + 'b')
    expect(a).toHaveLength(64)
    expect(a).not.toBe(b)
    expect(defaultRoleName('orders')).toBe('apic-invoke-orders')
  })
})

describe('provider-org-id and accepted-principals', () => {
  test('an upper-case org ID is lowercased, with a notice: the trust pins the lowercase form', () => {
    const s = read({ ...base, 'provider-org-id': ORG.toUpperCase() })
    expect(s.apiConnect.externalId).toBe(ORG)
    expect(s.notices).toEqual([
      expect.stringMatching(/^provider-org-id: .*lowercase.*using ac51909e/)
    ])
    expect(read(base).notices).toEqual([])
  })

  test('accepted principals are read one per line, each kind a trust policy can name', () => {
    const principals = [
      '111122223333',
      'arn:aws:iam::111122223333:root',
      'arn:aws:iam::111122223333:role/ops/break-glass',
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      'arn:aws-us-gov:sts::111122223333:assumed-role/ops/alice',
      'lambda.amazonaws.com'
    ]
    expect(
      read({ ...base, 'accepted-principals': principals.join('\n') }).acceptedPrincipals
    ).toEqual(principals)
    expect(read(base).acceptedPrincipals).toEqual([])
  })

  test('wildcards, non-principals and the API Connect principal itself are refused, by line', () => {
    expect(
      problems({
        ...base,
        'accepted-principals': [
          '*',
          'arn:aws:iam::111122223333:role/*',
          'ops team',
          'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
        ].join('\n')
      })
    ).toEqual([
      expect.stringMatching(/^accepted-principals: line 1: wildcards are refused/),
      expect.stringMatching(/^accepted-principals: line 2: wildcards are refused/),
      expect.stringMatching(/^accepted-principals: line 3: "ops team" is not a principal/),
      expect.stringMatching(/^accepted-principals: line 4: is the API Connect principal itself/)
    ])
  })
})

describe("IBM's principals are IBM's", () => {
  const IBM_ACCOUNT = '623947394061'
  // Every spelling of IBM's account and its principals, in any region and partition.
  const ibm = [
    IBM_ACCOUNT,
    `arn:aws:iam::${IBM_ACCOUNT}:root`,
    `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-us-east-a`,
    `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-central-a`,
    `arn:aws:iam::${IBM_ACCOUNT}:role/some/path/other-role`,
    `arn:aws:sts::${IBM_ACCOUNT}:assumed-role/ibm-apiconnect-eu-west-a/session`,
    `arn:aws:iam::${IBM_ACCOUNT}:user/someone`,
    `arn:aws-cn:iam::${IBM_ACCOUNT}:root`,
    `arn:aws-us-gov:sts::${IBM_ACCOUNT}:assumed-role/x/y`
  ]

  test.each(ibm)('%s is refused in accepted-principals, naming why', principal => {
    // Frankfurt's function: London's principal is not the run's own, and is refused all the same.
    expect(
      problems({ ...base, 'accepted-principals': principal }, { AWS_REGION: 'eu-central-1' })
    ).toEqual([
      expect.stringMatching(
        /^accepted-principals: line 1: (is the API Connect principal itself|is a principal of IBM's API Connect account 623947394061, which is API Connect's: API Connect's access is what api-connect-region and provider-org-id describe)/
      )
    ])
  })

  test('every line of IBM is refused, the others pass', () => {
    const lines = ['111122223333', ...ibm, 'lambda.amazonaws.com']
    expect(problems({ ...base, 'accepted-principals': lines.join('\n') })).toHaveLength(ibm.length)
  })

  test("the account of an explicit api-connect-role-arn is API Connect's too", () => {
    const inputs = {
      ...base,
      'api-connect-role-arn': 'arn:aws:iam::444455556666:role/apic-private-gateway',
      'accepted-principals': [
        '444455556666',
        'arn:aws:iam::444455556666:role/ops',
        '111122223333'
      ].join('\n')
    }
    expect(problems(inputs)).toEqual([
      expect.stringMatching(
        /^accepted-principals: line 1: is a principal of the account of api-connect-role-arn \(444455556666\)/
      ),
      expect.stringMatching(
        /^accepted-principals: line 2: is a principal of the account of api-connect-role-arn/
      )
    ])
  })
})

describe('one mistake, one error', () => {
  test('a malformed region adds no api-connect-region error the user never set', () => {
    expect(problems({ ...base, region: 'US-EAST-1' })).toEqual([
      'region: "US-EAST-1" is not an AWS region such as eu-west-2'
    ])
  })

  test('a function in a region where API Connect runs unpublished (Mumbai) asks for the ARN', () => {
    const mumbai = expect.stringMatching(
      /^api-connect-role-arn: API Connect region ap-south-a \(Mumbai, ap-south-1\) has no role published by IBM yet; IBM names its role per region under .* at https:\/\/www\.ibm\.com\//
    )
    expect(problems(base, { AWS_REGION: 'ap-south-1' })).toEqual([mumbai])
    expect(problems({ ...base, 'api-connect-region': 'ap-south-a' })).toEqual([mumbai])
  })

  test('no Jakarta: no source names an API Connect region there', () => {
    expect(problems({ ...base, 'api-connect-region': 'jakarta' })).toEqual([
      expect.stringMatching(
        /^api-connect-region: "jakarta" is not an API Connect region; use one of us-east-a \(us-east-1, n-virginia, virginia\), .*, ap-southeast-a \(ap-southeast-2, sydney\)$/
      )
    ])
    expect(problems(base, { AWS_REGION: 'ap-southeast-3' })).toEqual([
      expect.stringMatching(/^api-connect-region: no API Connect region runs in ap-southeast-3/)
    ])
  })

  test('a huge value is cut short in the message', () => {
    const found = problems({ ...base, runtime: 'x'.repeat(5000) })
    expect(found).toEqual([expect.stringContaining(`"${'x'.repeat(80)}…" (5000 characters)`)])
    expect(found[0].length).toBeLessThan(300)
  })
})

describe('code stays inside the workspace', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'apic-ws-'))
  const outside = mkdtempSync(join(tmpdir(), 'apic-out-'))
  mkdirSync(join(workspace, 'app'))
  writeFileSync(join(workspace, 'app', 'index.js'), 'x')
  symlinkSync(outside, join(workspace, 'linked'))
  mkdirSync(join(workspace, 'nested'))
  symlinkSync(outside, join(workspace, 'nested', 'out'))
  const inWorkspace = { ...env, GITHUB_WORKSPACE: workspace }
  const codeProblems = (code: string) => problems({ ...base, code }, inWorkspace)

  test('a directory inside is accepted', () => {
    expect(codeProblems(join(workspace, 'app'))).toEqual([])
  })

  test('a path outside, a symlinked root, or a path through a symlink is refused, naming code', () => {
    expect(codeProblems(outside)).toEqual([
      expect.stringMatching(/^code: ".*" is outside the workspace \(/)
    ])
    expect(codeProblems(join(workspace, 'linked'))).toEqual([
      expect.stringMatching(/^code: ".*" is a symbolic link: give the directory/)
    ])
    mkdirSync(join(outside, 'deeper'), { recursive: true })
    expect(codeProblems(join(workspace, 'nested', 'out', 'deeper'))).toEqual([
      expect.stringMatching(/^code: ".*" leads outside the workspace through a symbolic link/)
    ])
  })
})
