// Accepted federations that do not bound the token (src/verify/federations.ts): issue 20, finding 5.
import type { PolicyStatement } from '../../src/iam-policy/index.js'
import { unboundFederations } from '../../src/verify/federations.js'

const GITHUB = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
const SAML = 'arn:aws:iam::123456789012:saml-provider/corp'
const trust = (...Statement: PolicyStatement[]) => ({ Version: '2012-10-17', Statement })
const federated = (
  provider: string,
  Condition?: PolicyStatement['Condition']
): PolicyStatement => ({
  Sid: 'Federation',
  Effect: 'Allow',
  Principal: { Federated: provider },
  Action: provider === SAML ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity',
  ...(Condition ? { Condition } : {})
})

describe('unboundFederations', () => {
  it('warns about an accepted OIDC provider trusted with no condition, naming the statement and keys', () => {
    expect(unboundFederations(trust(federated(GITHUB)), [GITHUB])).toEqual([
      `Statement "Federation" lets the accepted provider ${GITHUB} in with no condition on token.actions.githubusercontent.com:sub (the token's subject) or token.actions.githubusercontent.com:aud (the token's audience): anyone it issues a token to can assume the role. Add a condition on token.actions.githubusercontent.com:sub and token.actions.githubusercontent.com:aud.`
    ])
  })

  it('is quiet once subject and audience are bound (keys in any case), and names what is still missing', () => {
    const bound = federated(GITHUB, {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'Token.Actions.GithubUserContent.com:SUB': 'repo:acme/orders:*' }
    })
    expect(unboundFederations(trust(bound), [GITHUB])).toEqual([])
    const audienceOnly = federated(GITHUB, {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': '*' }
    })
    expect(unboundFederations(trust(audienceOnly), [GITHUB])).toEqual([
      expect.stringContaining(
        "no condition on token.actions.githubusercontent.com:sub (the token's subject): "
      )
    ])
  })

  it('asks SAML for SAML:aud', () => {
    expect(unboundFederations(trust(federated(SAML)), [SAML])).toEqual([
      expect.stringContaining("no condition on SAML:aud (the assertion's audience)")
    ])
    const bound = federated(SAML, {
      StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' }
    })
    expect(unboundFederations(trust(bound), [SAML])).toEqual([])
  })

  it('says nothing of providers not declared, or of Deny statements', () => {
    expect(unboundFederations(trust(federated(GITHUB)), [])).toEqual([])
    expect(unboundFederations(trust({ ...federated(GITHUB), Effect: 'Deny' }), [GITHUB])).toEqual(
      []
    )
  })
})
