// The house's figures (ARCHITECTURE.md): import cycles between files, folders of src/ that import
// each other, what function/ and role/ import from the run's folders, files at src/'s top level,
// files over 350 lines, and exports nobody imports. `npm run structure` prints them; the repository
// test holds the rules. Parsed with the TypeScript compiler, so type-only imports count too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCANNED = ['src', 'emulator', 'scripts', 'bench', 'harness', '__tests__']
export const MAX_LINES = 350
export const MAX_TOP_FILES = 6
/** Libraries that return data: they never reach into the run, its report or its checks. */
const LIBRARIES = ['function', 'role']
const RUN_FOLDERS = ['run', 'report', 'smoke', 'verify']

interface FileFacts {
  lines: number
  exports: string[]
  /** Resolved file → names imported from it (`*` for a namespace import or `export *`). */
  imports: Map<string, Set<string>>
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (name === 'node_modules') return []
    if (statSync(path).isDirectory()) return tsFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const target = resolve(dirname(from), specifier).replace(/\.js$/, '')
  return [`${target}.ts`, join(target, 'index.ts')].find(
    candidate => existsSync(candidate) && statSync(candidate).isFile()
  )
}

function factsOf(path: string): FileFacts {
  const text = readFileSync(path, 'utf8')
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true)
  const exports: string[] = []
  const imports = new Map<string, Set<string>>()
  const use = (specifier: string, names: string[]) => {
    const target = resolveImport(path, specifier)
    if (!target) return
    const set = imports.get(target) ?? new Set<string>()
    for (const name of names) set.add(name)
    imports.set(target, set)
  }
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    ts.getModifiers(node)?.some(m => m.kind === ts.SyntaxKind.ExportKeyword)
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const names: string[] = []
      if (clause?.name) names.push('default')
      const bindings = clause?.namedBindings
      if (bindings && ts.isNamespaceImport(bindings)) names.push('*')
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text)
      use(node.moduleSpecifier.text, names)
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
        use(
          node.moduleSpecifier.text,
          clause && ts.isNamedExports(clause)
            ? clause.elements.map(el => (el.propertyName ?? el.name).text)
            : ['*']
        )
      if (clause && ts.isNamedExports(clause))
        for (const el of clause.elements) exports.push(el.name.text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      use(node.arguments[0].text, ['*'])
    } else if (exported(node)) {
      if (ts.isVariableStatement(node))
        for (const decl of node.declarationList.declarations)
          if (ts.isIdentifier(decl.name)) exports.push(decl.name.text)
      const name = (node as ts.DeclarationStatement).name
      if (name && ts.isIdentifier(name)) exports.push(name.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), exports, imports }
}

/** The unit a src/ file belongs to: its folder, or the file itself at the top level. */
function unitOf(file: string): string {
  const [first, second] = file.split('/').slice(1)
  return second === undefined ? first.replace(/\.ts$/, '') : first
}

/** Strongly connected components with more than one file (Tarjan), over src/'s import graph. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  let next = 0
  const connect = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) connect(v)
  return found
}

export interface Structure {
  cycles: string[][]
  mutualFolders: string[]
  libraryReachesUp: string[]
  topFiles: string[]
  overLong: string[]
  unusedExports: string[]
  testOnlyExports: string[]
  /** Imports of __tests__/ from scripts/, bench/ or harness/: what they share lives in harness/. */
  toolsReachIntoTests: string[]
}

export function structure(root = ROOT): Structure {
  const facts = new Map<string, FileFacts>()
  for (const dir of SCANNED)
    for (const path of tsFiles(join(root, dir))) facts.set(relative(root, path), factsOf(path))
  const rel = (path: string) => relative(root, path)
  const src = [...facts.keys()].filter(f => f.startsWith('src/'))

  const graph = new Map(src.map(f => [f, [...facts.get(f)!.imports.keys()].map(rel)]))
  const folderEdges = new Set<string>()
  const libraryReachesUp: string[] = []
  for (const [from, targets] of graph)
    for (const to of targets) {
      const [a, b] = [unitOf(from), unitOf(to)]
      if (a !== b) folderEdges.add(`${a} → ${b}`)
      if (LIBRARIES.includes(a) && RUN_FOLDERS.includes(b)) libraryReachesUp.push(`${from} → ${to}`)
    }
  const mutualFolders = [...folderEdges]
    .map(edge => edge.split(' → '))
    .filter(([a, b]) => a < b && folderEdges.has(`${b} → ${a}`))
    .map(([a, b]) => `${a} ↔ ${b}`)

  const importers = new Map<string, Map<string, string[]>>()
  for (const [from, { imports }] of facts)
    for (const [target, names] of imports) {
      const byName = importers.get(rel(target)) ?? new Map<string, string[]>()
      for (const name of names) byName.set(name, [...(byName.get(name) ?? []), from])
      importers.set(rel(target), byName)
    }
  const unusedExports: string[] = []
  const testOnlyExports: string[] = []
  for (const file of src) {
    const byName = importers.get(file) ?? new Map<string, string[]>()
    const everything = byName.get('*') ?? []
    for (const name of facts.get(file)!.exports) {
      const users = [...(byName.get(name) ?? []), ...everything].filter(u => u !== file)
      if (users.length === 0) unusedExports.push(`${file}: ${name}`)
      else if (users.every(u => u.startsWith('__tests__/')))
        testOnlyExports.push(`${file}: ${name}`)
    }
  }

  const toolsReachIntoTests = [...facts]
    .filter(([f]) => /^(scripts|bench|harness)\//.test(f))
    .flatMap(([f, { imports }]) =>
      [...imports.keys()]
        .map(rel)
        .filter(t => t.startsWith('__tests__/'))
        .map(t => `${f} → ${t}`)
    )

  return {
    toolsReachIntoTests,
    cycles: cyclesOf(graph),
    mutualFolders,
    libraryReachesUp,
    topFiles: src.filter(f => f.split('/').length === 2),
    overLong: [...facts]
      .filter(([f, { lines }]) => /^(src|emulator)\//.test(f) && lines > MAX_LINES)
      .map(([f, { lines }]) => `${f} (${lines})`),
    unusedExports,
    testOnlyExports
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = structure()
  const verbose = process.argv.includes('--list')
  const line = (label: string, items: unknown[], limit = 0) => {
    const ok = items.length <= limit ? 'ok' : `over ${limit}`
    console.log(`${label}: ${items.length} (${ok})`)
    if (verbose || items.length <= 12)
      for (const item of items) console.log(`  ${Array.isArray(item) ? item.join(' ↔ ') : item}`)
  }
  line('import cycles between files', s.cycles)
  line('pairs of src/ folders importing each other', s.mutualFolders)
  line(`imports from ${LIBRARIES.join('/')} into ${RUN_FOLDERS.join('/')}`, s.libraryReachesUp)
  line("files at src/'s top level", s.topFiles, MAX_TOP_FILES)
  line(`files over ${MAX_LINES} lines in src/ and emulator/`, s.overLong)
  line('imports of __tests__/ from scripts/, bench/, harness/', s.toolsReachIntoTests)
  line('exports nobody imports', s.unusedExports)
  line('exports only tests import', s.testOnlyExports)
}
