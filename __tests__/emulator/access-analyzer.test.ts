// IAM Access Analyzer's ValidatePolicy through the real client: the REST-JSON wire format, the
// documented subset of findings with their locations, paging, validation errors and faults.
import {
  AccessAnalyzerClient,
  ValidatePolicyCommand,
  type ValidatePolicyCommandInput,
  type ValidatePolicyFinding,
  paginateValidatePolicy
} from '@aws-sdk/client-accessanalyzer'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { CREDENTIALS, IBM_US_EAST, apiConnectTrust, clients, rejectionOf } from './helpers.js'

const REFERENCE =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-'

let emulator: Emulator
let analyzer: AccessAnalyzerClient

beforeAll(async () => {
  emulator = await startEmulator()
  analyzer = clients(emulator.url, { region: 'eu-west-2' }).accessAnalyzer
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

function validateTrust(policyDocument: string, extra: Partial<ValidatePolicyCommandInput> = {}) {
  return analyzer.send(
    new ValidatePolicyCommand({
      policyDocument,
      policyType: 'RESOURCE_POLICY',
      validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument',
      ...extra
    })
  )
}

const trust = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement })
const assume = (Principal: unknown, extra: object = {}) => ({
  Effect: 'Allow',
  Principal,
  Action: 'sts:AssumeRole',
  ...extra
})
const codes = (findings: ValidatePolicyFinding[] = []) =>
  findings.map(f => `${f.findingType} ${f.issueCode}`)
/** The text a finding's location points at. */
const located = (document: string, finding: ValidatePolicyFinding, i = 0) => {
  const { start, end } = finding.locations![i].span!
  return document.slice(start!.offset, end!.offset)
}

