// Lambda over REST-JSON: requests are matched on method and path.
// https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html
import { type Route, restJsonService } from '../protocols/rest-json-service.js'
import { codeSigningOperations as s } from './code-signing-operations.js'
import { lambdaErrors } from './errors.js'
import { functionOperations as f } from './function-operations.js'
import { invokeOperations as i } from './invoke.js'
import { permissionOperations as p } from './permission-operations.js'
import { versionOperations as v } from './version-operations.js'

/** A path under one function; its name (still encoded) is the first captured label. */
const fn = (suffix: string) => new RegExp(`^/2015-03-31/functions/([^/]+)${suffix}/?$`)
const tags = /^\/2017-03-31\/tags\/([^/]+)\/?$/
const signing = /^\/2020-06-30\/functions\/([^/]+)\/code-signing-config\/?$/

const ROUTES: Route[] = [
  ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction', f.createFunction],
  ['GET', fn(''), 'GetFunction', f.getFunction],
  ['GET', fn('/configuration'), 'GetFunctionConfiguration', f.getFunctionConfiguration],
  ['PUT', fn('/configuration'), 'UpdateFunctionConfiguration', f.updateFunctionConfiguration],
  ['PUT', fn('/code'), 'UpdateFunctionCode', f.updateFunctionCode],
  ['POST', fn('/versions'), 'PublishVersion', v.publishVersion],
  ['GET', fn('/versions'), 'ListVersionsByFunction', v.listVersionsByFunction],
  ['POST', fn('/aliases'), 'CreateAlias', v.createAlias],
  ['GET', fn('/aliases'), 'ListAliases', v.listAliases],
  ['GET', fn('/aliases/([^/]+)'), 'GetAlias', v.getAlias],
  ['PUT', fn('/aliases/([^/]+)'), 'UpdateAlias', v.updateAlias],
  ['POST', fn('/invocations'), 'Invoke', i.invoke],
  ['POST', fn('/policy'), 'AddPermission', p.addPermission],
  ['GET', fn('/policy'), 'GetPolicy', p.getPolicy],
  ['DELETE', fn('/policy/([^/]+)'), 'RemovePermission', p.removePermission],
  ['POST', tags, 'TagResource', v.tagResource],
  ['GET', tags, 'ListTags', v.listTags],
  ['DELETE', tags, 'UntagResource', v.untagResource],
  ['GET', signing, 'GetFunctionCodeSigningConfig', s.getFunctionCodeSigningConfig],
  ['PUT', signing, 'PutFunctionCodeSigningConfig', s.putFunctionCodeSigningConfig],
  ['DELETE', signing, 'DeleteFunctionCodeSigningConfig', s.deleteFunctionCodeSigningConfig]
]

export const lambdaService = restJsonService(ROUTES, lambdaErrors)
