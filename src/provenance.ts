// Where a deployment came from, read from the GitHub context, for version descriptions and tags.
import * as github from '@actions/github'

export interface Provenance {
  repository: string
  commit: string
  runUrl: string
}

export function readProvenance(): Provenance {
  const { repo, sha, runId, serverUrl } = github.context
  const repository = process.env.GITHUB_REPOSITORY ? `${repo.owner}/${repo.repo}` : 'local'
  return {
    repository,
    commit: sha ?? '',
    runUrl: runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : ''
  }
}

/** Tags the action sets on what it creates (counted in inputs.ts RESERVED_TAG_COUNT). */
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
