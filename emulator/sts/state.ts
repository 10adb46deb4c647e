// STS's in-memory state: the sessions AssumeRole issued, by access key id.

export interface Session {
  accessKeyId: string
  roleArn: string
  roleId: string
  sessionName: string
  assumedRoleArn: string
  expiresAt: number
}

export interface StsState {
  sessions: Map<string, Session>
}

export function stsState(): StsState {
  return { sessions: new Map() }
}
