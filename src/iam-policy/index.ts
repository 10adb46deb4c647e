// The IAM policy library's public surface: read a policy, evaluate a request against it, decide
// who can assume a role over the whole request space, decide an invoke over unknown keys, and the
// words for a way in. Everything else in this folder is its inside.
export { evaluateIdentityPolicies, evaluateResourcePolicy } from './evaluate.js'
export { decideInvoke, type InvokeQuestion } from './invoke-decision.js'
export { sessionTagsPossible } from './session-tags.js'
export { parsePolicyDocument } from './parse.js'
export type {
  Decision,
  NamedPolicy,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  Request
} from './types.js'
export { describeWayIn, WAY_IN_TABLE_HEADER, wayInRow } from './way-in-wording.js'
export { trustVerdict, type WayIn, whoCanAssume } from './who-can-assume.js'
export { canOnlyInvoke, INVOKE_ACTIONS } from './only-invoke.js'
