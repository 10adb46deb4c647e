// IAM over the Query protocol. https://docs.aws.amazon.com/IAM/latest/APIReference/
import { policyActions } from './policy-actions.js'
import { roleActions } from './role-actions.js'
import { simulateActions } from './simulate-action.js'
import { queryService } from '../protocols/query-service.js'

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/'

export const iamService = queryService(IAM_NAMESPACE, '2010-05-08', {
  ...roleActions,
  ...policyActions,
  ...simulateActions
})
