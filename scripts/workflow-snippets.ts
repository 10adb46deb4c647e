// Pure helpers of `npm run lint:workflows`: the YAML snippets of a Markdown file that are workflows
// (so actionlint can read them), and every `uses:` of this action with inputs that action.yml lacks
// or required inputs left out.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'

export interface Snippet {
  /** Where the snippet's first line is in its Markdown file, from 1. */
  line: number
  text: string
}

export interface ActionInputs {
  inputs: Record<string, { required?: boolean; default?: string }>
}

export interface Problem {
  line: number
  message: string
}

/** Fenced ```yaml or ```yml blocks, with the line of their first line of YAML. */
export function yamlSnippets(markdown: string): Snippet[] {
  const snippets: Snippet[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line))
    if (end < 0) break
    snippets.push({ line: i + 2, text: lines.slice(i + 1, end).join('\n') })
    i = end
  }
  return snippets
}

/**
 * A snippet as actionlint can lint it: a workflow has `jobs`; one written without `on:` (it shows
 * jobs only) gets a trigger line on top, so `lineOffset` maps actionlint's lines back.
 */
export function asWorkflow(snippet: Snippet): { text: string; lineOffset: number } | undefined {
  const doc = parseDocument(snippet.text)
  if (!isMap(doc.contents) || !doc.contents.has('jobs')) return undefined
  if (doc.contents.has('on')) return { text: snippet.text, lineOffset: snippet.line - 1 }
  return { text: `on: workflow_dispatch\n${snippet.text}`, lineOffset: snippet.line - 2 }
}

/** This action in a `uses:`: the local `./` or any owner's `apic-lambda-deploy`, at any ref. */
export const usesThisAction = (uses: string): boolean =>
  uses === './' || /^[\w.-]+\/apic-lambda-deploy(@\S*)?$/.test(uses)

/** Every `uses:` of this action anywhere in a YAML text, checked against action.yml's inputs. */
export function checkActionUses(yamlText: string, action: ActionInputs): Problem[] {
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter })
  const problems: Problem[] = []
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1
  const required = Object.entries(action.inputs)
    .filter(([, spec]) => spec.required && spec.default === undefined)
    .map(([name]) => name)

  const visit = (node: unknown): void => {
    if (isSeq(node)) node.items.forEach(visit)
    if (!isMap(node)) return
    const uses = node.get('uses', true)
    if (isScalar(uses) && usesThisAction(String(uses.value))) {
      const withNode = node.get('with', true)
      const given = isMap(withNode) ? withNode.items : []
      const names = given.map(pair => String(isScalar(pair.key) ? pair.key.value : pair.key))
      given.forEach((pair, i) => {
        if (!(names[i] in action.inputs))
          problems.push({
            line: lineOf(pair.key as Node),
            message: `"${names[i]}" is not an input of action.yml`
          })
      })
      const missing = required.filter(name => !names.includes(name))
      if (missing.length)
        problems.push({
          line: lineOf(uses),
          message: `${uses.value} leaves out required input(s) ${missing.join(', ')}`
        })
    }
    node.items.forEach(pair => visit(pair.value))
  }
  visit(doc.contents)
  return problems
}
