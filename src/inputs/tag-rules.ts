// The rules IAM and Lambda share for tags (role-tags, tags): key and value characters and lengths,
// no aws: prefix, and at most 50 tags of which the action adds some itself (runner/provenance.ts).
import { quote } from './quote.js'

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u

/** Reports every tag that breaks the rules, under the input `name`. */
export function checkTags(
  name: string,
  tags: Record<string, string>,
  limit: { service: string; reserved: number },
  problem: (name: string, message: string) => undefined
): void {
  for (const [key, value] of Object.entries(tags)) {
    if (!key || key.length > 128 || !TAG_TEXT.test(key) || /^aws:/i.test(key))
      problem(
        name,
        `key ${quote(key)} must be 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:`
      )
    if (value.length > 256 || !TAG_TEXT.test(value))
      problem(
        name,
        `value of ${quote(key)} must be at most 256 letters, digits, spaces or _ . : / = + - @`
      )
  }
  if (Object.keys(tags).length > 50 - limit.reserved)
    problem(
      name,
      `at most ${50 - limit.reserved} tags (${limit.service} allows 50; the action adds ${limit.reserved})`
    )
}