describe('ValidatePolicy on a role trust policy', () => {
  test("API Connect's trust policy has no findings", async () => {
    const response = await validateTrust(apiConnectTrust())

    expect(response.findings).toEqual([])
    expect(response.nextToken).toBeUndefined()
    expect(emulator.log).toEqual([
      expect.objectContaining({
        service: 'access-analyzer',
        operation: 'ValidatePolicy',
        status: 200,
        accessKeyId: CREDENTIALS.accessKeyId
      })
    ])
    expect(emulator.writes()).toEqual([])
  })

  test('malformed JSON: an ERROR that says where, with a location at that point', async () => {
    const document =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}'
    const { findings } = await validateTrust(document)

    expect(findings).toHaveLength(1)
    const [finding] = findings!
    // The comma's successor, `}`, on line 4 (lines count from 1, columns from 0).
    const offset = document.indexOf(',}') + 1
    expect(finding).toEqual({
      findingType: 'ERROR',
      issueCode: 'JSON_SYNTAX_ERROR',
      findingDetails: `Fix the JSON syntax error at index ${offset} line 4 column 23.`,
      learnMoreLink: `${REFERENCE}error-json-syntax-error`,
      locations: [
        {
          path: [],
          span: {
            start: { line: 4, column: 23, offset },
            end: { line: 4, column: 23, offset }
          }
        }
      ]
    })
    expect(document.split('\n')[3][23]).toBe('}')
  })

  test('a policy without Statement: an ERROR, and a WARNING for the missing Version', async () => {
    expect(codes((await validateTrust('{"Version": "2012-10-17"}')).findings)).toEqual([
      'ERROR MISSING_STATEMENT'
    ])
    expect(codes((await validateTrust('{"Statement": []}')).findings)).toEqual([
      'WARNING MISSING_VERSION',
      'ERROR MISSING_STATEMENT'
    ])
    expect(codes((await validateTrust('[]')).findings)).toEqual(['ERROR DATA_TYPE_MISMATCH'])
  })

  test('statements without Effect, Action or Principal: one ERROR each, at the statement', async () => {
    const document = trust({ Principal: { AWS: IBM_US_EAST } }, { Effect: 'Allow', Action: 'x:Y' })
    const { findings } = await validateTrust(document)

    expect(codes(findings)).toEqual([
      'ERROR MISSING_EFFECT',
      'ERROR MISSING_ACTION',
      'ERROR MISSING_PRINCIPAL'
    ])
    expect(findings![0].locations![0].path).toEqual([{ value: 'Statement' }, { index: 0 }])
    expect(located(document, findings![0])).toBe(`{"Principal":{"AWS":"${IBM_US_EAST}"}}`)
    expect(findings![2].locations![0].path).toEqual([{ value: 'Statement' }, { index: 1 }])
    expect(findings![2].findingDetails).toBe('Add a Principal element to the policy statement.')
  })

  test.each([
    ['Principal "*"', '*', [{ value: 'Principal' }]],
    ['{"AWS": "*"}', { AWS: '*' }, [{ value: 'Principal' }, { value: 'AWS' }]],
    [
      '"*" in a list of AWS principals',
      { AWS: [IBM_US_EAST, '*'] },
      [{ value: 'Principal' }, { value: 'AWS' }, { index: 1 }]
    ]
  ])('an Allow for %s without a condition: a SECURITY_WARNING at the "*"', async (_, p, path) => {
    const document = trust(assume(p))
    const { findings } = await validateTrust(document)

    expect(codes(findings)).toEqual(['SECURITY_WARNING EMULATOR_ANY_PRINCIPAL_WITHOUT_CONDITION'])
    expect(findings![0].locations![0].path).toEqual([{ value: 'Statement' }, { index: 0 }, ...path])
    expect(located(document, findings![0])).toBe('"*"')
    expect(findings![0].findingDetails).toContain('not ValidatePolicy')
  })

  test('"*" is not flagged with a condition, in a Deny, or outside a role trust policy', async () => {
    const condition = { Condition: { StringEquals: { 'sts:ExternalId': 'org' } } }
    const star = trust(assume({ AWS: '*' }))
    expect((await validateTrust(trust(assume({ AWS: '*' }, condition)))).findings).toEqual([])
    expect((await validateTrust(trust(assume('*', { Effect: 'Deny' })))).findings).toEqual([])
    const bucket = { validatePolicyResourceType: 'AWS::S3::Bucket' as const }
    expect((await validateTrust(star, bucket)).findings).toEqual([])
  })

  test('Allow with NotPrincipal: the documented SECURITY_WARNING', async () => {
    const document = trust({ Effect: 'Allow', NotPrincipal: { AWS: IBM_US_EAST }, Action: 'sts:*' })
    const { findings } = await validateTrust(document)

    expect(findings).toEqual([
      expect.objectContaining({
        findingType: 'SECURITY_WARNING',
        issueCode: 'ALLOW_WITH_NOT_PRINCIPAL',
        findingDetails:
          'Using Allow with NotPrincipal can be overly permissive. We recommend that you use Principal instead.',
        learnMoreLink: `${REFERENCE}security-warning-allow-with-not-principal`
      })
    ])
    expect(located(document, findings![0])).toBe(`{"AWS":"${IBM_US_EAST}"}`)
  })

  test('a statement repeated (Sid aside): a SUGGESTION naming both copies', async () => {
    const ours = JSON.parse(apiConnectTrust()).Statement[0]
    const document = trust(ours, { ...ours, Sid: undefined })
    const { findings } = await validateTrust(document)

    expect(codes(findings)).toEqual(['SUGGESTION REDUNDANT_STATEMENT'])
    expect(findings![0].locations!.map(l => l.path)).toEqual([
      [{ value: 'Statement' }, { index: 0 }],
      [{ value: 'Statement' }, { index: 1 }]
    ])
    expect(JSON.parse(located(document, findings![0], 1))).toEqual({ ...ours, Sid: undefined })
  })

  test('an identity policy gets only the grammar checks', async () => {
    const { findings } = await analyzer.send(
      new ValidatePolicyCommand({
        policyDocument: trust({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }),
        policyType: 'IDENTITY_POLICY'
      })
    )
    expect(findings).toEqual([])
  })
})

