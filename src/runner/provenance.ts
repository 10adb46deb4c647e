// Where a deployment came from, read from the runner's GITHUB_* variables, for version
// descriptions and tags. Read directly: @actions/github's context throws without
// GITHUB_REPOSITORY (a local run) and loads Octokit for three strings.

export interface Provenance {
  repository: string
  commit: string
  runUrl: string
}

export function readProvenance(env: NodeJS.ProcessEnv = process.env): Provenance {
  const repository = env.GITHUB_REPOSITORY || 'local'
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  return {
    repository,
    commit: env.GITHUB_SHA ?? '',
    runUrl: env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : ''
  }
}

/** Tags the action sets on what it creates (counted in inputs/role.ts RESERVED_TAG_COUNT). */
export function provenanceTags(p: Provenance): Record<string, string> {
  return {
    'managed-by': 'apic-lambda-deploy',
    'github-repository': p.repository,
    'github-commit': p.commit
  }
}

/** A one-line description (Lambda allows 256 characters). */
export function provenanceDescription(p: Provenance): string {
  return `apic-lambda-deploy: ${p.repository}@${p.commit.slice(0, 12)} ${p.runUrl}`
    .slice(0, 256)
    .trim()
}
