// An ARN in a Resource or NotResource element, matched under both readings IAM's documentation
// allows. The IAM User Guide (IAM JSON policy elements: Resource, "Using wildcards in resource
// ARNs", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
// "If the * wildcard is the last character of a resource ARN segment, it can expand to match
// beyond colon boundaries." "Can" is not "always": a segment-by-segment match and a match where
// such a `*` spans colons are both possible readings, so where they disagree the answer is
// Unknown. ArnLike and ArnEquals conditions are not read so: the condition operators page says
// each of the six colon-delimited components is checked separately.

import {
  arnMatches,
  arnParts,
  type Context,
  isUnknown,
  type Tri,
  tokenize,
  tokensToRegExp,
  unknown
} from './logic.js'

export function resourceArnMatches(
  pattern: string,
  arn: string,
  context: Context,
  variables: boolean
): Tri {
  const bySegment = arnMatches(pattern, arn, context, variables)
  if (isUnknown(bySegment)) return bySegment
  const expanding = expandingMatch(pattern, arn, context, variables)
  if (isUnknown(expanding)) return expanding
  if (expanding === bySegment) return bySegment
  return unknown(
    `Resource "${pattern}": a * at the end of an ARN segment can expand beyond colons, and ${arn} matches only one of the two readings`
  )
}

/**
 * The reading where a `*` that ends one of the first five segments may span colons; every other
 * wildcard stays within its segment (the resource segment, the sixth, may hold colons itself).
 */
function expandingMatch(pattern: string, arn: string, context: Context, variables: boolean): Tri {
  const parts = arnParts(pattern)
  const sources: string[] = []
  for (const [i, part] of parts.entries()) {
    const tokens = tokenize(part, context, { wildcards: true, variables })
    if (isUnknown(tokens)) return tokens
    const last = i < parts.length - 1 ? tokens.at(-1) : undefined
    const spans = last !== undefined && 'wildcard' in last && last.wildcard === '*'
    const body = tokensToRegExp(
      spans ? tokens.slice(0, -1) : tokens,
      '',
      i < 5 ? '[^:]' : '[^]'
    ).source.slice(1, -1)
    sources.push(spans ? `${body}[^]*` : body)
  }
  return new RegExp(`^${sources.join(':')}$`).test(arn)
}