describe('paging', () => {
  const noisy = trust(assume('*'), assume({ AWS: '*' }), {})

  test('maxResults pages the findings; the paginator follows nextToken to the end', async () => {
    const all = (await validateTrust(noisy)).findings!
    expect(all).toHaveLength(5)

    const first = await analyzer.send(
      new ValidatePolicyCommand({
        policyDocument: noisy,
        policyType: 'RESOURCE_POLICY',
        validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument',
        maxResults: 2
      })
    )
    expect(first.findings).toEqual(all.slice(0, 2))
    expect(first.nextToken).toEqual(expect.any(String))

    const pages: ValidatePolicyFinding[][] = []
    for await (const page of paginateValidatePolicy(
      { client: analyzer, pageSize: 2 },
      {
        policyDocument: noisy,
        policyType: 'RESOURCE_POLICY',
        validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument'
      }
    ))
      pages.push(page.findings!)
    expect(pages.map(p => p.length)).toEqual([2, 2, 1])
    expect(pages.flat()).toEqual(all)
  })

  test('a nextToken that was not issued is a ValidationException', async () => {
    const error = await rejectionOf(validateTrust(noisy, { nextToken: 'bm9wZQ' }))
    expect(error.name).toBe('ValidationException')
    expect(error.$metadata.httpStatusCode).toBe(400)
  })
})

describe('errors in the service', () => {
  test('a policy type outside the enum: ValidationException with reason and fieldList', async () => {
    const error = (await rejectionOf(
      validateTrust(apiConnectTrust(), {
        policyType: 'BUCKET_POLICY' as ValidatePolicyCommandInput['policyType']
      })
    )) as Awaited<ReturnType<typeof rejectionOf>> & { reason?: string; fieldList?: unknown }

    expect(error.name).toBe('ValidationException')
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(error.message).toBe(
      "1 validation error detected: Value 'BUCKET_POLICY' at 'policyType' failed to satisfy constraint: Member must satisfy enum value set: [IDENTITY_POLICY, RESOURCE_POLICY, SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY]"
    )
    expect(error.reason).toBe('fieldValidationFailed')
    expect(error.fieldList).toEqual([{ name: 'policyType', message: error.message }])
    expect(emulator.log[0]).toMatchObject({ status: 400, errorCode: 'ValidationException' })
  })

  test('a missing policy document is refused before any check', async () => {
    const response = await fetch(`${emulator.url}/policy/validation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/eu-west-2/access-analyzer/aws4_request, SignedHeaders=host, Signature=0`
      },
      body: JSON.stringify({ policyType: 'RESOURCE_POLICY' })
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException')
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining("Value null at 'policyDocument'"),
      reason: 'fieldValidationFailed'
    })
  })

  test('another path of the service is an unknown operation, answered in JSON', async () => {
    const response = await fetch(`${emulator.url}/policy/check-access-not-granted`, {
      method: 'POST',
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/eu-west-2/access-analyzer/aws4_request, SignedHeaders=host, Signature=0`
      },
      body: '{}'
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    expect(emulator.log[0]).toMatchObject({
      service: 'access-analyzer',
      operation: 'UnknownOperation'
    })
  })

  test('throttling is ThrottlingException 429, which the SDK retries', async () => {
    emulator.injectFault({ kind: 'throttle', operation: 'ValidatePolicy', count: 1 })
    const response = await validateTrust(apiConnectTrust())

    expect(response.findings).toEqual([])
    expect(response.$metadata.attempts).toBe(2)
    expect(emulator.log.map(e => [e.status, e.errorCode, e.fault])).toEqual([
      [429, 'ThrottlingException', 'throttle'],
      [200, undefined, undefined]
    ])
  })

  test('an internal fault is InternalServerException 500; an error fault takes its own code', async () => {
    const once = clients(emulator.url, { maxAttempts: 1 }).accessAnalyzer
    const input = {
      policyDocument: apiConnectTrust(),
      policyType: 'RESOURCE_POLICY' as const
    }
    emulator.injectFault({ kind: 'internal', operation: '*', service: 'access-analyzer', count: 1 })
    const internal = await rejectionOf(once.send(new ValidatePolicyCommand(input)))
    expect(internal.name).toBe('InternalServerException')
    expect(internal.$metadata.httpStatusCode).toBe(500)

    emulator.injectFault({
      kind: 'error',
      operation: 'ValidatePolicy',
      status: 403,
      code: 'AccessDeniedException',
      message: 'not authorized to perform: access-analyzer:ValidatePolicy'
    })
    const denied = await rejectionOf(once.send(new ValidatePolicyCommand(input)))
    expect(denied.name).toBe('AccessDeniedException')
    expect(denied.message).toBe('not authorized to perform: access-analyzer:ValidatePolicy')
  })
})
