// A value the user gave, quoted in a message: cut short when long, so that one mistake in a huge
// input gives one readable line, not the input again.
const LIMIT = 80

export const quote = (value: string): string =>
  value.length <= LIMIT ? `"${value}"` : `"${value.slice(0, LIMIT)}…" (${value.length} characters)`
