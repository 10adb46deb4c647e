// A minimal XML writer for AWS answers (Query and REST-XML). Values map to elements by name;
// arrays become <member> lists, as the Query protocol serializes them.

export type XmlValue =
  string | number | boolean | Date | undefined | null | XmlValue[] | { [name: string]: XmlValue }

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function content(value: XmlValue): string {
  if (value === undefined || value === null) return ''
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(item => element('member', item)).join('')
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([name, child]) => element(name, child))
      .join('')
  }
  return escapeXml(String(value))
}

/** One element; `undefined` values are left out entirely (an absent optional field). */
export function element(name: string, value: XmlValue): string {
  if (value === undefined) return ''
  return `<${name}>${content(value)}</${name}>`
}

export function xmlDocument(root: string, namespace: string | undefined, value: XmlValue): string {
  const ns = namespace ? ` xmlns="${namespace}"` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${content(value)}</${root}>`
}
