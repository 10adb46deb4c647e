// IAM Access Analyzer's CheckNoNewAccess and CheckNoPublicAccess for trust policies through the
// real client: PASS and FAIL from the emulator's own evaluator, with the statements that cause a FAIL.
import {
  AccessAnalyzerClient,
  CheckNoNewAccessCommand,
  CheckNoPublicAccessCommand
} from '@aws-sdk/client-accessanalyzer'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { IBM_US_EAST, ORG_ID as ORG, clients, rejectionOf } from './helpers.js'

let emulator: Emulator
let analyzer: AccessAnalyzerClient

beforeAll(async () => {
  emulator = await startEmulator()
  analyzer = clients(emulator.url, { region: 'eu-west-2' }).accessAnalyzer
})
afterAll(() => emulator.stop())

const trust = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement })
const ibm = (Condition?: object) => ({
  Sid: 'ApiConnect',
  Effect: 'Allow',
  Principal: { AWS: IBM_US_EAST },
  Action: 'sts:AssumeRole',
  ...(Condition ? { Condition } : {})
})
const REFERENCE = trust(ibm({ StringEquals: { 'sts:ExternalId': ORG } }))
const noNewAccess = (newPolicyDocument: string) =>
  analyzer.send(
    new CheckNoNewAccessCommand({
      existingPolicyDocument: REFERENCE,
      newPolicyDocument,
      policyType: 'RESOURCE_POLICY'
    })
  )
const noPublicAccess = (policyDocument: string) =>
  analyzer.send(
    new CheckNoPublicAccessCommand({
      policyDocument,
      resourceType: 'AWS::IAM::AssumeRolePolicyDocument'
    })
  )

describe('CheckNoNewAccess', () => {
  it('passes the reference itself', async () => {
    expect(await noNewAccess(REFERENCE)).toMatchObject({ result: 'PASS', reasons: [] })
  })

  it('fails a statement without the external ID, and another account, naming the statements', async () => {
    const other = {
      Sid: 'Other',
      Effect: 'Allow',
      Principal: { AWS: '111122223333' },
      Action: 'sts:AssumeRole'
    }
    const answer = await noNewAccess(trust(ibm(), other))
    expect(answer.result).toBe('FAIL')
    expect(answer.reasons?.map(r => [r.statementId, r.statementIndex])).toEqual([
      ['ApiConnect', 0],
      ['Other', 1]
    ])
  })
})

describe('CheckNoPublicAccess', () => {
  it('passes named principals and fails "*"', async () => {
    expect(await noPublicAccess(trust(ibm()))).toMatchObject({ result: 'PASS' })
    const open = { Sid: 'Open', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }
    const answer = await noPublicAccess(trust(ibm(), open))
    expect(answer).toMatchObject({
      result: 'FAIL',
      reasons: [{ statementId: 'Open', statementIndex: 1 }]
    })
  })

  it('refuses a resource type it does not model, as a ValidationException', async () => {
    const error = await rejectionOf(
      analyzer.send(
        new CheckNoPublicAccessCommand({
          policyDocument: REFERENCE,
          resourceType: 'AWS::S3::Bucket'
        })
      )
    )
    expect(error.name).toBe('ValidationException')
  })
})
