// Federations declared on purpose still say what they let in: an accepted OIDC or SAML provider
// whose Allow statement puts no condition on the token's subject or audience lets in anyone the
// provider issues a token to (for GitHub's provider: every repository). Pure; the caller warns.
//
// The keys, per IAM's condition keys for web identity and SAML federation
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html):
// `<provider>:sub` and `<provider>:aud` for OIDC (the provider's URL without https://), and
// `SAML:aud` for SAML providers.
import type { PolicyDocument } from '../iam-policy/index.js'

const OIDC = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/
const SAML = /^arn:[\w-]+:iam::\d{12}:saml-provider\/.+$/

/** One sentence per accepted provider of an Allow statement without those conditions. */
export function unboundFederations(trust: PolicyDocument, accepted: readonly string[]): string[] {
  const declared = new Set(accepted.map(p => p.trim()))
  const statements = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement]
  return statements.flatMap((statement, i) => {
    if (statement?.Effect !== 'Allow') return []
    const principal = statement.Principal
    const federated = typeof principal === 'object' ? principal.Federated : undefined
    const providers = (Array.isArray(federated) ? federated : [federated]).filter(
      (p): p is string => typeof p === 'string' && declared.has(p)
    )
    const label = statement.Sid || `Statement[${i}]`
    const keys = conditionedKeys(statement.Condition)
    return providers.flatMap(provider => {
      const missing = requiredKeys(provider).filter(k => !keys.has(k.key.toLowerCase()))
      if (missing.length === 0) return []
      const what = missing.map(k => `${k.key} (${k.meaning})`).join(' or ')
      return [
        `Statement "${label}" lets the accepted provider ${provider} in with no condition on ${what}: anyone it issues a token to can assume the role. Add a condition on ${missing.map(k => k.key).join(' and ')}.`
      ]
    })
  })
}

function requiredKeys(provider: string): { key: string; meaning: string }[] {
  if (SAML.test(provider)) return [{ key: 'SAML:aud', meaning: "the assertion's audience" }]
  const host = OIDC.exec(provider)?.[1] ?? provider
  return [
    { key: `${host}:sub`, meaning: "the token's subject" },
    { key: `${host}:aud`, meaning: "the token's audience" }
  ]
}

/** Keys a Condition really restricts: not Null tests, not a lone `*` pattern. */
function conditionedKeys(condition: unknown): Set<string> {
  const keys = new Set<string>()
  if (typeof condition !== 'object' || condition === null) return keys
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (/^Null$/i.test(operator) || typeof block !== 'object' || block === null) continue
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      const list = Array.isArray(values) ? values : [values]
      if (list.length > 0 && list.every(v => v === '*')) continue
      keys.add(key.toLowerCase())
    }
  }
  return keys
}
