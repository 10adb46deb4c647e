export const id = 978;
export const ids = [978];
export const modules = {

/***/ 7978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/runner/workflow-commands.ts
var workflow_commands = __webpack_require__(1520);
// EXTERNAL MODULE: ./src/failure.ts
var failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/aws/retry.ts
// A bounded retry for the few AWS errors that mean "not yet" rather than "no": a new execution
// role that Lambda cannot assume for a few seconds, another update still in progress. The SDK's
// own retries cover throttling and 5xx; this covers errors whose cure is waiting.

class RetriesExhausted extends Error {
    attempts;
    elapsedMs;
    lastError;
    constructor(message, attempts, elapsedMs, lastError) {
        super(message, { cause: lastError });
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
        this.lastError = lastError;
        this.name = 'RetriesExhausted';
    }
}
/**
 * Calls `call` until it succeeds, an error is not retryable (thrown as is), or the attempts or
 * time run out (RetriesExhausted, carrying the last error).
 */
async function retry(call, options) {
    const { label, retryable, maxElapsedMs, maxAttempts = Infinity, initialDelayMs = 1000, maxDelayMs = 10_000, log } = options;
    const start = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const decision = retryable(error);
            if (!decision)
                throw error;
            const wait = Math.min(initialDelayMs * 2 ** (attempt - 1), maxDelayMs);
            const elapsed = Date.now() - start;
            if (attempt >= maxAttempts || elapsed + (decision.waitFor ? 0 : wait) > maxElapsedMs) {
                const message = `${label}: ${decision.reason}; gave up after ${attempt} attempt${attempt > 1 ? 's' : ''} in ${seconds(elapsed)}`;
                log(message);
                throw new RetriesExhausted(message, attempt, elapsed, error);
            }
            if (decision.waitFor) {
                log(`${label}: ${decision.reason}; waiting, then attempt ${attempt + 1}`);
                await decision.waitFor();
            }
            else {
                log(`${label}: ${decision.reason}; attempt ${attempt + 1} in ${seconds(wait)}`);
                await (0,promises_.setTimeout)(wait);
            }
        }
    }
}
/** The answer, or undefined when AWS answers `missing` (e.g. ResourceNotFoundException): it does not exist. */
async function unlessMissing(request, missing) {
    try {
        return await request;
    }
    catch (error) {
        if (errorName(error) === missing)
            return undefined;
        throw error;
    }
}
/** The AWS error name (`ResourceConflictException`…) of an SDK error, if it is one. */
function errorName(error) {
    return typeof error === 'object' && error !== null && 'name' in error
        ? String(error.name)
        : undefined;
}
/** The HTTP status of an SDK error: what to decide on when an answer has no body (S3 HEAD). */
function httpStatus(error) {
    const metadata = typeof error === 'object' && error !== null && '$metadata' in error
        ? error.$metadata
        : undefined;
    return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/**
 * An endpoint that lacks the operation: emulators users run in CI (LocalStack, moto) answer one
 * they do not implement with 501, or 500 and "not implemented". Asking again cannot help.
 */
function isNotImplemented(error) {
    const text = `${errorName(error) ?? ''} ${error?.message ?? ''}`;
    return httpStatus(error) === 501 || /not[\s_-]*(yet[\s_-]*)?implemented/i.test(text);
}
/** The names the SDK gives an error whose answer carried no AWS error code. */
const NO_AWS_CODE = new Set([undefined, 'Error', 'Unknown', 'UnknownError']);
/**
 * A 5xx that no AWS service said: no AWS error code in it (moto's HTML error page, an empty body).
 * AWS's own 5xx carry a code (InternalFailure, ServiceUnavailable…).
 */
function isForeignServerError(error) {
    return (httpStatus(error) ?? 0) >= 500 && NO_AWS_CODE.has(errorName(error));
}
/** A 5xx or throttling answer: what the SDK itself would try again. */
function isTransientServerError(error) {
    const status = httpStatus(error) ?? 0;
    return status >= 500 || status === 429 || /Throttl|TooManyRequests/.test(errorName(error) ?? '');
}
/** `Name: message` of an error, for a report; a foreign 5xx by its status (its body is not AWS's). */
const describeError = (error) => isForeignServerError(error)
    ? `HTTP ${httpStatus(error)} with no AWS error code`
    : `${errorName(error) ?? 'Error'}: ${error?.message ?? String(error)}`;

;// CONCATENATED MODULE: ./src/runner/provenance.ts
// Where a deployment came from, read from the runner's GITHUB_* variables, for version
// descriptions and tags. Read directly: @actions/github's context throws without
// GITHUB_REPOSITORY (a local run) and loads Octokit for three strings.
function readProvenance(env = process.env) {
    const repository = env.GITHUB_REPOSITORY || 'local';
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    return {
        repository,
        commit: env.GITHUB_SHA ?? '',
        runUrl: env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : ''
    };
}
/** Tags the action sets on what it creates (counted in inputs/role.ts RESERVED_TAG_COUNT). */
function provenanceTags(p) {
    return {
        'managed-by': 'apic-lambda-deploy',
        'github-repository': p.repository,
        'github-commit': p.commit
    };
}
/** A one-line description (Lambda allows 256 characters). */
function provenanceDescription(p) {
    return `apic-lambda-deploy: ${p.repository}@${p.commit.slice(0, 12)} ${p.runUrl}`
        .slice(0, 256)
        .trim();
}

;// CONCATENATED MODULE: ./src/function/changes.ts
/** The plan's write of `kind`, if it has one. */
const stepOf = (changes, kind) => changes.find((c) => c.kind === kind && c.action !== 'unchanged');

// EXTERNAL MODULE: ./src/inputs/settings.ts
var inputs_settings = __webpack_require__(900);
;// CONCATENATED MODULE: ./src/function/settings.ts
const CONFIGURATION = ['CreateFunction', 'UpdateFunctionConfiguration'];
const same = (value) => value;
const sorted = (values) => [...(values ?? [])].sort();
const sortedKeys = (map) => Object.fromEntries(Object.keys(map)
    .sort()
    .map(k => [k, map[k]]));
const configuration = (fn) => fn.configuration;
/** A setting Lambda takes as the input gives it (inputs/function-settings.ts), in MoreSettings. */
function asGiven(field, row) {
    return { ...row, sentBy: CONFIGURATION, words: 'values', want: config => config.more?.[field] };
}
/** Every setting, in the order the plan names them. */
const SETTINGS = {
    Runtime: {
        input: 'runtime',
        sentBy: CONFIGURATION,
        want: config => config.runtime,
        live: fn => configuration(fn).Runtime,
        normal: same,
        words: 'values'
    },
    Handler: {
        input: 'handler',
        sentBy: CONFIGURATION,
        want: config => config.handler,
        live: fn => configuration(fn).Handler,
        normal: same,
        words: 'values'
    },
    Role: {
        input: 'execution-role-arn',
        sentBy: CONFIGURATION,
        want: config => config.role,
        live: fn => configuration(fn).Role,
        normal: same,
        words: 'values'
    },
    // Lambda sets the architecture with the code: plan.ts refuses a change without code.
    Architectures: {
        input: 'architectures',
        sentBy: ['CreateFunction', 'UpdateFunctionCode'],
        want: config => config.architectures,
        live: fn => configuration(fn).Architectures,
        normal: value => value?.[0] ?? 'x86_64',
        words: 'values'
    },
    MemorySize: {
        input: 'memory-size',
        sentBy: CONFIGURATION,
        want: config => config.memorySize,
        live: fn => configuration(fn).MemorySize,
        normal: same,
        words: 'values'
    },
    Timeout: {
        input: 'timeout',
        sentBy: CONFIGURATION,
        want: config => config.timeout,
        live: fn => configuration(fn).Timeout,
        normal: same,
        words: 'values'
    },
    Description: {
        input: 'description',
        sentBy: CONFIGURATION,
        want: config => config.description,
        live: fn => configuration(fn).Description,
        normal: value => value ?? '',
        words: 'name'
    },
    // `replace` (the default): exactly the named variables; `merge`: the live ones stay.
    Environment: {
        input: 'environment',
        sentBy: CONFIGURATION,
        want: config => config.environment && { Variables: config.environment },
        live: fn => {
            const variables = configuration(fn).Environment?.Variables;
            return variables && { Variables: variables };
        },
        normal: value => sortedKeys(value?.Variables ?? {}),
        update: (want, live, config) => config.environmentMode === 'merge'
            ? { Variables: { ...live?.Variables, ...want.Variables } }
            : want,
        words: 'keys'
    },
    // Lambda keeps it apart from GetFunction's answer: read.ts reads it when the input names it.
    CodeSigningConfigArn: {
        input: 'code-signing-config-arn',
        sentBy: ['CreateFunction', 'PutFunctionCodeSigningConfig'],
        want: config => config.codeSigningConfigArn,
        live: fn => fn.codeSigningConfigArn,
        normal: value => value ?? '',
        words: 'values'
    },
    // Layers apply in order: the order is part of the setting.
    Layers: asGiven('Layers', {
        input: 'layers',
        live: fn => configuration(fn).Layers?.map(l => l.Arn ?? ''),
        normal: value => value ?? []
    }),
    VpcConfig: asGiven('VpcConfig', {
        input: 'vpc-config',
        live: fn => {
            const vpc = configuration(fn).VpcConfig;
            return (vpc && {
                SubnetIds: vpc.SubnetIds ?? [],
                SecurityGroupIds: vpc.SecurityGroupIds ?? [],
                Ipv6AllowedForDualStack: vpc.Ipv6AllowedForDualStack
            });
        },
        normal: value => ({
            SubnetIds: sorted(value?.SubnetIds),
            SecurityGroupIds: sorted(value?.SecurityGroupIds),
            Ipv6AllowedForDualStack: value?.Ipv6AllowedForDualStack ?? false
        })
    }),
    DeadLetterConfig: asGiven('DeadLetterConfig', {
        input: 'dead-letter-config',
        live: fn => {
            const dlq = configuration(fn).DeadLetterConfig;
            return dlq && { TargetArn: dlq.TargetArn ?? '' };
        },
        normal: value => value?.TargetArn ?? ''
    }),
    KMSKeyArn: asGiven('KMSKeyArn', {
        input: 'kms-key-arn',
        live: fn => configuration(fn).KMSKeyArn,
        normal: value => value ?? ''
    }),
    TracingConfig: asGiven('TracingConfig', {
        input: 'tracing-config',
        live: fn => configuration(fn).TracingConfig,
        normal: value => value?.Mode ?? 'PassThrough'
    }),
    FileSystemConfigs: asGiven('FileSystemConfigs', {
        input: 'file-system-configs',
        live: fn => configuration(fn).FileSystemConfigs,
        normal: value => (value ?? []).map(c => `${c.Arn} ${c.LocalMountPath}`).sort()
    }),
    ImageConfig: asGiven('ImageConfig', {
        input: 'image-config',
        live: fn => configuration(fn).ImageConfigResponse?.ImageConfig,
        normal: value => ({
            EntryPoint: value?.EntryPoint ?? [],
            Command: value?.Command ?? [],
            WorkingDirectory: value?.WorkingDirectory ?? ''
        })
    }),
    EphemeralStorage: asGiven('EphemeralStorage', {
        input: 'ephemeral-storage',
        live: fn => configuration(fn).EphemeralStorage,
        normal: value => value?.Size ?? 512
    }),
    SnapStart: asGiven('SnapStart', {
        input: 'snap-start',
        live: fn => configuration(fn).SnapStart,
        normal: value => value?.ApplyOn ?? 'None'
    }),
    // Lambda sets LoggingConfig as a whole: the members not named are sent with their live values.
    LoggingConfig: {
        ...asGiven('LoggingConfig', {
            input: 'logging-config',
            live: fn => configuration(fn).LoggingConfig,
            normal: (value, functionName) => ({
                LogFormat: value?.LogFormat ?? 'Text',
                ApplicationLogLevel: value?.ApplicationLogLevel ?? '',
                SystemLogLevel: value?.SystemLogLevel ?? '',
                LogGroup: value?.LogGroup ?? `/aws/lambda/${functionName}`
            })
        }),
        // Log levels need the JSON format: back to Text, they are left out.
        update: (want, live) => {
            const merged = { ...live, ...want };
            if (merged.LogFormat !== 'JSON') {
                delete merged.ApplicationLogLevel;
                delete merged.SystemLogLevel;
            }
            return merged;
        }
    }
};
const rows = Object.entries(SETTINGS);
/** The named settings that `write` sends, each in the request's field. */
function requestOf(write, config) {
    const fields = {};
    for (const [field, row] of rows) {
        const want = row.want(config);
        if (row.sentBy.includes(write) && want !== undefined)
            fields[field] = want;
    }
    return fields;
}
/**
 * The named settings that `write` sends whose normal forms differ from the live ones: the
 * request's fields, and the changes as the report words them. Undefined when none differs.
 */
function settingChanges(write, config, live) {
    const request = {};
    const fields = [];
    const name = live.configuration.FunctionName ?? '';
    for (const [field, row] of rows) {
        const want = row.want(config);
        if (!row.sentBy.includes(write) || want === undefined)
            continue;
        const current = row.live(live);
        const sent = row.update ? row.update(want, current, config) : want;
        const from = row.normal(current, name);
        const to = row.normal(sent, name);
        if (JSON.stringify(from) === JSON.stringify(to))
            continue;
        request[field] = sent;
        fields.push(fieldChange(row, from, to));
    }
    return fields.length ? { request: request, fields } : undefined;
}
function fieldChange(row, from, to) {
    const { input } = row;
    if (row.words === 'name')
        return { input };
    if (row.words === 'values')
        return { input, from, to };
    const [before, after] = [from, to];
    return {
        input,
        added: Object.keys(after).filter(k => !Object.hasOwn(before, k)),
        changed: Object.keys(after).filter(k => Object.hasOwn(before, k) && before[k] !== after[k]),
        removed: Object.keys(before).filter(k => !Object.hasOwn(after, k))
    };
}
/** The settings the inputs name, by input name, for "already as wanted". */
const namedSettings = (config) => rows.filter(([, row]) => row.want(config) !== undefined).map(([, row]) => row.input);

;// CONCATENATED MODULE: ./src/function/tags.ts
/** The tag change, its write when it has one; undefined when neither tags nor remove-tags was given. */
function planTags(functionName, config, live) {
    if (config.tags === undefined && config.removeTags === undefined)
        return undefined;
    const want = config.tags ?? {};
    const added = Object.keys(want).filter(k => !Object.hasOwn(live, k));
    const changed = Object.keys(want).filter(k => Object.hasOwn(live, k) && live[k] !== want[k]);
    const removed = (config.removeTags ?? []).filter(k => Object.hasOwn(live, k));
    if (!added.length && !changed.length && !removed.length)
        return {
            functionName,
            kind: 'tags',
            action: 'unchanged',
            named: [config.tags && 'tags', config.removeTags && 'remove-tags'].filter((n) => Boolean(n))
        };
    const set = Object.fromEntries([...added, ...changed].map(k => [k, want[k]]));
    return {
        functionName,
        kind: 'tags',
        action: 'update',
        added: added.sort(),
        changed: changed.sort(),
        removed: removed.sort(),
        set
    };
}

// EXTERNAL MODULE: ./src/function/upload.ts
var function_upload = __webpack_require__(4679);
;// CONCATENATED MODULE: ./src/function/plan.ts
// What deploying the function means, decided from the inputs and from the function as Lambda
// reports it: create it, update its configuration, upload code, publish, move the alias, or nothing.
// Pure: the reads are in read.ts and the writes in apply.ts, so each decision here is tested without
// a mock. Publishing is decided in publish-plan.ts.
//
// Rules that users rely on:
// - Only what the user named is compared and changed; an input left out never resets anything
//   (environment included: given, it replaces the variables with exactly that map; left out, the
//   live variables stay as they are).
// - Code is uploaded only when its SHA-256 differs from the live CodeSha256. Code already in S3
//   is compared through the object's full-object SHA-256 checksum when S3 has one (uploaded with
//   `--checksum-algorithm SHA256`); without one its content is unknown, so it is always deployed.
//   An image is compared by URI (a digest URI also against the resolved digest): a re-pushed tag
//   under the same URI is not detected, so deploy images by digest or by a unique tag.
// - A version is published only when $LATEST changes, or when no published version matches
//   $LATEST (its code and configuration); the alias moves only when it points elsewhere.
// - A function that Lambda reports Failed (State or LastUpdateStatus) is redeployed even when
//   nothing differs: comparing alone would leave it broken on every rerun.




/**
 * Decides how to bring the function to what the inputs name. `live` is undefined when the
 * function does not exist; `s3Sha256` is the full-object SHA-256 of an `s3-key` source, if known.
 * Throws InputError (before any write) when the inputs cannot produce a valid request.
 */
function planFunctionChanges(input) {
    const { settings, pkg, live, s3Sha256 } = input;
    const upload = (0,function_upload/* uploadFor */.hB)(settings, pkg, s3Sha256);
    return live ? planUpdate(settings, live, upload) : planCreate(settings, upload);
}
function planCreate(settings, upload) {
    const { config, functionName } = settings;
    const isImage = upload?.kind === 'image';
    const missing = [
        !isImage && !config.runtime && 'runtime',
        !isImage && !config.handler && 'handler',
        !config.role && 'execution-role-arn'
    ].filter((name) => Boolean(name));
    const problems = [];
    if (!upload)
        problems.push(`code: function ${functionName} does not exist; creating it needs its code: give code, s3-bucket with s3-key, or image-uri`);
    if (missing.length)
        problems.push(`${missing.join(', ')}: function ${functionName} does not exist; creating ${isImage ? 'an image function' : 'it'} needs ${missing.join(', ')}`);
    if (isImage)
        problems.push(...imageOnlyProblems(settings));
    problems.push(...packageProblems(functionName, config, isImage));
    // Lambda reaches an EFS access point through the function's VPC, and refuses one without it.
    if (config.more?.FileSystemConfigs?.length && !config.more.VpcConfig?.SubnetIds?.length)
        problems.push(`file-system-configs: function ${functionName} does not exist; creating it with a file system needs vpc-config (Lambda reaches EFS through the function's VPC)`);
    if (problems.length || !upload || !config.role)
        throw new inputs_settings/* InputError */.d(problems);
    const packageType = isImage ? 'Image' : 'Zip';
    return {
        codeSha256: shaOf(upload),
        changes: [
            {
                functionName,
                kind: 'function',
                action: 'create',
                packageType,
                runtime: config.runtime,
                handler: config.handler,
                upload,
                request: {
                    PackageType: packageType,
                    settings: requestOf('CreateFunction', config),
                    Role: config.role,
                    Tags: config.tags,
                    SourceKMSKeyArn: config.sourceKmsKeyArn
                }
            }
        ],
        warnings: []
    };
}
/**
 * Layers and a code package key belong to zip functions (an image brings its own and ECR encrypts
 * it), image-config to image functions.
 */
function packageProblems(functionName, config, isImage) {
    const want = config.more;
    if (isImage && config.sourceKmsKeyArn !== undefined)
        return [
            `source-kms-key-arn: ${functionName} is an image function; the key encrypts a zip package only`
        ];
    if (isImage && want?.Layers?.length)
        return [
            `layers: ${functionName} is an image function; Lambda takes layers for zip functions only (put them in the image)`
        ];
    if (!isImage && want?.ImageConfig)
        return [
            `image-config: ${functionName} is a zip function; image-config is for image functions (image-uri)`
        ];
    return [];
}
/** Runtime and handler belong to zip functions; an image brings its own entry point. */
function imageOnlyProblems(settings) {
    const named = [settings.config.runtime && 'runtime', settings.config.handler && 'handler'].filter(Boolean);
    return named.length
        ? [
            `${named.join(', ')}: an image function (image-uri) has no ${named.join(' or ')}; remove ${named.length > 1 ? 'them' : 'it'}`
        ]
        : [];
}
function planUpdate(settings, live, upload) {
    const current = live.configuration;
    const isImage = current.PackageType === 'Image';
    const problems = [];
    if (upload && (upload.kind === 'image') !== isImage)
        problems.push(isImage
            ? `${sourceInput(settings)}: function ${settings.functionName} is an image function; Lambda cannot change it to a zip package (use image-uri)`
            : `image-uri: function ${settings.functionName} is a zip function; Lambda cannot change it to an image (use code or s3-key)`);
    if (isImage)
        problems.push(...imageOnlyProblems(settings));
    problems.push(...packageProblems(settings.functionName, settings.config, isImage));
    const config = settings.config;
    const architecture = settingChanges('UpdateFunctionCode', config, live);
    // The key is set with the code (UpdateFunctionCode): a new key means writing the code again.
    const wantKey = config.sourceKmsKeyArn;
    const keyChanges = wantKey !== undefined && wantKey !== live.sourceKmsKeyArn;
    if (keyChanges && !upload)
        problems.push(`source-kms-key-arn: changing the key that encrypts the code of ${settings.functionName} needs its code too (Lambda sets the key with the code): give code, s3-key or image-uri`);
    const [archFrom, archTo] = architecture ? values(architecture.fields[0]) : ['', ''];
    if (architecture && !upload)
        problems.push(`architectures: changing ${settings.functionName} from ${archFrom} to ${archTo} needs its code too (Lambda sets the architecture with the code): give code, s3-key or image-uri`);
    if (problems.length)
        throw new inputs_settings/* InputError */.d(problems);
    const functionName = settings.functionName;
    const changes = [];
    const configuration = settingChanges('UpdateFunctionConfiguration', config, live);
    const signing = settingChanges('PutFunctionCodeSigningConfig', config, live);
    const fields = [...(configuration?.fields ?? []), ...(signing?.fields ?? [])];
    changes.push(fields.length
        ? {
            functionName,
            kind: 'configuration',
            action: 'update',
            fields,
            request: configuration?.request,
            codeSigning: signing?.request.CodeSigningConfigArn
        }
        : { functionName, kind: 'configuration', action: 'unchanged', named: namedSettings(config) });
    const tags = planTags(functionName, settings.config, live.tags ?? {});
    if (tags)
        changes.push(tags);
    const failed = plan_failure(current);
    let codeSha256 = current.CodeSha256;
    if (!upload) {
        changes.push({ functionName, kind: 'code', action: 'unchanged' });
    }
    else {
        const { same, comparison } = sameCode(upload, live);
        if (same && !architecture && !keyChanges && !failed) {
            changes.push({ functionName, kind: 'code', action: 'unchanged', comparison });
        }
        else {
            codeSha256 = shaOf(upload);
            changes.push({
                functionName,
                kind: 'code',
                action: 'update',
                upload,
                comparison,
                same,
                // Only a new update retries what Lambda abandoned (function states guide): force one.
                ...(failed ? { failed } : {}),
                ...(architecture ? { architecture: { from: archFrom, to: archTo } } : {}),
                request: {
                    ...architecture?.request,
                    ...(wantKey !== undefined ? { SourceKMSKeyArn: wantKey } : {})
                }
            });
        }
    }
    const redeploying = changes.some(c => c.kind === 'code' && c.action === 'update');
    return {
        codeSha256,
        changes,
        warnings: failed ? [failureWarning(settings.functionName, current, failed, redeploying)] : []
    };
}
/**
 * What Lambda reports as failed on $LATEST, in a few words: State Failed (its creation or
 * provisioning failed) or LastUpdateStatus Failed (the last update was abandoned); else undefined.
 */
function plan_failure(current) {
    const say = (what, code, reason) => [what, code, reason].filter(Boolean).join(': ');
    if (current.State === 'Failed')
        return say('State Failed', current.StateReasonCode, current.StateReason);
    if (current.LastUpdateStatus === 'Failed')
        return say('LastUpdateStatus Failed', current.LastUpdateStatusReasonCode, current.LastUpdateStatusReason);
    return undefined;
}
/** What a failed function needs from the user, beyond what this run does. */
function failureWarning(name, current, failed, redeploying) {
    // Lambda's function states guide: after a failed update the previous code and configuration
    // keep running and a new update retries; a function whose creation failed must be recreated.
    const recreate = `Lambda's function states guide says a function whose creation failed must be deleted and created again`;
    const reported = `Lambda reports function ${name} failed (${failed})`;
    if (current.State === 'Failed')
        return redeploying
            ? `${reported}: this run redeploys its code, but ${recreate}; if it stays Failed, delete it and run the action again`
            : `${reported} and this run has no code source to redeploy it (code, s3-key or image-uri); ${recreate}: delete it and run the action again with its code`;
    return redeploying
        ? `${reported}: its previous code and configuration still run; this run redeploys it`
        : `${reported}: its previous code and configuration still run, and this run has no code source to redeploy it; give code, s3-key or image-uri`;
}
/** Whether the code to deploy is the code $LATEST runs, and what the comparison rested on. */
function sameCode(upload, live) {
    const liveSha = live.configuration.CodeSha256;
    switch (upload.kind) {
        case 'zip':
        case 'staged-zip':
            return {
                same: upload.sha256 === liveSha,
                comparison: { kind: 'sha256', live: liveSha, wanted: upload.sha256 }
            };
        case 's3': {
            const wanted = upload.sha256;
            if (wanted === undefined)
                return {
                    same: false,
                    comparison: { kind: 's3-unknown', bucket: upload.bucket, key: upload.key }
                };
            return { same: wanted === liveSha, comparison: { kind: 'sha256', live: liveSha, wanted } };
        }
        case 'image': {
            const wanted = upload.imageUri;
            return {
                same: wanted === live.imageUri || wanted === live.resolvedImageUri,
                comparison: { kind: 'image', live: live.imageUri, wanted }
            };
        }
    }
}
/** A value change's two sides as words: the architecture's, x86_64 → arm64. */
const values = (field) => 'to' in field ? [String(field.from), String(field.to)] : ['', ''];
function sourceInput(settings) {
    return settings.code.kind === 's3' ? 's3-key' : 'code';
}
function shaOf(upload) {
    return upload.kind === 'image' ? undefined : upload.sha256;
}

;// CONCATENATED MODULE: ./src/aws/poll.ts
// Polling AWS until something settles (a Lambda update, a new IAM role showing), on a cadence
// counted from one poll's sending to the next, not from its answer: otherwise every answer's round
// trip is added to every interval, and a wait overshoots the moment it could have ended by more.
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Polls `read` until `settled` accepts an answer, which it returns; undefined on timeout. */
async function poll(cadence, read, settled) {
    const { firstMs, everyMs, fastMs, growth, maxMs, timeoutMs } = cadence;
    const started = Date.now();
    let next = started + firstMs;
    for (let interval = everyMs; next - started <= timeoutMs;) {
        if (next > Date.now())
            await sleep(next - Date.now());
        const sent = Date.now();
        const answer = await read();
        if (settled(answer))
            return answer;
        if (sent - started >= fastMs)
            interval = Math.min(interval * growth, maxMs);
        next = Math.max(sent + interval, Date.now());
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/function/waits.ts
// Waiting for Lambda, never sleeping: polls after every create and update, and the retry policies
// for the errors whose cure is waiting (another update in progress, a new execution role that
// Lambda cannot assume yet). Bounds come from the run's Timing.



/**
 * Polls `read` until Lambda's `status` says `done` or Failed (the states and fields of the SDK's
 * waiters FunctionActiveV2, FunctionUpdatedV2 and PublishedVersionActive, on a tighter cadence).
 * Every wait follows a write whose answer said Pending or InProgress, so the first poll comes one
 * minDelay later rather than at once; then every minDelay for the first fastPollSeconds (updates
 * and activations usually take a second or two, and a wait overshoots by half an interval on
 * average), then doubling up to maxDelay, within maxWaitSeconds.
 */
async function waitLambda(ctx, what, read, status, done) {
    const t = ctx.timing;
    const latest = await poll({
        firstMs: t.minDelaySeconds * 1000,
        everyMs: t.minDelaySeconds * 1000,
        fastMs: t.fastPollSeconds * 1000,
        growth: 2,
        maxMs: t.maxDelaySeconds * 1000,
        timeoutMs: t.maxWaitSeconds * 1000
    }, 
    // Not found yet, right after a create, is still settling (the SDK's waiters retry it too).
    () => unlessMissing(read(), 'ResourceNotFoundException'), configuration => configuration?.[status] === done || configuration?.[status] === 'Failed');
    if (!latest)
        throw new Error(`Gave up waiting for ${what} after ${t.maxWaitSeconds} s`);
    if (latest[status] === 'Failed') {
        const reason = status === 'State' ? latest.StateReason : latest.LastUpdateStatusReason;
        throw new Error(`Waiting for ${what}: Lambda reports it failed${reason ? `: ${reason}` : ''}`);
    }
    return latest;
}
const readLatest = (ctx, name) => async () => (await ctx.clients.lambda.send(new dist_cjs/* GetFunctionCommand */.YF5({ FunctionName: name }))).Configuration;
function waitForActive(ctx, name) {
    ctx.log.info(`Waiting for function ${name} to become Active`);
    return waitLambda(ctx, `function ${name} to become Active`, readLatest(ctx, name), 'State', 'Active');
}
function waitForUpdate(ctx, name) {
    ctx.log.info(`Waiting for the update of function ${name} to finish (LastUpdateStatus Successful)`);
    return waitLambda(ctx, `the update of function ${name} to finish`, readLatest(ctx, name), 'LastUpdateStatus', 'Successful');
}
async function waitForVersion(ctx, name, version) {
    ctx.log.info(`Waiting for version ${version} of ${name} to become Active`);
    await waitLambda(ctx, `version ${version} of ${name} to become Active`, () => ctx.clients.lambda.send(new dist_cjs/* GetFunctionConfigurationCommand */.qA6({ FunctionName: name, Qualifier: version })), 'State', 'Active');
}
const isRoleNotReady = (error) => errorName(error) === 'InvalidParameterValueException' &&
    /cannot be assumed by Lambda/i.test(error.message);
function roleDecision(error) {
    return isRoleNotReady(error)
        ? {
            reason: 'the execution role cannot be assumed by Lambda yet (a new role takes a few seconds to reach Lambda)'
        }
        : undefined;
}
function roleRetry(ctx, label) {
    const t = ctx.timing;
    return {
        label,
        retryable: roleDecision,
        maxElapsedMs: t.roleRetryMs,
        initialDelayMs: t.initialDelayMs,
        maxDelayMs: t.maxDelayMs,
        log: ctx.log.info
    };
}
/** Another update in progress: wait for it to settle, then try again. */
function conflictDecision(ctx, name) {
    return error => errorName(error) === 'ResourceConflictException'
        ? {
            reason: `function ${name} is busy (${error.message})`,
            waitFor: async () => {
                // A function still being created is Pending; one being updated is InProgress.
                await waitForActive(ctx, name);
                await waitForUpdate(ctx, name);
            }
        }
        : undefined;
}
function conflictRetry(ctx, label, name) {
    return {
        label,
        retryable: conflictDecision(ctx, name),
        maxElapsedMs: ctx.timing.maxWaitSeconds * 1000,
        maxAttempts: ctx.timing.conflictAttempts,
        log: ctx.log.info
    };
}
/** A configuration update may meet both: another update, and a new execution role. */
function conflictOrRoleRetry(ctx, label, name) {
    const conflict = conflictDecision(ctx, name);
    return {
        ...roleRetry(ctx, label),
        retryable: (error) => conflict(error) ?? roleDecision(error)
    };
}
/** A role that never became usable: name the input and the likely cause. */
function explainRoleError(error, role) {
    if (!(error instanceof RetriesExhausted) || !isRoleNotReady(error.lastError))
        return error;
    return new Error(`execution-role-arn: Lambda could not assume ${role} for ${(error.elapsedMs / 1000).toFixed(0)} s; check that its trust policy allows lambda.amazonaws.com to sts:AssumeRole`, { cause: error });
}

;// CONCATENATED MODULE: ./src/function/publish.ts
// Publishing a version of this run's code: the guard that no other writer's code is ever published
// under this run's name lives here (the alias moves in traffic/).




/** The refusal when $LATEST no longer runs this run's code. */
function codeChanged(name, ours, theirs) {
    return new Error(`another deploy changed function ${name} meanwhile: $LATEST now runs CodeSha256 ${theirs ?? '(unknown)'}, not this run's ${ours}; nothing was published and no alias was moved. Run the job again to deploy this run's code.`);
}
/**
 * Publishes $LATEST, guarded by this run's own code: Lambda publishes only if $LATEST still has
 * CodeSha256 `ours` (and the RevisionId read after the wait, which checked that same code), so
 * code that another writer deployed meanwhile is never published under this run's name. The
 * RevisionId of this run's write cannot serve: Lambda replaces it when the update finishes.
 */
async function publishVersion(ctx, latest, ours) {
    const lambda = ctx.clients.lambda;
    const name = ctx.settings.functionName;
    const published = await retry(() => lambda.send(new dist_cjs/* PublishVersionCommand */.D3m({
        FunctionName: name,
        CodeSha256: ours ?? latest?.CodeSha256,
        RevisionId: latest?.RevisionId,
        Description: provenanceDescription(ctx.provenance)
    })), conflictRetry(ctx, 'lambda:PublishVersion', name)).catch(async (error) => {
        // RevisionId mismatch: PreconditionFailedException; CodeSha256 mismatch: InvalidParameterValue.
        const revision = errorName(error) === 'PreconditionFailedException';
        const code = errorName(error) === 'InvalidParameterValueException' &&
            /CodeSHA256/i.test(error.message);
        if (!revision && !code)
            throw error;
        const now = await (async () => (await lambda.send(new dist_cjs/* GetFunctionConfigurationCommand */.qA6({ FunctionName: name })))
            ?.CodeSha256)().catch(() => undefined);
        const expected = ours ?? latest?.CodeSha256;
        if (expected && now !== expected)
            throw codeChanged(name, expected, now);
        throw new Error(`another deploy changed the configuration of function ${name} meanwhile (its RevisionId is no longer the one this run checked), so nothing was published and no alias was moved. Run the job again.`, { cause: error });
    });
    const version = published.Version;
    if (!version)
        throw new Error(`lambda:PublishVersion returned no version for ${name}`);
    ctx.log.info(`Published version ${version} (CodeSha256 ${published.CodeSha256})`);
    if (published.State && published.State !== 'Active')
        await waitForVersion(ctx, name, version);
    return version;
}

;// CONCATENATED MODULE: ./src/function/apply-tags.ts
// Writes the function's tag changes: TagResource for the added and changed tags, UntagResource
// for the keys remove-tags named. Both address the unqualified function ARN.



async function applyTags(ctx, writes, begin) {
    const lambda = ctx.clients.lambda;
    const name = ctx.settings.functionName;
    const Resource = ctx.functionArn;
    if (Object.keys(writes.set).length) {
        begin({ operation: 'lambda:TagResource', resource: `function ${name}` });
        await retry(() => lambda.send(new dist_cjs/* TagResourceCommand */.eqU({ Resource, Tags: writes.set })), conflictRetry(ctx, 'lambda:TagResource', name));
    }
    if (writes.removed.length) {
        begin({ operation: 'lambda:UntagResource', resource: `function ${name}` });
        await retry(() => lambda.send(new dist_cjs/* UntagResourceCommand */.RP$({ Resource, TagKeys: writes.removed })), conflictRetry(ctx, 'lambda:UntagResource', name));
    }
}

;// CONCATENATED MODULE: ./src/function/code-signing.ts
// The function's code-signing configuration: Lambda keeps it apart from the configuration that
// GetFunction returns, so it is read (GetFunctionCodeSigningConfig) only when the input names it,
// and written with PutFunctionCodeSigningConfig only when it differs.



/** The ARN in force, or undefined when the function has none. */
async function readCodeSigning(ctx) {
    const out = await ctx.clients.lambda.send(new dist_cjs/* GetFunctionCodeSigningConfigCommand */.uSr({ FunctionName: ctx.settings.functionName }));
    return out.CodeSigningConfigArn || undefined;
}
async function putCodeSigning(ctx, arn) {
    const name = ctx.settings.functionName;
    await retry(() => ctx.clients.lambda.send(new dist_cjs/* PutFunctionCodeSigningConfigCommand */.nD1({ FunctionName: name, CodeSigningConfigArn: arn })), conflictRetry(ctx, 'lambda:PutFunctionCodeSigningConfig', name));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
;// CONCATENATED MODULE: ./src/aws/where.ts


const MARK = Symbol('where');
/** The resource a request names, in the words the log uses. */
function resourceOf(input) {
    const text = (value) => (typeof value === 'string' ? value : undefined);
    const fn = text(input.FunctionName);
    if (fn)
        return `function ${fn}${text(input.Qualifier) ? `:${text(input.Qualifier)}` : ''}`;
    const bucket = text(input.Bucket);
    if (bucket)
        return `s3://${bucket}${text(input.Key) ? `/${text(input.Key)}` : ''}`;
    const role = text(input.RoleArn) ?? text(input.PolicySourceArn) ?? text(input.RoleName);
    if (role)
        return `role ${role}`;
    const policyType = text(input.policyType);
    if (policyType)
        return `a ${policyType.toLowerCase().replace(/_/g, ' ')}`;
    return undefined;
}
/** No HTTP answer at all: the connection was refused, reset or timed out. */
const isConnectionError = (error) => httpStatus(error) === undefined &&
    /socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|timed? ?out|TimeoutError/i.test(`${error?.name} ${error?.code ?? ''} ${error?.message}`);
/** The prefix for one failed call, or undefined when the service words it itself. */
function whereText(service, operation, input, endpoint, error) {
    const connection = isConnectionError(error);
    if (service === 'iam' && !connection)
        return undefined;
    const where = (0,failure/* stepText */.uw)({ operation: `${service}:${operation}`, resource: resourceOf(input) });
    return `${where}${connection && endpoint ? ` at ${endpoint}` : ''}`;
}
/** Adds the prefix to every error `client` throws; the endpoint is read from the request sent. */
function sayWhere(client, service) {
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const operation = (context.commandName ?? 'Call').replace(/Command$/, '');
            const where = whereText(service, operation, args.input, context[MARK], error);
            if (where && error instanceof Error && !error.message.startsWith(where))
                error.message = `${where}: ${error.message}`;
            throw error;
        }
    }, { step: 'initialize', name: 'sayWhereMiddleware' });
    client.middlewareStack.add((next, context) => async (args) => {
        const request = args.request;
        if (request?.hostname)
            context[MARK] =
                `${request.protocol ?? 'https:'}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
        return next(args);
    }, { step: 'finalizeRequest', name: 'sayWhereEndpointMiddleware' });
    return client;
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"apic-lambda-deploy","rE":"0.1.0"}');
;// CONCATENATED MODULE: ./src/aws/clients.ts





const s3Of = (clients) => clients.lazy.s3();
const cloudWatchOf = (clients) => clients.lazy.cloudWatch();
const accessAnalyzerOf = (clients) => clients.lazy.accessAnalyzer();
// Bundled from package.json, so the user agent names the released version.
const USER_AGENT = [package_namespaceObject.UU, package_namespaceObject.rE];
function createClients(region, endpointUrl, maxAttempts) {
    const config = {
        region,
        maxAttempts,
        customUserAgent: [USER_AGENT],
        ...(endpointUrl ? { endpoint: endpointUrl } : {})
    };
    let s3;
    let accessAnalyzer;
    let cloudWatch;
    const iam = new client_iam_dist_cjs/* IAMClient */.h8v(config);
    const lambda = new dist_cjs/* LambdaClient */.Nox(config);
    return {
        sts: sayWhere(new client_sts_dist_cjs/* STSClient */.iM(config), 'sts'),
        iam: sayWhere(iam, 'iam'),
        // Its own retries, IAM's connections: a client of its own would open (on AWS: handshake) another.
        iamOnce: sayWhere(new client_iam_dist_cjs/* IAMClient */.h8v({ ...config, maxAttempts: 1, requestHandler: iam.config.requestHandler }), 'iam'),
        lambda: sayWhere(lambda, 'lambda'),
        lambdaOnce: sayWhere(new dist_cjs/* LambdaClient */.Nox({ ...config, maxAttempts: 1, requestHandler: lambda.config.requestHandler }), 'lambda'),
        lazy: {
            s3: () => (s3 ??= __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)).then(({ S3Client }) => 
            // Emulators (and LocalStack) serve buckets by path, not by virtual host.
            sayWhere(new S3Client({
                ...config,
                forcePathStyle: Boolean(endpointUrl || process.env.AWS_ENDPOINT_URL)
            }), 's3'))),
            accessAnalyzer: () => (accessAnalyzer ??= __webpack_require__.e(/* import() */ 645).then(__webpack_require__.t.bind(__webpack_require__, 1645, 19)).then(({ AccessAnalyzerClient }) => sayWhere(new AccessAnalyzerClient(config), 'access-analyzer'))),
            cloudWatch: () => (cloudWatch ??= __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)).then(({ CloudWatchClient }) => sayWhere(new CloudWatchClient(config), 'cloudwatch')))
        }
    };
}

// EXTERNAL MODULE: ./src/function/code-package.ts + 3 modules
var code_package = __webpack_require__(6640);
;// CONCATENATED MODULE: ./src/function/staging.ts



/** The Code of CreateFunction, or the code fields of UpdateFunctionCode. */
async function codeFor(ctx, upload, zip) {
    switch (upload.kind) {
        case 'zip':
            return { ZipFile: required(zip) };
        case 'staged-zip':
            await stageZip(ctx, upload, required(zip));
            return { S3Bucket: upload.bucket, S3Key: upload.key };
        case 's3':
            return { S3Bucket: upload.bucket, S3Key: upload.key, S3ObjectVersion: upload.objectVersion };
        case 'image':
            return { ImageUri: upload.imageUri };
    }
}
const required = (zip) => {
    if (!zip)
        throw new Error('code: the package was not built');
    return zip;
};
/**
 * Puts a zip over the direct-upload limit in the staging bucket, unless it is already there. The
 * key is content-addressed, so uploading again would be harmless; the HEAD is kept because it
 * spares re-sending 50 MB or more when a run is repeated after a failed update, or when the code
 * goes back to a package staged before.
 */
async function stageZip(ctx, upload, zip) {
    const s3 = await s3Of(ctx.clients);
    const { HeadObjectCommand, PutObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const where = `s3://${upload.bucket}/${upload.key}`;
    const head = await s3
        .send(new HeadObjectCommand({ Bucket: upload.bucket, Key: upload.key, ChecksumMode: 'ENABLED' }))
        .catch(error => {
        // No body, so no error code: 404, or 403 when the caller lacks s3:ListBucket (the README
        // asks only for s3:GetObject and s3:PutObject). Either way: not there for us, upload it.
        const status = httpStatus(error);
        if (status === 404 || status === 403)
            return undefined;
        throw error;
    });
    // The key is derived from the hash; the size and checksum confirm it is whole.
    if (head &&
        head.ContentLength === upload.size &&
        (head.ChecksumSHA256 === undefined || head.ChecksumSHA256 === upload.sha256)) {
        ctx.log.info(`${where} is already there; not uploaded again`);
        return;
    }
    ctx.log.info(`Uploading ${(0,code_package/* formatSize */.Xq)(upload.size)} to ${where}`);
    await s3.send(new PutObjectCommand({
        Bucket: upload.bucket,
        Key: upload.key,
        Body: zip,
        ContentType: 'application/zip',
        // S3 refuses the object unless its bytes have this SHA-256.
        ChecksumSHA256: upload.sha256
    }));
}

;// CONCATENATED MODULE: ./src/function/apply.ts
// Deploys the function as planned: creates or updates it, waits for Lambda to settle and publishes
// a version (publish.ts); the alias moves later, once the checks passed (promote.ts). Writes only;
// the decisions were made in plan.ts and publish-plan.ts, the waits and retries are in waits.ts.











/**
 * Makes the plan's writes, or none in a dry run. `replan` reads and plans again, for the one case
 * where the plan turns out stale: another job created the function since it was read. A failure
 * is thrown as StepFailed: the step, the changes made so far, and what is known for sure.
 */
async function deploy(ctx, plan, replan, replanned = false) {
    if (ctx.settings.dryRun)
        return {
            changes: plan.changes,
            codeSha256: plan.codeSha256,
            version: reused(plan.changes)
        };
    const progress = {
        step: { doing: `function ${ctx.settings.functionName}` },
        done: new Set(),
        changes: plan.changes,
        known: {}
    };
    try {
        return await makeWrites(ctx, plan, replan, replanned, progress);
    }
    catch (error) {
        if (error instanceof failure/* StepFailed */.an)
            throw error; // from the deploy planned again
        const changes = (0,failure/* markFailed */.ZY)(progress.changes, change => progress.done.has(change.kind));
        throw new failure/* StepFailed */.an(progress.step, changes, progress.known, error);
    }
}
async function makeWrites(ctx, plan, replan, replanned, progress) {
    const { log } = ctx;
    const lambda = ctx.clients.lambda;
    const name = ctx.settings.functionName;
    const resource = `function ${name}`;
    const on = (operation) => ({ operation, resource });
    const begin = (step) => (progress.step = step);
    /** The code fields of `write`, a zip over the direct-upload limit staged in S3 first. */
    const codeOf = async (upload, write) => {
        begin(stagingStep(upload, write));
        const Code = await codeFor(ctx, upload, plan.code?.zip);
        begin(write);
        return Code;
    };
    let latest = plan.live;
    // The code this run deploys: the package's own SHA-256 when known before the upload, else what
    // Lambda answered to this run's own write (an S3 object without a checksum, an image).
    let ours = plan.codeSha256;
    const create = stepOf(plan.changes, 'function');
    const configuration = stepOf(plan.changes, 'configuration');
    const code = stepOf(plan.changes, 'code');
    const tags = stepOf(plan.changes, 'tags');
    if (create) {
        const spec = create.request;
        const active = await log.group(`Create function ${name}`, async () => {
            const Code = await codeOf(create.upload, on('lambda:CreateFunction'));
            const response = await retry(() => lambda.send(new dist_cjs/* CreateFunctionCommand */.Y8X({
                FunctionName: name,
                PackageType: spec.PackageType,
                ...spec.settings,
                Runtime: spec.settings.Runtime,
                Role: spec.Role,
                Code: { ...Code, SourceKMSKeyArn: spec.SourceKMSKeyArn },
                Tags: { ...provenanceTags(ctx.provenance), ...spec.Tags }
            })), roleRetry(ctx, 'lambda:CreateFunction')).catch(error => {
                // Another job created it since we looked (matrix jobs, reruns): deploy as an update.
                if (errorName(error) === 'ResourceConflictException' &&
                    /already exist/i.test(String(error)))
                    return undefined;
                throw explainRoleError(error, spec.Role);
            });
            if (!response)
                return undefined;
            progress.done.add('function');
            ours ??= response.CodeSha256;
            log.info(`Created ${response.FunctionArn} (CodeSha256 ${response.CodeSha256})`);
            begin({ doing: `waiting for function ${name} to become Active` });
            return waitForActive(ctx, name);
        });
        if (!active) {
            // Once only: a second "already exists" after planning again means Lambda's reads and
            // writes disagree for now, and looping would not settle it.
            if (replanned)
                throw new Error(`lambda:CreateFunction: function ${name} already exists, yet reading it again found no function; run the action again`);
            log.info(`Function ${name} was created by someone else meanwhile: planning again as an update`);
            begin({ doing: `planning function ${name} again` });
            return deploy(ctx, await replan(), replan, true);
        }
        latest = active;
    }
    else {
        if (configuration?.request) {
            const update = configuration.request;
            latest = await log.group(`Update function ${name} configuration`, async () => {
                begin(on('lambda:UpdateFunctionConfiguration'));
                await retry(() => lambda.send(new dist_cjs/* UpdateFunctionConfigurationCommand */.Zlw({
                    FunctionName: name,
                    ...update,
                    Runtime: update.Runtime
                })), conflictOrRoleRetry(ctx, 'lambda:UpdateFunctionConfiguration', name)).catch(error => {
                    throw explainRoleError(error, update.Role);
                });
                progress.done.add('configuration');
                begin({ doing: `waiting for the configuration update of function ${name} to finish` });
                return waitForUpdate(ctx, name);
            });
        }
        if (configuration?.codeSigning) {
            const arn = configuration.codeSigning;
            await log.group(`Set function ${name} code signing`, async () => {
                begin(on('lambda:PutFunctionCodeSigningConfig'));
                await putCodeSigning(ctx, arn);
                progress.done.add('configuration');
            });
        }
        if (code) {
            latest = await log.group(`Update function ${name} code`, async () => {
                const Code = await codeOf(code.upload, on('lambda:UpdateFunctionCode'));
                const updated = await retry(() => lambda.send(new dist_cjs/* UpdateFunctionCodeCommand */.KfB({
                    FunctionName: name,
                    ...Code,
                    ...code.request
                })), conflictRetry(ctx, 'lambda:UpdateFunctionCode', name));
                progress.done.add('code');
                ours ??= updated.CodeSha256;
                log.info(`Uploaded: CodeSha256 ${updated.CodeSha256}`);
                begin({ doing: `waiting for the code update of function ${name} to finish` });
                return waitForUpdate(ctx, name);
            });
        }
        if (tags) {
            await log.group(`Update function ${name} tags`, async () => {
                await applyTags(ctx, tags, begin);
                progress.done.add('tags');
            });
        }
        // The wait for an update watches LastUpdateStatus only; a function whose State stays Failed is
        // still broken, and publishing or pointing an alias at it would hide that.
        if ((configuration?.request || code) && latest?.State === 'Failed') {
            begin({ doing: `checking the state of function ${name}` });
            throw new Error(`function ${name} is still in state Failed after this deploy (${plan_failure(latest)}); Lambda's function states guide says a function whose creation failed must be deleted and created again: delete it and run the action again`);
        }
    }
    // Another writer may have deployed between this run's write and the end of its wait: what
    // $LATEST runs now must be what this run deployed, or nothing of it is published or reported.
    if (ours && latest?.CodeSha256 && latest.CodeSha256 !== ours) {
        begin({ doing: `checking the code of function ${name} after this run's update` });
        throw codeChanged(name, ours, latest.CodeSha256);
    }
    const codeSha256 = latest?.CodeSha256 ?? ours;
    progress.known.codeSha256 = codeSha256;
    const outcome = { changes: plan.changes, codeSha256 };
    if (!plan.changes.some(c => c.kind === 'version'))
        return outcome;
    const version = reused(plan.changes) ??
        (await log.group(`Publish a version of ${name}`, () => {
            begin(on('lambda:PublishVersion'));
            return publishVersion(ctx, latest, ours);
        }));
    progress.done.add('version');
    progress.known.version = outcome.version = version;
    // The plan could not know the new version's number: the changes learn it now.
    outcome.changes = progress.changes = plan.changes.map(change => change.kind === 'version' && change.action === 'create'
        ? { ...change, version }
        : change.kind === 'alias' && change.action !== 'unchanged'
            ? { ...change, to: version }
            : change);
    return outcome;
}
/** The published version that already matches $LATEST, when the plan reuses one. */
const reused = (changes) => changes.find(c => c.kind === 'version' && c.action === 'unchanged')?.version;
/** The step that puts a zip over the direct-upload limit in S3 first, if there is one. */
const stagingStep = (upload, otherwise) => upload.kind === 'staged-zip'
    ? {
        operation: 's3:PutObject',
        names: `s3://${upload.bucket}/${upload.key}`,
        why: 'staging the code'
    }
    : otherwise;

;// CONCATENATED MODULE: ./src/function/publish-plan.ts
/**
 * Whether to publish and where the alias goes: the version's change (a published version that
 * already matches $LATEST is reused) and the alias's; none without publish. `latest` is $LATEST
 * as it will be after the function changes; when `latestChanges` is true a new version is always
 * published.
 */
function planPublish(input) {
    const { settings, latestChanges, latest, facts } = input;
    if (!settings.publish)
        return [];
    const functionName = settings.functionName;
    const aliasVersion = facts.alias?.FunctionVersion;
    let reuse;
    if (!latestChanges && latest) {
        const byNumber = new Map(facts.versions.map(v => [v.Version ?? '', v]));
        const newest = newestVersion(facts.versions);
        const candidates = [aliasVersion ? byNumber.get(aliasVersion) : undefined, newest];
        reuse = candidates.find(v => v && sameDeployment(v, latest))?.Version;
    }
    const changes = [
        reuse
            ? {
                functionName,
                kind: 'version',
                action: 'unchanged',
                version: reuse,
                codeSha256: latest?.CodeSha256
            }
            : {
                functionName,
                kind: 'version',
                action: 'create',
                because: latestChanges ? 'deployed' : 'no-match'
            }
    ];
    if (settings.alias) {
        const weight = weightOf(facts.alias);
        // A weight left by a shift that did not finish is resolved by this run's move: never kept.
        const action = !facts.alias
            ? 'create'
            : reuse !== undefined && aliasVersion === reuse && !weight
                ? 'unchanged'
                : 'update';
        changes.push({
            functionName,
            kind: 'alias',
            action,
            alias: settings.alias,
            from: aliasVersion,
            to: reuse,
            arn: facts.alias?.AliasArn,
            revisionId: facts.alias?.RevisionId,
            ...(weight ? { weight } : {})
        });
    }
    return changes;
}
/** The additional version and its share, when the alias carries one (Lambda allows one at most). */
function weightOf(alias) {
    const [entry] = Object.entries(alias?.RoutingConfig?.AdditionalVersionWeights ?? {});
    return entry && entry[1] > 0 ? { version: entry[0], weight: entry[1] } : undefined;
}
/** The highest numbered published version. */
function newestVersion(versions) {
    return versions
        .filter(v => /^\d+$/.test(v.Version ?? ''))
        .reduce((best, v) => (best && Number(best.Version) >= Number(v.Version) ? best : v), undefined);
}
/**
 * Fields that describe one version rather than what it runs, left out when a published version is
 * compared with $LATEST. Description is the version's own (PublishVersion sets it); the runtime
 * version is Lambda's to roll out, not part of the deployment.
 */
const VERSION_FIELDS = new Set([
    'FunctionArn',
    'Version',
    'Description',
    'LastModified',
    'RevisionId',
    'State',
    'StateReason',
    'StateReasonCode',
    'LastUpdateStatus',
    'LastUpdateStatusReason',
    'LastUpdateStatusReasonCode',
    'RuntimeVersionConfig'
]);
/**
 * Whether a published version runs what $LATEST runs: every field of the configuration except
 * VERSION_FIELDS, so that a setting changed outside this action (layers, VPC, storage, logging,
 * KMS key, or one Lambda adds later) is never missed. Empty and absent values are the same.
 */
function sameDeployment(version, latest) {
    return deploymentKey(version) === deploymentKey(latest);
}
function deploymentKey(configuration) {
    const fields = { PackageType: 'Zip', Architectures: ['x86_64'] };
    for (const [name, value] of Object.entries(configuration))
        // `$metadata` and the like: the SDK's, when the configuration is a whole command output.
        if (!VERSION_FIELDS.has(name) && !name.startsWith('$') && value !== undefined)
            fields[name] = value;
    // SnapStart's OptimizationStatus is On only for a published version; ApplyOn is the setting.
    const snapStart = fields.SnapStart;
    if (snapStart)
        fields.SnapStart = { ApplyOn: snapStart.ApplyOn };
    return JSON.stringify(canonical(fields)) ?? '';
}
/** Sorted keys; null, '', [] and {} dropped, so only meaning is compared. */
function canonical(value) {
    if (Array.isArray(value))
        return value.length ? value.map(canonical) : undefined;
    if (value !== null && typeof value === 'object') {
        const entries = Object.keys(value)
            .sort()
            .map(key => [key, canonical(value[key])])
            .filter(([, v]) => v !== undefined);
        return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return value === null || value === '' ? undefined : value;
}

;// CONCATENATED MODULE: ./src/function/read.ts
// The function as Lambda shows it now: reads only, for the plan (an S3 code source: read-s3.ts).


async function readFunction(lambda, name) {
    const out = await unlessMissing(lambda.send(new dist_cjs/* GetFunctionCommand */.YF5({ FunctionName: name })), 'ResourceNotFoundException');
    if (!out)
        return undefined;
    return {
        configuration: out.Configuration ?? {},
        imageUri: out.Code?.ImageUri,
        resolvedImageUri: out.Code?.ResolvedImageUri,
        tags: out.Tags ?? {},
        sourceKmsKeyArn: out.Code?.SourceKMSKeyArn
    };
}
async function readAlias(lambda, functionName, alias) {
    return unlessMissing(lambda.send(new dist_cjs/* GetAliasCommand */.MES({ FunctionName: functionName, Name: alias })), 'ResourceNotFoundException');
}
async function readVersion(lambda, name, version) {
    return unlessMissing(lambda.send(new dist_cjs/* GetFunctionConfigurationCommand */.qA6({ FunctionName: name, Qualifier: version })), 'ResourceNotFoundException');
}
/** Every published version, $LATEST left out. */
async function listVersions(lambda, name) {
    const versions = [];
    for await (const page of (0,dist_cjs/* paginateListVersionsByFunction */.CE5)({ client: lambda }, { FunctionName: name }))
        versions.push(...(page.Versions ?? []).filter(v => v.Version !== '$LATEST'));
    return versions;
}

;// CONCATENATED MODULE: ./src/function/read-s3.ts
// What S3 knows of a code source the user put there: its full-object SHA-256, when S3 keeps one,
// so that a rerun with the same object deploys nothing. Read only, for the plan.



/**
 * The full-object SHA-256 that S3 keeps for an object uploaded with that checksum: the same value
 * as Lambda's CodeSha256 for the same bytes. A multipart (composite) checksum is not a hash of the
 * object, and an object without a checksum tells nothing; then the code is deployed every run.
 */
async function readS3Sha256(ctx, source) {
    const where = `s3://${source.bucket}/${source.key}`;
    try {
        const { HeadObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const head = await (await s3Of(ctx.clients)).send(new HeadObjectCommand({
            Bucket: source.bucket,
            Key: source.key,
            VersionId: source.objectVersion,
            ChecksumMode: 'ENABLED'
        }));
        const sha = head.ChecksumSHA256;
        if (sha && head.ChecksumType !== 'COMPOSITE' && !sha.includes('-'))
            return sha;
    }
    catch (error) {
        // A HEAD answer has no body: the SDK names a 404 NotFound and a 403 Unknown. S3 answers 403
        // for a missing key too when the caller lacks s3:ListBucket, so both mean the same here.
        const status = httpStatus(error);
        if (status === 404 || status === 403)
            throw new inputs_settings/* InputError */.d([
                `s3-key: ${where}${source.objectVersion ? ` version ${source.objectVersion}` : ''} does not exist or cannot be read (s3:HeadObject answered HTTP ${status}); check s3-bucket, s3-key${source.objectVersion ? ', s3-object-version' : ''} and that these credentials may s3:GetObject it`
            ]);
        ctx.log.info(`s3:HeadObject ${where} failed (${errorName(error)}); its checksum is unknown, so it is deployed`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/function/index.ts






/** The plan; `liveRead` is a read of the function already under way (the run's early read). */
async function planFunction(ctx, code, liveRead) {
    const { settings, clients } = ctx;
    const name = settings.functionName;
    const live = await (liveRead ?? readFunction(clients.lambda, name));
    if (live && settings.config.codeSigningConfigArn !== undefined)
        live.codeSigningConfigArn = await readCodeSigning(ctx);
    const s3Sha256 = live && settings.code.kind === 's3' ? await readS3Sha256(ctx, settings.code) : undefined;
    const fn = planFunctionChanges({ settings, pkg: code, live, s3Sha256 });
    // Any write to $LATEST but its tags' makes a new version to publish.
    const latestChanges = fn.changes.some(c => c.kind !== 'tags' && c.action !== 'unchanged');
    const alias = settings.publish && live && settings.alias
        ? await readAlias(clients.lambda, name, settings.alias)
        : undefined;
    const versions = settings.publish && live && !latestChanges
        ? await versionsToReuse(ctx, live.configuration, alias?.FunctionVersion)
        : [];
    const publish = planPublish({
        settings,
        latestChanges,
        latest: live?.configuration,
        facts: { versions, alias }
    });
    return { ...fn, changes: [...fn.changes, ...publish], live: live?.configuration, code };
}
/** The planned writes; `replan` plans afresh when the function changed under the run. */
function applyFunction(ctx, plan, replan = () => planFunction(ctx, plan.code)) {
    return deploy(ctx, plan, replan);
}
/**
 * The published versions that may already match $LATEST. The alias's version is read alone first:
 * on a rerun it is the one that matches, and one GetFunctionConfiguration settles it. Otherwise
 * every version is listed to find the newest: Lambda lists them oldest first, at most 50 a page
 * (MaxItems cannot raise that), so the newest is only on the last page.
 */
async function versionsToReuse(ctx, latest, aliasVersion) {
    const { lambda } = ctx.clients;
    const name = ctx.settings.functionName;
    if (aliasVersion && /^\d+$/.test(aliasVersion)) {
        const version = await readVersion(lambda, name, aliasVersion);
        if (version && sameDeployment(version, latest))
            return [version];
    }
    return listVersions(lambda, name);
}

// EXTERNAL MODULE: ./src/inputs/quote.ts
var quote = __webpack_require__(8373);
;// CONCATENATED MODULE: ./src/traffic/alarms.ts


const NAMES_PER_CALL = 100;
/** Every named alarm CloudWatch knows, in the order named; a name it does not know is left out. */
async function readAlarms(cw, names) {
    // Loaded with the client (aws/clients.ts): a run without alarms never parses it.
    const { DescribeAlarmsCommand } = await __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    const found = new Map();
    for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
        let NextToken;
        do {
            const out = await cw.send(new DescribeAlarmsCommand({
                AlarmNames: names.slice(i, i + NAMES_PER_CALL),
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                NextToken
            }));
            for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
                if (a.AlarmName)
                    found.set(a.AlarmName, {
                        name: a.AlarmName,
                        state: a.StateValue ?? 'INSUFFICIENT_DATA',
                        reason: a.StateReason,
                        since: a.StateUpdatedTimestamp?.toISOString()
                    });
            NextToken = out.NextToken;
        } while (NextToken);
    }
    return names.flatMap(name => found.get(name) ?? []);
}
/** Every watched alarm exists, or an input error naming those CloudWatch does not know. */
async function requireAlarms(settings, read) {
    if (!read)
        return;
    const known = await read;
    const missing = settings.alarms.filter(name => !known.some(a => a.name === name));
    if (missing.length)
        throw new inputs_settings/* InputError */.d([
            `alarms: CloudWatch has no alarm named ${missing.map(quote/* quote */.h).join(', ')} in ${settings.region} (DescribeAlarms, metric and composite alarms): check the names and the region`
        ]);
}
/** The first alarm in ALARM, if any: one is enough to stop a shift. */
const firing = (alarms) => alarms.find(a => a.state === 'ALARM');

;// CONCATENATED MODULE: ./src/traffic/record.ts
const PREFIX = 'apic-lambda-deploy';
const PATTERN = /^apic-lambda-deploy (promoted|shifting) (\d+) from (\d+|none)(?::|$)|^apic-lambda-deploy rolled back (\d+) to (\d+)(?::|$)/;
/** `apic-lambda-deploy promoted 4 from 3: acme/orders@abcdef012345 https://…/runs/42`. */
function recordText(record, p) {
    const what = record.kind === 'rolled-back'
        ? `rolled back ${record.from} to ${record.version}`
        : `${record.kind} ${record.version} from ${record.previous ?? 'none'}`;
    return `${PREFIX} ${what}: ${p.repository}@${p.commit.slice(0, 12)} ${p.runUrl}`
        .slice(0, 256)
        .trim();
}
/** The record an alias's description holds, or undefined when the action did not write it. */
function readRecord(description) {
    const m = PATTERN.exec(description ?? '');
    if (!m)
        return undefined;
    if (m[4])
        return { kind: 'rolled-back', from: m[4], version: m[5] };
    const previous = m[3] === 'none' ? undefined : m[3];
    if (m[1] === 'promoted')
        return { kind: 'promoted', version: m[2], previous };
    return previous ? { kind: 'shifting', version: m[2], previous } : undefined;
}

;// CONCATENATED MODULE: ./src/traffic/move.ts
// One write of the alias: where it points, the additional version's weight, and the record of the
// move in its description (record.ts). UpdateAlias carries the RevisionId this run last saw ("Only
// update the alias if the revision ID matches the ID that's specified. Use this option to avoid
// modifying an alias that has changed since you last read it", UpdateAlias API reference), and
// CreateAlias fails when the alias exists meanwhile: either refusal means another deploy moved it,
// unless the alias is already where this move puts it (this run's own move, sent again).





/** Another deploy moved the alias since this run last saw it; `now` is the alias as read after. */
class AliasMoved extends Error {
    now;
    constructor(now, cause) {
        super('another deploy moved the alias', { cause });
        this.now = now;
        this.name = 'AliasMoved';
    }
}
/**
 * Moves the alias; the answer is what the next move must start from. A refusal because the alias
 * changed throws AliasMoved, unless the alias already is where this move puts it: the SDK sent this
 * run's move again after a lost answer, and Lambda refused the copy of a move that landed.
 */
async function moveAlias(ctx, at, move) {
    try {
        return await send(ctx, at, move);
    }
    catch (error) {
        if (!aliasOvertaken(at.action, error))
            throw error;
        const now = await readAlias(ctx.clients.lambda, ctx.settings.functionName, at.name).catch(() => undefined);
        if (!now || !landed(now, move))
            throw new AliasMoved(now, error);
        return { name: at.name, action: 'update', revisionId: now.RevisionId, arn: now.AliasArn };
    }
}
/** Whether the alias points and weighs as `move` asked. */
function landed(now, move) {
    const weight = weightOf(now);
    return (now.FunctionVersion === move.version &&
        weight?.version === move.weight?.version &&
        weight?.weight === move.weight?.weight);
}
async function send(ctx, at, move) {
    const fields = {
        FunctionName: ctx.settings.functionName,
        Name: at.name,
        FunctionVersion: move.version,
        Description: recordText(move.record, ctx.provenance)
    };
    // An empty AdditionalVersionWeights removes the routing: all traffic to FunctionVersion
    // (Lambda Developer Guide, "Implement Lambda canary deployments using a weighted alias").
    const out = at.action === 'update'
        ? await ctx.clients.lambda.send(new dist_cjs/* UpdateAliasCommand */.lqC({
            ...fields,
            RoutingConfig: {
                AdditionalVersionWeights: move.weight
                    ? { [move.weight.version]: move.weight.weight }
                    : {}
            },
            RevisionId: at.revisionId
        }))
        : await ctx.clients.lambda.send(new dist_cjs/* CreateAliasCommand */.W_e(fields));
    return { name: at.name, action: 'update', revisionId: out.RevisionId, arn: out.AliasArn };
}
/** Lambda's refusal of an alias write that another writer overtook since this run read it. */
const aliasOvertaken = (action, error) => errorName(error) ===
    (action === 'update' ? 'PreconditionFailedException' : 'ResourceConflictException');

;// CONCATENATED MODULE: ./src/traffic/schedule.ts
/**
 * canary p% d: p% for d, then all. linear p% every d: p%, 2p%, … each for d, then all once the
 * next step would reach 100%, as CodeDeploy's Linear configurations do.
 */
function scheduleOf(shift) {
    switch (shift.kind) {
        case 'all-at-once':
            return [{ weight: 1, bakeMs: 0 }];
        case 'canary':
            return [
                { weight: toWeight(shift.percent), bakeMs: shift.bakeSeconds * 1000 },
                { weight: 1, bakeMs: 0 }
            ];
        case 'linear': {
            const steps = [];
            // Counted in tenths of a percent, so 33.3 × 3 is 99.9, never a float's 99.89999.
            const tenths = Math.round(shift.percent * 10);
            for (let share = tenths; share < 1000; share += tenths)
                steps.push({ weight: toWeight(share / 10), bakeMs: shift.intervalSeconds * 1000 });
            return [...steps, { weight: 1, bakeMs: 0 }];
        }
    }
}
/** Lambda's weight is a fraction of 1; rounded so that 10% is 0.1, not 0.1000000000000000055. */
const toWeight = (percent) => Math.round(percent * 10) / 1000;
/** The whole shift's length, for the log and the README's figure of runner minutes. */
const shiftMs = (steps) => steps.reduce((sum, s) => sum + s.bakeMs, 0);
/** A weight as people say it: 0.1 → `10%`. */
const percent = (weight) => `${Math.round(weight * 1000) / 10}%`;
/** A duration as `traffic-shift` spells it: 90 000 ms → `1m30s`. */
function durationText(ms) {
    const total = Math.round(ms / 1000);
    const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
    return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || total === 0 ? `${s}s` : ''}`;
}

;// CONCATENATED MODULE: ./src/traffic/bake.ts

const MAX_POLL_MS = 10_000;
const MIN_POLL_MS = 1_000;
/** A progress line this often: a long bake is not silent. */
const PROGRESS_MS = 30_000;
async function bake({ ms, watch, signal, progress }) {
    const pollMs = Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, ms / 5));
    const start = Date.now();
    const elapsed = () => Date.now() - start;
    let alarms = [];
    let nextPoll = pollMs;
    let nextProgress = PROGRESS_MS;
    for (;;) {
        if (signal.aborted)
            return { kind: 'cancelled', signal: String(signal.reason), bakedMs: elapsed(), alarms };
        const end = elapsed() >= ms;
        if (end || elapsed() >= nextPoll) {
            try {
                alarms = await watch();
            }
            catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                return { kind: 'error', message, bakedMs: elapsed(), alarms };
            }
            const alarm = firing(alarms);
            if (alarm)
                return { kind: 'alarm', alarm, bakedMs: elapsed(), alarms };
            nextPoll = elapsed() + pollMs;
            if (end)
                return { kind: 'baked', bakedMs: elapsed(), alarms };
        }
        if (elapsed() >= nextProgress) {
            progress(elapsed(), alarms);
            nextProgress += PROGRESS_MS;
        }
        await pause(Math.max(0, Math.min(nextPoll, nextProgress, ms) - elapsed()), signal);
    }
}
/** Waits `ms`, or less when `signal` aborts. */
function pause(ms, signal) {
    return new Promise(resolve => {
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/traffic/cancel.ts
// A cancelled workflow during a traffic shift: "the runner machine sends SIGINT/Ctrl-C to the step's
// entry process (node for javascript action …). If the process doesn't exit within 7500 ms, the
// runner will send SIGTERM/Ctrl-Break to the process, then wait for 2500 ms for the process to
// exit" (GitHub Docs, Canceling a workflow). While a shift runs, both signals abort it instead of
// ending the process, so the alias goes back first; later signals are ignored until it has.
const SIGNALS = ['SIGINT', 'SIGTERM'];
function listenForCancel() {
    const controller = new AbortController();
    const handler = (name) => controller.abort(name);
    for (const name of SIGNALS)
        process.on(name, handler);
    return {
        signal: controller.signal,
        dispose: () => {
            for (const name of SIGNALS)
                process.off(name, handler);
        }
    };
}

;// CONCATENATED MODULE: ./src/traffic/shift.ts
// A traffic shift: the alias keeps pointing to the previous version and sends the new one a growing
// share (AdditionalVersionWeights), each share baked while the alarms are watched, then points to
// the new version alone. An alarm, a cancelled workflow, or alarms that cannot be read send all
// traffic back to the previous version; another deploy's move leaves the alias to that deploy.






/** The shift as far as it went, and the alias's ARN. Throws only when a rollback itself failed. */
async function shiftTraffic(ctx, shift) {
    const { from, to, steps } = shift;
    const { log } = ctx;
    const names = ctx.settings.alarms;
    const cloudWatch = names.length ? await cloudWatchOf(ctx.clients) : undefined;
    const watch = async () => (cloudWatch ? readAlarms(cloudWatch, names) : []);
    const record = { alias: shift.at.name, from, to, steps: [], outcome: 'held' };
    const started = Date.now();
    // The weight the alias carries: the last step's, once its move landed.
    const weight = () => record.steps.at(-1)?.weight ?? 0;
    const stopped = (stop) => Object.assign(record, { stop, stoppedAfterMs: Date.now() - started, stoppedAtWeight: weight() });
    // An alarm already in ALARM, or alarms that cannot be read: no traffic moves at all.
    try {
        const before = firing(await watch());
        if (before)
            return { record: stopped({ kind: 'alarm-before', alarm: before }) };
    }
    catch (error) {
        return { record: stopped({ kind: 'error', message: messageOf(error) }) };
    }
    log.info(`Traffic shift of alias ${shift.at.name} from version ${from} to ${to}: ${steps.map(s => percent(s.weight)).join(' → ')}, ${durationText(shiftMs(steps))} in all${names.length ? `, watching ${names.length} alarm${names.length > 1 ? 's' : ''}` : ', no alarms watched'}`);
    let at = shift.at;
    const cancel = listenForCancel();
    try {
        try {
            for (const step of steps.slice(0, -1)) {
                if (cancel.signal.aborted) {
                    stopped({ kind: 'cancelled', signal: String(cancel.signal.reason) });
                    break;
                }
                at = await moveAlias(ctx, at, {
                    version: from,
                    weight: { version: to, weight: step.weight },
                    record: { kind: 'shifting', version: to, previous: from }
                });
                const line = `${percent(step.weight)} of alias ${at.name} to version ${to}`;
                log.info(`Traffic: ${line}; bakes ${durationText(step.bakeMs)}`);
                const entry = { weight: step.weight, at: new Date().toISOString(), plannedMs: step.bakeMs };
                const end = await bake({
                    ms: step.bakeMs,
                    watch,
                    signal: cancel.signal,
                    progress: (ms, alarms) => log.info(`Traffic: ${line}, ${durationText(ms)} of ${durationText(step.bakeMs)}; ${alarmsText(alarms)}`)
                });
                const { bakedMs, alarms, ...stop } = end;
                record.steps.push({ ...entry, bakedMs, alarms });
                if (stop.kind === 'baked')
                    continue;
                stopped(stop);
                break;
            }
            if (!record.stop) {
                at = await moveAlias(ctx, at, {
                    version: to,
                    record: { kind: 'promoted', version: to, previous: from }
                });
                log.info(`Traffic: 100% of alias ${at.name} to version ${to}`);
                return { record: { ...record, outcome: 'promoted' }, aliasArn: at.arn };
            }
        }
        catch (error) {
            // The alias moved under the run: it is another deploy's now, and stays where that one put it.
            if (error instanceof AliasMoved)
                return { record: stopped({ kind: 'overtaken', version: error.now?.FunctionVersion }) };
            stopped({ kind: 'error', message: messageOf(error) });
        }
        // Nothing moved yet: the alias is where it was, and nothing is to undo.
        if (!record.steps.length)
            return { record };
        // Still listening: the runner's SIGTERM, 7.5 s after its SIGINT, must not cut this short.
        log.warning(`Traffic: alias ${at.name} goes back to version ${from} alone (${percent(weight())} was on version ${to})`);
        at = await moveAlias(ctx, at, {
            version: from,
            record: { kind: 'rolled-back', version: from, from: to }
        });
        return { record: { ...record, outcome: 'rolled-back' }, aliasArn: at.arn };
    }
    finally {
        // After a cancel, the runner's later SIGTERM must not cut the record's writing short either.
        if (!cancel.signal.aborted)
            cancel.dispose();
    }
}
/** `errors OK, latency INSUFFICIENT_DATA`, or that none are watched. */
const alarmsText = (alarms) => alarms.length
    ? `alarms: ${alarms.map(a => `${a.name} ${a.state}`).join(', ')}`
    : 'no alarms watched';
const messageOf = (error) => error instanceof Error ? error.message : String(error);

;// CONCATENATED MODULE: ./src/traffic/promote.ts




/** A traffic shift that stopped before the end: the failure, and the shift as far as it went. */
class ShiftStopped extends failure/* StepFailed */.an {
    shift;
    constructor(where, changes, known, cause, shift) {
        super(where, changes, known, cause);
        this.shift = shift;
    }
}
/**
 * Moves the alias as planned, from the version this run read only, or marks its change held back
 * when `hold` says why not. A failed or stopped move throws StepFailed with every change and where
 * the alias ended: `promoted` false, or rolled-back when a shift sent it back.
 */
async function promote(ctx, plan, deployed, hold) {
    const alias = plan.changes.find((c) => c.kind === 'alias');
    const { version } = deployed;
    if (!alias || ctx.settings.dryRun || !version)
        return deployed;
    const fn = { ...deployed, version };
    if (alias.action === 'unchanged')
        return { ...fn, aliasArn: alias.arn, promoted: alias.rollback ? 'rolled-back' : true };
    if (hold)
        return holdBack(ctx, alias, fn, hold);
    const at = { name: alias.alias, action: alias.action, revisionId: alias.revisionId };
    const steps = scheduleOf(ctx.settings.trafficShift);
    const from = alias.from;
    // A shift needs a published version to shift from, other than this one.
    if (alias.rollback || !from || !/^\d+$/.test(from) || from === fn.version || steps.length === 1)
        return moveAtOnce(ctx, at, alias, fn);
    const step = { doing: `the traffic shift of alias ${ctx.settings.functionName}:${at.name}` };
    const { record, aliasArn } = await shiftTraffic(ctx, { at, from, to: fn.version, steps }).catch((error) => {
        throw new failure/* StepFailed */.an(step, (0,failure/* markFailed */.ZY)(fn.changes, c => c.kind !== 'alias'), { codeSha256: fn.codeSha256, version: fn.version, promoted: false }, new Error(`the traffic shift stopped and sending alias ${at.name} back to version ${from} failed too: it may still send part of the traffic to version ${fn.version}. Run the job again (a rerun resolves the weight), or move the alias yourself`, { cause: error }));
    });
    if (record.outcome === 'promoted')
        return { ...fn, aliasArn, promoted: true, shift: record };
    const rolledBack = record.outcome === 'rolled-back';
    throw new ShiftStopped(step, fn.changes.map(c => c.kind === 'alias' ? { ...c, notDone: rolledBack ? 'rolled back' : 'failed' } : c), {
        codeSha256: fn.codeSha256,
        version: fn.version,
        promoted: rolledBack ? 'rolled-back' : false
    }, new Error(stopText(record)), record);
}
/** Why the shift stopped and where the alias is: the failed step's error. */
function stopText(r) {
    const at = `${durationText(r.stoppedAfterMs ?? 0)} into the shift, at ${percent(r.stoppedAtWeight ?? 0)} on version ${r.to}`;
    const back = r.outcome === 'rolled-back'
        ? `alias ${r.alias} went back to version ${r.from}`
        : `alias ${r.alias} stays on version ${r.from}`;
    const end = `${back}; version ${r.to} is published but not promoted`;
    const stop = r.stop;
    switch (stop?.kind) {
        case 'alarm':
            return `alarm ${stop.alarm.name} went to ALARM${stop.alarm.since ? ` at ${stop.alarm.since}` : ''} (${at}): ${end}`;
        case 'alarm-before':
            return `alarm ${stop.alarm.name} was already in ALARM before any traffic moved: ${end}`;
        case 'cancelled':
            return `the workflow was cancelled (${stop.signal}) ${at}: ${end}`;
        case 'overtaken':
            return `another deploy moved alias ${r.alias} during the traffic shift (${at}); it stays where that deploy put it, and version ${r.to} is published but not promoted`;
        default:
            return `${stop?.message ?? 'the traffic shift stopped'} (${at}): ${end}`;
    }
}
/** All at once: a new alias, a rollback, `traffic-shift: all-at-once`, or nothing to shift from. */
async function moveAtOnce(ctx, at, alias, fn) {
    const { weight, from } = alias;
    const name = ctx.settings.functionName;
    const record = alias.rollback
        ? { kind: 'rolled-back', version: fn.version, from: weight?.version ?? from ?? '?' }
        : { kind: 'promoted', version: fn.version, previous: from };
    if (weight)
        ctx.log.info(`Alias ${at.name} sends ${percent(weight.weight)} to version ${weight.version}, left by a traffic shift that has not finished: this move ends it`);
    if (ctx.settings.trafficShift.kind !== 'all-at-once' && !alias.rollback)
        ctx.log.info(`Alias ${at.name} ${at.action === 'create' ? 'is new' : `points to ${from ?? 'no published version'}`}: no traffic to shift, it moves at once`);
    ctx.log.info(`Pointing alias ${at.name} to version ${fn.version}`);
    const promoted = alias.rollback ? 'rolled-back' : true;
    try {
        const moved = await moveAlias(ctx, at, { version: fn.version, record });
        return { ...fn, aliasArn: moved.arn, promoted };
    }
    catch (error) {
        const step = {
            operation: `lambda:${at.action === 'create' ? 'CreateAlias' : 'UpdateAlias'}`,
            names: at.name,
            resource: `function ${name}`
        };
        const changes = (0,failure/* markFailed */.ZY)(fn.changes, c => c.kind !== 'alias');
        const known = { codeSha256: fn.codeSha256, version: fn.version, promoted: false };
        const why = error instanceof AliasMoved ? overtaken(at.name, error.now, fn.version) : error;
        throw new failure/* StepFailed */.an(step, changes, known, why);
    }
}
/**
 * Held back: the alias stays on its version. A weight on this very version, left by a shift that
 * did not finish, is taken away: the checks that just failed were this version's.
 */
async function holdBack(ctx, alias, fn, hold) {
    const { alias: name, action, from, weight } = alias;
    ctx.log.warning(`Alias ${name} stays on ${action === 'create' ? 'no version (it was not created)' : `version ${from ?? '?'}`}: ${hold}. Version ${fn.version} is published but not promoted.`);
    if (weight?.version === fn.version && from) {
        ctx.log.warning(`Alias ${name} sent ${percent(weight.weight)} to version ${fn.version}, left by a traffic shift that has not finished: it goes back to version ${from} alone`);
        await moveAlias(ctx, { name, action: 'update', revisionId: alias.revisionId }, { version: from, record: { kind: 'rolled-back', version: from, from: fn.version } }).catch((error) => ctx.log.warning(`Could not take that weight away: ${error.message}`));
    }
    return {
        ...fn,
        // A held-back alias that existed keeps its ARN: API Connect still calls it.
        aliasArn: action === 'update' ? alias.arn : undefined,
        promoted: false,
        changes: fn.changes.map(c => (c.kind === 'alias' ? { ...c, notDone: 'held back' } : c))
    };
}
/** An older run never moves the alias back: it says who won and leaves the alias there. */
const overtaken = (alias, now, ours) => new Error(`another deploy moved alias ${alias} to version ${now?.FunctionVersion ?? '(unknown: it could not be read again)'} after this run read it; version ${ours} is published but not promoted, and the alias stays where that deploy put it`);
/** The alias's ARN as verification checks it: known before the alias exists or moves. */
const plannedAliasArn = (ctx) => ctx.settings.alias && !ctx.settings.dryRun
    ? `${ctx.functionArn}:${ctx.settings.alias}`
    : undefined;

;// CONCATENATED MODULE: ./src/traffic/rollback-target.ts


function rollbackTarget(aliasName, alias) {
    if (!alias)
        throw new Error(`alias ${aliasName} does not exist: there is no release to roll back`);
    const record = readRecord(alias.Description);
    const now = alias.FunctionVersion;
    const weight = weightOf(alias);
    if (!record)
        throw new Error(`alias ${aliasName} holds no record of a promotion by apic-lambda-deploy (the action writes it in the alias's description each time it moves the alias), so there is no recorded version to roll back to; move it yourself with aws lambda update-alias`);
    // Where the record says the alias is: anywhere else, someone else moved it since.
    const expected = record.kind === 'shifting' ? record.previous : record.version;
    if (now !== expected || (record.kind !== 'shifting' && weight))
        throw new Error(`alias ${aliasName} points to version ${now ?? '?'}${weight ? ` (and ${weight.version} by weight)` : ''}, not where apic-lambda-deploy last left it (version ${expected}): another deploy moved it since, and this rollback does not move it over that deploy`);
    switch (record.kind) {
        case 'promoted':
            if (!record.previous)
                throw new Error(`alias ${aliasName} was created on version ${record.version}: no earlier version is recorded to roll back to`);
            return { to: record.previous, already: false };
        case 'shifting':
            // A shift that did not finish: its previous version takes all traffic back.
            return { to: record.previous, already: !weight };
        case 'rolled-back':
            return { to: record.version, already: true };
    }
}

;// CONCATENATED MODULE: ./src/traffic/rollback.ts



async function planRollback(ctx, liveRead) {
    const { functionName, alias: aliasName = '' } = ctx.settings;
    const live = await (liveRead ?? readFunction(ctx.clients.lambda, functionName));
    if (!live)
        throw new Error(`function ${functionName} does not exist: there is no release to roll back`);
    const alias = await readAlias(ctx.clients.lambda, functionName, aliasName);
    const { to, already } = rollbackTarget(aliasName, alias);
    const weight = weightOf(alias);
    return {
        changes: [
            { functionName, kind: 'version', action: 'unchanged', version: to, rollback: true },
            {
                functionName,
                kind: 'alias',
                action: already ? 'unchanged' : 'update',
                alias: aliasName,
                from: alias?.FunctionVersion,
                to,
                arn: alias?.AliasArn,
                revisionId: alias?.RevisionId,
                rollback: true,
                ...(weight ? { weight } : {})
            }
        ],
        warnings: [],
        live: live.configuration
    };
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
;// CONCATENATED MODULE: ./src/runner/log.ts
// The run's logger. Deploying the function and ensuring the role run at the same time, but GitHub's
// log groups cannot interleave: the role's lines are held back and written once the deploy, which
// logs live, has settled. Everything logs through `log`, so a line (a retry's too) always lands in
// the branch it belongs to; a group opened inside a held branch is written as a group of its own.


const held = new external_node_async_hooks_.AsyncLocalStorage();
const write = (line) => {
    const sections = held.getStore();
    if (sections)
        sections[sections.length - 1].lines.push(line);
    else
        line();
};
const log = {
    info: message => write(() => workflow_commands/* info */.pq(message)),
    warning: message => write(() => workflow_commands/* warning */.$e(message)),
    group: async (title, task) => {
        const sections = held.getStore();
        if (!sections)
            return workflow_commands/* group */.Os(title, task);
        const outer = sections[sections.length - 1].title;
        sections.push({ title, lines: [] });
        try {
            return await task();
        }
        finally {
            sections.push({ title: outer, lines: [] });
        }
    }
};
/** Runs `task` with its `log` lines held back, then writes them as group `title` after `after`. */
async function groupAfter(title, after, task) {
    const sections = [{ title, lines: [] }];
    try {
        return await held.run(sections, task);
    }
    finally {
        await after.catch(() => undefined);
        for (const section of sections.filter(s => s.lines.length)) {
            workflow_commands/* startGroup */.Oh(section.title);
            for (const line of section.lines)
                line();
            workflow_commands/* endGroup */.N4();
        }
    }
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// What the run tells the workflow: the step outputs, and one `result` JSON document with everything.

function setTargetOutputs(targets) {
    workflow_commands/* setOutput */.uH('function-name', targets.functionName);
    workflow_commands/* setOutput */.uH('function-arn', targets.functionArn);
    workflow_commands/* setOutput */.uH('region', targets.region);
    workflow_commands/* setOutput */.uH('role-arn', targets.roleArn);
    workflow_commands/* setOutput */.uH('api-connect-role-arn', targets.apiConnectRoleArn);
    workflow_commands/* setOutput */.uH('external-id', targets.externalId);
}
function setOutputs(result) {
    setTargetOutputs(result);
    workflow_commands/* setOutput */.uH('version', result.version ?? '');
    workflow_commands/* setOutput */.uH('code-sha256', result.codeSha256 ?? '');
    workflow_commands/* setOutput */.uH('verified', result.verified);
    workflow_commands/* setOutput */.uH('qualified-name', result.qualifiedName ?? '');
    workflow_commands/* setOutput */.uH('smoke-test', result.smokeTest?.status ?? '');
    workflow_commands/* setOutput */.uH('promoted', result.promoted === undefined ? '' : String(result.promoted));
    workflow_commands/* setOutput */.uH('previous-version', result.previousVersion ?? '');
    workflow_commands/* setOutput */.uH('lambda-policy', result.lambdaPolicy ?? '');
    workflow_commands/* setOutput */.uH('result', JSON.stringify(result));
}
/** The outputs known before any write, so that a run that fails still names its targets. */
function targetsOf(ctx) {
    const { settings } = ctx;
    return {
        functionName: settings.functionName,
        functionArn: ctx.functionArn,
        region: settings.region,
        roleArn: ctx.roleArn,
        apiConnectRoleArn: settings.apiConnect.principalArn,
        externalId: settings.apiConnect.externalId
    };
}
/** The name API Connect's policy should give: qualified by the alias, else by the version. */
function qualifiedNameOf(settings, version) {
    const name = settings.functionName;
    return settings.alias ? `${name}:${settings.alias}` : version ? `${name}:${version}` : name;
}

;// CONCATENATED MODULE: ./src/report/words.ts


/** Inline code in the job summary; a backtick in the text would end it early. */
const code = (text) => `\`${text.replace(/`/g, "'")}\``;
function changeRow(change) {
    return 'functionName' in change ? functionRow(change) : roleRow(change);
}
/** A function change as the plan logs it: "Would update" in a dry run. */
function planLine(change, dryRun) {
    const { target, action, detail } = functionRow(change);
    const verb = {
        create: dryRun ? 'Would create' : 'Create',
        update: dryRun ? 'Would update' : 'Update',
        unchanged: 'Unchanged'
    }[action];
    return `${verb} ${target}: ${detail}`;
}
/** A change as its branch logs it, once made (or not made, and why). */
function changeLine(change) {
    const { target, action, detail } = changeRow(change);
    return `${target}: ${action}: ${detail}`;
}
/** A planned change's detail, saying so when it was not made: "failed: …", "not done (dry run): …". */
function notDoneText(change, detail) {
    if (!change.notDone || change.action === 'unchanged')
        return detail;
    return change.notDone === 'failed'
        ? `failed: ${detail}`
        : `not done (${change.notDone}): ${detail}`;
}
/** The rows of `change`: its action, and its detail marked when it was not done. */
const rowsOf = (change) => (target, detail) => ({
    target,
    action: change.action,
    detail: notDoneText(change, detail)
});
function functionRow(change) {
    const fn = `function ${change.functionName}`;
    const row = rowsOf(change);
    switch (change.kind) {
        case 'function':
            return row(fn, change.upload.kind === 'image'
                ? `image ${change.upload.imageUri}`
                : `${change.runtime}, handler ${change.handler}, ${uploadText(change.upload)}`);
        case 'configuration':
            return row(`${fn} configuration`, change.action === 'update'
                ? change.fields.map(fieldText).join(', ')
                : change.named.length
                    ? `${change.named.join(', ')} as given`
                    : 'no configuration input given');
        case 'code': {
            if (change.action === 'unchanged')
                return row(`${fn} code`, change.comparison ? comparisonText(change.comparison, true) : 'no code source given');
            const why = comparisonText(change.comparison, change.same);
            const parts = [change.same ? `same code (${why})` : why];
            if (change.architecture)
                parts.push(`architecture ${change.architecture.from} → ${change.architecture.to}`);
            if (change.failed)
                parts.unshift(`redeployed because Lambda reports it failed (${change.failed})`);
            return row(`${fn} code`, `${parts.join('; ')}, ${uploadText(change.upload)}`);
        }
        case 'tags':
            return row(`${fn} tags`, change.action === 'unchanged' ? `${change.named.join(', ')} as given` : keysText(change));
        case 'version':
            return row(`${fn} version`, change.action === 'unchanged' && change.rollback
                ? `version ${change.version}, recorded before the last promotion: the alias goes back to it`
                : change.action === 'unchanged'
                    ? `version ${change.version} already has CodeSha256 ${words_short(change.codeSha256)} and this configuration`
                    : change.version
                        ? `published version ${change.version}`
                        : change.because === 'deployed'
                            ? 'publish the deployed code as a new version'
                            : 'no published version matches $LATEST; publish it');
        case 'alias': {
            const to = change.to ? `version ${change.to}` : 'the new version';
            // A weight left by a shift that did not finish: said, since this move ends it.
            const from = `version ${change.from ?? '?'}${change.weight ? ` (and ${percent(change.weight.weight)} on version ${change.weight.version}, left by a traffic shift that has not finished)` : ''}`;
            return row(`alias ${change.functionName}:${change.alias}`, change.action === 'unchanged'
                ? `points to version ${change.to}${change.rollback ? ' (already rolled back)' : ''}`
                : change.action === 'create'
                    ? `point it to ${to}`
                    : `${from} → ${to}${change.rollback ? ' (rollback)' : ''}`);
        }
    }
}
function roleRow(change) {
    const role = `role ${change.roleName}`;
    const row = rowsOf(change);
    switch (change.kind) {
        case 'role':
            return row(role, `${trusts(change.trust)}; path ${change.path}; ${change.tagCount} tags${change.boundary ? `; permissions boundary ${change.boundary}` : ''}`);
        case 'trust': {
            if (change.action === 'unchanged')
                return row(`${role}: trust policy`, trusts(change.trust));
            const { sid, replaced, trust } = change;
            const detail = change.statement === 'updated'
                ? `statement ${sid} now ${trusts(trust)}${replaced.length ? ` (was sts:ExternalId ${replaced.join(', ')})` : ''}`
                : change.statement === 'added'
                    ? `statement ${sid} added: ${trusts(trust)}; ${change.kept} other statement(s) kept`
                    : `${trusts(trust)} (already)`;
            const fixed = change.fixed.length
                ? `; ${change.fixed.join(', ')} no longer trust ${trust.principalArn} without sts:ExternalId`
                : '';
            const split = change.split.length
                ? `; ${change.split.join(', ')} kept in statement ${sid}Other`
                : '';
            return row(`${role}: trust policy`, detail + fixed + split);
        }
        case 'description':
            return row(`${role}: description`, `"${change.from}" → "${change.to}"`);
        case 'boundary':
            return row(`${role}: permissions boundary`, `${change.from ?? 'none'} → ${change.to}`);
        case 'tags':
            // Names only, as for the function's tags: a tag's value may be anything the user holds.
            return row(`${role}: tags`, `set ${Object.keys(change.tags).join(', ')}`);
        case 'grant':
            return row(`${role}: policy ${change.policyName}`, `allows lambda:InvokeFunction on ${change.functionArn} and ${change.functionArn}:*`);
    }
}
const trusts = ({ principalArn, externalId }) => `trusts ${principalArn} with sts:ExternalId ${externalId}`;
/** A setting's change, worded as its row in function/settings.ts says: keys, values or its name. */
function fieldText(field) {
    if ('added' in field)
        return `${field.input} (${keysText(field)})`;
    if ('to' in field)
        return `${field.input} ${valueText(field.from)} → ${valueText(field.to)}`;
    return field.input;
}
/** Keys added, changed and removed (environment variables, tags): names only. */
function keysText(keys) {
    return [
        keys.added.length && `added ${keys.added.join(' ')}`,
        keys.changed.length && `changed ${keys.changed.join(' ')}`,
        keys.removed.length && `removed ${keys.removed.join(' ')}`
    ]
        .filter(Boolean)
        .join('; ');
}
/** A setting's value in a few words: '' and [] read as none. */
function valueText(value) {
    if (value === undefined || value === '')
        return '(none)';
    if (Array.isArray(value))
        return value.length ? `[${value.map(valueText).join(', ')}]` : '(none)';
    if (typeof value === 'object')
        return `{${Object.entries(value)
            .map(([k, v]) => `${k} ${valueText(v)}`)
            .join(', ')}}`;
    return String(value);
}
function comparisonText(comparison, same) {
    switch (comparison.kind) {
        case 'sha256':
            return same
                ? `CodeSha256 ${words_short(comparison.live)} matches`
                : `CodeSha256 ${words_short(comparison.live)} → ${words_short(comparison.wanted)}`;
        case 's3-unknown':
            return `s3://${comparison.bucket}/${comparison.key} has no full-object SHA-256 checksum in S3 to compare, so it is deployed every run (upload it with --checksum-algorithm SHA256 to let reruns skip it)`;
        case 'image':
            return same
                ? `image ${comparison.wanted} is deployed`
                : `image ${comparison.live ?? '(none)'} → ${comparison.wanted}`;
    }
}
function uploadText(upload) {
    switch (upload.kind) {
        case 'zip':
            return `${(0,code_package/* formatSize */.Xq)(upload.size)} zip (CodeSha256 ${words_short(upload.sha256)})`;
        case 'staged-zip':
            return `${(0,code_package/* formatSize */.Xq)(upload.size)} zip through s3://${upload.bucket}/${upload.key}`;
        case 's3':
            return `from s3://${upload.bucket}/${upload.key}${upload.objectVersion ? ` (version ${upload.objectVersion})` : ''}`;
        case 'image':
            return `image ${upload.imageUri}`;
    }
}
const words_short = (sha) => (sha ? `${sha.slice(0, 12)}…` : '(none)');

;// CONCATENATED MODULE: ./src/report/smoke.ts
// The smoke test in the report: its section of the job summary, and how it ends the step (a failed
// smoke test fails it, saying which version was published but not promoted).


const smoke_MARK = {
    pass: '✅ pass',
    fail: '❌ fail',
    skipped: '⚪ skipped'
};
/**
 * The summary's "Smoke test" section: event, duration and result in a table; the response and the
 * verdict's words, which carry the function's own text, each in a code block it cannot close.
 */
function smokeSection(smoke, functionName, table) {
    if (!smoke)
        return [];
    return [
        '### Smoke test',
        '',
        table(['invoked', 'event', 'duration', 'result'], [
            [
                code(`${functionName}:${smoke.qualifier}`),
                `${code(smoke.event)}${smoke.source === 'inline' ? '' : ` (${smoke.source})`}`,
                smoke.durationMs === undefined ? '—' : `${smoke.durationMs} ms`,
                smoke_MARK[smoke.status]
            ]
        ]),
        '',
        ...(smoke.response === undefined ? [] : ['Response:', '', fenced(smoke.response), '']),
        'Result:',
        '',
        fenced(smoke.detail),
        ''
    ];
}
/** A fenced code block longer than any backtick run in `text`, so no line of it closes the block. */
function fenced(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${text}\n${fence}`;
}
/** A failed smoke test fails the step; the alias it held back is named. */
function reportSmoke(smoke, fn) {
    if (smoke?.status !== 'fail')
        return;
    const held = fn.promoted === false
        ? ` Version ${fn.version} is published but not promoted: the alias stays on the version it had.`
        : '';
    workflow_commands/* setFailed */.C1(`Smoke test of ${smoke.qualifier} failed: ${smoke.detail}.${held}`);
}

;// CONCATENATED MODULE: ./src/iam-policy/logic.ts
// Three-valued logic, glob patterns, policy variables and the request context: the building
// blocks that the statement, principal and condition matchers share.
//
// Every match is a `Tri`: true, false, or Unknown (with the reason the evaluator cannot tell).
// Unknown combines with Kleene's rules, so `false AND unknown` is still false and
// `true OR unknown` is still true: an unknown part only matters when it could change the answer.
const unknown = (why) => ({ unknown: why });
const isUnknown = (value) => typeof value === 'object' && value !== null && 'unknown' in value;
function not(value) {
    return isUnknown(value) ? value : !value;
}
/** Kleene AND: false wins, then unknown. */
function allOf(values) {
    let firstUnknown;
    for (const value of values) {
        if (value === false)
            return false;
        if (isUnknown(value))
            firstUnknown ??= value;
    }
    return firstUnknown ?? true;
}
/** Kleene OR: true wins, then unknown. */
function anyOf(values) {
    let firstUnknown;
    for (const value of values) {
        if (value === true)
            return true;
        if (isUnknown(value))
            firstUnknown ??= value;
    }
    return firstUnknown ?? false;
}
/** A policy element that may be one value or an array of them. */
function asList(value) {
    return Array.isArray(value) ? value : [value];
}
/** A JSON object (not an array, not null): what a statement or a condition block must be. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function contextFrom(record = {}) {
    const context = new Map();
    for (const [key, value] of Object.entries(record))
        context.set(key.toLowerCase(), value);
    return context;
}
function scalarText(value) {
    return typeof value === 'string' ? value : String(value);
}
const SPECIAL_VARIABLES = { '*': '*', '?': '?', $: '$' };
/**
 * Splits a policy value into tokens, substituting policy variables from the context.
 * A variable naming a key that is absent (without a default) or multivalued is Unknown: IAM
 * documents that an unresolved variable may make the whole statement invalid.
 */
function tokenize(value, context, options) {
    const tokens = [];
    let text = '';
    const flush = () => {
        if (text)
            tokens.push({ text });
        text = '';
    };
    for (let i = 0; i < value.length; i++) {
        const char = value[i];
        if (options.wildcards && (char === '*' || char === '?')) {
            flush();
            tokens.push({ wildcard: char });
            continue;
        }
        const end = options.variables && char === '$' && value[i + 1] === '{' ? value.indexOf('}', i) : -1;
        if (end === -1) {
            text += char;
            continue;
        }
        const resolved = resolveVariable(value.slice(i + 2, end), context);
        if (isUnknown(resolved))
            return resolved;
        text += resolved;
        i = end;
    }
    flush();
    return tokens;
}
function resolveVariable(body, context) {
    const special = SPECIAL_VARIABLES[body];
    if (special !== undefined)
        return special;
    // `${key, 'default value'}` supplies a value for an absent key.
    const withDefault = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/.exec(body);
    const key = (withDefault ? withDefault[1] : body).trim();
    const value = context.get(key.toLowerCase());
    if (value === undefined) {
        if (withDefault)
            return withDefault[2];
        return unknown(`policy variable \${${key}} has no value in the request context`);
    }
    if (Array.isArray(value)) {
        return unknown(`policy variable \${${key}} names a multivalued key`);
    }
    return scalarText(value);
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A RegExp matching the whole input; `*` and `?` stay within `anyChar` (default: any character). */
function tokensToRegExp(tokens, flags = '', anyChar = '[^]') {
    const source = tokens
        .map(token => 'text' in token ? escapeRegExp(token.text) : token.wildcard === '*' ? `${anyChar}*` : anyChar)
        .join('');
    return new RegExp(`^${source}$`, flags);
}
/** Glob match of a policy pattern (with `*` and `?`) against a value. */
function globMatches(pattern, value, context, options) {
    const tokens = tokenize(pattern, context, options);
    if (isUnknown(tokens))
        return tokens;
    return tokensToRegExp(tokens, options.ignoreCase ? 'i' : '').test(value);
}
// --- ARNs ------------------------------------------------------------------------------------
/**
 * Splits an ARN (or ARN pattern) into its six components — `arn`, partition, service, region,
 * account, resource — at the first five colons, ignoring colons inside `${...}` variables.
 * Returns the parts found (fewer than six for something that is not a full ARN).
 */
function arnParts(value) {
    const parts = [];
    let start = 0;
    for (let i = 0; i < value.length && parts.length < 5; i++) {
        if (value[i] === '$' && value[i + 1] === '{') {
            const end = value.indexOf('}', i);
            if (end !== -1)
                i = end;
        }
        else if (value[i] === ':') {
            parts.push(value.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(value.slice(start));
    return parts;
}
/**
 * Component-wise ARN match (ArnLike, ArnEquals and the Resource element): each of the six
 * components is matched on its own, so a wildcard never spans a colon between components.
 */
function arnMatches(pattern, arn, context, variables) {
    const patternParts = arnParts(pattern);
    const arnPartsOfValue = arnParts(arn);
    if (patternParts.length !== 6 || patternParts[0] !== 'arn') {
        return unknown(`"${pattern}" is not an ARN`);
    }
    if (arnPartsOfValue.length !== 6 || arnPartsOfValue[0] !== 'arn') {
        return unknown(`"${arn}" is not an ARN`);
    }
    return allOf(patternParts.map((part, i) => globMatches(part, arnPartsOfValue[i], context, { wildcards: true, variables })));
}

;// CONCATENATED MODULE: ./src/iam-policy/conditions.ts
// The Condition element: IAM's condition operators, the IfExists suffix, the ForAnyValue: and
// ForAllValues: set operators and the Null check.
//
// Logic, as IAM documents it: every operator block and every key in it must match (AND); a key
// matches when its value matches any of the policy values (OR), and a negated operator
// (StringNotEquals, ...) matches when the value matches none of them (NOR). A key absent from
// the request fails a positive operator and satisfies a negated one, unless IfExists makes it
// match outright. An operator the evaluator does not know is Unknown, never a match.

// --- comparisons ------------------------------------------------------------------------------
function literal(policyValue, env) {
    const tokens = tokenize(policyValue, env.context, { wildcards: false, variables: env.variables });
    if (isUnknown(tokens))
        return tokens;
    return tokens.map(token => ('text' in token ? token.text : token.wildcard)).join('');
}
const stringEquals = (value, policyValue, env) => {
    const expected = literal(policyValue, env);
    return isUnknown(expected) ? expected : value === expected;
};
const stringEqualsIgnoreCase = (value, policyValue, env) => {
    const expected = literal(policyValue, env);
    return isUnknown(expected) ? expected : value.toLowerCase() === expected.toLowerCase();
};
const stringLike = (value, policyValue, env) => globMatches(policyValue, value, env.context, { wildcards: true, variables: env.variables });
const arnLike = (value, policyValue, env) => arnMatches(policyValue, value, env.context, env.variables);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
function numeric(test) {
    return (value, policyValue) => {
        if (!NUMBER.test(policyValue))
            return unknown(`"${policyValue}" is not a number`);
        if (!NUMBER.test(value))
            return unknown(`request value "${value}" is not a number`);
        return test(Number(value), Number(policyValue));
    };
}
// W3C profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, with a time and zone) or epoch seconds.
const W3C_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
function parseDate(text) {
    // Four digits could be a year or an epoch time: IAM documents both formats, so refuse to guess.
    if (/^\d{4}$/.test(text))
        return unknown(`"${text}" could be a year or epoch seconds`);
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const time = W3C_DATE.test(text) ? Date.parse(text) : NaN;
    return Number.isNaN(time) ? unknown(`"${text}" is not a date`) : time;
}
function date(test) {
    return (value, policyValue) => {
        const [requestTime, policyTime] = [parseDate(value), parseDate(policyValue)];
        if (isUnknown(policyTime))
            return policyTime;
        if (isUnknown(requestTime))
            return requestTime;
        return test(requestTime, policyTime);
    };
}
const bool = (value, policyValue, env) => {
    const expected = literal(policyValue, env);
    if (isUnknown(expected))
        return expected;
    const [want, got] = [expected.toLowerCase(), value.toLowerCase()];
    if (want !== 'true' && want !== 'false')
        return unknown(`"${policyValue}" is not a boolean`);
    if (got !== 'true' && got !== 'false')
        return unknown(`request value "${value}" is not a boolean`);
    return want === got;
};
const binaryEquals = (value, policyValue) => value === policyValue;
const ipAddress = (value, policyValue) => {
    const range = parseCidr(policyValue);
    const address = parseIp(value);
    if (!range)
        return unknown(`"${policyValue}" is not an IP address or CIDR range`);
    if (!address)
        return unknown(`request value "${value}" is not an IP address`);
    if (range.bits !== address.bits)
        return false;
    const hostBits = BigInt(range.bits - range.prefix);
    return address.value >> hostBits === range.value >> hostBits;
};
const OPERATORS = {
    StringEquals: { compare: stringEquals, negated: false },
    StringNotEquals: { compare: stringEquals, negated: true },
    StringEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: false },
    StringNotEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: true },
    StringLike: { compare: stringLike, negated: false },
    StringNotLike: { compare: stringLike, negated: true },
    NumericEquals: { compare: numeric((a, b) => a === b), negated: false },
    NumericNotEquals: { compare: numeric((a, b) => a === b), negated: true },
    NumericLessThan: { compare: numeric((a, b) => a < b), negated: false },
    NumericLessThanEquals: { compare: numeric((a, b) => a <= b), negated: false },
    NumericGreaterThan: { compare: numeric((a, b) => a > b), negated: false },
    NumericGreaterThanEquals: { compare: numeric((a, b) => a >= b), negated: false },
    DateEquals: { compare: date((a, b) => a === b), negated: false },
    DateNotEquals: { compare: date((a, b) => a === b), negated: true },
    DateLessThan: { compare: date((a, b) => a < b), negated: false },
    DateLessThanEquals: { compare: date((a, b) => a <= b), negated: false },
    DateGreaterThan: { compare: date((a, b) => a > b), negated: false },
    DateGreaterThanEquals: { compare: date((a, b) => a >= b), negated: false },
    Bool: { compare: bool, negated: false },
    BinaryEquals: { compare: binaryEquals, negated: false },
    IpAddress: { compare: ipAddress, negated: false },
    NotIpAddress: { compare: ipAddress, negated: true },
    // ArnEquals and ArnLike behave identically, as do their negations (IAM documents this).
    ArnEquals: { compare: arnLike, negated: false },
    ArnLike: { compare: arnLike, negated: false },
    ArnNotEquals: { compare: arnLike, negated: true },
    ArnNotLike: { compare: arnLike, negated: true }
};
function parseOperator(text) {
    const set = /^(ForAnyValue|ForAllValues):/.exec(text)?.[1];
    const rest = set ? text.slice(set.length + 1) : text;
    const ifExists = rest.endsWith('IfExists');
    return { set, name: ifExists ? rest.slice(0, -'IfExists'.length) : rest, ifExists };
}
/** Evaluates a whole Condition element: AND across operators and keys. */
function conditionMatches(condition, env) {
    if (condition === undefined)
        return true;
    if (!isRecord(condition))
        return unknown('Condition is not an object');
    const results = [];
    for (const [operator, keys] of Object.entries(condition)) {
        if (!isRecord(keys))
            return unknown(`Condition operator ${operator} does not map keys to values`);
        for (const [key, values] of Object.entries(keys)) {
            results.push(keyMatches(operator, key, values, env));
        }
    }
    return allOf(results);
}
/**
 * The first operator and key that is false for the request, to explain a statement that does
 * not apply; undefined when none is (the condition holds, or cannot be evaluated).
 */
function failedCondition(condition, env) {
    if (!isRecord(condition))
        return undefined;
    for (const [operator, keys] of Object.entries(condition)) {
        if (!isRecord(keys))
            continue;
        for (const [key, values] of Object.entries(keys)) {
            if (keyMatches(operator, key, values, env) === false) {
                return { operator, key, values: asList(values) };
            }
        }
    }
    return undefined;
}
function keyMatches(operatorText, key, rawValues, env) {
    const policyValues = asList(rawValues).map(policyValueText);
    if (policyValues.some(value => value === undefined) || policyValues.length === 0) {
        return unknown(`${operatorText} on ${key} has a value that is not a string, number or boolean`);
    }
    const values = policyValues;
    const operator = parseOperator(operatorText);
    const requestValue = env.context.get(key.toLowerCase());
    if (operator.name === 'Null') {
        if (operator.set || operator.ifExists)
            return unknown(`${operatorText} is not a valid operator`);
        return nullCheck(values, requestValue !== undefined, operatorText);
    }
    const base = OPERATORS[operator.name];
    if (!base)
        return unknown(`unknown condition operator ${operatorText}`);
    // One request value against every policy value: OR, or NOR for a negated operator.
    const valueMatches = (value) => {
        const any = anyOf(values.map(policyValue => base.compare(scalarText(value), policyValue, env)));
        return base.negated ? not(any) : any;
    };
    if (operator.set) {
        if (requestValue === undefined)
            return operator.set === 'ForAllValues' || operator.ifExists;
        const requestValues = Array.isArray(requestValue)
            ? requestValue
            : [requestValue];
        // An empty set: ForAllValues holds vacuously, ForAnyValue has nothing to match.
        return operator.set === 'ForAllValues'
            ? allOf(requestValues.map(valueMatches))
            : anyOf(requestValues.map(valueMatches));
    }
    if (requestValue === undefined)
        return operator.ifExists || base.negated;
    if (Array.isArray(requestValue)) {
        return unknown(`${operatorText} on multivalued key ${key} needs ForAnyValue: or ForAllValues:`);
    }
    return valueMatches(requestValue);
}
function nullCheck(values, present, operatorText) {
    const wanted = values.map(value => value.toLowerCase());
    if (wanted.some(value => value !== 'true' && value !== 'false')) {
        return unknown(`${operatorText} takes "true" or "false"`);
    }
    // "true": the key must be absent; "false": it must be present.
    return wanted.includes(present ? 'false' : 'true');
}
function policyValueText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
function parseIp(text) {
    return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}
function parseCidr(text) {
    const [address, prefixText, extra] = text.split('/');
    if (extra !== undefined || address === undefined)
        return undefined;
    const ip = parseIp(address);
    if (!ip)
        return undefined;
    if (prefixText === undefined)
        return { ...ip, prefix: ip.bits };
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > ip.bits)
        return undefined;
    return { ...ip, prefix: Number(prefixText) };
}
function parseIpv4(text) {
    const octets = text.split('.');
    if (octets.length !== 4 || octets.some(o => !/^\d{1,3}$/.test(o) || Number(o) > 255)) {
        return undefined;
    }
    return { value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), bits: 32 };
}
function parseIpv6(text) {
    let groups;
    const halves = text.split('::');
    if (halves.length > 2)
        return undefined;
    const split = (part) => (part === '' ? [] : part.split(':'));
    if (halves.length === 2) {
        const [head, tail] = [split(halves[0]), split(halves[1])];
        const missing = 8 - head.length - tail.length;
        if (missing < 1)
            return undefined;
        groups = [...head, ...Array(missing).fill('0'), ...tail];
    }
    else {
        groups = split(text);
    }
    if (groups.length !== 8 || groups.some(g => !/^[0-9a-fA-F]{1,4}$/.test(g)))
        return undefined;
    return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n), bits: 128 };
}

;// CONCATENATED MODULE: ./src/iam-policy/principals.ts
// The Principal and NotPrincipal elements of resource policies (a role's trust policy).
//
// A caller is seen as a chain of identities, each of which a policy entry can name: an assumed
// role session is its account, its role and the session itself. `Principal` matches when an
// entry names any link (an account entry trusts every principal of that account; a role entry
// also covers the role's sessions). `NotPrincipal` excludes the caller only when every link is
// named: IAM documents that it may check the account first, then the role, then the session, so
// an exclusion that names only some of them cannot be relied on and is reported as Unknown.

const ACCOUNT_ID = /^\d{12}$/;
const ARN = /^arn:([^:]+):([^:]+):([^:]*):(\d{12}|):(.+)$/;
/** The request's principal as the evaluator sees it; Unknown if it is not a usable principal. */
function callerOf(principal) {
    if (principal === undefined)
        return { kind: 'anonymous' };
    if ('Service' in principal)
        return { kind: 'service', name: principal.Service };
    if ('Federated' in principal)
        return { kind: 'federated', name: principal.Federated };
    const arn = ACCOUNT_ID.test(principal.AWS) ? `arn:aws:iam::${principal.AWS}:root` : principal.AWS;
    return parseAwsArn(arn) ?? unknown(`request principal "${principal.AWS}" is not an AWS ARN`);
}
/**
 * Context keys that IAM sets for every request by an AWS principal. Only those the principal
 * fully determines: an assumed-role session's aws:PrincipalArn needs the role's path.
 */
function callerContext(caller) {
    if (caller.kind !== 'aws')
        return {};
    const context = { 'aws:PrincipalAccount': caller.account };
    if (caller.type !== 'session')
        context['aws:PrincipalArn'] = caller.arn;
    return context;
}
/** Whether a `Principal` element names the caller. */
function principalMatches(element, caller) {
    const entries = parseElement(element);
    if (isUnknown(entries))
        return entries;
    return anyOf(links(caller).map(link => anyOf(entries.map(entry => names(entry, link)))));
}
/** Whether a statement with this `NotPrincipal` element applies to the caller. */
function notPrincipalMatches(element, caller) {
    const entries = parseElement(element);
    if (isUnknown(entries))
        return entries;
    const named = links(caller).map(link => anyOf(entries.map(entry => names(entry, link))));
    const all = allOf(named);
    const none = allOf(named.map(not));
    if (all === true)
        return false;
    if (none === true)
        return true;
    if (isUnknown(all))
        return all;
    if (isUnknown(none))
        return none;
    return unknown('NotPrincipal names only part of the caller (account, role, session): IAM may still apply it');
}
/** The principals a Principal or NotPrincipal element names, as written, to show in a report. */
function principalValues(element) {
    const entries = parseElement(element);
    if (isUnknown(entries))
        return [];
    return entries.map(entry => (entry.kind === '*' ? '*' : entry.value));
}
function links(caller) {
    switch (caller.kind) {
        case 'anonymous':
            return [{ level: 'anonymous' }];
        case 'service':
        case 'federated':
            return [{ level: caller.kind, name: caller.name }];
        case 'aws': {
            const account = { level: 'account', caller };
            if (caller.type === 'root')
                return [account];
            if (caller.type === 'role') {
                return [account, { level: 'role', caller }, { level: 'any-session', caller }];
            }
            if (caller.type === 'session') {
                return [account, { level: 'role', caller }, { level: 'entity', caller }];
            }
            return [account, { level: 'entity', caller }];
        }
    }
}
/** Whether one policy entry names one link of the caller's chain. */
function names(entry, link) {
    // "*" and {"AWS": "*"} are the same thing: everyone, anonymous callers included.
    if (entry.kind === '*' || (entry.kind === 'AWS' && entry.value === '*'))
        return true;
    if (entry.kind === 'Service' || entry.kind === 'Federated') {
        return link.level === entry.kind.toLowerCase() && 'name' in link && link.name === entry.value;
    }
    if (entry.kind !== 'AWS' || !('caller' in link))
        return false;
    const value = entry.value;
    if (value.includes('*') || value.includes('?')) {
        return unknown(`Principal "${value}": IAM allows no wildcard in a principal ARN`);
    }
    const caller = link.caller;
    const named = ACCOUNT_ID.test(value)
        ? parseAwsArn(`arn:aws:iam::${value}:root`)
        : parseAwsArn(value);
    if (!named) {
        // A unique ID (AIDA..., AROA...) is what IAM shows once the named principal was deleted.
        return /^A[A-Z0-9]{15,}$/.test(value) ? false : unknown(`Principal "${value}" is not an ARN`);
    }
    const sameAccount = named.partition === caller.partition && named.account === caller.account;
    switch (link.level) {
        case 'account':
            return named.type === 'root' && sameAccount;
        case 'role':
            return named.type === 'role' && sameAccount && sameName(named.roleName, caller.roleName);
        case 'any-session': {
            // Naming one session of the role: it depends on the session name, which is not known.
            if (named.type !== 'session' || !sameAccount)
                return false;
            return sameName(named.roleName, caller.roleName) === false
                ? false
                : unknown(`Principal "${value}" names one session of the role; the session name is not known`);
        }
        case 'entity':
            return sameName(named.arn, caller.arn);
    }
}
/** IAM names are unique regardless of case, so a case-only difference cannot be decided here. */
function sameName(a, b) {
    if (a === b)
        return true;
    return a.toLowerCase() === b.toLowerCase()
        ? unknown(`"${a}" and "${b}" differ only in letter case`)
        : false;
}
function parseAwsArn(arn) {
    const match = ARN.exec(arn);
    if (!match)
        return undefined;
    const [, partition, service, , account, resource] = match;
    if (!account)
        return undefined;
    const base = { kind: 'aws', arn, partition: partition, account };
    if (service === 'iam' && resource === 'root')
        return { ...base, type: 'root' };
    if (service === 'iam' && resource.startsWith('role/')) {
        return { ...base, type: 'role', roleName: resource.split('/').at(-1) };
    }
    if (service === 'iam' && resource.startsWith('user/'))
        return { ...base, type: 'user' };
    const session = /^assumed-role\/([^/]+)\/[^/]+$/.exec(resource);
    if (service === 'sts' && session)
        return { ...base, type: 'session', roleName: session[1] };
    return { ...base, type: 'other' };
}
function parseElement(element) {
    if (element === '*')
        return [{ kind: '*' }];
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
        return unknown(`Principal ${JSON.stringify(element)} is not "*" or an object`);
    }
    const entries = [];
    for (const [kind, values] of Object.entries(element)) {
        if (kind !== 'AWS' && kind !== 'Service' && kind !== 'Federated' && kind !== 'CanonicalUser') {
            return unknown(`unknown principal type "${kind}"`);
        }
        for (const value of Array.isArray(values) ? values : [values]) {
            if (typeof value !== 'string')
                return unknown(`Principal ${kind} value is not a string`);
            entries.push({ kind, value });
        }
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/iam-policy/explain.ts
// Why nothing allows a request, in words: for each set of policies that allows nothing, the Allow
// statement that came closest and the first element it missed. Wording only: the decision was made
// from the same matches before this is called.



function describe(request) {
    const principal = request.principal;
    const who = !principal
        ? 'an anonymous caller'
        : 'AWS' in principal
            ? principal.AWS
            : 'Service' in principal
                ? principal.Service
                : principal.Federated;
    return `${request.action} by ${who}${request.resource ? ` on ${request.resource}` : ''}`;
}
const ELEMENTS = ['principal', 'action', 'resource', 'condition'];
/**
 * One line on why no Allow statement of a group applies: what its closest statement misses.
 * Wording only — the decision was made from the same matches before this is called.
 */
function whyNot(group, request) {
    const match = closest(group.results);
    if (!match)
        return `there is no Allow statement in ${group.name}`;
    const { action, resource } = request;
    const { subject, statement } = match;
    // The statement does not apply, so one element is false: the first one is what it misses.
    const failed = ELEMENTS.find(element => match[element] === false) ?? 'condition';
    const named = namedBefore(match, failed);
    const naming = named.length > 0 ? `${subject} names ${named.join(' and ')}, but` : undefined;
    switch (failed) {
        case 'principal': {
            if (match.action !== true) {
                return `no statement names this principal${match.action === false ? ` or allows ${action}` : ''}`;
            }
            const miss = statement.Principal !== undefined
                ? `for ${plainList(principalValues(statement.Principal))}, not this principal`
                : 'its NotPrincipal excludes this principal';
            return `${subject} allows ${action}, but ${miss}`;
        }
        case 'action': {
            if (group.noAction)
                return group.noAction;
            const miss = statement.Action !== undefined ? `not ${action}` : `its NotAction excludes ${action}`;
            return naming ? `${naming} ${miss}` : `${subject} does not allow ${action}`;
        }
        case 'resource': {
            const allows = `${subject} allows ${action}`;
            return statement.Resource !== undefined
                ? `${allows} on ${plainList(asList(statement.Resource))}, not on ${resource}`
                : `${allows}, but its NotResource excludes ${resource}`;
        }
        case 'condition': {
            const miss = conditionMiss(match);
            return naming ? `${naming} ${miss}` : `${subject} applies, but ${miss}`;
        }
    }
}
/** The elements a statement certainly matches before the one it failed on, in words. */
function namedBefore(match, failed) {
    const before = (element) => ELEMENTS.indexOf(element) < ELEMENTS.indexOf(failed);
    const words = [];
    // A trust statement has no Resource; an identity statement has no Principal.
    if (match.kind === 'resource' && before('principal') && match.principal === true) {
        words.push('the principal');
    }
    if (before('action') && match.action === true)
        words.push('the action');
    if (before('resource') && match.resource === true && mentions(match.statement, 'Resource')) {
        words.push('the resource');
    }
    return words;
}
/**
 * The Allow statement closest to applying: the one that matched the most of principal, action,
 * resource and condition, in that order (an earlier element outweighs all later ones); the
 * first of equals.
 */
function closest(results) {
    let best;
    for (const { effect, applies, match } of results) {
        if (effect !== 'Allow' || applies !== false || !match)
            continue;
        if (!best || compareMatches(match, best) > 0)
            best = match;
    }
    return best;
}
function compareMatches(a, b) {
    // A part that cannot be evaluated did not fail: it ranks between a match and a mismatch.
    const score = (part) => (part === true ? 2 : part === false ? 0 : 1);
    for (const element of ELEMENTS) {
        const difference = score(a[element]) - score(b[element]);
        if (difference !== 0)
            return difference;
    }
    return 0;
}
/** Which operator and key of the condition is false, and what the request has for that key. */
function conditionMiss(match) {
    const clause = failedCondition(match.statement.Condition, match.env);
    if (!clause)
        return 'its condition does not hold for the request';
    const { operator, key, values } = clause;
    const value = match.env.context.get(key.toLowerCase());
    const held = `its condition ${operator} ${key} ${quotedList(values)} does not hold`;
    return value === undefined
        ? `${held}: the request has no ${key}`
        : `${held} for the request (${key} = ${shown(value)})`;
}
const mentions = (statement, key) => statement[key] !== undefined || statement[`Not${key}`] !== undefined;
/** At most a few values, so that a reason stays one readable line. */
const SHOWN = 3;
const more = (values) => values.length > SHOWN ? ` and ${values.length - SHOWN} more` : '';
const plainList = (values) => values.slice(0, SHOWN).map(String).join(', ') + more(values);
const quotedList = (values) => `[${values
    .slice(0, SHOWN)
    .map(value => JSON.stringify(value))
    .join(', ')}${more(values)}]`;
const shown = (value) => Array.isArray(value) ? quotedList(value) : JSON.stringify(value);
const labels = (results) => results.map(r => r.label);
const quoteAll = (results) => results.map(r => `"${r.label}"`).join(', ');
const whys = (results) => results
    .map(r => `"${r.label}" (${isUnknown(r.applies) ? r.applies.unknown : 'unknown'})`)
    .join(', ');

;// CONCATENATED MODULE: ./src/iam-policy/resource-arn.ts
// An ARN in a Resource or NotResource element, matched under both readings IAM's documentation
// allows. The IAM User Guide (IAM JSON policy elements: Resource, "Using wildcards in resource
// ARNs", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
// "If the * wildcard is the last character of a resource ARN segment, it can expand to match
// beyond colon boundaries." "Can" is not "always": a segment-by-segment match and a match where
// such a `*` spans colons are both possible readings, so where they disagree the answer is
// Unknown. ArnLike and ArnEquals conditions are not read so: the condition operators page says
// each of the six colon-delimited components is checked separately.

function resourceArnMatches(pattern, arn, context, variables) {
    const bySegment = arnMatches(pattern, arn, context, variables);
    if (isUnknown(bySegment))
        return bySegment;
    const expanding = expandingMatch(pattern, arn, context, variables);
    if (isUnknown(expanding))
        return expanding;
    if (expanding === bySegment)
        return bySegment;
    return unknown(`Resource "${pattern}": a * at the end of an ARN segment can expand beyond colons, and ${arn} matches only one of the two readings`);
}
/**
 * The reading where a `*` that ends one of the first five segments may span colons; every other
 * wildcard stays within its segment (the resource segment, the sixth, may hold colons itself).
 */
function expandingMatch(pattern, arn, context, variables) {
    const parts = arnParts(pattern);
    const sources = [];
    for (const [i, part] of parts.entries()) {
        const tokens = tokenize(part, context, { wildcards: true, variables });
        if (isUnknown(tokens))
            return tokens;
        const last = i < parts.length - 1 ? tokens.at(-1) : undefined;
        const spans = last !== undefined && 'wildcard' in last && last.wildcard === '*';
        const body = tokensToRegExp(spans ? tokens.slice(0, -1) : tokens, '', i < 5 ? '[^:]' : '[^]').source.slice(1, -1);
        sources.push(spans ? `${body}[^]*` : body);
    }
    return new RegExp(`^${sources.join(':')}$`).test(arn);
}

;// CONCATENATED MODULE: ./src/iam-policy/statement.ts
// One statement against one request: which of its elements (principal, action, resource,
// condition) match, in three-valued logic, and whether it applies. The evaluator and the
// analyses build their decisions from these results.




function prepare(request) {
    const caller = callerOf(request.principal);
    if (isUnknown(caller)) {
        return { decision: 'cannot-evaluate', statements: [], reason: caller.unknown };
    }
    // IAM's own keys for the caller first, so that the request's context can override them.
    const context = contextFrom({ ...callerContext(caller), ...request.context });
    return { caller, context };
}
function evaluateDocument(document, source, kind, request, setup) {
    const named = (label) => (source.prefix ? `${source.prefix}: ${label}` : label);
    if (!isRecord(document) || !('Statement' in document)) {
        const applies = unknown('not a policy document (no Statement)');
        return [{ label: named('policy'), effect: 'unknown', applies }];
    }
    // Policy variables exist only in policy language version 2012-10-17; before, `${` is literal.
    const variables = document.Version === '2012-10-17';
    const statements = asList(document.Statement);
    return statements.map((statement, i) => {
        const sid = isRecord(statement) && typeof statement.Sid === 'string' ? statement.Sid : '';
        const local = sid || `Statement[${i}]`;
        const label = named(local);
        if (!isRecord(statement)) {
            return { label, effect: 'unknown', applies: unknown('statement is not an object') };
        }
        const effect = statement.Effect === 'Allow' || statement.Effect === 'Deny' ? statement.Effect : 'unknown';
        const env = { context: setup.context, variables };
        const match = matchStatement(statement, kind, request, setup.caller, env);
        const applies = allOf([
            effect === 'unknown'
                ? unknown(`Effect ${JSON.stringify(statement.Effect)} is not Allow or Deny`)
                : true,
            statementApplies(match)
        ]);
        // A policy of one statement is named by its policy alone.
        const subject = !source.title
            ? `statement "${local}"`
            : statements.length === 1
                ? source.title
                : `${source.title}, statement "${local}"`;
        return { label, effect, applies, match: { ...match, subject, statement, env } };
    });
}
function matchStatement(statement, kind, request, caller, env) {
    return {
        kind,
        principal: principalPart(statement, kind, caller),
        action: statement_element(statement, 'Action', 'NotAction', true, pattern => actionMatches(pattern, request.action)),
        resource: statement_element(statement, 'Resource', 'NotResource', kind === 'identity', pattern => resourceMatches(pattern, request.resource, env)),
        condition: conditionMatches(statement.Condition, env)
    };
}
function statementApplies(match) {
    // An invalid statement (IAM would not have stored it) is Unknown as a whole.
    const parts = [match.principal, match.action, match.resource];
    const invalid = parts.find(isInvalid);
    if (invalid)
        return invalid.invalid;
    return allOf([...parts, match.condition]);
}
const isInvalid = (part) => typeof part === 'object' && 'invalid' in part;
function principalPart(statement, kind, caller) {
    const has = (key) => statement[key] !== undefined;
    if (kind === 'identity') {
        return has('Principal') || has('NotPrincipal')
            ? { invalid: unknown('an identity policy statement cannot have Principal or NotPrincipal') }
            : true;
    }
    if (has('Principal') === has('NotPrincipal')) {
        return {
            invalid: unknown('a resource policy statement needs one of Principal or NotPrincipal')
        };
    }
    return has('Principal')
        ? principalMatches(statement.Principal, caller)
        : notPrincipalMatches(statement.NotPrincipal, caller);
}
/** Action/NotAction or Resource/NotResource: exactly one of them, or neither when optional. */
function statement_element(statement, key, notKey, required, matches) {
    const [positive, negative] = [statement[key], statement[notKey]];
    if (positive !== undefined && negative !== undefined) {
        return { invalid: unknown(`a statement cannot have both ${key} and ${notKey}`) };
    }
    if (positive === undefined && negative === undefined) {
        return required ? { invalid: unknown(`the statement has no ${key} or ${notKey}`) } : true;
    }
    const patterns = asList(positive ?? negative);
    if (patterns.length === 0 || patterns.some(p => typeof p !== 'string')) {
        return { invalid: unknown(`${positive !== undefined ? key : notKey} must hold strings`) };
    }
    const any = anyOf(patterns.map(matches));
    return positive !== undefined ? any : not(any);
}
/** `service:action` with `*` and `?` wildcards, case-insensitive. */
function actionMatches(pattern, action) {
    if (pattern === '*')
        return true;
    if (!pattern.includes(':'))
        return unknown(`Action "${pattern}" is not service:action`);
    return globMatches(pattern, action, new Map(), {
        wildcards: true,
        variables: false,
        ignoreCase: true
    });
}
function resourceMatches(pattern, resource, env) {
    if (pattern === '*')
        return true;
    if (resource === undefined) {
        return unknown(`Resource "${pattern}" but the request names no resource`);
    }
    if (!resource.startsWith('arn:')) {
        return globMatches(pattern, resource, env.context, {
            wildcards: true,
            variables: env.variables
        });
    }
    const parts = arnParts(pattern);
    if (parts.length < 6) {
        // A trailing `*` may expand beyond the colons (IAM documents this); anything else is not
        // an ARN, which IAM would have refused to store.
        if (!pattern.endsWith('*'))
            return unknown(`Resource "${pattern}" is not an ARN`);
        pattern += ':*'.repeat(6 - parts.length);
    }
    return resourceArnMatches(pattern, resource, env.context, env.variables);
}

;// CONCATENATED MODULE: ./src/iam-policy/evaluate.ts
// A pure IAM policy evaluator: decides a request against a role's trust policy, or against a
// role's identity policies and permissions boundary, following IAM's documented evaluation
// logic (an explicit Deny wins, then an Allow, else the request is implicitly denied).
//
// What it cannot decide it says so: an unknown condition operator, a policy variable without a
// value, a malformed statement... make the answer `cannot-evaluate` whenever they could change
// it — never `allowed`. A part that cannot change the answer (a condition that is unknown next to
// one that is false) does not.
//
// An implicit deny also says why (explain.ts): for each set of policies that allows nothing, the Allow
// statement that came closest and the first element (principal, action, resource, condition) it
// missed. Only the wording depends on that: the decision does not.



/**
 * Evaluates a resource policy — a role's trust policy — alone. For a cross-account caller IAM
 * also needs the caller's own identity policies to allow the call; those are not visible here.
 */
function evaluateResourcePolicy(policy, request) {
    const setup = prepare(request);
    if ('decision' in setup)
        return setup;
    const results = evaluateDocument(policy, {}, 'resource', request, setup);
    return decide([{ name: 'the policy', results }], request);
}
/**
 * Evaluates a principal's identity policies (inline and attached) and its permissions boundary:
 * the action must be allowed by the identity policies and, when there is one, by the boundary;
 * an explicit Deny in either wins.
 */
function evaluateIdentityPolicies(input, request) {
    const setup = prepare(request);
    if ('decision' in setup)
        return setup;
    const several = input.policies.length > 1;
    const identity = input.policies.flatMap((policy, i) => {
        const source = isNamed(policy)
            ? { prefix: policy.name, title: `policy "${policy.name}"` }
            : several
                ? { prefix: `policy ${i + 1}`, title: `policy ${i + 1}` }
                : {};
        return evaluateDocument(documentOf(policy), source, 'identity', request, setup);
    });
    const groups = [
        {
            name: 'the identity policies',
            results: identity,
            noAction: `no identity policy allows ${request.action}`
        }
    ];
    if (input.boundary) {
        const boundary = input.boundary;
        const title = isNamed(boundary)
            ? `the permissions boundary "${boundary.name}"`
            : 'the permissions boundary';
        const prefix = isNamed(boundary) ? boundary.name : 'boundary';
        groups.push({
            name: 'the permissions boundary',
            results: evaluateDocument(documentOf(boundary), { prefix, title }, 'identity', request, setup),
            noAction: `${title} does not allow ${request.action}`
        });
    }
    return decide(groups, request);
}
/**
 * Every statement of a policy against one request, without the wording work of a decision:
 * for the analyses that put many requests to the same policy (who-can-assume.ts).
 */
function statementOutcomes(policy, request, kind = 'resource') {
    const setup = prepare(request);
    if ('decision' in setup)
        return unknown(setup.reason);
    const asTri = (part) => part === undefined ? true : isInvalid(part) ? part.invalid : part;
    return evaluateDocument(policy, {}, kind, request, setup).map(result => ({
        label: result.label,
        effect: result.effect,
        applies: result.applies,
        principal: asTri(result.match?.principal),
        action: asTri(result.match?.action)
    }));
}
// --- the decision --------------------------------------------------------------------------------
/** Every group must allow (identity policies, boundary); a Deny in any group wins. */
function decide(groups, request) {
    const denies = groups.map(group => tally(group, 'Deny'));
    const allows = groups.map(group => tally(group, 'Allow'));
    const denied = denies.flatMap(t => t.yes);
    if (denied.length > 0) {
        return {
            decision: 'explicit-deny',
            statements: labels(denied),
            reason: `explicitly denied by ${quoteAll(denied)}`
        };
    }
    const maybeDenied = denies.flatMap(t => t.maybe);
    const notAllowing = groups.filter((_, i) => allows[i].yes.length + allows[i].maybe.length === 0);
    if (notAllowing.length > 0) {
        // Denied whether or not an unknown Deny applies: only explicit vs implicit is in doubt.
        const doubt = maybeDenied.length > 0 ? `; a Deny could not be evaluated: ${whys(maybeDenied)}` : '';
        const where = notAllowing.map(g => g.name).join(' or ');
        const why = notAllowing.map(group => whyNot(group, request)).join('; ');
        return {
            decision: 'implicit-deny',
            statements: labels(maybeDenied),
            reason: `no statement in ${where} allows ${describe(request)}; ${why}${doubt}`
        };
    }
    const undecided = [
        ...new Set([...allows.flatMap(t => (t.yes.length > 0 ? [] : t.maybe)), ...maybeDenied])
    ];
    if (undecided.length > 0) {
        return {
            decision: 'cannot-evaluate',
            statements: labels(undecided),
            reason: `cannot evaluate ${whys(undecided)}`
        };
    }
    const allowedBy = allows.flatMap(t => t.yes);
    return {
        decision: 'allowed',
        statements: labels(allowedBy),
        reason: `allowed by ${quoteAll(allowedBy)}`
    };
}
/** The statements of one effect that certainly apply, and those that may. */
function tally(group, effect) {
    const candidates = group.results.filter(r => r.effect === effect || r.effect === 'unknown');
    return {
        yes: candidates.filter(r => r.applies === true),
        maybe: candidates.filter(r => isUnknown(r.applies))
    };
}
function documentOf(policy) {
    return isNamed(policy) ? policy.document : policy;
}
function isNamed(policy) {
    return 'document' in policy && typeof policy.name === 'string';
}

;// CONCATENATED MODULE: ./src/iam-policy/function-policy.ts
// One invoke request decided with the function's own resource-based policy next to the role's
// identity policies and permissions boundary, as IAM's policy evaluation logic documents for a
// principal and a resource of the same account
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
// an explicit Deny in any policy wins; otherwise an Allow in the identity policies (within the
// boundary) or in the resource policy is enough. A resource policy that grants the role's ARN is
// limited by the role's permissions boundary, as identity policies are
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html). A resource
// policy that names the account (its ID or root) grants nothing by itself: it delegates to the
// account's identity policies (IAM JSON policy elements: Principal). And, per the boundaries page,
// a Deny with NotPrincipal always denies a role that has a permissions boundary.


function evaluateInvoke(input, request) {
    const identity = evaluateIdentityPolicies(input, request);
    if (!input.functionPolicy)
        return identity;
    const resource = inFunctionPolicy(evaluateResourcePolicy(asResourcePolicy(input.functionPolicy, !!input.boundary), request));
    if (identity.decision === 'explicit-deny')
        return identity;
    if (resource.decision === 'explicit-deny')
        return resource;
    let allowed = identity.decision === 'allowed' ? identity : undefined;
    let undecided = [identity, resource].find(e => e.decision === 'cannot-evaluate');
    if (!allowed && resource.decision === 'allowed') {
        // The function policy allows the role: within its boundary, if it has one.
        const boundary = input.boundary
            ? evaluateIdentityPolicies({ policies: [input.boundary] }, request)
            : undefined;
        if (!boundary || boundary.decision === 'allowed')
            allowed = resource;
        else if (boundary.decision === 'cannot-evaluate')
            undecided ??= boundary;
        else if (!grantsRoleArn(input.functionPolicy, request))
            undecided ??= UNDOCUMENTED_STAR;
    }
    if (!allowed)
        return undecided ?? identity;
    // An allow stands only if no Deny may apply: an unknown part, or an implicit deny that names
    // the Deny it could not evaluate.
    const doubt = [identity, resource].find(e => e.decision === 'cannot-evaluate' || (e.decision === 'implicit-deny' && e.statements.length));
    return doubt
        ? { decision: 'cannot-evaluate', statements: doubt.statements, reason: doubt.reason }
        : allowed;
}
/**
 * IAM documents that a boundary limits a grant to the role's ARN and not one to a role session's
 * ARN; for a grant to "*" (which names both) it says neither: undecided, never allowed.
 */
const UNDOCUMENTED_STAR = {
    decision: 'cannot-evaluate',
    statements: [],
    reason: 'the function policy allows "*", and whether the permissions boundary limits a grant to "*" is not documented'
};
/** Whether the function policy's Allow holds with its "*" principals left out. */
function grantsRoleArn(policy, request) {
    const statements = asList(policy.Statement).flatMap(statement => {
        if (!isRecord(statement) || statement.Effect !== 'Allow')
            return [statement];
        if (statement.Principal === '*')
            return [];
        if (!isRecord(statement.Principal))
            return [statement];
        const aws = asList(statement.Principal.AWS ?? []).filter(e => e !== '*');
        const principal = { ...statement.Principal, AWS: aws };
        return [{ ...statement, Principal: principal }];
    });
    const narrowed = { ...policy, Statement: statements };
    return evaluateResourcePolicy(asResourcePolicy(narrowed, true), request).decision === 'allowed';
}
const inFunctionPolicy = (evaluation) => ({
    ...evaluation,
    reason: `the function policy: ${evaluation.reason}`
});
/**
 * The function policy as it can affect the role: an Allow's account entries removed (they only
 * delegate), and with a boundary, a Deny's NotPrincipal read as every principal.
 */
function asResourcePolicy(policy, bounded) {
    if (!isRecord(policy) || !('Statement' in policy))
        return policy;
    const statements = asList(policy.Statement).map(statement => {
        if (!isRecord(statement))
            return statement;
        if (statement.Effect === 'Deny' && bounded && statement.NotPrincipal !== undefined) {
            const rest = { ...statement, Principal: '*' };
            delete rest.NotPrincipal;
            return rest;
        }
        if (statement.Effect !== 'Allow' || !isRecord(statement.Principal))
            return statement;
        const principal = { ...statement.Principal };
        if (principal.AWS !== undefined) {
            const kept = asList(principal.AWS).filter(entry => typeof entry !== 'string' || !/^(\d{12}|arn:[^:]+:iam::\d{12}:root)$/.test(entry));
            if (kept.length)
                principal.AWS = kept;
            else
                delete principal.AWS;
        }
        // Nothing left to name: the statement names nobody who could be the role.
        return Object.keys(principal).length ? { ...statement, Principal: principal } : undefined;
    });
    return { ...policy, Statement: statements.filter(s => s !== undefined) };
}

;// CONCATENATED MODULE: ./src/iam-policy/fresh-names.ts
// Names the analyses invent (a role session, a service, a provider, a value no constant matches)
// must be fresh for the policy at hand: a constant name in the source would let a policy that
// names it hide every other name of its kind. A name is fresh when no string of the policy
// contains it and no part of one (between `:` and `/`), read as a pattern, matches it; both
// case-insensitively, as IAM compares some names regardless of case.

/** Every string of a JSON value, keys included. */
function policyStrings(value, into = []) {
    if (typeof value === 'string')
        into.push(value);
    else if (Array.isArray(value))
        for (const item of value)
            policyStrings(item, into);
    else if (isRecord(value)) {
        for (const [key, item] of Object.entries(value)) {
            into.push(key);
            policyStrings(item, into);
        }
    }
    return into;
}
/**
 * `base` + `suffix`, or `base-2` + `suffix`...: the first whose stem no string of `strings`
 * contains and no pattern part of one matches; past those, a stem of one character no pattern
 * names. A pattern of wildcards alone matches every name alike and is not counted.
 */
function freshName(base, strings, suffix = '') {
    const lower = strings.map(s => s.toLowerCase());
    const parts = lower.flatMap(s => s.split(/[:/]/)).filter(p => /[*?]/.test(p) && /[^*?]/.test(p));
    const patterns = parts.map(globRegExp);
    const taken = (stem) => lower.some(s => s.includes(stem)) || patterns.some(p => p.test(stem));
    const named = new Set(parts.join(''));
    const stems = [
        base,
        ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`),
        ...[...'qxzjkvwy0123456789'].filter(c => !named.has(c)).map(c => c.repeat(12))
    ];
    const stem = stems.find(s => !taken(s.toLowerCase())) ?? stems.at(-1);
    return `${stem}${suffix}`;
}
function globRegExp(pattern) {
    const source = [...pattern]
        .map(c => (c === '*' ? '[^]*' : c === '?' ? '[^]' : c.replace(/[.+^${}()|[\]\\-]/g, '\\$&')))
        .join('');
    return new RegExp(`^${source}$`);
}

;// CONCATENATED MODULE: ./src/iam-policy/string-witnesses.ts
// Witness strings for the string comparisons a policy makes on one key: one string for every
// distinct combination of "matches / does not match" over all of the policy's string constants
// and patterns on that key — nothing more is needed to decide every string operator exactly.
//
// Each comparison (StringEquals "a", StringLike "a*", ArnLike "arn:*:iam::1:role/*", ...) is a
// small automaton over the characters of the value. A breadth-first search runs all of them at
// once (the product automaton, determinised on the fly) and keeps, for every combination of
// accepting comparisons it reaches, the shortest string that reaches it. Characters that no
// comparison names behave alike, so each step tries only the characters the live comparisons
// name at that point, plus one fresh letter and one fresh digit: the search is exact, and small
// for real policies. A search that would exceed its budget says so instead of guessing.
/** A pattern's tokens: `*` and `?` are wildcards when `wildcards`, else literal characters. */
function globTokens(text, options) {
    return [...text].map((char) => {
        if (options.wildcards && (char === '*' || char === '?')) {
            return options.noColon ? { any: char, noColon: true } : { any: char };
        }
        return options.ignoreCase ? { lit: char, ignoreCase: true } : { lit: char };
    });
}
/**
 * An ARN pattern as ArnLike/ArnEquals read it: six colon-separated components matched one by
 * one, so a wildcard in the first five never spans a colon.
 */
function arnTokens(pattern) {
    const tokens = [];
    let colons = 0;
    for (const char of pattern) {
        if (char === ':')
            colons++;
        if (char === '*' || char === '?')
            tokens.push({ any: char, noColon: colons < 5 });
        else
            tokens.push({ lit: char });
    }
    return tokens;
}
/**
 * The witnesses of every reachable combination. `required` (indices) restricts them to values
 * that at least one of those comparisons accepts (e.g. "is a principal ARN").
 */
function stringWitnesses(comparisons, options = {}) {
    const budget = options.budget ?? 20_000;
    const required = options.required ?? [];
    const runners = comparisons.map(c => runner(c.tokens));
    const start = runners.map(r => r.start);
    const seen = new Set([start.join('|')]);
    const found = new Map();
    let frontier = [{ states: start, value: '' }];
    const dead = (states, i) => states[i] === '';
    while (frontier.length > 0) {
        const next = [];
        for (const { states, value } of frontier) {
            const matches = states.map((state, i) => runners[i].accepting(state));
            const signature = matches.map(m => (m ? '1' : '0')).join('');
            if (!found.has(signature) && (required.length === 0 || required.some(i => matches[i]))) {
                found.set(signature, { value, matches });
            }
            for (const char of alphabet(runners, states)) {
                const moved = states.map((state, i) => runners[i].step(state, char));
                if (moved.every(state => state === ''))
                    continue;
                if (required.length > 0 && required.every(i => dead(moved, i)))
                    continue;
                const k = moved.join('|');
                if (seen.has(k))
                    continue;
                seen.add(k);
                if (seen.size > budget) {
                    return { exceeded: `more than ${budget} string states to explore` };
                }
                next.push({ states: moved, value: value + char });
            }
        }
        frontier = next;
    }
    // A value no comparison accepts (a fresh value) always exists unless one accepts everything.
    // Prefer a non-empty one: an empty value is legal but reads badly in a report.
    const none = comparisons.map(() => false);
    const fresh = none.map(() => '0').join('');
    if (required.length === 0 && !found.get(fresh)?.value) {
        const value = freshValue(comparisons);
        if (value !== undefined)
            found.set(fresh, { value, matches: none });
    }
    return { witnesses: [...found.values()] };
}
/**
 * One comparison's automaton, its sets of positions named by a string key ('' when dead), with
 * its transitions and named characters cached: the product search revisits them often.
 */
function runner(tokens) {
    const sets = new Map();
    const moves = new Map();
    const accepts = new Map();
    const names = new Map();
    const intern = (set) => {
        const k = set.join(',');
        if (!sets.has(k)) {
            sets.set(k, set);
            moves.set(k, new Map());
            accepts.set(k, set.includes(tokens.length));
        }
        return k;
    };
    return {
        start: intern(closure(tokens, [0])),
        accepting: (state) => accepts.get(state),
        step(state, char) {
            // Most comparisons die early (a literal that no longer matches): they stay dead.
            if (state === '')
                return '';
            const cached = moves.get(state);
            let moved = cached.get(char);
            if (moved === undefined) {
                moved = intern(step(tokens, sets.get(state), char));
                cached.set(char, moved);
            }
            return moved;
        },
        /** The literal characters the live positions can take next. */
        chars(state) {
            let chars = names.get(state);
            if (!chars) {
                chars = [];
                for (const position of sets.get(state)) {
                    const token = tokens[position];
                    if (!token || !('lit' in token))
                        continue;
                    chars.push(token.lit);
                    if (token.ignoreCase)
                        chars.push(token.lit.toLowerCase(), token.lit.toUpperCase());
                }
                names.set(state, chars);
            }
            return chars;
        }
    };
}
/** A string of characters no comparison names, matched by none (if none matches everything). */
function freshValue(comparisons) {
    // Longer than every pattern's literal text, so no literal-only comparison accepts it.
    const length = Math.max(1, ...comparisons.map(c => c.tokens.length)) + 1;
    const value = '\u00a7'.repeat(length);
    const accepted = comparisons.some(c => accepts(c.tokens, value));
    return accepted ? undefined : value;
}
function accepts(tokens, value) {
    let set = closure(tokens, [0]);
    for (const char of value)
        set = step(tokens, set, char);
    return set.includes(tokens.length);
}
/** The characters worth trying from these states: those named, a fresh letter and digit. */
function alphabet(runners, states) {
    const named = new Set([':']);
    states.forEach((state, i) => {
        if (state !== '')
            for (const char of runners[i].chars(state))
                named.add(char);
    });
    // Fresh characters first, so that the shortest witnesses read as "something else".
    const letter = [...'zyxwvutsrqponmlkjihgfedcba'].find(c => !named.has(c) && !named.has(c.toUpperCase()));
    const digit = [...'0123456789'].find(c => !named.has(c));
    return [...(letter ? [letter] : []), ...(digit ? [digit] : []), ...named];
}
function matchesChar(token, char) {
    if ('lit' in token) {
        return token.ignoreCase ? token.lit.toLowerCase() === char.toLowerCase() : token.lit === char;
    }
    if ('digit' in token)
        return char >= '0' && char <= '9';
    return !(token.noColon && char === ':');
}
function step(tokens, set, char) {
    const next = [];
    for (const position of set) {
        const token = tokens[position];
        if (!token || !matchesChar(token, char))
            continue;
        // `*` stays where it is after consuming; every other token moves on.
        next.push('any' in token && token.any === '*' ? position : position + 1);
    }
    return closure(tokens, next);
}
/** Adds the positions reachable without consuming a character (`*` matching nothing). */
function closure(tokens, positions) {
    const set = new Set();
    for (let position of positions) {
        set.add(position);
        while (position < tokens.length) {
            const token = tokens[position];
            if (!('any' in token) || token.any !== '*')
                break;
            position++;
            set.add(position);
        }
    }
    return [...set].sort((a, b) => a - b);
}

;// CONCATENATED MODULE: ./src/iam-policy/request-space.ts
// The values worth trying for each condition key a policy mentions: a finite set that decides
// every condition of the policy exactly, as if every possible value (and "absent") were tried.
//
// A condition can only change its answer at the constants the policy compares the key with:
//   strings (StringEquals/Like, ArnEquals/Like, IgnoreCase, negations) — one witness per
//     combination of constants and patterns matched (string-witnesses.ts);
//   numbers and dates — each constant, a value between each pair, one below and one above;
//   IP addresses — for each CIDR range its first address and the one after its last, and the
//     lowest address, in IPv4 and IPv6 (every cell the ranges cut the address space into);
//   Bool — true and false; Null — present or absent;
// and every key may also be absent. A multivalued key (only ever tested with ForAnyValue: or
// ForAllValues:) takes sets of those values: the empty set and every set of up to as many
// elements as the policy has set clauses on the key (one witness element per clause is all a
// satisfying set needs). AWS's single-valued keys (sts:ExternalId...) take single values. A key compared in two ways that cannot be enumerated together (as a
// number and as a string) is reported, not guessed.




/** Keys AWS documents as multivalued: they always take sets. */
const MULTIVALUED = new Set([
    'aws:TagKeys',
    'aws:CalledVia',
    'aws:PrincipalOrgPaths',
    'aws:SourceOrgPaths',
    'aws:ResourceOrgPaths',
    'aws:PrincipalServiceNamesList',
    'sts:TransitiveTagKeys'
].map(k => k.toLowerCase()));
/**
 * Keys IAM sets on every request: aws:CurrentTime, aws:EpochTime and aws:SecureTransport (STS
 * takes HTTPS only). AWS global condition context keys:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
function requestTimeKeys(now) {
    return {
        'aws:currenttime': now.toISOString(),
        'aws:epochtime': String(Math.floor(now.getTime() / 1000)),
        'aws:securetransport': 'true'
    };
}
/** Every key the Condition elements of these statements use, folded to lower case. */
function keyUses(statements, variables) {
    const keys = new Map();
    for (const statement of statements) {
        for (const [operator, key, values] of clauses(statement)) {
            const folded = key.toLowerCase();
            const use = keys.get(folded) ?? { name: key, uses: [], variable: false };
            const parsed = parseOperator(operator);
            const texts = values.map(v => String(v));
            use.uses.push({ operator, base: parsed.name, set: parsed.set !== undefined, values: texts });
            if (variables && texts.some(t => /\$\{/.test(t)))
                use.variable = true;
            keys.set(folded, use);
        }
    }
    return keys;
}
/** The operator, key and values of each clause of a statement's Condition element. */
function clauses(statement) {
    const condition = isRecord(statement) ? statement.Condition : undefined;
    if (!isRecord(condition))
        return [];
    return Object.entries(condition).flatMap(([operator, keys]) => isRecord(keys)
        ? Object.entries(keys).map(([key, values]) => [
            operator,
            key,
            asList(values)
        ])
        : []);
}
function family(base) {
    if (/^(String|Arn)/.test(base))
        return 'string';
    if (base.startsWith('Numeric'))
        return 'numeric';
    if (base.startsWith('Date'))
        return 'date';
    if (base === 'Bool')
        return 'bool';
    if (base === 'IpAddress' || base === 'NotIpAddress')
        return 'ip';
    if (base === 'BinaryEquals')
        return 'binary';
    if (base === 'Null')
        return 'null';
    return 'other';
}
/**
 * The values to try for one key. `extra` adds string constants or patterns the caller needs told
 * apart (this org's external ID, the shapes of IAM principal ARNs); `budget` bounds the string search and the number of sets.
 */
function keySpace(folded, use, extra = [], budget = 20_000) {
    const families = new Set(use.uses.map(u => family(u.base)).filter(f => f !== 'null'));
    if (families.size > 1) {
        return { undecided: `${use.name} is compared as ${[...families].join(' and ')}` };
    }
    const kind = [...families][0] ?? 'null';
    const constants = use.uses.filter(u => family(u.base) === kind).flatMap(u => u.values);
    let scalars;
    switch (kind) {
        case 'string': {
            const result = stringSpace(use, extra, budget);
            if ('undecided' in result)
                return result;
            scalars = result;
            break;
        }
        case 'numeric':
            scalars = numberSpace(constants.map(Number).filter(Number.isFinite), String);
            break;
        case 'date': {
            const times = constants.map(parseDate).filter((t) => !isUnknown(t));
            scalars = numberSpace(times, t => new Date(t).toISOString(), true);
            break;
        }
        case 'bool':
            scalars = { values: ['true', 'false'] };
            break;
        case 'ip':
            scalars = ipSpace(constants);
            break;
        default: {
            // Null alone, BinaryEquals, or an operator IAM does not have (the evaluator says so).
            const fresh = freshName('fresh-value', constants);
            scalars = { values: [...new Set([...constants, fresh])], fresh };
        }
    }
    // AWS's own keys are single-valued unless documented otherwise (ForAnyValue on one reads it
    // as a set of one); another key tested only with set operators may hold a set.
    const onlySets = use.uses.every(u => u.set || u.base === 'Null');
    const aws = /^(aws|sts):/.test(folded);
    if (!MULTIVALUED.has(folded) && (aws || !onlySets)) {
        return { values: [undefined, ...scalars.values], fresh: scalars.fresh };
    }
    return setSpace(use, scalars.values, budget);
}
function stringSpace(use, extra, budget) {
    const comparisons = [];
    let arn = false;
    for (const { base, values } of use.uses) {
        if (family(base) !== 'string')
            continue;
        const ignoreCase = base.includes('IgnoreCase');
        for (const value of values) {
            if (base.startsWith('Arn')) {
                arn = true;
                comparisons.push({ tokens: arnTokens(value) });
            }
            else {
                const wildcards = base.includes('Like');
                comparisons.push({ tokens: globTokens(value, { wildcards, ignoreCase }) });
            }
        }
    }
    for (const value of extra) {
        comparisons.push(typeof value === 'string' ? { tokens: globTokens(value, { wildcards: false }) } : value);
    }
    // A key compared as an ARN holds ARNs (aws:SourceArn, aws:PrincipalArn...).
    const required = arn ? [comparisons.push({ tokens: arnTokens('arn:*:*:*:*:*') }) - 1] : [];
    const result = stringWitnesses(comparisons, { required, budget });
    if ('exceeded' in result)
        return { undecided: `${use.name}: ${result.exceeded}` };
    const fresh = result.witnesses.find(w => w.matches.every((m, i) => !m || required.includes(i)));
    return { values: result.witnesses.map(w => w.value), fresh: fresh?.value };
}
/** Each constant, a value between neighbours, one below the lowest and one above the highest. */
function numberSpace(constants, show, integer = false) {
    const sorted = [...new Set(constants)].sort((a, b) => a - b);
    if (sorted.length === 0)
        return { values: [show(0)], fresh: show(0) };
    const values = [sorted[0] - 1];
    sorted.forEach((n, i) => {
        values.push(n);
        if (i + 1 === sorted.length)
            return void values.push(n + 1);
        // Dates are whole milliseconds: neighbours one apart have nothing between them.
        const between = integer ? Math.floor((n + sorted[i + 1]) / 2) : (n + sorted[i + 1]) / 2;
        if (between !== n)
            values.push(between);
    });
    return { values: values.map(show), fresh: show(sorted.at(-1) + 1) };
}
/** The lowest address and, per range, its first address and the one after its last. */
function ipSpace(constants) {
    const points = { 32: new Set([0n]), 128: new Set([0n]) };
    for (const text of constants) {
        const range = parseCidr(text);
        if (!range)
            continue;
        const host = BigInt(range.bits - range.prefix);
        const first = (range.value >> host) << host;
        const after = first + (1n << host);
        points[range.bits].add(first);
        if (after < 1n << BigInt(range.bits))
            points[range.bits].add(after);
    }
    const values = [
        ...[...points[32]].map(v => showIp(v, 32)),
        ...[...points[128]].map(v => showIp(v, 128))
    ];
    return { values, fresh: values[0] };
}
function showIp(value, bits) {
    if (bits === 32)
        return [24n, 16n, 8n, 0n].map(s => String((value >> s) & 255n)).join('.');
    const groups = [];
    for (let s = 112n; s >= 0n; s -= 16n)
        groups.push(((value >> s) & 0xffffn).toString(16));
    return groups.join(':');
}
/** Absent, the empty set, and every set of up to `clauses` distinct element values. */
function setSpace(use, elements, budget) {
    const size = Math.min(use.uses.filter(u => u.set).length || 1, elements.length);
    const sets = [[]];
    const grow = (from, current) => {
        for (let i = from; i < elements.length; i++) {
            const next = [...current, elements[i]];
            sets.push(next);
            if (sets.length > budget)
                return false;
            if (next.length < size && !grow(i + 1, next))
                return false;
        }
        return true;
    };
    if (!grow(0, []))
        return { undecided: `${use.name}: more than ${budget} value sets to try` };
    return { values: [undefined, ...sets], fresh: [] };
}

;// CONCATENATED MODULE: ./src/iam-policy/request-search.ts
// Assignments of trial values to condition keys, and the request contexts built from them:
// enumerated one by one (invoke-decision.ts) or found by assignment-search.ts.
/** The number of combinations, or Infinity past the limit (to refuse before enumerating). */
function combinations(spaces, limit) {
    let total = 1;
    for (const space of spaces) {
        total *= space.values.length;
        if (total > limit)
            return Infinity;
    }
    return total;
}
/** Calls `visit` with every assignment of the keys; false from `visit` stops the enumeration. */
function forEachAssignment(keys, spaces, visit) {
    const assignment = {};
    const walk = (i) => {
        if (i === keys.length)
            return visit({ ...assignment }) !== false;
        for (const value of spaces[i].values) {
            assignment[keys[i]] = value;
            if (!walk(i + 1))
                return false;
        }
        return true;
    };
    walk(0);
}
/** A request context from fixed keys and an assignment, leaving out the absent ones. */
function contextOf(...parts) {
    const context = {};
    for (const part of parts) {
        for (const [key, value] of Object.entries(part)) {
            if (value === undefined)
                delete context[key];
            else
                context[key] = value;
        }
    }
    return context;
}
/** The trial values of each key, or why one cannot be enumerated. */
function spacesOf(keys, space) {
    const spaces = [];
    for (const key of keys) {
        const s = space(key);
        if ('undecided' in s)
            return s;
        spaces.push(s);
    }
    return spaces;
}

;// CONCATENATED MODULE: ./src/iam-policy/invoke-decision.ts
// The invoke check's local evaluation under the same rule as the trust analysis: the role's
// identity policies and permissions boundary, and the function's own policy when it has one
// (function-policy.ts), decide lambda:InvokeFunction on a resource for every value of the keys
// the runner cannot know, not for one guessed request.
//
// Keys whose values are known are fixed as IAM documents them for a role session (AWS global
// condition context keys,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:CurrentTime and aws:EpochTime (now), aws:SecureTransport (true), aws:PrincipalType
// (AssumedRole), aws:PrincipalArn (the role's ARN), aws:PrincipalAccount; aws:RequestedRegion
// (the Region the request is made to: the function's); aws:ResourceTag/<key> (the function's
// tags, read); aws:PrincipalTag/<key> (the role's tags, read, when no session tag can replace
// them). A tag the resource or role does not have is absent. Every other key the policies mention
// ranges over its trial values (request-space.ts), absent included. The answer is `allowed` only
// if allowed for every value, a deny only if denied for every value, otherwise
// `cannot-evaluate`, naming the keys it depends on.




function decideInvoke(input, question) {
    const documents = [
        ...input.policies,
        ...(input.boundary ? [input.boundary] : []),
        ...(input.functionPolicy ? [input.functionPolicy] : [])
    ].map(p => ('document' in p ? p.document : p));
    const statements = documents.flatMap(d => asList(d.Statement));
    const variables = documents.some(d => d.Version === '2012-10-17');
    const keys = keyUses(statements, variables);
    const fixed = {
        ...requestTimeKeys(question.now),
        'aws:principalarn': question.roleArn,
        'aws:principalaccount': question.roleArn.split(':')[4] ?? '',
        'aws:principaltype': 'AssumedRole',
        ...(question.region ? { 'aws:requestedregion': question.region } : {}),
        ...tagKeys(keys, 'aws:resourcetag/', question.resourceTags),
        ...tagKeys(keys, 'aws:principaltag/', question.principalTags)
    };
    const varying = [...keys.keys()].filter(k => !(k in fixed));
    const names = varying.map(k => keys.get(k).name);
    const refuse = (reason) => ({
        decision: 'cannot-evaluate',
        statements: [],
        reason,
        dependsOn: names
    });
    const spaces = spacesOf(varying, key => {
        const use = keys.get(key);
        return use.variable
            ? { undecided: `${use.name} is compared with a policy variable: not analysed` }
            : keySpace(key, use);
    });
    if ('undecided' in spaces)
        return refuse(spaces.undecided);
    if (combinations(spaces, question.budget ?? 100_000) === Infinity) {
        return refuse(`too many combinations of ${names.join(', ')} to evaluate`);
    }
    const seen = new Map();
    forEachAssignment(varying, spaces, assignment => {
        const evaluation = evaluateInvoke(input, {
            principal: { AWS: question.roleArn },
            action: 'lambda:InvokeFunction',
            resource: question.resource,
            context: contextOf(fixed, assignment)
        });
        if (!seen.has(evaluation.decision))
            seen.set(evaluation.decision, evaluation);
        // Once allowed and not allowed were both seen, nothing more can change the answer.
        return !(seen.has('allowed') && seen.size > 1);
    });
    const decisions = [...seen.keys()];
    if (decisions.length === 1)
        return { ...seen.get(decisions[0]), dependsOn: [] };
    if (!seen.has('allowed') && !seen.has('cannot-evaluate')) {
        return { ...seen.get('implicit-deny'), dependsOn: [] };
    }
    const unknown = seen.get('cannot-evaluate');
    return {
        decision: 'cannot-evaluate',
        statements: unknown?.statements ?? [],
        reason: unknown
            ? unknown.reason
            : `allowed for some values of ${names.join(', ')} only: the runner cannot know them`,
        dependsOn: names
    };
}
/**
 * The tag keys of one kind the policies name, with the tag's value, or absent when there is no
 * such tag. A key that matches a tag only in letter case is left unknown.
 */
function tagKeys(keys, prefix, tags) {
    if (!tags)
        return {};
    const fixed = {};
    for (const [folded, use] of keys) {
        if (!folded.startsWith(prefix))
            continue;
        const tagKey = use.name.slice(prefix.length);
        if (Object.hasOwn(tags, tagKey))
            fixed[folded] = tags[tagKey];
        else if (!Object.keys(tags).some(k => k.toLowerCase() === tagKey.toLowerCase()))
            fixed[folded] = undefined;
    }
    return fixed;
}

;// CONCATENATED MODULE: ./src/iam-policy/session-tags.ts
// Whether IBM's session can carry session tags, which would replace the role's own tags as
// aws:PrincipalTag/* ("Session tags override a role's tags with the same key": IAM User Guide,
// Passing session tags in AWS STS). Passing session tags needs sts:TagSession in the role's trust
// policy (same page), so the role's tags are the session's only when no Allow statement of the
// trust policy could grant IBM's role sts:TagSession.


function sessionTagsPossible(trust, principalArn) {
    const session = principalArn
        .replace(':iam::', ':sts::')
        .replace(/:role\/(?:.*\/)?/, ':assumed-role/');
    const outcomes = statementOutcomes(trust, {
        principal: { AWS: `${session}/session` },
        action: 'sts:TagSession'
    });
    if (isUnknown(outcomes))
        return true;
    return outcomes.some(o => o.effect !== 'Deny' && o.principal !== false && o.action !== false);
}

;// CONCATENATED MODULE: ./src/iam-policy/parse.ts
// Reads a policy document as IAM returns it: raw JSON, or URL-encoded JSON.

/**
 * Reads a policy document as IAM returns it: raw JSON, or URL-encoded JSON (GetRole,
 * GetRolePolicy and GetPolicyVersion return the latter). Throws if it is neither.
 */
function parsePolicyDocument(text) {
    const trimmed = text.trim();
    const candidates = [trimmed];
    if (!trimmed.startsWith('{')) {
        for (const encoded of [trimmed, trimmed.replace(/\+/g, ' ')]) {
            try {
                candidates.push(decodeURIComponent(encoded));
            }
            catch {
                // Not valid percent-encoding: try the next reading.
            }
        }
    }
    for (const candidate of candidates) {
        try {
            const parsed = JSON.parse(candidate);
            if (isRecord(parsed) && 'Statement' in parsed)
                return parsed;
        }
        catch {
            // Not JSON: try the next reading.
        }
    }
    throw new Error('not an IAM policy document: expected JSON, or URL-encoded JSON, with a Statement');
}

;// CONCATENATED MODULE: ./src/iam-policy/way-in-wording.ts
// How a way in reads: one line for the log, and a row for a Markdown table in the job summary.
// All the words about the trust analysis's findings live here.
const KINDS = {
    'account-root': "an account's root",
    role: 'a role',
    user: 'an IAM user',
    service: 'an AWS service',
    'web-identity': 'a web-identity (OIDC) provider',
    saml: 'a SAML provider',
    anonymous: 'an anonymous caller'
};
const EXTERNAL_IDS = {
    any: 'with any external ID or none',
    none: 'with no external ID',
    'this-org': "with this org's external ID",
    another: 'with another external ID',
    'not-applicable': ''
};
/** Who, in words: the principal as written and, when it differs, the kinds of caller. */
function wayInWho(way) {
    const example = way.examples[0];
    if (way.ibmOtherExternalId)
        return `IBM's API Connect role (${way.principal})`;
    if (way.apiConnect)
        return `API Connect for this org (${way.principal})`;
    const kinds = way.kinds.map(kind => KINDS[kind]).join(', ');
    const eg = example ? `, e.g. ${example}` : '';
    if (way.principal === '*' || way.principal.startsWith('everyone except')) {
        return `${kinds} (${way.principal}${eg})`;
    }
    return example && example !== way.principal ? `${way.principal} (${kinds}${eg})` : way.principal;
}
function wayInExternalId(way) {
    const base = EXTERNAL_IDS[way.externalId];
    const specific = way.externalId === 'another' && way.externalIds.length > 0;
    return specific ? `${base} (${way.externalIds.map(id => `"${id}"`).join(', ')})` : base;
}
/** One line for the log. */
function describeWayIn(way) {
    const parts = [
        `statement "${way.statement}" lets ${wayInWho(way)} in through ${way.actions.join(', ')}`,
        wayInExternalId(way),
        way.condition ?? ''
    ].filter(Boolean);
    const declared = way.accepted
        ? ' (declared: accepted)'
        : way.apiConnect
            ? ' (API Connect for this org)'
            : '';
    return `${parts.join(' ')}${declared}`;
}
const WAY_IN_TABLE_HEADER = [
    'Statement',
    'Who',
    'Action',
    'External ID',
    'Condition',
    'Accepted'
];
/** One row of the job summary's table (the summary escapes the cells). */
function wayInRow(way) {
    return [
        way.statement,
        wayInWho(way),
        way.actions.join(', '),
        wayInExternalId(way) || 'n/a',
        way.condition ?? 'always',
        way.accepted ? 'yes' : way.apiConnect ? 'API Connect (this org)' : 'no'
    ];
}
/** The target's decision in one line. */
function describeTarget(target) {
    const words = { allowed: 'allowed', denied: 'denied', 'cannot-evaluate': 'cannot be evaluated' };
    return `IBM's principal with this org's external ID: ${words[target.decision]} (${target.reason})`;
}

;// CONCATENATED MODULE: ./src/iam-policy/assignment-search.ts
// Finds values of the unknown condition keys that make some statements apply and others not,
// without enumerating every combination.
//
// A statement applies when its principal, its action and every (operator, key) clause of its
// Condition hold (IAM ANDs them). So, once the caller and action are fixed, a statement is a
// conjunction of one constant part and one part per key, each depending on that key's value
// alone. "This statement applies" then only narrows each key's values independently, and "this
// statement does not apply" asks for one key whose value fails it: a small hitting-set search
// over the keys' trial values (request-space.ts), exact, bounded by a step budget.
// Three-valued: a part may be unknown (an operator IAM does not have...), so a goal asks for a
// statement to be certainly true or false, or merely possibly (not certainly the opposite).


const holds = (value, want) => want === 'true'
    ? value === true
    : want === 'not-false'
        ? value !== false
        : want === 'false'
            ? value === false
            : value !== true;
/**
 * An assignment of `keys` (values from their spaces) under which every goal holds, or none.
 * `budget.left` counts the values tried; at zero the search gives up (`exceeded`).
 */
function searchAssignment(keys, spaces, goals, budget) {
    // Goals that want the conjunction to hold restrict each key's values on their own.
    const domains = new Map();
    for (const key of keys)
        domains.set(key, [...spaces.get(key).values]);
    const disjunctive = [];
    for (const goal of goals) {
        const { fixed, parts } = goal.conjunction;
        if (goal.want === 'true' || goal.want === 'not-false') {
            if (!holds(fixed, goal.want))
                return { none: true };
            for (const [key, part] of parts) {
                const values = domains.get(key).filter(v => holds(part(v), goal.want));
                if (values.length === 0)
                    return { none: true };
                domains.set(key, values);
            }
        }
        else if (!holds(fixed, goal.want)) {
            if (goal.conjunction.parts.size === 0)
                return { none: true };
            disjunctive.push(goal);
        }
    }
    // Goals that want it not to hold need one key whose value fails it.
    const assignment = {};
    const assigned = new Set();
    let exceeded = false;
    const satisfied = (goal) => [...goal.conjunction.parts].some(([key, part]) => assigned.has(key) && holds(part(assignment[key]), goal.want));
    const solve = () => {
        const open = disjunctive.find(goal => !satisfied(goal));
        if (!open)
            return true;
        for (const [key, part] of open.conjunction.parts) {
            const choices = assigned.has(key) ? [] : domains.get(key);
            for (const value of choices) {
                if (--budget.left < 0) {
                    exceeded = true;
                    return false;
                }
                if (!holds(part(value), open.want))
                    continue;
                assignment[key] = value;
                assigned.add(key);
                if (solve())
                    return true;
                assigned.delete(key);
                delete assignment[key];
                if (exceeded)
                    return false;
            }
        }
        return false;
    };
    if (!solve())
        return exceeded ? { exceeded: true } : { none: true };
    for (const key of keys)
        if (!assigned.has(key))
            assignment[key] = domains.get(key)[0];
    return { found: assignment };
}
/**
 * A statement's Condition split by key: for each key (folded to lower case) a function of that
 * key's value alone, cached; and what does not belong to a key (a malformed block) as `rest`.
 */
function conditionParts(condition, variables) {
    const byKey = new Map();
    if (condition === undefined)
        return { rest: true, byKey };
    if (!isRecord(condition))
        return { rest: conditionMatches(condition, env({}, variables)), byKey };
    const blocks = new Map();
    const malformed = {};
    for (const [operator, keys] of Object.entries(condition)) {
        if (!isRecord(keys)) {
            malformed[operator] = keys;
            continue;
        }
        for (const [key, values] of Object.entries(keys)) {
            const folded = key.toLowerCase();
            const block = blocks.get(folded) ?? {};
            block[operator] = { ...block[operator], [key]: values };
            blocks.set(folded, block);
        }
    }
    for (const [folded, block] of blocks) {
        const cache = new Map();
        byKey.set(folded, value => {
            const id = JSON.stringify(value) ?? 'absent';
            let result = cache.get(id);
            if (result === undefined) {
                result = conditionMatches(block, env(value === undefined ? {} : { [folded]: value }, variables));
                cache.set(id, result);
            }
            return result;
        });
    }
    const rest = Object.keys(malformed).length > 0 ? conditionMatches(malformed, env({}, variables)) : true;
    return { rest, byKey };
}
/** The conjunction of a statement for one caller: keys with a fixed value fold into `fixed`. */
function conjunctionOf(head, parts, fixed) {
    const constant = [head, parts.rest];
    const varying = new Map();
    for (const [key, part] of parts.byKey) {
        if (key in fixed)
            constant.push(part(fixed[key]));
        else
            varying.set(key, part);
    }
    return { fixed: allOf(constant), parts: varying };
}
/** The first unknown part of these conjunctions under an assignment, to say why. */
function unknownReason(conjunctions, assignment) {
    for (const { fixed, parts } of conjunctions) {
        if (isUnknown(fixed))
            return fixed.unknown;
        for (const [key, part] of parts) {
            const value = part(assignment[key]);
            if (isUnknown(value))
                return value.unknown;
        }
    }
    return undefined;
}
function env(record, variables) {
    return { context: contextFrom(record), variables };
}

;// CONCATENATED MODULE: ./src/iam-policy/principal-space.ts
// The callers worth trying against a trust policy: one of every kind the policy could tell apart.
//
// AWS principals (account roots, IAM users, role sessions) are told apart only by what the policy
// compares their ARN with — Principal entries (an account entry covers every principal of the
// account; a role entry covers its sessions), and aws:PrincipalArn / aws:PrincipalAccount
// conditions — so the principal ARN is searched like any string key (string-witnesses.ts), with
// the shapes of principal ARNs as a constraint, plus the names the report needs told apart (IBM's
// role, IBM's account, the role's own account). That yields a fresh account's root, role and
// user, a fresh role in IBM's account, the own account's root and roles, every principal named,
// and every principal an ARN pattern lets in. A role calls through a session: each role is tried
// with a fresh session name and with every session name the policy names for it.
// Services, web-identity and SAML providers are tried as named, plus a fresh one of each, and an
// anonymous caller. Each kind calls only the AssumeRole action it can (AssumeRoleWithWebIdentity
// for OpenID Connect providers, AssumeRoleWithSAML for SAML providers).


const ASSUME_ROLE = 'sts:AssumeRole';
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const SAML = 'sts:AssumeRoleWithSAML';
const DIGITS12 = Array.from({ length: 12 }, () => ({ digit: true }));
const SESSION = 'apic-lambda-deploy-analysis';
/**
 * Keys IAM documents for IBM's own direct sts:AssumeRole call, a role session signing its own
 * request (AWS global condition context keys,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * aws:PrincipalIsAWSService is false unless a service principal calls; aws:ViaAWSService is false
 * unless a service calls with the principal's credentials (forward access sessions);
 * aws:PrincipalServiceName is present only for a service principal; aws:username only for an IAM
 * user; aws:SourceAccount and aws:SourceArn only when a service calls on behalf of a resource.
 */
const TARGET_KEYS = {
    'aws:principalisawsservice': 'false',
    'aws:viaawsservice': 'false',
    'aws:principalservicename': undefined,
    'aws:username': undefined,
    'aws:sourceaccount': undefined,
    'aws:sourcearn': undefined
};
/** Providers whose tokens AWS accepts without an IAM provider resource (web identity). */
const WELL_KNOWN_OIDC = [
    'cognito-identity.amazonaws.com',
    'accounts.google.com',
    'graph.facebook.com',
    'www.amazon.com'
];
function principalSpace(input) {
    const aws = awsCandidates(input);
    if ('undecided' in aws)
        return aws;
    const { services, providers } = namedOthers(input.statements);
    const ownProvider = (type, name) => `arn:${input.partition}:iam::${input.ownAccount}:${type}/${name}`;
    // Fresh for this policy: a constant name would let a policy that names it hide the others.
    const strings = policyStrings(input.statements);
    const others = [
        ...[...services, freshName('fresh-service', strings, '.amazonaws.com')].map((name) => ({
            kind: 'service',
            principal: { Service: name },
            name,
            actions: [ASSUME_ROLE],
            fixed: {},
            target: false
        })),
        ...[
            ...providers,
            ownProvider('oidc-provider', freshName('fresh-oidc', strings, '.example.com')),
            ownProvider('saml-provider', freshName('fresh-saml', strings))
        ].map(federated),
        {
            kind: 'anonymous',
            principal: undefined,
            name: 'an anonymous caller',
            actions: [ASSUME_ROLE, WEB_IDENTITY, SAML],
            // IAM leaves the principal's keys out of an anonymous request.
            fixed: {
                'aws:principalarn': undefined,
                'aws:principalaccount': undefined,
                'aws:principaltype': 'Anonymous'
            },
            target: false
        }
    ];
    return [...aws, ...others];
}
function federated(name) {
    const saml = /:saml-provider\//.test(name);
    const oidc = /:oidc-provider\//.test(name) || WELL_KNOWN_OIDC.includes(name);
    return {
        kind: saml ? 'saml' : 'web-identity',
        principal: { Federated: name },
        name,
        // A provider of a form the analysis does not know is tried with both federation actions.
        actions: saml ? [SAML] : oidc ? [WEB_IDENTITY] : [WEB_IDENTITY, SAML],
        fixed: {},
        target: false
    };
}
function namedOthers(statements) {
    const services = new Set();
    const providers = new Set();
    for (const statement of statements) {
        for (const element of [statement.Principal, statement.NotPrincipal]) {
            if (typeof element !== 'object' || element === null)
                continue;
            const entries = element;
            for (const s of [entries.Service ?? []].flat())
                if (typeof s === 'string')
                    services.add(s);
            for (const f of [entries.Federated ?? []].flat())
                if (typeof f === 'string')
                    providers.add(f);
        }
    }
    return { services, providers };
}
/** The AWS entries (ARNs and account IDs) of every Principal and NotPrincipal element. */
function awsEntries(statements) {
    return statements.flatMap(statement => [statement.Principal, statement.NotPrincipal].flatMap(element => typeof element === 'object' && element !== null
        ? [element.AWS ?? []].flat().filter(e => typeof e === 'string')
        : []));
}
function awsCandidates(input) {
    const { partition, ownAccount, targetArn } = input;
    const lit = (text) => globTokens(text, { wildcards: false });
    const star = { any: '*' };
    // Every principal ARN tried starts `arn:<partition>:iam::` (the shapes below require it), so
    // "in account A" is that prefix, A, and anything after.
    const arnOfAccount = (account) => [
        ...lit(`arn:${partition}:iam::`),
        ...account,
        ...lit(':'),
        star
    ];
    // IAM names (and paths) have no colons.
    const name = { any: '?', noColon: true };
    const nameRest = { any: '*', noColon: true };
    const shapes = [
        { tokens: [...lit(`arn:${partition}:iam::`), ...DIGITS12, ...lit(':root')] },
        {
            tokens: [...lit(`arn:${partition}:iam::`), ...DIGITS12, ...lit(':role/'), name, nameRest]
        },
        {
            tokens: [...lit(`arn:${partition}:iam::`), ...DIGITS12, ...lit(':user/'), name, nameRest]
        }
    ];
    const comparisons = [
        ...shapes,
        { tokens: lit(targetArn) },
        { tokens: arnOfAccount(lit(ownAccount)) },
        { tokens: arnOfAccount(lit(targetArn.split(':')[4] ?? '')) }
    ];
    const sessions = new Map();
    for (const entry of awsEntries(input.statements)) {
        if (/^\d{12}$/.test(entry)) {
            comparisons.push({ tokens: arnOfAccount(lit(entry)) });
            continue;
        }
        const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(entry);
        if (session) {
            const role = `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
            comparisons.push({ tokens: lit(role) });
            sessions.set(role, (sessions.get(role) ?? new Set()).add(session[4]));
        }
        else if (entry.endsWith(':root')) {
            comparisons.push({ tokens: arnOfAccount(lit(entry.split(':')[4] ?? '')) });
        }
        else if (entry !== '*') {
            comparisons.push({ tokens: lit(entry) });
        }
    }
    for (const [folded, lifted] of [
        ['aws:principalarn', false],
        ['aws:principalaccount', true]
    ]) {
        for (const { base, values } of input.keys.get(folded)?.uses ?? []) {
            if (!/^(String|Arn)/.test(base))
                continue;
            for (const value of values) {
                const noColon = lifted;
                const tokens = base.startsWith('Arn')
                    ? arnTokens(value)
                    : globTokens(value, {
                        wildcards: base.includes('Like'),
                        ignoreCase: base.includes('IgnoreCase'),
                        noColon
                    });
                comparisons.push({ tokens: lifted ? arnOfAccount(tokens) : tokens });
            }
        }
    }
    const result = stringWitnesses(comparisons, { required: [0, 1, 2], budget: input.budget });
    if ('exceeded' in result)
        return { undecided: `principal ARNs: ${result.exceeded}` };
    const session = freshName(SESSION, policyStrings(input.statements));
    return result.witnesses.flatMap(({ value: arn, matches }) => {
        // IAM role names are unique regardless of case: a role of IBM's account named like IBM's
        // role, in another case or under another path, is IBM's role itself or does not exist.
        if (arn !== targetArn && sameRoleName(arn, targetArn))
            return [];
        const account = arn.split(':')[4];
        const type = matches[0] ? 'Account' : matches[1] ? 'AssumedRole' : 'User';
        const fixed = {
            'aws:principalarn': arn,
            'aws:principalaccount': account,
            'aws:principaltype': type
        };
        if (type !== 'AssumedRole') {
            const kind = type === 'Account' ? 'account-root' : 'user';
            return [
                {
                    kind,
                    principal: { AWS: arn },
                    name: arn,
                    account,
                    actions: [ASSUME_ROLE],
                    fixed,
                    target: false
                }
            ];
        }
        // aws:PrincipalArn of a role session is its role's ARN (global condition keys, AWS docs).
        const name = arn.split('/').at(-1);
        const target = arn === targetArn;
        return [session, ...(sessions.get(arn) ?? [])].map((session) => ({
            kind: 'role',
            principal: { AWS: `arn:${partition}:sts::${account}:assumed-role/${name}/${session}` },
            name: arn,
            account,
            actions: [ASSUME_ROLE],
            fixed: target ? { ...fixed, ...TARGET_KEYS } : fixed,
            target
        }));
    });
}
/** Two role ARNs of one account whose role names differ at most in letter case. */
function sameRoleName(a, b) {
    const role = (arn) => /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
    const [x, y] = [role(a), role(b)];
    return !!x && !!y && x[1] === y[1] && x[2].toLowerCase() === y[2].toLowerCase();
}

;// CONCATENATED MODULE: ./src/iam-policy/target-decision.ts
// The target of the trust check: IBM's regional role (any of its sessions) with this org's
// external ID, through sts:AssumeRole. It must be allowed under every value of the keys the
// runner cannot know; denied under every value is a failure; anything else cannot be evaluated.
// Each answer comes from assignment-search.ts: "allowed everywhere" is "no assignment under
// which every Allow fails or some Deny may apply", and so on.



function decideTarget(trust, runs, labels, budget, keyNames) {
    if (runs.length === 0) {
        const reason = "IBM's principal is not a role ARN in the role's partition";
        return { decision: 'cannot-evaluate', statements: [], dependsOn: [], reason };
    }
    const results = runs.map(run => decideRun(run, budget));
    const request = (run, assignment) => ({
        principal: run.candidate.principal,
        action: 'sts:AssumeRole',
        context: contextOf(run.fixed, assignment)
    });
    const exceeded = results.find(r => r.exceeded);
    if (exceeded) {
        const reason = 'too many requests to evaluate (budget exceeded)';
        return { decision: 'cannot-evaluate', statements: [], dependsOn: [], reason };
    }
    const allowedBy = [...new Set(results.flatMap(r => r.allowedBy.map(i => labels[i])))];
    if (results.every(r => !r.notAllowed)) {
        const reason = `allowed by ${allowedBy.map(l => `"${l}"`).join(', ')}`;
        return { decision: 'allowed', statements: allowedBy, dependsOn: [], reason };
    }
    const notDenied = results.findIndex(r => r.notDenied);
    if (notDenied === -1) {
        const i = results.findIndex(r => r.notAllowed);
        const evaluation = evaluateResourcePolicy(trust, request(runs[i], results[i].notAllowed));
        return {
            decision: 'denied',
            statements: evaluation.statements,
            dependsOn: [],
            reason: evaluation.reason
        };
    }
    const keys = [...new Set(runs.flatMap(run => [...run.spaces.keys()]))];
    const names = keys.map(k => keyNames.get(k) ?? k);
    // Differing answers between sessions with no key involved: the session name decides.
    if (names.length === 0)
        names.push('the role session name');
    const unknownWhy = results.map(r => r.unknown).find(Boolean);
    const reason = unknownWhy ?? `allowed for some values of ${names.join(', ')} only`;
    const i = results.findIndex(r => r.notAllowed);
    return {
        decision: 'cannot-evaluate',
        statements: allowedBy,
        dependsOn: names,
        reason,
        examples: {
            allowed: request(runs[notDenied], results[notDenied].notDenied),
            notAllowed: request(runs[i], results[i].notAllowed)
        }
    };
}
function decideRun(run, budget) {
    const keys = [...run.spaces.keys()];
    let exceeded = false;
    const search = (goals) => {
        const result = searchAssignment(keys, run.spaces, goals, budget);
        if ('exceeded' in result)
            exceeded = true;
        return 'found' in result ? result.found : undefined;
    };
    const first = (tries) => {
        for (const goals of tries) {
            const found = search(goals);
            if (found)
                return found;
        }
        return exceeded ? 'exceeded' : undefined;
    };
    const goal = (part, want) => ({ conjunction: part.conjunction, want });
    // Not allowed: every Allow fails somewhere at once, or some Deny may apply.
    const notAllowed = first([
        run.allows.map(a => goal(a, 'not-true')),
        ...run.denies.map(d => [goal(d, 'not-false')])
    ]);
    // Not denied: some Allow may apply while no Deny certainly does.
    const notDenied = first(run.allows.map(a => [goal(a, 'not-false'), ...run.denies.map(d => goal(d, 'not-true'))]));
    const allowedBy = run.allows
        .filter(a => search([goal(a, 'true'), ...run.denies.map(d => goal(d, 'false'))]))
        .map(a => a.index);
    const all = [...run.allows, ...run.denies].map(p => p.conjunction);
    const unknown = [notAllowed, notDenied]
        .map(found => (typeof found === 'object' ? unknownReason(all, found) : undefined))
        .find(Boolean);
    return {
        notAllowed: typeof notAllowed === 'object' ? notAllowed : undefined,
        notDenied: typeof notDenied === 'object' ? notDenied : undefined,
        allowedBy,
        unknown,
        exceeded
    };
}

;// CONCATENATED MODULE: ./src/iam-policy/ways-in.ts
// The result of the trust analysis as typed data: the target's decision, every way in other
// than the target request (grouped by statement, principal as written, external-ID situation
// and condition; the kinds of caller that get in are listed in each group), what could not be decided, and the verdict those make together.
// Declared extra principals (`accepted`) mark their ways in as accepted; `*`, NotPrincipal and
// IBM's own principal with another or no external ID never are. Another published API Connect
// principal (`apiConnectPrincipals`) with exactly this org's external ID is API Connect for this
// org in another region; with any other external ID, or none, it is IBM's principal let in wrongly.




/** The external ID's condition key, as the request context holds it (lower case). */
const EXTERNAL_ID = 'sts:externalid';
const ways_in_SHOWN = 3;
function assembleWaysIn(target, options, findings, undecided, targetDecision) {
    const partition = options.roleArn.split(':')[1] ?? 'aws';
    const normal = (p) => /^\d{12}$/.test(p.trim()) ? `arn:${partition}:iam::${p.trim()}:root` : p.trim();
    const accepted = new Set((options.accepted ?? []).map(normal));
    const published = new Set(options.apiConnectPrincipals ?? []);
    const groups = new Map();
    for (const finding of findings) {
        const written = writtenPrincipal(finding);
        // A session of a published API Connect role (the caller is named by its role).
        const { candidate } = finding;
        const apiConnectRole = finding.action === ASSUME_ROLE &&
            (candidate.target || (candidate.kind === 'role' && published.has(candidate.name)));
        const { situation, ids } = externalIdOf(finding, target.externalId);
        const apiConnect = apiConnectRole && !candidate.target && situation === 'this-org';
        const ibm = apiConnectRole && !apiConnect;
        const { condition, dependsOn } = conditionOf(finding);
        const principal = written.entries.join(', ') || written.text;
        const key = [finding.label, principal, situation, condition, ibm, apiConnect].join('|');
        const group = groups.get(key) ?? {
            statement: finding.label,
            principal: written.text,
            kind: finding.candidate.kind,
            kinds: [],
            examples: [],
            actions: [],
            externalId: situation,
            externalIds: [],
            ...(condition ? { condition } : {}),
            dependsOn,
            ibmOtherExternalId: ibm,
            apiConnect,
            accepted: !ibm && !apiConnect && written.entries.some(e => accepted.has(normal(e))),
            witness: finding.request
        };
        addUnique(group.kinds, [finding.candidate.kind], Infinity);
        addUnique(group.examples, [finding.candidate.name]);
        addUnique(group.actions, [finding.action], Infinity);
        addUnique(group.externalIds, ids);
        groups.set(key, group);
    }
    const target_ = targetDecision ?? {
        decision: 'cannot-evaluate',
        statements: [],
        dependsOn: [],
        reason: undecided[0] ?? 'not analysed'
    };
    return { target: target_, waysIn: [...groups.values()], undecided };
}
/** Passes only when the target is allowed, every way in is accepted, and nothing is undecided. */
function trustVerdict(analysis) {
    const failing = analysis.waysIn.filter(w => !w.accepted && !w.apiConnect);
    if (analysis.target.decision === 'denied' || failing.length > 0)
        return { verdict: 'fail', failing };
    if (analysis.target.decision !== 'allowed' || analysis.undecided.length > 0) {
        return { verdict: 'cannot-evaluate', failing };
    }
    return { verdict: 'pass', failing };
}
/** The entries of the statement's principal element that let this caller in. */
function writtenPrincipal(finding) {
    const { statement, candidate } = finding;
    if (statement.NotPrincipal !== undefined) {
        return {
            text: `everyone except ${principalValues(statement.NotPrincipal).join(', ')}`,
            entries: []
        };
    }
    const element = statement.Principal;
    if (element === '*')
        return { text: '*', entries: [] };
    const caller = callerOf(candidate.principal);
    const entries = [];
    if (typeof element === 'object' && element !== null && !isUnknown(caller)) {
        for (const [kind, values] of Object.entries(element)) {
            for (const value of [values].flat()) {
                if (typeof value !== 'string')
                    continue;
                if (kind === 'AWS' && value === '*')
                    return { text: '*', entries: [] };
                if (principalMatches({ [kind]: value }, caller) !== false)
                    entries.push(value);
            }
        }
    }
    return { text: entries.join(', ') || principalValues(element).join(', '), entries };
}
function externalIdOf(finding, ours) {
    if (finding.action !== ASSUME_ROLE)
        return { situation: 'not-applicable', ids: [] };
    const values = finding.externalIds;
    if (!values)
        return { situation: 'any', ids: [] };
    const shown = (v) => (v === undefined ? '(none)' : String(v));
    if (values.some(v => v === finding.freshExternalId))
        return { situation: 'any', ids: [] };
    if (values.every(v => v === undefined))
        return { situation: 'none', ids: ['(none)'] };
    if (values.every(v => v === ours))
        return { situation: 'this-org', ids: [ours] };
    return { situation: 'another', ids: [...new Set(values.filter(v => v !== ours).map(shown))] };
}
/** Under which values of the unknown keys the way in works: undefined when under all of them. */
function conditionOf(finding) {
    if (finding.unconditional)
        return { dependsOn: [] };
    const varying = new Set(finding.varying.filter(k => k !== EXTERNAL_ID));
    const named = (k) => finding.keyNames.get(k) ?? k;
    const words = (statement) => clauses(statement)
        .filter(([, key]) => varying.has(key.toLowerCase()))
        .map(([op, key, values]) => `${key} ${op} ${JSON.stringify(values.length === 1 ? values[0] : values)}`);
    const when = words(finding.statement);
    const unless = finding.denies
        .map(d => ({ label: d.label, words: words(d.statement) }))
        .filter(d => d.words.length > 0)
        .map(d => `unless "${d.label}" denies it (${d.words.join(' and ')})`);
    const parts = [...(when.length ? [`when ${when.join(' and ')}`] : []), ...unless];
    return {
        condition: parts.join(', ') || 'for some values of the unknown keys',
        dependsOn: [...varying].map(named)
    };
}
function addUnique(list, items, max = ways_in_SHOWN) {
    for (const item of items)
        if (!list.includes(item) && list.length < max)
            list.push(item);
}

;// CONCATENATED MODULE: ./src/iam-policy/who-can-assume.ts
// "Who can assume this role": decides a trust policy over the whole request space — every
// caller, every sts:AssumeRole* action, every value of every condition key, "absent" included —
// rather than over a few sample requests.
//
// Technique. A policy's answer can only change at the constants the policy itself mentions. So
// a finite universe decides it exactly: the callers of principal-space.ts (one of every kind of
// principal the policy could tell apart, fresh ones included), and for each condition key the
// trial values of request-space.ts (one per combination of constants matched, plus absent). Keys
// IAM sets itself are fixed as IAM sets them (aws:CurrentTime and aws:EpochTime = now,
// aws:SecureTransport = true, and for an AWS caller aws:PrincipalArn, aws:PrincipalAccount and
// aws:PrincipalType); every other key — aws:SourceIp, aws:PrincipalOrgID, tags, session name,
// provider claims... — is unknown and ranges over all its trial values.
//
// A way in is a caller, an action and one Allow statement that applies while no Deny does, for
// some assignment of the unknown keys: assignment-search.ts finds one without enumerating the
// combinations (for a fixed caller, each statement is a conjunction of per-key parts). IBM's
// principal with this org's external ID is the target (target-decision.ts), which must be
// allowed under every assignment of the unknown keys. Whatever the evaluator cannot decide (an
// unknown operator, a policy variable, a CanonicalUser, a budget exceeded) is reported as
// undecided: it can make the verdict "cannot evaluate", never "allowed".
//
// Sound rather than complete where IAM does not document a key: for a service or a federated
// caller, aws:PrincipalArn, aws:PrincipalAccount and aws:PrincipalType are unknown, so a way in
// that needs them is reported. The analysis never says "nobody else" when someone can.










const ACTIONS = [ASSUME_ROLE, WEB_IDENTITY, SAML];
const PRINCIPAL_ARN = 'aws:principalarn';
/** IAM principal ARNs told apart from other values of aws:PrincipalArn (see callerSpace). */
const SHAPES = [
    'arn:*:iam::*:role/*',
    'arn:*:iam::*:user/*',
    'arn:*:iam::*:root',
    'arn:*:sts::*:*'
].map(shape => ({
    tokens: globTokens(shape, { wildcards: true, noColon: true, ignoreCase: true })
}));
function whoCanAssume(trust, target, options) {
    const undecided = [];
    const statements = asList(trust.Statement);
    const records = statements.filter(isRecord);
    if (!('Statement' in trust) || records.length !== statements.length) {
        return assembleWaysIn(target, options, [], ['the trust policy has no usable Statement list'], undefined);
    }
    const variables = trust.Version === '2012-10-17';
    const keys = keyUses(records, variables);
    const [partition, , , ownAccount] = options.roleArn.split(':').slice(1);
    const budget = { left: options.budget ?? 200_000 };
    const candidates = principalSpace({
        statements: records,
        partition: partition ?? 'aws',
        ownAccount: ownAccount ?? '',
        targetArn: target.principalArn,
        keys,
        budget: 20_000
    });
    if ('undecided' in candidates) {
        return assembleWaysIn(target, options, [], [candidates.undecided], undefined);
    }
    const spaces = new Map();
    const space = (key) => {
        if (!spaces.has(key)) {
            const extra = key === EXTERNAL_ID ? [target.externalId] : key === PRINCIPAL_ARN ? SHAPES : [];
            spaces.set(key, keySpace(key, keys.get(key), extra));
        }
        return spaces.get(key);
    };
    const keyNames = new Map([...keys].map(([k, use]) => [k, use.name]));
    const statementKeys = records.map(s => [...new Set(clauses(s).map(([, k]) => k.toLowerCase()))]);
    const labels = records.map((s, i) => typeof s.Sid === 'string' && s.Sid ? s.Sid : `Statement[${i}]`);
    // An anonymous request carries none of the principal's keys (aws:PrincipalOrgID, tags...).
    const principalKeys = [...keys.keys()].filter(k => /^aws:(principal|userid$|username$)/.test(k));
    const anonymous = Object.fromEntries(principalKeys.map(k => [k, undefined]));
    const always = requestTimeKeys(options.now);
    const fixedFor = (candidate, action) => ({
        ...always,
        ...(candidate.kind === 'anonymous' ? anonymous : {}),
        ...candidate.fixed,
        // Only AssumeRole takes an external ID.
        ...(action === ASSUME_ROLE ? {} : { [EXTERNAL_ID]: undefined })
    });
    const parts = records.map(r => conditionParts(r.Condition, variables));
    const findings = [];
    const targetRuns = [];
    for (const candidate of candidates) {
        for (const action of candidate.actions.filter(a => ACTIONS.includes(a))) {
            const fixed = fixedFor(candidate, action);
            const base = statementOutcomes(trust, {
                principal: candidate.principal,
                action,
                context: contextOf(fixed)
            });
            if (isUnknown(base)) {
                undecided.push(`${candidate.name}: ${base.unknown}`);
                continue;
            }
            const relevant = base.flatMap((o, i) => o.principal !== false && o.action !== false ? [i] : []);
            const as = (i, effect, keys = fixed) => conjunctionOf(headOf(base[i], effect), parts[i], keys);
            const allows = relevant.filter(i => base[i].effect !== 'Deny');
            const denies = relevant.filter(i => base[i].effect !== 'Allow');
            const problem = relevant
                .map(i => statementProblem(records[i], labels[i], keys, variables))
                .find(Boolean);
            if (problem && allows.length > 0) {
                undecided.push(problem);
                continue;
            }
            const varying = [...new Set(relevant.flatMap(i => statementKeys[i]))].filter(k => !(k in fixed));
            const spaces = spacesOf(varying, space);
            if ('undecided' in spaces) {
                if (allows.length > 0)
                    undecided.push(`${candidate.name} (${action}): ${spaces.undecided}`);
                continue;
            }
            const spaceMap = new Map(varying.map((k, i) => [k, callerSpace(candidate, k, spaces[i])]));
            const isTarget = candidate.target && action === ASSUME_ROLE;
            if (isTarget) {
                const withId = { ...fixed, [EXTERNAL_ID]: target.externalId };
                targetRuns.push({
                    candidate,
                    fixed: withId,
                    allows: allows.map(i => ({ index: i, conjunction: as(i, 'Allow', withId) })),
                    denies: denies.map(i => ({ index: i, conjunction: as(i, 'Deny', withId) })),
                    spaces: new Map([...spaceMap].filter(([k]) => k !== EXTERNAL_ID))
                });
            }
            for (const s of allows) {
                const others = denies.filter(d => d !== s);
                const found = waysThrough(as(s, 'Allow'), others.map(d => as(d, 'Deny')), spaceMap, budget, isTarget ? target.externalId : undefined);
                const where = `${labels[s]} for ${candidate.name} (${action})`;
                if ('undecided' in found) {
                    undecided.push(`${where}: ${found.undecided}`);
                    continue;
                }
                if (!found.assignment)
                    continue;
                findings.push({
                    statement: records[s],
                    label: labels[s],
                    candidate,
                    action,
                    request: {
                        principal: candidate.principal,
                        action,
                        context: contextOf(fixed, found.assignment)
                    },
                    externalIds: found.externalIds,
                    freshExternalId: spaceMap.get(EXTERNAL_ID)?.fresh,
                    unconditional: found.unconditional,
                    varying: [...new Set([s, ...others].flatMap(i => statementKeys[i]))].filter(k => !(k in fixed)),
                    keyNames,
                    denies: others.map(d => ({ statement: records[d], label: labels[d] }))
                });
            }
        }
    }
    const decided = decideTarget(trust, targetRuns, labels, budget, keyNames);
    return assembleWaysIn(target, options, findings, [...new Set(undecided)], decided);
}
/** A statement's constant part for one effect: its Effect, principal and action. */
function headOf(outcome, effect) {
    const valid = outcome.effect === effect
        ? true
        : outcome.effect === 'unknown'
            ? unknown('the statement has no valid Effect')
            : false;
    return allOf([valid, outcome.principal, outcome.action]);
}
/**
 * Whether an Allow lets the caller in while no Deny applies, for which external IDs, and
 * whether under every value of the other unknown keys. `skipId`: the target's own ID.
 */
function waysThrough(allow, denies, spaces, budget, skipId) {
    const keys = [...new Set([allow, ...denies].flatMap(c => [...c.parts.keys()]))];
    const ids = keys.includes(EXTERNAL_ID)
        ? spaces.get(EXTERNAL_ID).values.filter(v => skipId === undefined || v !== skipId)
        : [undefined];
    const withId = (id) => keys.includes(EXTERNAL_ID) ? new Map([...spaces, [EXTERNAL_ID, { values: [id] }]]) : spaces;
    const search = (goals, id) => searchAssignment(keys, withId(id), goals, budget);
    const definite = [
        { conjunction: allow, want: 'true' },
        ...denies.map((d) => ({ conjunction: d, want: 'false' }))
    ];
    let assignment;
    const externalIds = [];
    let unconditional = false;
    for (const id of ids) {
        const result = search(definite, id);
        if ('exceeded' in result)
            return { undecided: 'too many requests to evaluate (budget exceeded)' };
        if (!('found' in result))
            continue;
        assignment ??= result.found;
        externalIds.push(id);
        // Under every value of the other keys: the Allow never fails, no Deny ever applies.
        unconditional ||= [
            [{ conjunction: allow, want: 'not-true' }],
            ...denies.map(d => [{ conjunction: d, want: 'not-false' }])
        ].every(goals => 'none' in search(goals, id));
    }
    if (assignment) {
        return {
            assignment,
            externalIds: keys.includes(EXTERNAL_ID) ? externalIds : undefined,
            unconditional
        };
    }
    const possible = [
        { conjunction: allow, want: 'not-false' },
        ...denies.map((d) => ({ conjunction: d, want: 'not-true' }))
    ];
    for (const id of ids) {
        const result = search(possible, id);
        if ('found' in result) {
            return { undecided: unknownReason([allow, ...denies], result.found) ?? 'cannot be decided' };
        }
    }
    return { unconditional: false };
}
/** An IAM principal's ARN (role, user, root, STS session), in any letter case. */
const IAM_PRINCIPAL_ARN = /^arn:[^:]*:(iam::[^:]*:(role\/[^:]*|user\/[^:]*|root)|sts::[^:]*:[^:]*)$/i;
/**
 * A key's values for one caller. A service principal or a federated caller never carries an IAM
 * principal's ARN as aws:PrincipalArn (it holds the ARN of the IAM role, user, STS federated user
 * or root that makes a signed request: AWS global condition context keys), so a `"*"` pinned to
 * IBM's role by aws:PrincipalArn lets no service or provider in.
 */
function callerSpace(candidate, key, space) {
    const other = candidate.kind === 'service' || candidate.kind === 'web-identity' || candidate.kind === 'saml';
    if (!other || key !== PRINCIPAL_ARN)
        return space;
    const values = space.values.filter(v => typeof v !== 'string' || !IAM_PRINCIPAL_ARN.test(v));
    return { values, fresh: values.includes(space.fresh) ? space.fresh : undefined };
}
/** A construct the enumeration does not model, in a statement that matters. */
function statementProblem(statement, label, keys, variables) {
    const principal = statement.Principal ?? statement.NotPrincipal;
    if (typeof principal === 'object' && principal !== null && 'CanonicalUser' in principal) {
        return `${label} names a CanonicalUser principal, which the analysis cannot resolve`;
    }
    const variable = clauses(statement).find(([, key]) => keys.get(key.toLowerCase())?.variable);
    if (variables && variable) {
        return `${label} compares ${variable[1]} with a policy variable: not analysed`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/iam-policy/only-invoke.ts
// "The role can do nothing but invoke": whether a role's identity policies (with its permissions
// boundary as a limit) allow any action other than invoking Lambda functions, decided over the
// whole action × resource space rather than over sample requests.
//
// Actions and resources are strings matched by patterns, so a finite set of witnesses stands for
// all of them (string-witnesses.ts): one action per combination of the policies' Action/NotAction
// patterns it matches, one resource per combination of their Resource/NotResource patterns. Each
// witness pair is put to the library's own statement matcher (statement.ts), so the analysis reads
// patterns exactly as the evaluator does. Conditions count as "could be true" on an Allow and
// "could be false" on a Deny: only an unconditional Deny (or the boundary) takes an action away.
// A statement the matcher cannot read leaves the answer undecided, never passed.



/** What an API Connect role needs: invoking functions (IAM's actions for Invoke, InvokeAsync and function URLs). */
const INVOKE_ACTIONS = [
    'lambda:InvokeFunction',
    'lambda:InvokeAsync',
    'lambda:InvokeFunctionUrl'
];
const DEFAULT_BUDGET = 100_000;
const INVOKE = new Set(INVOKE_ACTIONS.map(a => a.toLowerCase()));
function canOnlyInvoke(input, options = {}) {
    const budget = options.budget ?? DEFAULT_BUDGET;
    const docs = [
        ...input.policies.map((p, i) => docOf(p, `policy ${i + 1}`, false)),
        ...(input.boundary ? [docOf(input.boundary, 'the permissions boundary', true)] : [])
    ];
    const statements = docs.flatMap(d => statementsOf(d.document));
    const actionPatterns = unique(statements.flatMap(s => patterns(s, 'Action', 'NotAction')));
    const actions = stringWitnesses([...actionPatterns, ...INVOKE].map(p => ({
        tokens: globTokens(p.toLowerCase(), { wildcards: true })
    })), { budget });
    if ('exceeded' in actions)
        return undecided(`the policies' actions: ${actions.exceeded}`);
    const request = (action, resource) => ({
        principal: { AWS: options.roleArn ?? 'arn:aws:iam::000000000000:role/r' },
        action,
        resource
    });
    const judge = (action, resource) => {
        const setup = prepare(request(action, resource));
        if (!('caller' in setup))
            return [];
        return docs.flatMap(d => evaluateDocument(d.document, { prefix: d.prefix }, 'identity', request(action, resource), setup).map(result => ({ result, boundary: d.boundary })));
    };
    const found = new Map();
    const doubts = new Set();
    let definite = false;
    const resourceCache = new Map();
    for (const { value: action } of actions.witnesses) {
        if (INVOKE.has(action))
            continue;
        // Resources only matter through the statements that may match this action.
        const relevant = judge(action, '*').filter(j => j.result.match?.action !== false);
        if (!relevant.some(j => !j.boundary && j.result.effect !== 'Deny'))
            continue;
        const resources = resourceWitnesses(relevant, resourceCache, budget);
        if ('exceeded' in resources)
            return undecided(`the policies' resources: ${resources.exceeded}`);
        for (const resource of resources) {
            const judged = judge(action, resource);
            const allows = judged.filter(j => !j.boundary && mayAllow(j.result));
            const boundary = judged.filter(j => j.boundary);
            const bounded = boundary.length === 0 ? undefined : boundary.filter(j => mayAllow(j.result));
            if (allows.length === 0 || bounded?.length === 0)
                continue;
            if (judged.some(j => certainlyDenies(j.result)))
                continue;
            const firm = allows.some(j => isFirm(j.result)) &&
                (bounded === undefined || bounded.some(j => isFirm(j.result))) &&
                !judged.some(j => j.result.effect !== 'Allow' && unknownParts(j.result));
            if (firm)
                definite = true;
            for (const j of allows) {
                if (!isFirm(j.result))
                    doubts.add(`${j.result.label}: ${whyUnknown(j.result)}`);
                const entry = found.get(j.result.label) ?? { result: j.result, actions: new Set() };
                entry.actions.add(action);
                found.set(j.result.label, entry);
            }
        }
    }
    const beyond = [...found.values()].map(({ result, actions }) => describeBeyond(result, actions));
    if (definite)
        return { decision: 'more', beyond, undecided: [...doubts] };
    if (beyond.length > 0)
        return { decision: 'cannot-evaluate', beyond, undecided: [...doubts] };
    return { decision: 'only-invoke', beyond: [], undecided: [] };
}
function docOf(policy, fallback, boundary) {
    const named = isRecord(policy) && 'document' in policy && typeof policy.name === 'string';
    return named
        ? { document: policy.document, prefix: policy.name, boundary }
        : { document: policy, prefix: fallback, boundary };
}
function statementsOf(document) {
    if (!isRecord(document))
        return [];
    const list = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    return list.filter(isRecord);
}
function patterns(statement, ...keys) {
    return keys
        .map(k => statement[k])
        .flatMap(v => (Array.isArray(v) ? v : v === undefined ? [] : [v]))
        .filter((p) => typeof p === 'string');
}
const unique = (list) => [...new Set(list)];
/**
 * Resources that decide every Resource/NotResource of these statements, whichever way a `*`
 * ending an ARN segment is read (within the segment, or beyond its colons): the patterns enter
 * both as ARN components and as plain globs, with "is an ARN" and "has six components" beside.
 */
function resourceWitnesses(relevant, cache, budget) {
    const all = unique(relevant.flatMap(j => patterns(j.result.match?.statement ?? {}, 'Resource', 'NotResource'))).sort();
    const key = all.join('\n');
    const cached = cache.get(key);
    if (cached)
        return cached;
    const comparisons = [
        { tokens: globTokens('arn:*', { wildcards: true }) },
        { tokens: globTokens('arn:*:*:*:*:*', { wildcards: true }) }
    ];
    for (const pattern of all) {
        if (pattern === '*')
            continue;
        comparisons.push({ tokens: globTokens(pattern, { wildcards: true }) });
        comparisons.push({ tokens: arnTokens(pattern) });
        const parts = pattern.split(':').length;
        if (parts < 6)
            comparisons.push({ tokens: arnTokens(pattern + ':*'.repeat(6 - parts)) });
    }
    const found = stringWitnesses(comparisons, { budget });
    // A request's resource is `*`, a name, or a whole ARN: never "arn:" with fewer components.
    const answer = 'exceeded' in found
        ? found
        : unique(found.witnesses.filter(w => !w.matches[0] || w.matches[1]).map(w => w.value));
    cache.set(key, answer);
    return answer;
}
/** An Allow (or a statement of unreadable Effect) whose action and resource may match. */
function mayAllow(result) {
    if (result.effect === 'Deny')
        return false;
    if (!result.match)
        return result.applies !== false;
    return result.match.action !== false && result.match.resource !== false;
}
/** A Deny that applies to the request whatever its context: no Condition, every part matching. */
function certainlyDenies(result) {
    const m = result.match;
    return (result.effect === 'Deny' &&
        m !== undefined &&
        m.statement.Condition === undefined &&
        m.principal === true &&
        m.action === true &&
        m.resource === true);
}
/** An Allow whose elements all match for certain (its Condition aside: it may be true). */
function isFirm(result) {
    const m = result.match;
    return (result.effect === 'Allow' &&
        m !== undefined &&
        m.principal === true &&
        m.action === true &&
        m.resource === true);
}
function unknownParts(result) {
    const m = result.match;
    if (!m)
        return true;
    return [m.principal, m.action, m.resource].some(p => typeof p === 'object');
}
function whyUnknown(result) {
    const m = result.match;
    const parts = m ? [m.principal, m.action, m.resource] : [result.applies];
    for (const part of parts) {
        if (isUnknown(part))
            return part.unknown;
        if (isRecord(part) && isUnknown(part.invalid))
            return part.invalid.unknown;
    }
    return isUnknown(result.applies) ? result.applies.unknown : 'cannot evaluate';
}
function describeBeyond(result, actions) {
    const statement = result.match?.statement ?? {};
    const conditional = statement.Condition !== undefined;
    if (statement.NotAction !== undefined) {
        const list = patterns(statement, 'NotAction');
        return { statement: result.label, actions: [`NotAction: ${list.join(', ')}`], conditional };
    }
    const matching = patterns(statement, 'Action').filter(p => [...actions].some(a => globMatch(p, a) !== false));
    return { statement: result.label, actions: matching.length ? matching : ['?'], conditional };
}
const globMatch = (pattern, action) => globMatches(pattern, action, new Map(), { wildcards: true, variables: false, ignoreCase: true });
function undecided(why) {
    return { decision: 'cannot-evaluate', beyond: [], undecided: [why] };
}

;// CONCATENATED MODULE: ./src/iam-policy/index.ts
// The IAM policy library's public surface: read a policy, evaluate a request against it, decide
// who can assume a role over the whole request space, decide an invoke over unknown keys, and the
// words for a way in. Everything else in this folder is its inside.








// EXTERNAL MODULE: ./src/inputs/api-connect-regions.ts
var api_connect_regions = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/verify/checks.ts
// The STS dry run's decisions, pure: who can assume the role (decided over the whole request
// space by iam-policy/who-can-assume.ts, not over samples), whether the role may invoke the
// function, and how each answer becomes a check in the report.


const CAN_ASSUME = 'API Connect can assume the role';
const NOBODY_ELSE = 'Nobody else can assume the role';
const ONLY_INVOKE = 'The role can do nothing but invoke';
const ONLY_INVOKE_EXPECTED = 'no action but lambda:InvokeFunction, lambda:InvokeAsync, lambda:InvokeFunctionUrl';
const NO_OTHER_WAY = 'no other way in';
function trustChecks(trust, question, method) {
    const { principalArn, externalId, roleArn, accepted, now } = question;
    const analysis = whoCanAssume(trust, { principalArn, externalId }, { roleArn, now, accepted, apiConnectPrincipals: api_connect_regions/* PUBLISHED_PRINCIPALS */.Lh });
    const { target, waysIn, undecided } = analysis;
    const { failing } = trustVerdict(analysis);
    const declared = waysIn.filter(way => way.accepted);
    const declaredText = declared.length
        ? `; declared in accepted-principals: ${declared.map(describeWayIn).join('; ')}`
        : '';
    return [
        {
            name: CAN_ASSUME,
            expected: 'allowed',
            actual: target.decision === 'allowed'
                ? `allowed${regionsText(principalArn, waysIn)}`
                : `${target.decision}: ${target.reason}`,
            status: { allowed: 'pass', denied: 'fail', 'cannot-evaluate': 'undecided' }[target.decision],
            method
        },
        {
            name: NOBODY_ELSE,
            expected: NO_OTHER_WAY,
            actual: failing.length
                ? `${failing.map(describeWayIn).join('; ')}. ${advice(failing)}${declaredText}`
                : undecided.length
                    ? `cannot evaluate: ${undecided.join('; ')}${declaredText}`
                    : `${NO_OTHER_WAY}${declaredText}`,
            status: failing.length ? 'fail' : undecided.length ? 'undecided' : 'pass',
            method,
            ...(waysIn.length ? { waysIn } : {})
        }
    ];
}
/**
 * Each API Connect region that can assume the role, when more than this run's: one role may serve
 * several regions, each through its published principal with this org's external ID.
 */
function regionsText(principalArn, waysIn) {
    const others = waysIn
        .filter(way => way.apiConnect)
        .map(way => (0,api_connect_regions/* regionOfPrincipal */.OD)(way.principal) ?? way.principal);
    if (!others.length)
        return '';
    const own = (0,api_connect_regions/* regionOfPrincipal */.OD)(principalArn) ?? principalArn;
    const regions = [...new Set([`${own} (this run's)`, ...others])];
    return `; API Connect regions that can assume the role with this org's external ID: ${regions.join(', ')}`;
}
/** What to do about the ways in that fail. */
function advice(failing) {
    const ibm = failing.some(way => way.ibmOtherExternalId);
    const others = failing.some(way => !way.ibmOtherExternalId);
    return [
        ibm &&
            "Remove the statements that let IBM's principal in with another or no external ID: a role trusts one provider org per API Connect principal.",
        others &&
            'Remove the other statements (or principals), or list the principals the role trusts on purpose in accepted-principals.'
    ]
        .filter(Boolean)
        .join(' ');
}
/**
 * `lambda:InvokeFunction` on each ARN, evaluated locally over the role's policies for every value
 * of the keys the runner cannot know.
 */
function localInvokeChecks(roleArn, policies, boundary, resources, method, now, known = {}) {
    const { functionPolicies, ...keys } = known;
    return resources.map(resource => {
        const functionPolicy = functionPolicies?.get(resource);
        const evaluation = decideInvoke({ policies, boundary, ...(functionPolicy ? { functionPolicy } : {}) }, { roleArn, resource, now, ...keys });
        return checkFrom(invokeCheckName(resource), 'allowed', evaluation.decision, method, evaluation.reason);
    });
}
function checkFrom(name, mustBe, decision, method, why = '') {
    const denied = decision === 'explicit-deny' || decision === 'implicit-deny';
    const pass = mustBe === 'allowed' ? decision === 'allowed' : denied;
    return {
        name,
        expected: mustBe,
        actual: why ? `${decision}: ${why}` : decision,
        status: decision === 'cannot-evaluate' ? 'undecided' : pass ? 'pass' : 'fail',
        method
    };
}
const invokeCheckName = (resource) => `Role may invoke ${resource}`;
/**
 * Every check that needs the role, when it cannot be read: failed when it does not exist,
 * undecided when it could not be read.
 */
function roleUnreadChecks(resources, why, status) {
    const names = [
        [CAN_ASSUME, 'allowed'],
        [NOBODY_ELSE, NO_OTHER_WAY],
        ...resources.map(r => [invokeCheckName(r), 'allowed']),
        [ONLY_INVOKE, ONLY_INVOKE_EXPECTED]
    ];
    return names.map(([name, expected]) => ({
        name: name,
        expected: expected,
        actual: why,
        status,
        method: 'GetRole'
    }));
}
const withStatus = (checks, status) => checks.filter(c => c.status === status);
/** A failed check makes `false`; else an undecided one `undecided`; else an extra not run `incomplete`. */
function verdictOf(checks) {
    if (withStatus(checks, 'fail').length)
        return 'false';
    if (withStatus(checks, 'undecided').length)
        return 'undecided';
    if (withStatus(checks, 'not-checked').length)
        return 'incomplete';
    return 'true';
}

;// CONCATENATED MODULE: ./src/report/verdict.ts
// How the checks end the step: a failed or undecided check fails it (or warns), an extra not run warns.


/**
 * A failed or undecided check fails the step under `verify: fail` (a warning under `warn`); an
 * optional extra that could not run is a warning.
 */
function reportVerdict(verify, checks) {
    const list = (cs) => cs.map(c => `${c.name} (expected ${c.expected}, got ${c.actual})`).join('; ');
    const failures = withStatus(checks, 'fail');
    const undecided = withStatus(checks, 'undecided');
    const problems = [
        ...(failures.length ? [`Verification failed: ${list(failures)}`] : []),
        ...(undecided.length ? [`Verification could not decide: ${list(undecided)}`] : [])
    ];
    if (problems.length) {
        if (verify === 'fail')
            workflow_commands/* setFailed */.C1(problems.join('\n'));
        else
            workflow_commands/* warning */.$e(problems.join('\n'));
    }
    const notRun = withStatus(checks, 'not-checked');
    if (notRun.length)
        workflow_commands/* warning */.$e(`Not checked: ${list(notRun)}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/role/documents.ts
// The policy documents of the role API Connect assumes, decided without any AWS call: the trust
// statement, its merge into a live trust policy, the per-function invoke grant, semantic
// comparison and IAM's size quota.

const GRANT_SID = 'ApiConnectInvokeFunction';
/** The one Sid this action gave its trust statement before statements were per principal. */
const LEGACY_TRUST_SID = 'ApiConnectAssumeRole';
const VERSION = '2012-10-17';
/** IAM's default "Role trust policy length" quota; whitespace does not count. */
const TRUST_POLICY_QUOTA = 2048;
/**
 * Our statement's identity in a trust policy shared with others is its principal: one statement
 * per IBM principal, so jobs for two API Connect regions sharing a role keep each other's trust.
 * IAM wants a Sid unique in the policy and made of [A-Za-z0-9] only, hence a hash.
 */
function trustSid(principalArn) {
    return `ApiConnect${(0,external_node_crypto_.createHash)('sha256').update(principalArn).digest('hex').slice(0, 8)}`;
}
/** Allow the principal to assume the role, only when it presents the external id. */
function apiConnectStatement({ principalArn, externalId }) {
    return {
        Sid: trustSid(principalArn),
        Effect: 'Allow',
        Principal: { AWS: principalArn },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } }
    };
}
function trustPolicy(target) {
    return { Version: VERSION, Statement: [apiConnectStatement(target)] };
}
/** `invoke-NAME@REGION`: per function, so jobs sharing a role never overwrite each other's grant. */
function grantPolicyName(functionName, region) {
    return `invoke-${functionName}@${region}`;
}
/** `lambda:InvokeFunction` on the function and its versions and aliases, nothing else. */
function grantPolicy(functionArn) {
    return {
        Version: VERSION,
        Statement: [
            {
                Sid: GRANT_SID,
                Effect: 'Allow',
                Action: 'lambda:InvokeFunction',
                Resource: [functionArn, `${functionArn}:*`]
            }
        ]
    };
}
const documents_statementsOf = (doc) => list(doc.Statement);
/** IAM counts a policy's characters without whitespace. */
function policySize(doc) {
    return JSON.stringify(doc).replace(/\s/g, '').length;
}
/**
 * Adds or updates our statement for the principal and keeps every other statement. Ours is the
 * one under the principal's Sid (or under the legacy Sid, naming this principal alone): it is
 * replaced in place, so a changed external id never leaves the old one trusted. A statement
 * equivalent to ours under any other Sid counts as present. A statement that trusts the principal
 * without pinning the external id (the confused deputy) loses that principal: the statement is
 * dropped when nothing else is left in it. Other principals someone added to our statement keep
 * what it gave them, in a statement of their own: merging never drops a principal silently.
 */
function mergeTrustPolicy(live, target) {
    const ours = apiConnectStatement(target);
    const sid = ours.Sid;
    const unconditioned = [];
    const open = [];
    const kept = [];
    const replaced = new Set();
    const statements = [];
    let placed = false; // our statement is in `statements`
    let rewritten = false; // …and differs from what the live policy had under our identity
    let equivalent = false; // a statement under another Sid already does the job
    for (const [index, original] of documents_statementsOf(live).entries()) {
        const label = original.Sid ?? `Statement[${index}]`;
        if (isOurs(original, target.principalArn)) {
            const same = sameStatement({ ...original, Sid: sid }, ours);
            if (!same && trustsWithoutExternalId(original, target.principalArn))
                unconditioned.push(label);
            else
                for (const id of externalIdsOf(original))
                    if (id !== target.externalId)
                        replaced.add(id);
            // IAM wants Sids unique: a second statement of ours (legacy and new) is folded into the first.
            if (placed || !same)
                rewritten = true;
            if (!placed)
                statements.push(same ? original : ours);
            placed = true;
            const others = same
                ? undefined
                : original.Principal === '*'
                    ? original
                    : withoutPrincipal(original, target.principalArn);
            if (others) {
                kept.push(...principalsOf(others));
                statements.push({ ...others, Sid: `${sid}Other` });
            }
            continue;
        }
        if (trustsWithoutExternalId(original, target.principalArn)) {
            unconditioned.push(label);
            const narrowed = withoutPrincipal(original, target.principalArn);
            if (narrowed)
                statements.push(narrowed);
            continue;
        }
        if (trustsWithoutExternalId(original, '*'))
            open.push(label);
        // A hand-made copy of our statement (no Sid, or another one) already does the job.
        if (sameStatement({ ...original, Sid: sid }, ours))
            equivalent = true;
        statements.push(original);
    }
    if (!placed && !equivalent)
        statements.push(ours);
    const document = { ...live, Statement: statements };
    return {
        document,
        sid,
        statement: placed ? (rewritten ? 'updated' : 'present') : equivalent ? 'present' : 'added',
        replacedExternalIds: [...replaced],
        unconditioned,
        open,
        kept,
        changed: !policiesEqual(live, document)
    };
}
/** Our statement for the principal: under its Sid, or under the legacy Sid naming it alone. */
function isOurs(statement, principalArn) {
    if (statement.Sid === trustSid(principalArn))
        return true;
    const principals = awsPrincipals(statement);
    return (statement.Sid === LEGACY_TRUST_SID &&
        principals.length > 0 &&
        principals.every(p => p === principalArn));
}
/** The sts:ExternalId values a statement's conditions name, whatever the operator. */
function externalIdsOf(statement) {
    return Object.values(statement.Condition ?? {}).flatMap(keys => Object.entries(keys)
        .filter(([key]) => key.toLowerCase() === 'sts:externalid')
        .flatMap(([, values]) => list(values).map(String)));
}
/**
 * An Allow of sts:AssumeRole whose Principal names `principal` (or is `*` when asked about `*`)
 * with no condition that pins sts:ExternalId to exact values.
 */
function trustsWithoutExternalId(statement, principal) {
    if (statement.Effect !== 'Allow' || !allowsAssumeRole(statement))
        return false;
    if (!awsPrincipals(statement).includes(principal))
        return false;
    return !pinsExternalId(statement);
}
function allowsAssumeRole(statement) {
    const hit = (patterns) => list(patterns).some(pattern => wildcard(pattern).test('sts:AssumeRole'));
    if (statement.Action !== undefined)
        return hit(statement.Action);
    return statement.NotAction !== undefined && !hit(statement.NotAction);
}
function awsPrincipals(statement) {
    const { Principal } = statement;
    if (Principal === '*')
        return ['*'];
    return Principal ? list(Principal.AWS) : [];
}
// Exact-match operators only: IfExists, ForAllValues and wildcards let a request through without
// the right external id.
const PINNING = /^(ForAnyValue:)?String(Equals|EqualsIgnoreCase|Like)$/;
function pinsExternalId(statement) {
    return Object.entries(statement.Condition ?? {}).some(([operator, keys]) => PINNING.test(operator) &&
        Object.entries(keys).some(([key, values]) => key.toLowerCase() === 'sts:externalid' &&
            list(values).length > 0 &&
            list(values).every(v => !(operator.endsWith('Like') && /[*?]/.test(String(v))))));
}
/** Every principal a statement names, as written (`*` for everyone). */
function principalsOf(statement) {
    const { Principal } = statement;
    if (Principal === undefined)
        return [];
    if (Principal === '*')
        return ['*'];
    return Object.values(Principal).flatMap(value => list(value));
}
/** The statement without `principal` among its AWS principals; undefined when nothing is left. */
function withoutPrincipal(statement, principal) {
    const { Principal } = statement;
    if (Principal === undefined || Principal === '*')
        return undefined;
    const aws = list(Principal.AWS).filter(p => p !== principal);
    const rest = Object.fromEntries(Object.entries(Principal).filter(([kind]) => kind !== 'AWS'));
    const narrowed = aws.length === 0 ? rest : { ...rest, AWS: aws.length === 1 ? aws[0] : aws };
    return Object.keys(narrowed).length === 0 ? undefined : { ...statement, Principal: narrowed };
}
// --- semantic comparison ---------------------------------------------------------------------
/**
 * True when two documents mean the same to IAM: key order, whitespace, a single value versus a
 * one-element array, the order of statements and of values, duplicates, the case of actions and
 * condition keys, and a missing Version (IAM reads it as 2008-10-17) do not count.
 */
function policiesEqual(a, b) {
    return canonicalPolicy(a) === canonicalPolicy(b);
}
function canonicalPolicy(doc) {
    const statements = documents_statementsOf(doc).map(canonicalStatement).sort();
    return stableJson({ ...doc, Version: doc.Version ?? '2008-10-17', Statement: statements });
}
const sameStatement = (a, b) => canonicalStatement(a) === canonicalStatement(b);
function canonicalStatement(statement) {
    const out = {};
    for (const [key, value] of Object.entries(statement)) {
        if (value === undefined)
            continue;
        switch (key) {
            case 'Action':
            case 'NotAction':
                out[key] = valueSet(value, v => v.toLowerCase());
                break;
            case 'Resource':
            case 'NotResource':
                out[key] = valueSet(value);
                break;
            case 'Principal':
            case 'NotPrincipal':
                out[key] = value === '*' ? '*' : mapValues(value, v => valueSet(v));
                break;
            case 'Condition':
                out[key] = mapValues(value, keys => Object.fromEntries(Object.entries(keys).map(([k, v]) => [k.toLowerCase(), valueSet(v)])));
                break;
            default:
                out[key] = value;
        }
    }
    return stableJson(out);
}
function valueSet(value, normalize = v => v) {
    return [...new Set(list(value).map(v => normalize(String(v))))].sort();
}
function mapValues(object, fn) {
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));
}
/** JSON with object keys sorted at every level. */
function stableJson(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}
function list(value) {
    if (value === undefined)
        return [];
    return Array.isArray(value) ? value : [value];
}
/** IAM action patterns: `*` and `?`, case-insensitive. */
function wildcard(pattern) {
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i');
}

;// CONCATENATED MODULE: ./src/role/plan.ts


/** The writes of a plan, in order. */
const stepsOf = (plan) => plan.changes.filter((c) => c.action !== 'unchanged');
function desiredRole(ctx) {
    const { settings, provenance, functionArn } = ctx;
    const { role, apiConnect } = settings;
    return {
        name: role.name,
        path: role.path,
        description: role.description,
        defaultDescription: `Assumed by IBM API Connect (${apiConnect.principalArn}) to invoke Lambda functions. ` +
            `Managed by apic-lambda-deploy from ${provenance.repository}.`,
        permissionsBoundary: role.permissionsBoundary,
        tags: role.tags,
        provenanceTags: provenanceTags(provenance),
        trust: { principalArn: apiConnect.principalArn, externalId: apiConnect.externalId },
        functionArn,
        grantName: grantPolicyName(settings.functionName, settings.region),
        grant: grantPolicy(functionArn)
    };
}
/** The writes that turn the live role (undefined: missing) into the desired one. */
function decideRole(desired, live) {
    const roleName = desired.name;
    const { principalArn, externalId } = desired.trust;
    const grant = (action) => ({
        roleName,
        kind: 'grant',
        action,
        policyName: desired.grantName,
        functionArn: desired.functionArn
    });
    if (!live)
        return {
            desired,
            changes: [
                {
                    roleName,
                    kind: 'role',
                    action: 'create',
                    trust: desired.trust,
                    path: desired.path,
                    tagCount: Object.keys({ ...desired.provenanceTags, ...desired.tags }).length,
                    ...(desired.permissionsBoundary ? { boundary: desired.permissionsBoundary } : {})
                },
                grant('create')
            ],
            trustPolicy: trustPolicy(desired.trust),
            warnings: [],
            blockers: []
        };
    const steps = [];
    const unchanged = [];
    const warnings = [];
    const blockers = [];
    // IAM cannot move a role; the root path is the input's default, so only a path the user chose counts.
    if (desired.path !== '/' && live.path !== desired.path)
        blockers.push(`role-path: role ${roleName} exists at path ${live.path}, not ${desired.path}, and IAM cannot change a role's path. ` +
            `Set role-path to ${live.path}, or choose another role-name.`);
    const merge = mergeTrustPolicy(live.trustPolicy, desired.trust);
    const { sid, replacedExternalIds: replaced } = merge;
    for (const label of merge.unconditioned)
        warnings.push(`Role ${roleName}: trust statement ${label} let ${principalArn} assume the role without sts:ExternalId, so any API Connect customer could reach this account (the confused deputy). ` +
            `It no longer does; statement ${sid} trusts that principal only with the provider org's external ID.`);
    if (replaced.length > 0)
        warnings.push(`Role ${roleName}: the trust statement for ${principalArn} (${sid}) pins sts:ExternalId ${replaced.join(', ')}; replacing it with ${externalId} takes the role away from that provider org. ` +
            `A role trusts each API Connect principal for one provider org only: if another org on the same API Connect region deploys with this role-name too, each run takes the role away from the other. Give each org its own role-name.`);
    if (merge.kept.length > 0)
        warnings.push(`Role ${roleName}: statement ${sid} also trusted ${merge.kept.join(', ')}; they keep that trust in a statement of their own, ${sid}Other. ` +
            `Verification fails while a principal it does not expect can assume the role: remove that statement, or list those principals in accepted-principals.`);
    for (const label of merge.open)
        warnings.push(`Role ${roleName}: trust statement ${label} lets any principal assume the role without sts:ExternalId. The action leaves it alone; review it.`);
    if (merge.changed) {
        const size = policySize(merge.document);
        // A live policy already over the default quota proves a raised quota: let IAM judge then.
        if (size > TRUST_POLICY_QUOTA && policySize(live.trustPolicy) <= TRUST_POLICY_QUOTA)
            blockers.push(`Role ${roleName}: its trust policy would be ${size} characters (whitespace not counted) with the API Connect statement, over IAM's default quota of ${TRUST_POLICY_QUOTA}. ` +
                `Remove unused statements from its trust policy, choose another role-name, or ask AWS (Service Quotas, IAM, "Role trust policy length") for a higher quota.`);
        steps.push({
            roleName,
            kind: 'trust',
            action: 'update',
            trust: desired.trust,
            sid,
            statement: merge.statement,
            replaced,
            kept: documents_statementsOf(merge.document).length - 1,
            fixed: merge.unconditioned,
            split: merge.kept
        });
    }
    else {
        unchanged.push({ roleName, kind: 'trust', action: 'unchanged', trust: desired.trust });
    }
    if (desired.description !== undefined && desired.description !== (live.description ?? ''))
        steps.push({
            roleName,
            kind: 'description',
            action: 'update',
            from: live.description ?? '',
            to: desired.description
        });
    const boundary = desired.permissionsBoundary;
    if (boundary && boundary !== live.permissionsBoundary)
        steps.push({
            roleName,
            kind: 'boundary',
            action: 'update',
            from: live.permissionsBoundary,
            to: boundary
        });
    const tags = Object.fromEntries(Object.entries(desired.tags).filter(([key, value]) => live.tags[key] !== value));
    if (Object.keys(tags).length > 0) {
        const total = Object.keys({ ...live.tags, ...tags }).length;
        if (total > 50)
            blockers.push(`role-tags: role ${roleName} would have ${total} tags, over IAM's limit of 50. Remove tags from the role or from role-tags.`);
        steps.push({ roleName, kind: 'tags', action: 'update', tags });
    }
    if (!live.grant)
        steps.push(grant('create'));
    else if (!policiesEqual(live.grant, desired.grant))
        steps.push(grant('update'));
    else
        unchanged.push(grant('unchanged'));
    return {
        desired,
        live,
        changes: [...steps, ...unchanged],
        trustPolicy: merge.document,
        warnings,
        blockers
    };
}

;// CONCATENATED MODULE: ./src/report/plan-log.ts


function logFunctionPlan(log, plan, dryRun) {
    for (const change of plan.changes)
        log.info(planLine(change, dryRun));
    for (const warning of plan.warnings)
        log.warning(warning);
}
function logRolePlan(log, plan) {
    const { desired, live } = plan;
    log.info(`Role ${desired.name}: ${live ? `exists (${live.arn})` : 'missing'}; ${stepsOf(plan).length} write(s) needed`);
}

;// CONCATENATED MODULE: ./src/role/errors.ts
// IAM write failures in words that say what to do, and the errors that mean another run changed
// the role between our read and our write.
//
// Errors are told apart by the SDK's name: `<Code>Exception` for the errors IAM's model lists
// (NoSuchEntity, LimitExceeded…), the code itself for the others (AccessDenied, Throttling).



/** The IAM operation that makes each kind of role change. */
const ROLE_OPERATION = {
    role: 'CreateRole',
    trust: 'UpdateAssumeRolePolicy',
    description: 'UpdateRole',
    boundary: 'PutRolePermissionsBoundary',
    tags: 'TagRole',
    grant: 'PutRolePolicy'
};
/**
 * A role branch that failed at `step`: the writes made (`done`, possibly over several rounds), the
 * planned ones not made, and the role's ARN if it exists.
 */
function roleFailed(plan, done, step, roleArn, error) {
    const name = plan.desired.name;
    const made = new Set(done.map(c => c.kind));
    const rest = plan.changes.filter(c => !made.has(c.kind));
    return new failure/* StepFailed */.an(step
        ? { operation: `iam:${ROLE_OPERATION[step.kind]}`, resource: `role ${name}` }
        : { doing: `role ${name}` }, [...done, ...(0,failure/* markFailed */.ZY)(rest, () => false)], { roleArn }, error);
}
/** Another run created or changed the role between our read and our write. */
const lostRace = (error) => ['EntityAlreadyExistsException', 'ConcurrentModificationException'].includes(errorName(error) ?? '');
/** An IAM write failure, in words that say what to do. */
function iamFailure(operation, desired, error) {
    const code = errorName(error) ?? 'Error';
    const message = (error?.message ?? String(error)).replace(/\.$/, '');
    const role = `role ${desired.name}`;
    const failed = `${(0,failure/* stepText */.uw)({ operation, resource: role })} failed`;
    const quota = {
        CreateRole: `The account has reached IAM's quota of roles (${message}). Delete unused roles, ask AWS for a higher "Roles per account" quota, or point role-name at an existing role.`,
        PutRolePolicy: `The inline policies of ${role} would exceed IAM's quota (${message}): the role serves too many functions. Give this function its own role with role-name.`,
        UpdateAssumeRolePolicy: `The trust policy of ${role} would exceed IAM's quota (${message}). Remove unused statements, choose another role-name, or ask AWS for a higher "Role trust policy length" quota.`,
        TagRole: `${role} would exceed IAM's limit of 50 tags (${message}).`
    };
    let advice = '';
    if (code === 'AccessDenied')
        advice = ` The workflow's credentials need iam:${operation} on ${role}; or let someone else manage the role and set manage-role: false.`;
    else if (code === 'LimitExceededException' && quota[operation])
        return new Error(`${failed}: ${quota[operation]}`);
    else if (code === 'MalformedPolicyDocumentException' && /principal/i.test(message))
        advice = principalAdvice(message, desired.trust.principalArn);
    else if (code === 'UnmodifiableEntityException')
        advice = ' The role is protected (a service-linked role?); choose another role-name.';
    return new Error(`${failed}: ${code}: ${message}.${advice}`);
}
/**
 * IAM refuses a trust policy naming a principal that does not exist. The fault is the input only
 * when the principal IAM names is the one the action wrote; a principal in a statement the action
 * kept from the role as it was is the role's own.
 */
function principalAdvice(message, ours) {
    const named = /arn:aws[\w-]*:(iam|sts)::\d{12}:[^\s"',}]+/.exec(message)?.[0];
    if (named && named !== ours)
        return ` IAM refuses ${named}, named by a statement of the role's trust policy that this action did not write: fix or remove that statement in the role, then run the job again.`;
    return ` IAM refuses a principal that does not exist: check api-connect-role-arn (or api-connect-region); ${ours} must be an existing role.`;
}

;// CONCATENATED MODULE: ./src/role/read.ts
// The role as IAM shows it now, read back rather than assumed: for the plan (with this function's
// grant) and for verification (the trust policy as IAM stores it).



/**
 * The role, and the inline policy `grantName` when given; undefined when the role does not exist.
 * Failures say which read failed and what permission it needs.
 */
async function readRole(iam, RoleName, grantName) {
    const read = (operation, call) => call().catch((error) => {
        if (errorName(error) === 'NoSuchEntityException')
            return undefined;
        throw new Error(`Cannot read role ${RoleName}: ${operation} failed: ${errorName(error)}: ${error.message}` +
            (errorName(error) === 'AccessDenied'
                ? `. The workflow's credentials need iam:${operation} on the role.`
                : ''), { cause: error });
    });
    const [role, grant] = await Promise.all([
        read('GetRole', () => iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName }))),
        grantName
            ? read('GetRolePolicy', () => iam.send(new client_iam_dist_cjs/* GetRolePolicyCommand */.WHQ({ RoleName, PolicyName: grantName })))
            : undefined
    ]);
    if (!role?.Role)
        return undefined;
    const { Arn, Path, Description, PermissionsBoundary, Tags, AssumeRolePolicyDocument } = role.Role;
    return {
        arn: Arn ?? '',
        path: Path ?? '/',
        description: Description,
        permissionsBoundary: PermissionsBoundary?.PermissionsBoundaryArn,
        tags: Object.fromEntries((Tags ?? []).map(t => [t.Key ?? '', t.Value ?? ''])),
        trustPolicy: decode(`the trust policy of role ${RoleName}`, AssumeRolePolicyDocument),
        grant: grant?.PolicyDocument
            ? decode(`policy ${grantName} of role ${RoleName}`, grant.PolicyDocument)
            : undefined
    };
}
function decode(what, text) {
    try {
        return parsePolicyDocument(text ?? '');
    }
    catch (error) {
        throw new Error(`Cannot parse ${what}: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/role/visible.ts
// IAM may not show a role it has just created for a few seconds, though it accepts writes to it at
// once: after the writes, poll GetRole until the role shows. Polled tightly (Timing's
// rolePollMs, growing to rolePollMaxMs), not with the SDK waiter's 1-5 s backoff, which sees a role
// that appears at 3 s only at ~5 s. The read that succeeds is the role as IAM stores it, which
// verification reuses instead of asking again.


async function waitForRole(ctx, RoleName) {
    const { roleVisibleSeconds, rolePollMs, rolePollMaxMs } = ctx.timing;
    ctx.log.info(`Role ${RoleName}: waiting until IAM shows it (up to ${roleVisibleSeconds} s)`);
    const started = Date.now();
    const live = await poll({
        firstMs: 0,
        everyMs: rolePollMs,
        fastMs: 0,
        growth: 1.5,
        maxMs: rolePollMaxMs,
        timeoutMs: roleVisibleSeconds * 1000
    }, () => readRole(ctx.clients.iam, RoleName), role => role !== undefined);
    if (!live)
        throw new Error(`Role ${RoleName} was created, but IAM did not show it within ${roleVisibleSeconds} s. Rerun the job: it will find the role and continue.`);
    ctx.log.info(`Role ${RoleName}: visible after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return live;
}

;// CONCATENATED MODULE: ./src/role/apply.ts
// Makes the role's planned writes (none in a dry run, or when the role is managed elsewhere).
//
// Matrix jobs for several functions may share one role and run at once. Jobs for the same IBM
// principal write the same trust statement (same Sid, same content) and each its own inline grant,
// so read-merge-write races converge; a CreateRole or write that loses a race is answered by
// reading the role again and reconciling. Jobs for two API Connect regions each keep their own
// statement (one per principal), but IAM has no conditional write: two UpdateAssumeRolePolicy
// calls in the same instant, each merged from the same read, can drop one region's statement.
// That job's rerun adds it back without touching the other's.





/** Rounds of read-decide-write when other runs keep changing the role under us. */
const MAX_ROUNDS = 3;
/** `replan` reads the role again and decides again, after a write lost a race. */
async function applyRole(ctx, plan, replan) {
    const { settings, log } = ctx;
    const { dryRun, role } = settings;
    for (const warning of [...plan.warnings, ...(role.manage ? [] : plan.blockers)])
        log.warning(warning);
    if (dryRun || !role.manage) {
        const notDone = dryRun ? 'dry run' : 'manage-role is false';
        const changes = plan.changes.map(c => (c.action === 'unchanged' ? c : { ...c, notDone }));
        for (const change of changes.filter(c => c.action !== 'unchanged')) {
            if (dryRun)
                log.info(`Dry run: ${ctx.wordChange(change)}`);
            else
                log.warning(`${ctx.wordChange(change)}. Ask whoever manages the role to make this change.`);
        }
        return outcome(plan, changes, plan.live?.arn ?? ctx.roleArn, plan.live);
    }
    const done = [];
    let current = plan;
    let roleArn = plan.live?.arn;
    for (let round = 1;; round++) {
        let making;
        try {
            // IAM accepts writes to a role it has just created: every write goes at once, and the
            // wait for the new role to show runs once, after them.
            for (const step of stepsOf(current)) {
                making = step;
                roleArn = (await makeStep(ctx, current, step)) ?? roleArn;
                done.push(step);
            }
            making = undefined;
            const created = done.some(step => step.kind === 'role');
            const rewritten = done.some(step => step.kind === 'trust' || step.kind === 'boundary');
            const live = created
                ? await waitForRole(ctx, plan.desired.name)
                : rewritten
                    ? undefined
                    : current.live;
            const unchanged = current.changes.filter(c => c.action === 'unchanged');
            return outcome(current, [...done, ...unchanged], roleArn ?? ctx.roleArn, live);
        }
        catch (error) {
            const code = errorName(error);
            if (round >= MAX_ROUNDS || !lostRace(error))
                throw roleFailed(current, done, making, roleArn, error);
            log.info(`Role ${plan.desired.name}: ${code}: another run changed the role at the same time; reading it again to reconcile`);
            // The winner's new role may not be visible yet.
            if (code === 'EntityAlreadyExistsException')
                await waitForRole(ctx, plan.desired.name);
            current = await replan();
            roleArn = current.live?.arn ?? roleArn;
        }
    }
}
/** Makes one write; returns the role's ARN when it created the role. */
async function makeStep(ctx, plan, step) {
    const iam = ctx.clients.iam;
    const { desired } = plan;
    const RoleName = desired.name;
    const attempt = (call) => call().catch((error) => {
        throw lostRace(error) ? error : iamFailure(ROLE_OPERATION[step.kind], desired, error);
    });
    const done = () => ctx.log.info(ctx.wordChange(step));
    switch (step.kind) {
        case 'role': {
            const tags = { ...desired.provenanceTags, ...desired.tags };
            const { Role } = await attempt(() => iam.send(new client_iam_dist_cjs/* CreateRoleCommand */.IS({
                RoleName,
                Path: desired.path,
                AssumeRolePolicyDocument: JSON.stringify(plan.trustPolicy),
                Description: desired.description ?? desired.defaultDescription,
                PermissionsBoundary: desired.permissionsBoundary,
                Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
            })));
            done();
            return Role?.Arn;
        }
        case 'trust':
            await attempt(() => iam.send(new client_iam_dist_cjs/* UpdateAssumeRolePolicyCommand */.tuH({
                RoleName,
                PolicyDocument: JSON.stringify(plan.trustPolicy)
            })));
            break;
        case 'description':
            await attempt(() => iam.send(new client_iam_dist_cjs/* UpdateRoleCommand */.TR7({ RoleName, Description: step.to })));
            break;
        case 'boundary':
            await attempt(() => iam.send(new client_iam_dist_cjs/* PutRolePermissionsBoundaryCommand */.fly({ RoleName, PermissionsBoundary: step.to })));
            break;
        case 'tags':
            await attempt(() => iam.send(new client_iam_dist_cjs/* TagRoleCommand */.Wcv({
                RoleName,
                Tags: Object.entries(step.tags).map(([Key, Value]) => ({ Key, Value }))
            })));
            break;
        case 'grant':
            await attempt(() => iam.send(new client_iam_dist_cjs/* PutRolePolicyCommand */.pMt({
                RoleName,
                PolicyName: desired.grantName,
                PolicyDocument: JSON.stringify(desired.grant)
            })));
            break;
    }
    done();
    return undefined;
}
function outcome(plan, changes, roleArn, live) {
    return {
        changes,
        roleArn,
        live,
        trustPolicy: plan.trustPolicy,
        grantPolicyName: plan.desired.grantName,
        grantPolicy: plan.desired.grant
    };
}

;// CONCATENATED MODULE: ./src/role/index.ts



/** The plan; `liveRead` is a read of the role already under way (the run's early read). */
async function planRole(ctx, liveRead) {
    const desired = desiredRole(ctx);
    const live = await (liveRead ?? readRole(ctx.clients.iam, desired.name, desired.grantName));
    const { manage } = ctx.settings.role;
    // Verification would fail for want of the role, but only after the function's writes: say it now.
    if (!manage && !live && !ctx.settings.dryRun)
        throw new Error(`role ${desired.name} does not exist (path ${desired.path}), and with manage-role: false the action creates no role: create it where roles are managed, or set manage-role: true. Nothing was written.`);
    const plan = decideRole(desired, live);
    if (manage && plan.blockers.length > 0)
        throw new Error(plan.blockers.join('\n'));
    return plan;
}
/** The planned writes; `replan` plans afresh when the role changed under the run. */
function role_applyRole(ctx, plan, replan = () => planRole(ctx)) {
    return applyRole(ctx, plan, replan);
}

;// CONCATENATED MODULE: ./src/verify/extras.ts



/** IAM Access Analyzer's findings on the trust policy; errors and security warnings fail. */
async function validateTrust(ctx, trust) {
    const name = 'Access Analyzer finds no error in the trust policy';
    const expected = 'no errors or security warnings';
    const method = 'access-analyzer:ValidatePolicy';
    try {
        const { paginateValidatePolicy } = await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.t.bind(__webpack_require__, 1645, 19));
        const client = await accessAnalyzerOf(ctx.clients);
        const findings = [];
        for await (const page of paginateValidatePolicy({ client }, {
            policyDocument: JSON.stringify(trust),
            policyType: 'RESOURCE_POLICY',
            validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument'
        }))
            findings.push(...(page.findings ?? []));
        const serious = findings.filter(f => f.findingType === 'ERROR' || f.findingType === 'SECURITY_WARNING');
        const actual = findings.length
            ? findings.map(f => `${f.findingType} ${f.issueCode}: ${f.findingDetails}`).join('; ')
            : 'no findings';
        return { name, expected, actual, status: serious.length ? 'fail' : 'pass', method };
    }
    catch (error) {
        return notChecked(name, expected, method, error);
    }
}
/** The runner itself must not be able to assume the role: proof that it trusts no one else. */
async function probeSelfAssume(ctx, roleArn) {
    const name = 'The runner itself cannot assume the role';
    const method = 'sts:AssumeRole as the runner';
    try {
        // Credentials that come back are dropped unread.
        await ctx.clients.sts.send(new client_sts_dist_cjs/* AssumeRoleCommand */.QL({ RoleArn: roleArn, RoleSessionName: 'apic-lambda-deploy-probe' }));
        return {
            name,
            expected: 'denied',
            actual: `allowed for ${ctx.identity.arn}`,
            status: 'fail',
            method
        };
    }
    catch (error) {
        const code = errorName(error);
        if (code === 'AccessDenied' || code === 'AccessDeniedException')
            return { name, expected: 'denied', actual: 'denied', status: 'pass', method };
        return notChecked(name, 'denied', method, error);
    }
}
function notChecked(name, expected, method, error) {
    return {
        name,
        expected,
        actual: `not checked (${describeError(error)})`,
        status: 'not-checked',
        method
    };
}

;// CONCATENATED MODULE: ./src/verify/function-facts.ts
// What the invoke check knows about the function beside the role's policies: its own
// resource-based policy (lambda:GetPolicy; ResourceNotFoundException: it has none), its tags
// (lambda:ListTags, read only when a policy tests aws:ResourceTag/*) and its Region.
//
// A function policy that cannot be read may allow or deny the role: the invoke check is then
// undecided, never passed.



/**
 * GetPolicy of the function and of each qualified resource (an alias). An alias is decided with
 * its own policy and the function's together: a Deny in either counts.
 */
async function readFunctionPolicies(ctx, resources) {
    const read = async (qualifier) => {
        try {
            const { Policy } = await ctx.clients.lambda.send(new dist_cjs/* GetPolicyCommand */.s4W({ FunctionName: ctx.functionArn, Qualifier: qualifier }));
            return Policy ? parsePolicyDocument(Policy) : undefined;
        }
        catch (error) {
            if (errorName(error) === 'ResourceNotFoundException')
                return undefined;
            throw error;
        }
    };
    try {
        const own = await read();
        const byResource = new Map([[ctx.functionArn, own]]);
        for (const resource of resources) {
            if (resource === ctx.functionArn)
                continue;
            const qualified = await read(resource.slice(ctx.functionArn.length + 1));
            byResource.set(resource, merged(own, qualified));
        }
        return { byResource };
    }
    catch (error) {
        return { unread: `lambda:GetPolicy failed: ${describeError(error)}` };
    }
}
function merged(a, b) {
    if (!a || !b)
        return a ?? b;
    return { Version: '2012-10-17', Statement: [a.Statement, b.Statement].flat() };
}
/** The function's tags when some policy tests aws:ResourceTag/*; undefined when unknown. */
async function functionTagsFor(ctx, documents) {
    if (!JSON.stringify(documents).toLowerCase().includes('"aws:resourcetag/'))
        return {};
    try {
        const { Tags } = await ctx.clients.lambda.send(new dist_cjs/* ListTagsCommand */.bvr({ Resource: ctx.functionArn }));
        return Tags ?? {};
    }
    catch (error) {
        ctx.log.info(`lambda:ListTags failed (${describeError(error)}): the function's tags are unknown`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/verify/federations.ts
const OIDC = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/;
const federations_SAML = /^arn:[\w-]+:iam::\d{12}:saml-provider\/.+$/;
/** One sentence per accepted provider of an Allow statement without those conditions. */
function unboundFederations(trust, accepted) {
    const declared = new Set(accepted.map(p => p.trim()));
    const statements = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
    return statements.flatMap((statement, i) => {
        if (statement?.Effect !== 'Allow')
            return [];
        const principal = statement.Principal;
        const federated = typeof principal === 'object' ? principal.Federated : undefined;
        const providers = (Array.isArray(federated) ? federated : [federated]).filter((p) => typeof p === 'string' && declared.has(p));
        const label = statement.Sid || `Statement[${i}]`;
        const keys = conditionedKeys(statement.Condition);
        return providers.flatMap(provider => {
            const missing = requiredKeys(provider).filter(k => !keys.has(k.key.toLowerCase()));
            if (missing.length === 0)
                return [];
            const what = missing.map(k => `${k.key} (${k.meaning})`).join(' or ');
            return [
                `Statement "${label}" lets the accepted provider ${provider} in with no condition on ${what}: anyone it issues a token to can assume the role. Add a condition on ${missing.map(k => k.key).join(' and ')}.`
            ];
        });
    });
}
function requiredKeys(provider) {
    if (federations_SAML.test(provider))
        return [{ key: 'SAML:aud', meaning: "the assertion's audience" }];
    const host = OIDC.exec(provider)?.[1] ?? provider;
    return [
        { key: `${host}:sub`, meaning: "the token's subject" },
        { key: `${host}:aud`, meaning: "the token's audience" }
    ];
}
/** Keys a Condition really restricts: not Null tests, not a lone `*` pattern. */
function conditionedKeys(condition) {
    const keys = new Set();
    if (typeof condition !== 'object' || condition === null)
        return keys;
    for (const [operator, block] of Object.entries(condition)) {
        if (/^Null$/i.test(operator) || typeof block !== 'object' || block === null)
            continue;
        for (const [key, values] of Object.entries(block)) {
            const list = Array.isArray(values) ? values : [values];
            if (list.length > 0 && list.every(v => v === '*'))
                continue;
            keys.add(key.toLowerCase());
        }
    }
    return keys;
}

;// CONCATENATED MODULE: ./src/verify/second-opinion.ts




const NO_NEW_ACCESS = 'Access Analyzer agrees: nobody else can assume the role';
const NO_PUBLIC_ACCESS = 'Access Analyzer agrees: the role is not public';
const EXPECTED = 'the same answer as the local analysis';
/**
 * The trust policy the role may have: API Connect with this org's ID (this run's principal, and the
 * other published regions' — one role may serve several), and the declared principals.
 */
function referencePolicy(question) {
    return {
        Version: '2012-10-17',
        Statement: [
            {
                Sid: 'ApiConnect',
                Effect: 'Allow',
                Principal: {
                    AWS: [...new Set([question.principalArn, ...api_connect_regions/* PUBLISHED_PRINCIPALS */.Lh])]
                },
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'sts:ExternalId': question.externalId } }
            },
            ...question.accepted.map((principal, i) => ({
                Sid: `Accepted${i + 1}`,
                Effect: 'Allow',
                Principal: principalOf(principal),
                Action: 'sts:*'
            }))
        ]
    };
}
const FEDERATED_NAMES = new Set([
    'cognito-identity.amazonaws.com',
    'accounts.google.com',
    'graph.facebook.com',
    'www.amazon.com'
]);
/** accepted-principals names principals as a trust policy does: an account, an ARN, a service or provider. */
function principalOf(value) {
    if (/^\d{12}$/.test(value) ||
        /^arn:[\w-]+:(iam|sts)::\d{12}:(?!oidc-provider|saml-provider)/.test(value))
        return { AWS: value };
    if (value.startsWith('arn:') || FEDERATED_NAMES.has(value))
        return { Federated: value };
    return { Service: value };
}
/** The local analysis's answers to the two questions, from the trust checks already made. */
function localAnswers(checks) {
    const nobodyElse = checks.find(c => c.name === NOBODY_ELSE);
    if (!nobodyElse || nobodyElse.status === 'undecided')
        return {};
    const open = (nobodyElse.waysIn ?? []).some(w => w.principal === '*' || w.principal.startsWith('everyone except'));
    return {
        newAccess: nobodyElse.status === 'pass' ? 'PASS' : 'FAIL',
        publicAccess: open ? 'FAIL' : 'PASS'
    };
}
async function secondOpinion(ctx, trust, checks) {
    const local = localAnswers(checks);
    const { apiConnect, acceptedPrincipals } = ctx.settings;
    const reference = referencePolicy({
        principalArn: apiConnect.principalArn,
        externalId: apiConnect.externalId,
        accepted: acceptedPrincipals
    });
    const { CheckNoNewAccessCommand, CheckNoPublicAccessCommand } = await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.t.bind(__webpack_require__, 1645, 19));
    const ask = async (name, method, ours, call) => {
        try {
            const { result, reasons = [] } = await call();
            const why = reasons.map(r => `${r.statementId ? `"${r.statementId}"` : `Statement[${r.statementIndex}]`}: ${r.description}`);
            const theirs = `Access Analyzer: ${result ?? 'no answer'}${why.length ? ` (${why.join('; ')})` : ''}`;
            const actual = `${theirs}; local analysis: ${ours ?? 'undecided'}`;
            if (!ours)
                return { name, expected: EXPECTED, actual, status: 'undecided', method };
            const agree = result === ours;
            return {
                name,
                expected: EXPECTED,
                actual: agree ? actual : `the engines disagree. ${actual}`,
                status: agree ? 'pass' : 'fail',
                method
            };
        }
        catch (error) {
            const actual = `not checked (${describeError(error)})`;
            return { name, expected: EXPECTED, actual, status: 'not-checked', method };
        }
    };
    const client = await accessAnalyzerOf(ctx.clients);
    const document = JSON.stringify(trust);
    return Promise.all([
        ask(NO_NEW_ACCESS, 'access-analyzer:CheckNoNewAccess against the reference trust policy', local.newAccess, () => client.send(new CheckNoNewAccessCommand({
            existingPolicyDocument: JSON.stringify(reference),
            newPolicyDocument: document,
            policyType: 'RESOURCE_POLICY'
        }))),
        ask(NO_PUBLIC_ACCESS, 'access-analyzer:CheckNoPublicAccess', local.publicAccess, () => client.send(new CheckNoPublicAccessCommand({
            policyDocument: document,
            resourceType: 'AWS::IAM::AssumeRolePolicyDocument'
        })))
    ]);
}

;// CONCATENATED MODULE: ./src/verify/settled.ts
// IAM is eventually consistent: a role this run changed may not read back as written for a few
// seconds. A check that fails then is asked again, bounded by the run's Timing.


class NotSettled extends Error {
    answer;
    constructor(answer) {
        super('a check failed');
        this.answer = answer;
    }
}
/**
 * Asks once; when this run changed the role and a check failed, asks again with backoff until
 * every check passes or the bound runs out, and returns the last answer.
 */
async function settled(ctx, label, roleChanged, ask) {
    const timing = ctx.timing;
    if (!roleChanged)
        return ask();
    try {
        return await retry(async () => {
            const answer = await ask();
            if (withStatus(answer.checks, 'fail').length)
                throw new NotSettled(answer);
            return answer;
        }, {
            label,
            retryable: error => error instanceof NotSettled
                ? {
                    reason: 'the role changed in this run and IAM may not show the change everywhere yet'
                }
                : undefined,
            maxElapsedMs: timing.propagationWaitMs,
            initialDelayMs: timing.initialDelayMs,
            maxDelayMs: timing.maxDelayMs,
            log: ctx.log.info
        });
    }
    catch (error) {
        if (error instanceof RetriesExhausted && error.lastError instanceof NotSettled)
            return error.lastError.answer;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/verify/invoke.ts
// Whether the role may call lambda:InvokeFunction on the function (and its alias):
// iam:SimulatePrincipalPolicy where it is available and permitted and the function has no policy
// of its own, otherwise the role's inline, attached and boundary policies (and the function's
// policy) read and evaluated locally; the check says which was used.






const SIMULATED = {
    allowed: 'allowed',
    explicitDeny: 'explicit-deny',
    implicitDeny: 'implicit-deny'
};
/** iam:SimulatePrincipalPolicy where it works; otherwise the same question answered locally. */
async function invokeChecks(ctx, roleArn, boundaryArn, resources, roleChanged, facts) {
    const { iam } = ctx.clients;
    let shared = facts.identityPolicies;
    // A refusal, an endpoint without the operation and a 5xx after its one retry stay so for the run;
    // anything else (a role IAM does not show yet) is asked again.
    let refused;
    const ask = async () => {
        // IAM is asked while the function's policy is read: most functions have none.
        const simulated = refused === undefined
            ? simulatedChecks(ctx, roleArn, resources).then(checks => ({ checks }), (error) => ({ error }))
            : undefined;
        const read = await facts.functionPolicies;
        if ('unread' in read) {
            const why = `${read.unread}; the function's own policy may allow or deny the role`;
            return {
                checks: resources.map(r => checkFrom(invokeCheckName(r), 'allowed', 'cannot-evaluate', 'lambda:GetPolicy', why))
            };
        }
        // SimulatePrincipalPolicy does not read the function's policy: with one, decide locally.
        let why = [...read.byResource.values()].some(Boolean)
            ? 'the function has a resource-based policy, which SimulatePrincipalPolicy does not read'
            : refused;
        const answer = await simulated;
        if (why === undefined && answer) {
            if ('checks' in answer)
                return answer;
            const { error } = answer;
            why = describeError(error);
            const missing = isNotImplemented(error) || isForeignServerError(error);
            if (missing || isTransientServerError(error) || errorName(error)?.startsWith('AccessDenied'))
                refused = why;
            ctx.log.info(missing
                ? `${endpointOf(ctx)} does not implement iam:SimulatePrincipalPolicy (${why}); evaluating the role's policies locally`
                : `iam:SimulatePrincipalPolicy is not available (${why}); evaluating the role's policies locally`);
        }
        // A later attempt (the role still settling) reads the policies again.
        const policies = shared ?? (() => readIdentityPolicies(iam, ctx.settings.role.name, boundaryArn));
        shared = undefined;
        const known = { functionPolicies: read.byResource, principalTags: facts.principalTags };
        return { checks: await localChecks(ctx, roleArn, policies, resources, why, known) };
    };
    return (await settled(ctx, 'lambda:InvokeFunction checks', roleChanged, ask)).checks;
}
/** Where IAM's requests go, for the one line that says the operation is missing there. */
const endpointOf = (ctx) => `the endpoint ${ctx.settings.endpointUrl ?? process.env.AWS_ENDPOINT_URL_IAM ?? process.env.AWS_ENDPOINT_URL ?? 'of IAM'}`;
/**
 * Asks IAM, retrying AWS's throttling and 5xx once: the local evaluation answers the same
 * question, so waiting longer buys nothing. An endpoint that answers "not implemented", or a 5xx
 * that is not AWS's (moto's HTML page), falls back to local evaluation at once.
 */
async function simulatedChecks(ctx, roleArn, resources) {
    const t = ctx.timing;
    const { EvaluationResults = [] } = await retry(() => ctx.clients.iamOnce.send(new client_iam_dist_cjs/* SimulatePrincipalPolicyCommand */.kUw({
        PolicySourceArn: roleArn,
        ActionNames: ['lambda:InvokeFunction'],
        ResourceArns: resources
    })), {
        label: 'iam:SimulatePrincipalPolicy',
        retryable: error => isTransientServerError(error) && !isNotImplemented(error) && !isForeignServerError(error)
            ? { reason: describeError(error) }
            : undefined,
        maxAttempts: Math.min(t.sdkMaxAttempts, 2),
        maxElapsedMs: t.propagationWaitMs,
        // As quick as the SDK's own backoff, which this replaces for this one call.
        initialDelayMs: Math.min(t.initialDelayMs, 200),
        maxDelayMs: t.maxDelayMs,
        log: ctx.log.info
    }).catch(error => {
        // The last answer, not the retry's wrapper, says what the endpoint did.
        throw error instanceof RetriesExhausted ? error.lastError : error;
    });
    return resources.map(resource => checkFrom(invokeCheckName(resource), 'allowed', simulatedDecision(EvaluationResults, resource), 'iam:SimulatePrincipalPolicy'));
}
async function localChecks(ctx, roleArn, read, resources, unavailable, known) {
    const method = known.functionPolicies?.size && [...known.functionPolicies.values()].some(Boolean)
        ? `local evaluation of inline, attached and boundary policies and the function policy (SimulatePrincipalPolicy not used: ${unavailable})`
        : `local evaluation of inline, attached and boundary policies (SimulatePrincipalPolicy unavailable: ${unavailable})`;
    try {
        const { policies, boundary } = await read();
        const documents = [...policies, boundary, ...(known.functionPolicies?.values() ?? [])];
        const resourceTags = await functionTagsFor(ctx, documents);
        const all = { ...known, region: ctx.settings.region, resourceTags };
        return localInvokeChecks(roleArn, policies, boundary, resources, method, new Date(), all);
    }
    catch (error) {
        // Neither way answered: the permission is unproven, never a pass.
        const why = `the role's policies could not be read: ${describeError(error)}`;
        return resources.map(resource => checkFrom(invokeCheckName(resource), 'allowed', 'cannot-evaluate', method, why));
    }
}
/**
 * IAM now answers once per action, with per-resource decisions in ResourceSpecificResults;
 * it used to answer once per resource. Both shapes are read.
 */
function simulatedDecision(results, resource) {
    for (const result of results) {
        const specific = result.ResourceSpecificResults?.find(r => r.EvalResourceName === resource);
        if (specific)
            return decisionOf(specific.EvalResourceDecision);
    }
    return decisionOf(results.find(r => r.EvalResourceName === resource)?.EvalDecision);
}
/** A decision IAM does not document (or no answer at all) is never taken as allowed. */
const decisionOf = (value) => value !== undefined && Object.hasOwn(SIMULATED, value) ? SIMULATED[value] : 'cannot-evaluate';
async function readIdentityPolicies(iam, roleName, boundaryArn, 
/** An inline policy not to read: a dry run's planned grant replaces it. */
replaced) {
    // One read at a time: a role shared by many functions has many grants, and IAM throttles bursts.
    const policies = [];
    for await (const page of (0,client_iam_dist_cjs/* paginateListRolePolicies */.ow6)({ client: iam }, { RoleName: roleName }))
        for (const name of page.PolicyNames ?? []) {
            if (name === replaced)
                continue;
            const { PolicyDocument } = await iam.send(new client_iam_dist_cjs/* GetRolePolicyCommand */.WHQ({ RoleName: roleName, PolicyName: name }));
            policies.push({ name, document: parsePolicyDocument(PolicyDocument ?? '') });
        }
    for await (const page of (0,client_iam_dist_cjs/* paginateListAttachedRolePolicies */.mpN)({ client: iam }, { RoleName: roleName }))
        for (const attached of page.AttachedPolicies ?? [])
            policies.push(await readManagedPolicy(iam, attached.PolicyArn ?? ''));
    const boundary = boundaryArn ? await readManagedPolicy(iam, boundaryArn) : undefined;
    return { policies, boundary };
}
async function readManagedPolicy(iam, arn) {
    const { Policy } = await iam.send(new client_iam_dist_cjs/* GetPolicyCommand */.s4W({ PolicyArn: arn }));
    const { PolicyVersion } = await iam.send(new client_iam_dist_cjs/* GetPolicyVersionCommand */.G45({ PolicyArn: arn, VersionId: Policy?.DefaultVersionId }));
    return { name: arn, document: parsePolicyDocument(PolicyVersion?.Document ?? '') };
}

;// CONCATENATED MODULE: ./src/verify/only-invoke.ts
// The third trust question: the role can do nothing but invoke Lambda functions. Its identity
// policies as read (or as planned), decided over every action and resource by
// iam-policy/only-invoke.ts; a role that can do more hands whoever assumes it those powers.


function onlyInvokeCheck(read, roleArn, method) {
    const check = { name: ONLY_INVOKE, expected: ONLY_INVOKE_EXPECTED, method };
    if ('error' in read) {
        return {
            ...check,
            actual: `cannot evaluate: the role's policies could not be read (${read.error})`,
            status: 'undecided'
        };
    }
    const analysis = canOnlyInvoke(read, { roleArn });
    const statements = analysis.beyond
        .map(b => `"${b.statement}" allows ${b.actions.join(', ')}${b.conditional ? ' (under its condition)' : ''}`)
        .join('; ');
    if (analysis.decision === 'more') {
        return {
            ...check,
            actual: `${statements}. Detach or narrow these policies: the role API Connect assumes needs only ${INVOKE_ACTIONS[0]} on its functions.`,
            status: 'fail'
        };
    }
    if (analysis.decision === 'cannot-evaluate') {
        const why = analysis.undecided.join('; ');
        return {
            ...check,
            actual: `cannot evaluate: ${why}${statements ? ` (${statements})` : ''}`,
            status: 'undecided'
        };
    }
    const boundary = read.boundary ? ', within the permissions boundary' : '';
    return {
        ...check,
        actual: `nothing but invoke (${read.policies.length} ${read.policies.length === 1 ? 'policy' : 'policies'}${boundary})`,
        status: 'pass'
    };
}

;// CONCATENATED MODULE: ./src/verify/dry-run.ts
// The STS dry run (README, "What the STS dry run proves"): prove from the runner what can be proven about API Connect
// assuming the role and invoking the function. Reads only; the decisions live in checks.ts.
//
// Every AWS failure here becomes a check (failed, or "not checked" for the optional extras) rather
// than an exception: the run must still set its outputs and write its summary.











async function verify(ctx, role, aliasArn, planned) {
    const { settings, identity } = ctx;
    const resources = [ctx.functionArn, ...(aliasArn ? [aliasArn] : [])];
    const checks = [
        {
            name: 'The credentials work',
            expected: settings.expectedAccountId
                ? `account ${settings.expectedAccountId}`
                : 'an identity',
            actual: identity.arn,
            status: 'pass',
            method: 'sts:GetCallerIdentity'
        }
    ];
    // The function's own policies, read once while the role is looked at.
    const functionPolicies = readFunctionPolicies(ctx, resources);
    // A dry run checks the planned documents. A role managed elsewhere gets no write, dry run or
    // not: its live documents are the planned ones, so it is read below.
    if (settings.dryRun && settings.role.manage)
        return [
            ...checks,
            ...(await plannedChecks(ctx, role, resources, await functionPolicies, planned))
        ];
    // IAM is eventually consistent: a role written seconds ago may not read back as written yet.
    const roleChanged = !settings.dryRun && settings.role.manage && role.changes.some(c => c.action !== 'unchanged');
    // The role's policies are read once, for the third question and a local invoke answer alike.
    const reads = new Map();
    // Read just before the writes (pre-write.ts), which wrote only this run's statement and grant:
    // the planned documents are the role's, and IAM is not asked for them again.
    if (planned && !('error' in planned.policies))
        reads.set(planned.boundaryArn ?? '', Promise.resolve(planned.policies));
    const grant = knownGrant(ctx, role);
    const policiesOf = (boundaryArn) => () => {
        const key = boundaryArn ?? '';
        if (!reads.has(key))
            reads.set(key, readPolicies(ctx, boundaryArn, grant, role.grantPolicyName));
        return reads.get(key);
    };
    const invokeAbout = (live) => invokeChecks(ctx, live.arn || ctx.roleArn, live.permissionsBoundary, resources, roleChanged, {
        functionPolicies,
        principalTags: sessionTagsPossible(live.trustPolicy, settings.apiConnect.principalArn)
            ? undefined
            : live.tags,
        identityPolicies: policiesOf(live.permissionsBoundary)
    });
    // The invoke question about the role as last read goes out first, and IAM answers it while the
    // trust policy is analysed (CPU-bound, some 10 ms).
    const last = role.live;
    const asked = last && invokeAbout(last);
    asked?.catch(() => undefined); // awaited below, unless the role turns out unreadable
    // The role's policies are read alongside: the third question needs them whatever IAM answers.
    if (last)
        policiesOf(last.permissionsBoundary)().catch(() => undefined);
    if (asked)
        await new Promise(setImmediate);
    const read = reusedRead(ctx, role) ??
        (await settled(ctx, 'iam:GetRole', roleChanged, () => askRole(ctx, resources)));
    checks.push(...read.checks);
    const { live } = read;
    if (!live)
        return checks;
    warnFederations(ctx, live.trustPolicy);
    const same = live.arn === last?.arn && live.permissionsBoundary === last.permissionsBoundary;
    const roleArn = live.arn || ctx.roleArn;
    const policies = readOrError(policiesOf(live.permissionsBoundary)());
    checks.push(...(await (asked && same ? asked : invokeAbout(live))));
    checks.push(onlyInvokeCheck(await policies, roleArn, ONLY_INVOKE_METHOD));
    if (settings.validateTrustPolicy)
        checks.push(await validateTrust(ctx, live.trustPolicy));
    if (settings.accessAnalyzerChecks)
        checks.push(...(await secondOpinion(ctx, live.trustPolicy, checks)));
    if (settings.probeSelfAssume)
        checks.push(await probeSelfAssume(ctx, roleArn));
    return checks;
}
/**
 * This function's grant as the plan read it (null: the plan found none), when this run did not
 * write it since; undefined when it must be read (back) again.
 */
function knownGrant(ctx, role) {
    const name = role.grantPolicyName;
    const written = role.changes.some(c => c.kind === 'grant' && c.action !== 'unchanged');
    if ((written && ctx.settings.role.manage) || !role.live)
        return undefined;
    return role.live.grant ? { name, document: role.live.grant } : null;
}
/** The role's identity policies, all but the grant the run already knows. */
async function readPolicies(ctx, boundaryArn, grant, grantName) {
    const { name } = ctx.settings.role;
    const replaced = grant === undefined ? undefined : grantName;
    const read = await readIdentityPolicies(ctx.clients.iam, name, boundaryArn, replaced);
    return grant ? { ...read, policies: [...read.policies, grant] } : read;
}
/** A warning for each accepted federation whose statement does not bound the token. */
function warnFederations(ctx, trust) {
    for (const warning of unboundFederations(trust, ctx.settings.acceptedPrincipals))
        ctx.log.warning(warning);
}
const ONLY_INVOKE_METHOD = "analysis of the role's inline, attached and AWS managed policies (default versions) and its permissions boundary, over every action and resource";
async function readOrError(read) {
    return read.catch((error) => ({ error: describeError(error) }));
}
const TRUST_METHOD = 'analysis of the trust policy as IAM stores it, over every principal, external ID and sts:AssumeRole* action';
/** The trust question for this run, about the role at `roleArn` (the live one, when read). */
function question(ctx, roleArn = ctx.roleArn) {
    const { apiConnect, acceptedPrincipals } = ctx.settings;
    return {
        principalArn: apiConnect.principalArn,
        externalId: apiConnect.externalId,
        roleArn: roleArn || ctx.roleArn,
        accepted: acceptedPrincipals,
        now: new Date()
    };
}
/**
 * The role as the plan or the wait for a new role last read it, when no write changed its trust
 * policy or boundary since (`RoleOutcome.live`); asked again instead if a trust check fails on it.
 */
function reusedRead(ctx, role) {
    if (!role.live)
        return undefined;
    const { live } = role;
    const checks = trustChecks(live.trustPolicy, question(ctx, live.arn), TRUST_METHOD);
    return withStatus(checks, 'fail').length ? undefined : { live, checks };
}
/** GetRole now: the role's trust checks, or why the role could not be read. */
async function askRole(ctx, resources) {
    const { name } = ctx.settings.role;
    try {
        const live = await readRole(ctx.clients.iam, name);
        if (live)
            return { live, checks: trustChecks(live.trustPolicy, question(ctx, live.arn), TRUST_METHOD) };
        return { checks: roleUnreadChecks(resources, `role ${name} does not exist`, 'fail') };
    }
    catch (error) {
        const why = `GetRole failed: ${describeError(error.cause ?? error)}`;
        return { checks: roleUnreadChecks(resources, why, 'undecided') };
    }
}
const PLANNED_METHOD = 'analysis of the planned documents (dry run)';
/**
 * The planned trust policy, and the planned grant next to what else the role has (its other
 * policies and its planned or current boundary), as IAM will evaluate them after a run: the
 * analysis verification runs, on the documents before any write (pre-write.ts) and in a dry run.
 */
async function plannedRoleAnalysis(ctx, role, method = PLANNED_METHOD, 
/** The role's policies but the grant, when they were read already (run/early-reads.ts). */
read) {
    const { name, permissionsBoundary } = ctx.settings.role;
    const grant = { name: role.grantPolicyName, document: role.grantPolicy };
    const trust = trustChecks(role.trustPolicy, question(ctx), method);
    try {
        // The plan's read of the role: nothing is written before this, so it is still the role as it is.
        const live = role.live;
        const boundaryArn = permissionsBoundary ?? live?.permissionsBoundary;
        const current = {
            policies: !live
                ? []
                : read
                    ? await read
                    : (await readIdentityPolicies(ctx.clients.iam, name, undefined, grant.name)).policies,
            boundary: boundaryArn ? await readManagedPolicy(ctx.clients.iam, boundaryArn) : undefined
        };
        // The planned grant replaces the live one of the same name (not read).
        const policies = { policies: [...current.policies, grant], boundary: current.boundary };
        return {
            trust,
            onlyInvoke: onlyInvokeCheck(policies, ctx.roleArn, method),
            policies,
            boundaryArn
        };
    }
    catch (error) {
        const read = { error: describeError(error) };
        return { trust, onlyInvoke: onlyInvokeCheck(read, ctx.roleArn, method), policies: read };
    }
}
/** In a dry run: the planned role's analysis (made before the writes, or now) and its invoke checks. */
async function plannedChecks(ctx, role, resources, functionPolicies, analysed) {
    const method = PLANNED_METHOD;
    const grant = { name: role.grantPolicyName, document: role.grantPolicy };
    const now = new Date();
    warnFederations(ctx, role.trustPolicy);
    const { trust, onlyInvoke, policies: read } = analysed ?? (await plannedRoleAnalysis(ctx, role));
    const known = {
        functionPolicies: 'unread' in functionPolicies ? undefined : functionPolicies.byResource,
        region: ctx.settings.region
    };
    // A function policy that could not be read may allow or deny the role: no invoke answer then.
    const invoke = (policies, boundary, how, all) => 'unread' in functionPolicies
        ? resources.map(r => checkFrom(invokeCheckName(r), 'allowed', 'cannot-evaluate', how, `${functionPolicies.unread}; the function's own policy may allow or deny the role`))
        : localInvokeChecks(ctx.roleArn, policies, boundary, resources, how, now, all);
    if ('error' in read) {
        const partial = `${method}; the role's other policies and boundary could not be read (${read.error})`;
        return [...trust, ...invoke([grant], undefined, partial, known), onlyInvoke];
    }
    const { policies, boundary } = read;
    const documents = [...policies, boundary, ...(known.functionPolicies?.values() ?? [])];
    const all = { ...known, resourceTags: await functionTagsFor(ctx, documents) };
    return [...trust, ...invoke(policies, boundary, method, all), onlyInvoke];
}
/** The dry run in its own log group, a line per check; none when `verify` is off. */
async function verifyLogged(ctx, role, aliasArn, planned) {
    if (ctx.settings.verify === 'off')
        return [];
    return ctx.log.group('Verify (STS dry run)', async () => {
        const checks = await verify(ctx, role, aliasArn, planned);
        for (const c of checks)
            ctx.log.info(`${c.status.padEnd(11)} ${c.name}: ${c.actual} (${c.method})`);
        return checks;
    });
}

;// CONCATENATED MODULE: ./src/verify/pre-write.ts


const BEFORE_WRITES = 'analysis of the planned documents, before any write';
/** The planned role's analysis and, when it would fail, the refusal; undefined when not asked. */
async function beforeWrites(ctx, plan, liveExecutionRole, 
/** The role's policies but the grant, read alongside the plan (run/early-reads.ts). */
rolePolicies) {
    const { settings } = ctx;
    if (!settings.role.manage || settings.verify === 'off')
        return undefined;
    const planned = {
        trustPolicy: plan.trustPolicy,
        grantPolicyName: plan.desired.grantName,
        grantPolicy: plan.desired.grant,
        live: plan.live
    };
    const method = settings.dryRun ? PLANNED_METHOD : BEFORE_WRITES;
    const analysis = await plannedRoleAnalysis(ctx, planned, method, rolePolicies);
    const refusal = refusalOf([...analysis.trust, analysis.onlyInvoke], plan.live?.arn || ctx.roleArn, { functionName: settings.functionName, roles: [settings.config.role, liveExecutionRole] });
    return { analysis, ...(refusal ? { refusal } : {}) };
}
/**
 * Why IBM may not be let into the role, from the planned checks and the function's execution
 * roles (planned and live): one sentence per reason, each with its fix.
 */
function refusalOf(checks, roleArn, execution) {
    const failed = (name) => checks.find(c => c.name === name && c.status === 'fail');
    const reasons = [];
    const others = failed(NOBODY_ELSE);
    if (others)
        reasons.push(`its trust policy already lets others in: ${others.actual}`);
    const more = failed(ONLY_INVOKE);
    if (more)
        reasons.push(`it can do more than invoke: ${more.actual}`);
    if (execution.roles.some(arn => arn && sameRole(arn, roleArn)))
        reasons.push(`it is the execution role of function ${execution.functionName}: whoever assumes it would act as the function. Give API Connect a role of its own (role-name: another role; by default apic-invoke-<function>).`);
    if (!reasons.length)
        return undefined;
    const numbered = reasons.map((reason, i) => `(${i + 1}) ${reason}`).join(' ');
    return `Nothing was written: IBM API Connect would be let into role ${roleArn}, which would then fail verification for reasons this action's own statements do not cause: ${numbered} Fix the role, or set role-name to a role of its own for API Connect.`;
}
/** One IAM role: the same partition and account, and the same name (IAM names ignore case). */
function sameRole(a, b) {
    const parts = (arn) => {
        const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
        return m && `${m[1]}:${m[2]}:${m[3].toLowerCase()}`;
    };
    const [x, y] = [parts(a), parts(b)];
    return x !== null && x === y;
}

// EXTERNAL MODULE: ./src/inputs/expect.ts
var inputs_expect = __webpack_require__(6784);
;// CONCATENATED MODULE: ./src/smoke/result.ts
// The smoke test's outcome as data, and the verdict on one invocation. Pure: the call is in
// invoke.ts, the words for the summary in report/smoke-words.ts.

/** How much of the event and the response the log, the summary and `result` show. */
const MAX_SHOWN = 1000;
const result_shown = (text) => text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text;
/** Pass only when the function answered without error, from the version asked for, as expected. */
function judge(invocation, qualifier, expect) {
    const fail = (detail) => ({ status: 'fail', detail });
    if (invocation.functionError) {
        const error = (0,inputs_expect/* parseJson */.qF)(invocation.payload);
        const what = error?.errorType
            ? `${error.errorType}: ${error.errorMessage ?? ''}`
            : result_shown(invocation.payload);
        return fail(`the function failed (FunctionError ${invocation.functionError}): ${what}`);
    }
    if (invocation.executedVersion && invocation.executedVersion !== qualifier)
        return fail(`Lambda ran version ${invocation.executedVersion}, not ${qualifier}`);
    if (!expect)
        return { status: 'pass', detail: 'answered without an error' };
    const response = (0,inputs_expect/* parseJson */.qF)(invocation.payload);
    if (response === inputs_expect/* NOT_JSON */.Jw)
        return fail('the response is not JSON, so test-expect cannot match it');
    const differs = (0,inputs_expect/* mismatch */.J4)(expect, response);
    return differs
        ? fail(`the response does not match test-expect: ${differs}`)
        : {
            status: 'pass',
            detail: expect.kind === 'status'
                ? `answered statusCode ${expect.statusCode}`
                : 'answered as test-expect asks'
        };
}

;// CONCATENATED MODULE: ./src/smoke/secrets.ts
// The function's environment values, hidden in whatever the smoke test echoes. Pure. A handler can
// print any of its variables, including ones set only on the live function that the runner has
// never seen and so cannot mask: each value is masked with the runner (`add-mask`, by invoke.ts)
// and replaced here in the text the action itself keeps (log, summary, `result`).
/** Shorter values are not hidden: masking `true` or `prod` would blank them across the job's log. */
const MASK_FLOOR = 8;
const REDACTED = '***';
/**
 * The values to hide, longest first: every variable's value of at least MASK_FLOOR characters, its
 * JSON-escaped form (how a handler's `JSON.stringify(process.env)` prints it) and each long enough
 * line of a multi-line value (the runner masks line by line).
 */
function secretValues(...sources) {
    const values = new Set();
    const add = (value) => {
        if (value.trim().length >= MASK_FLOOR)
            values.add(value);
    };
    for (const source of sources)
        for (const value of Object.values(source ?? {})) {
            add(value);
            add(JSON.stringify(value).slice(1, -1));
            for (const line of value.split(/\r?\n/))
                add(line);
        }
    return [...values].sort((a, b) => b.length - a.length);
}
/** `text` with every value replaced by REDACTED (longest first, so no part of one stays). */
function redact(text, values) {
    return values.reduce((out, value) => out.split(value).join(REDACTED), text);
}

;// CONCATENATED MODULE: ./src/smoke/invoke.ts
// The smoke test: invokes the version this run published (by number; $LATEST only when nothing is
// published), synchronously with LogType Tail, and judges the answer (result.ts). Reads only: an
// Invoke changes nothing Lambda stores. A failed call is a failed smoke test, never a pass.
// The Invoke is sent once (no SDK retry: a retry after a lost answer runs the handler again), and
// what the function printed or answered is echoed inert, its environment's values hidden.







const LOST_ANSWER = 'the answer was lost; the handler may have run once';
/**
 * Runs the smoke test, or says why it was skipped; undefined when no test-event was given. `live`
 * is the function as the plan read it: its variables are hidden too, the runner never saw them.
 */
async function smokeTest(ctx, version, live) {
    const smoke = ctx.settings.smokeTest;
    if (!smoke)
        return undefined;
    const qualifier = version ?? '$LATEST';
    const base = { qualifier, source: smoke.source, event: result_shown(smoke.event) };
    if (ctx.settings.dryRun)
        return { ...base, status: 'skipped', detail: 'dry run: nothing was invoked' };
    const secrets = secretValues(ctx.settings.config.environment, live?.Environment?.Variables);
    // Masked before the function's first word is printed, so the runner hides them there too.
    for (const value of secrets)
        (0,workflow_commands/* addMask */.eu)(value);
    const clean = (text) => redact(text, secrets);
    const name = ctx.settings.functionName;
    return ctx.log.group(`Smoke test: invoke ${name}:${qualifier}`, async () => {
        const { log } = ctx;
        if (!version)
            log.info('Nothing is published (publish and alias are not set): invoking $LATEST');
        log.info(`Event (${smoke.source}): ${result_shown(smoke.event)}`);
        let invocation;
        try {
            invocation = await invoke(ctx, version, smoke.event);
        }
        catch (error) {
            const lost = isConnectionError(error) && !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${error}`);
            const detail = `lambda:Invoke failed: ${lost ? `${LOST_ANSWER} (` : ''}${clean(describeError(error))}${lost ? ')' : ''}`;
            log.info((0,workflow_commands/* inert */.tJ)(detail));
            return { ...base, status: 'fail', detail };
        }
        const response = clean(result_shown(invocation.payload));
        log.info(`Response (${invocation.durationMs} ms):`);
        log.info((0,workflow_commands/* inert */.tJ)(response));
        if (invocation.logTail) {
            log.info('Log tail:');
            log.info((0,workflow_commands/* inert */.tJ)(clean(invocation.logTail.replace(/\n$/, ''))));
        }
        // Judged on the answer as it came; only what is shown is redacted.
        const verdict = judge(invocation, qualifier, smoke.expect);
        const detail = clean(verdict.detail);
        log.info(`Smoke test ${verdict.status === 'pass' ? 'passed' : 'failed'}:`);
        log.info((0,workflow_commands/* inert */.tJ)(detail));
        return { ...base, response, durationMs: invocation.durationMs, status: verdict.status, detail };
    });
}
async function invoke(ctx, version, event) {
    const name = ctx.settings.functionName;
    const lambda = ctx.clients.lambdaOnce;
    const started = Date.now();
    // Retried only when Lambda refused it for an update in progress: the handler did not run.
    const out = await retry(() => lambda.send(new dist_cjs/* InvokeCommand */.mdN({
        FunctionName: name,
        Qualifier: version,
        InvocationType: 'RequestResponse',
        LogType: 'Tail',
        Payload: Buffer.from(event)
    })), conflictRetry(ctx, 'lambda:Invoke', name));
    return {
        payload: out.Payload ? Buffer.from(out.Payload).toString('utf8') : '',
        functionError: out.FunctionError,
        executedVersion: out.ExecutedVersion,
        logTail: out.LogResult ? Buffer.from(out.LogResult, 'base64').toString('utf8') : '',
        durationMs: Date.now() - started
    };
}

// EXTERNAL MODULE: ./src/aws/arn.ts
var arn = __webpack_require__(1626);
;// CONCATENATED MODULE: ./src/aws/identity.ts
// Who the credentials belong to: the account and partition that every ARN is built from.


async function getIdentity(sts) {
    const { Arn } = await sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
    if (!Arn)
        throw new Error('sts:GetCallerIdentity returned no ARN');
    return { arn: Arn, accountId: (0,arn/* accountOf */.XP)(Arn), partition: (0,arn/* partitionOf */.iQ)(Arn) };
}
function checkAccount(identity, settings) {
    const { accountId, partition } = identity;
    const problems = [];
    if (settings.expectedAccountId && settings.expectedAccountId !== accountId)
        problems.push(`expected-account-id: the credentials belong to account ${accountId}, not ${settings.expectedAccountId}`);
    if (settings.functionAccountId && settings.functionAccountId !== accountId)
        problems.push(`function-name: the function ARN is in account ${settings.functionAccountId}, but the credentials belong to ${accountId}`);
    if (settings.functionPartition && settings.functionPartition !== partition)
        problems.push(`function-name: the function ARN is in partition ${settings.functionPartition}, the credentials in ${partition}`);
    const principal = settings.apiConnect.principalArn;
    if ((0,arn/* partitionOf */.iQ)(principal) !== partition) {
        const input = settings.apiConnect.source === 'api-connect-role-arn input'
            ? 'api-connect-role-arn'
            : 'api-connect-region';
        problems.push(`${input}: ${principal} is in partition ${(0,arn/* partitionOf */.iQ)(principal)}, but the credentials are in ${partition}, where a role cannot trust it`);
    }
    if (problems.length)
        throw new Error(`${problems.join('; ')}; nothing was changed`);
}

;// CONCATENATED MODULE: ./src/timing.ts
const DEFAULT_TIMING = {
    maxWaitSeconds: 300,
    // Lambda's updates and activations take a second or a few: poll every 0.25 s for the first 5 s,
    // then back off (doubling) to 5 s.
    minDelaySeconds: 0.25,
    fastPollSeconds: 5,
    maxDelaySeconds: 5,
    roleRetryMs: 120_000,
    initialDelayMs: 1000,
    maxDelayMs: 10_000,
    conflictAttempts: 5,
    roleVisibleSeconds: 120,
    rolePollMs: 250,
    rolePollMaxMs: 500,
    propagationWaitMs: 30_000,
    // Throttling is common when matrix jobs share an account: a little more than the default 3.
    sdkMaxAttempts: 5
};

;// CONCATENATED MODULE: ./src/run/early-reads.ts
// The plan's first reads need only names, not the account: they start with GetCallerIdentity
// instead of after it, so the plan costs one round trip less. main.ts hands each to the first plan
// as an argument; a plan made again (after a lost race) reads afresh.







function startEarlyReads(clients, settings) {
    const { name, manage } = settings.role;
    const grantName = grantPolicyName(settings.functionName, settings.region);
    const reads = {
        function: readFunction(clients.lambda, settings.functionName),
        role: readRole(clients.iam, name, grantName),
        ...(manage && settings.verify !== 'off'
            ? {
                rolePolicies: readIdentityPolicies(clients.iam, name, undefined, grantName).then(read => read.policies, (error) => {
                    // A role that does not exist yet has no policies.
                    if (errorName(error) === 'NoSuchEntity')
                        return [];
                    throw error;
                })
            }
            : {}),
        ...(settings.alarms.length && !settings.rollback
            ? { alarms: cloudWatchOf(clients).then(cw => readAlarms(cw, settings.alarms)) }
            : {})
    };
    // A run stopped by the account check never asks for these: their errors are not the run's.
    for (const read of Object.values(reads))
        read.catch(() => undefined);
    return reads;
}

;// CONCATENATED MODULE: ./src/run/context.ts
// The run's context: the clients, and who the credentials are (the account every ARN is in). The
// plan's first reads start alongside GetCallerIdentity (early-reads.ts) and are handed to the plans.








async function createContext(settings) {
    const timing = DEFAULT_TIMING;
    const clients = createClients(settings.region, settings.endpointUrl, timing.sdkMaxAttempts);
    const early = startEarlyReads(clients, settings);
    const identity = await getIdentity(clients.sts);
    log.info(`Credentials: ${identity.arn}`);
    checkAccount(identity, settings);
    const { partition, accountId } = identity;
    const ctx = {
        settings,
        clients,
        identity,
        provenance: readProvenance(),
        timing,
        log: log,
        wordChange: changeLine,
        functionArn: (0,arn/* functionArn */.mE)(partition, settings.region, accountId, settings.functionName),
        roleArn: (0,arn/* roleArn */.w3)(partition, accountId, settings.role.path, settings.role.name)
    };
    return { ctx, early };
}

;// CONCATENATED MODULE: ./src/run/promotion-gate.ts

/** Why the alias stays where it is, or undefined when it may move. */
function holdReason(verify, smoke, checks) {
    const reasons = [];
    if (smoke?.status === 'fail')
        reasons.push('the smoke test failed');
    // Under `verify: warn` a failed check warns and the run goes on; under `fail` it stops here.
    const failing = [...withStatus(checks, 'fail'), ...withStatus(checks, 'undecided')];
    if (verify === 'fail' && failing.length)
        reasons.push(`verification failed (${failing.map(c => c.name).join('; ')})`);
    return reasons.length ? reasons.join(' and ') : undefined;
}

;// CONCATENATED MODULE: ./src/report/lambda-policy.ts
/** The policy's keys, in the order IBM's sample writes them. */
const LAMBDA_POLICY_KEYS = [
    'version',
    'title',
    'function_name',
    'aws_region',
    'aws_assume_role_arn'
];
/**
 * The policy for a run that deployed and may be called: none on a dry run (nothing was deployed),
 * a failed run, or when the alias was held back (it does not point at this run's version).
 */
function lambdaPolicyOf(result) {
    if (result.dryRun || result.failed?.length || result.promoted === false)
        return undefined;
    return renderLambdaPolicy(result);
}
/** The policy as a one-item YAML list; the function name is qualified by the alias or version. */
function renderLambdaPolicy(result) {
    const values = {
        version: '1.0.0',
        title: `invoke ${result.functionName}`,
        function_name: result.qualifiedName ?? result.functionName,
        aws_region: result.region,
        aws_assume_role_arn: result.roleArn
    };
    const lines = LAMBDA_POLICY_KEYS.map(key => `    ${key}: ${yamlString(values[key])}`);
    return ['- aws-lambda:', ...lines, ''].join('\n');
}
/**
 * A YAML double-quoted scalar: JSON's escapes are YAML's, and the few characters YAML 1.1 parsers
 * take as line breaks (NEL, LS, PS) are escaped too, so no value can end its line or add a key.
 */
function yamlString(value) {
    return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./src/report/traffic.ts
// The job summary's words for where the alias ended: held back, rolled back, and the traffic
// shift's timeline (step, weight, time, alarms) with its outcome.


/** A version published but not promoted, or rolled back, said first: it is what API Connect calls. */
function aliasStatus(result) {
    const line = aliasStatusLine(result);
    return line ? [line, ''] : [];
}
function aliasStatusLine({ promoted, version, previousVersion, failed }) {
    if (promoted === 'rolled-back' && failed)
        return `**Version ${version} is rolled back**: the traffic shift stopped (see the failed step) and the alias sends all traffic to version ${previousVersion} again.`;
    if (promoted === 'rolled-back')
        return `**Rolled back**: the alias points to version ${version} again${previousVersion !== version ? ` (it pointed to version ${previousVersion})` : ' (an earlier rollback put it there)'}.`;
    if (promoted !== false)
        return undefined;
    return failed
        ? `**Version ${version} is published but not promoted**: the alias was not moved (see the failed step).`
        : `**Version ${version} is published but not promoted**: the smoke test or verification failed, so the alias stays on the version it had and API Connect keeps calling that one.`;
}
/** The shift step by step: when each weight went on, how long it baked, what the alarms said. */
function trafficSection(result, table) {
    const shift = result.trafficShift;
    if (!shift)
        return [];
    const rows = shift.steps.map((s, i) => [
        String(i + 1),
        `${percent(s.weight)} → version ${shift.to}`,
        s.at,
        `${durationText(s.bakedMs)} of ${durationText(s.plannedMs)}`,
        s.alarms.length ? s.alarms.map(a => `${code(a.name)} ${a.state}`).join(', ') : '—'
    ]);
    const outcome = {
        promoted: `all traffic on version ${shift.to}`,
        'rolled-back': `all traffic back on version ${shift.from}`,
        held: `the alias stays on version ${shift.from}`
    }[shift.outcome];
    return [
        `### Traffic shift of alias ${code(shift.alias)}: version ${shift.from} → ${shift.to}`,
        '',
        rows.length
            ? table(['step', 'weight', 'at', 'baked', 'alarms at the last look'], rows)
            : 'No traffic moved.',
        '',
        `Outcome: ${outcome}.`,
        ''
    ];
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary as Markdown: what to enter in API Connect, what changed, every check.






const summary_MARK = {
    pass: '✅ pass',
    fail: '❌ fail',
    undecided: '⚠️ undecided',
    'not-checked': '⚪ not checked'
};
/** The job summary as Markdown: what to enter in API Connect, what changed, every check. */
function renderSummary(result) {
    const row = (cells) => `| ${cells.map(c => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
    const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
    const verdict = {
        true: 'verified ✅',
        false: 'verification failed ❌',
        undecided: 'verification undecided ⚠️',
        incomplete: 'verified, an optional check not run ⚪',
        skipped: 'verification skipped'
    }[result.verified];
    const failed = result.failed ?? [];
    return [
        `## API Connect → Lambda: ${result.functionName} (${failed.length ? 'failed ❌' : result.smokeTest?.status === 'fail' ? 'smoke test failed ❌' : verdict}${result.dryRun ? ', dry run' : ''})`,
        '',
        ...aliasStatus(result),
        ...(failed.length
            ? [
                '### Failed',
                '',
                table(['step', 'error'], failed.map(f => [code(f.step), f.error])),
                '',
                'Every change below that does not say "failed" or "not done" was made and stays made. Fix the error and run the job again: it reads the live state and makes only what is still missing.',
                ''
            ]
            : []),
        "### For API Connect's Lambda policy",
        '',
        table(['field', 'value'], [
            ['IAM role ARN', code(result.roleArn)],
            ['Function name', code(result.functionName)],
            ['Region', code(result.region)],
            ...(result.aliasArn
                ? [['Qualifier (alias)', code(result.aliasArn.split(':').pop() ?? '')]]
                : []),
            ...(result.qualifiedName && result.qualifiedName !== result.functionName
                ? [['Qualified function name', code(result.qualifiedName)]]
                : []),
            ['Trusted API Connect role', code(result.apiConnectRoleArn)],
            ['External ID (provider org ID)', code(result.externalId)]
        ]),
        '',
        ...policySection(result),
        `### ${result.dryRun ? 'Planned changes (nothing was written)' : 'Changes'}`,
        '',
        result.changes.length
            ? table(['resource', 'action', 'detail'], result.changes.map(c => [c.target, c.action, c.detail]))
            : 'None.',
        '',
        ...trafficSection(result, table),
        ...smokeSection(result.smokeTest, result.functionName, table),
        '### Checks',
        '',
        result.checks.length
            ? table(['check', 'expected', 'actual', 'method', 'result'], result.checks.map(c => [c.name, c.expected, c.actual, c.method, summary_MARK[c.status]]))
            : 'Verification is off.',
        '',
        ...waysInSection(result.checks.flatMap(c => c.waysIn ?? []), table)
    ].join('\n');
}
/** The `lambda-policy` output as a block; a dry run shows what it would hold, marked so. */
function policySection(result) {
    const policy = result.lambdaPolicy;
    const planned = !policy && result.dryRun && !result.failed?.length;
    if (!policy && !planned)
        return [];
    return [
        planned
            ? "### The assembly's Lambda policy, once deployed (dry run: the `lambda-policy` output is empty)"
            : "### The assembly's Lambda policy (output `lambda-policy`)",
        '',
        '```yaml',
        (policy ?? renderLambdaPolicy(result)).trimEnd(),
        '```',
        ''
    ];
}
/** Every way into the role besides API Connect's, one row each: what a reviewer acts on. */
function waysInSection(waysIn, table) {
    if (!waysIn.length)
        return [];
    return [
        '### Who else can assume the role',
        '',
        table(WAY_IN_TABLE_HEADER, waysIn.map(wayInRow)),
        ''
    ];
}
async function writeSummary(result) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await workflow_commands/* appendSummary */.fe(renderSummary(result));
}

;// CONCATENATED MODULE: ./src/run/record.ts








function shareOf(end, known) {
    if (end.ok)
        return { changes: end.outcome.changes, known: known(end.outcome) };
    const { error } = end;
    if (error instanceof failure/* StepFailed */.an)
        return {
            changes: error.changes,
            known: error.known,
            failed: { step: error.step, error: error.reason }
        };
    // Not a StepFailed: nothing says which writes were made, so none is claimed.
    return {
        changes: end.planned.map(c => c.action === 'unchanged' ? c : { ...c, notDone: 'not reached' }),
        known: {},
        failed: { step: end.name, error: (0,failure/* withCauses */.vR)(error) }
    };
}
/**
 * The record of a run that got past planning. A failed run keeps every change made so far and the
 * checks that ran, but `verified` stays false: it did not finish what verification vouches for.
 */
function recordOf(settings, targets, end) {
    const fn = shareOf(end.function, ({ codeSha256, version, aliasArn }) => ({
        codeSha256,
        version,
        aliasArn
    }));
    const role = shareOf(end.role, ({ roleArn }) => ({ roleArn }));
    const failed = [fn.failed, role.failed].flatMap(f => (f ? [f] : []));
    const known = { ...fn.known, ...role.known };
    const checks = end.role.ok ? end.role.outcome.checks : [];
    const finished = end.function.ok && failed.length === 0 ? end.function.outcome : undefined;
    const record = {
        ...targets,
        dryRun: settings.dryRun,
        version: known.version,
        aliasArn: known.aliasArn,
        codeSha256: known.codeSha256,
        roleArn: known.roleArn ?? targets.roleArn,
        verified: !finished ? 'false' : settings.verify === 'off' ? 'skipped' : verdictOf(checks),
        qualifiedName: finished && qualifiedNameOf(settings, finished.version),
        smokeTest: end.smokeTest,
        // A refused alias move fails the run: promoted is then false, never empty.
        promoted: finished?.promoted ?? known.promoted,
        previousVersion: previousVersion(fn.changes),
        trafficShift: end.function.ok
            ? end.function.outcome.shift
            : end.function.error instanceof ShiftStopped
                ? end.function.error.shift
                : undefined,
        changes: [...fn.changes, ...role.changes].map(changeRow),
        checks,
        failed: failed.length ? failed : undefined
    };
    return { ...record, lambdaPolicy: lambdaPolicyOf(record) };
}
/** Where the alias pointed when this run read it: the alias change's `from`. */
const previousVersion = (changes) => changes.find(c => c.kind === 'alias')?.from;
/**
 * The record of a run refused before any write (verify/pre-write.ts): no change made, the planned
 * checks that refused it, and the refusal as the failed step.
 */
function refusedRecord(settings, targets, planned, checks, refusal) {
    const notDone = settings.dryRun ? 'dry run' : 'not reached';
    const record = {
        ...targets,
        dryRun: settings.dryRun,
        verified: 'false',
        previousVersion: previousVersion(planned),
        changes: planned.map(c => (c.action === 'unchanged' ? c : { ...c, notDone })).map(changeRow),
        checks,
        failed: [{ step: `the check before any write (role ${settings.role.name})`, error: refusal }]
    };
    return { ...record, lambdaPolicy: lambdaPolicyOf(record) };
}
/** Outputs and summary first, so a failure still leaves them; a failed run then fails the step. */
async function writeRecord(result) {
    setOutputs(result);
    await writeSummary(result);
    const failed = result.failed ?? [];
    for (const f of failed.slice(0, -1))
        workflow_commands/* error */.z3(`${f.step} failed: ${f.error}`);
    const last = failed[failed.length - 1];
    if (last)
        workflow_commands/* setFailed */.C1(`${last.step} failed: ${last.error}`);
}

;// CONCATENATED MODULE: ./src/run/main.ts
// The action, top to bottom, once index.ts has checked the inputs: learn the account, plan, apply,
// smoke-test, verify, move the alias, report.


















/** Runs with inputs already checked (`read-inputs.ts`, before this module and the AWS SDK load). */
async function run({ settings, code }) {
    try {
        for (const notice of settings.notices)
            workflow_commands/* notice */.lm(notice);
        const { ctx, early } = await createContext(settings);
        let targets = targetsOf(ctx);
        setTargetOutputs(targets);
        // Read everything first, so that a problem found on the way (say, runtime missing for a
        // function that does not exist, or an alarm CloudWatch does not know) stops the run before
        // any write. A rollback plans the alias's move back, and no code.
        const [functionPlan, rolePlan] = await Promise.all([
            settings.rollback
                ? planRollback(ctx, early.function)
                : planFunction(ctx, code, early.function),
            planRole(ctx, early.role),
            requireAlarms(settings, early.alarms)
        ]);
        logFunctionPlan(ctx.log, functionPlan, settings.dryRun);
        logRolePlan(ctx.log, rolePlan);
        // The role may live at another path than the one the inputs imply: name the real one.
        if (rolePlan.live?.arn && rolePlan.live.arn !== targets.roleArn) {
            targets = { ...targets, roleArn: rolePlan.live.arn };
            setTargetOutputs(targets);
        }
        // Never let IBM into a role that fails: the planned role is analysed before any write.
        const before = await beforeWrites(ctx, rolePlan, functionPlan.live?.Role, early.rolePolicies);
        if (before?.refusal) {
            const { trust, onlyInvoke } = before.analysis;
            const planned = [...functionPlan.changes, ...rolePlan.changes];
            await writeRecord(refusedRecord(settings, targets, planned, [...trust, onlyInvoke], before.refusal));
            return;
        }
        // The function's branch deploys, publishes and smoke-tests what it published; the role's
        // branch ensures the role, then verifies it. Neither waits for the other: verification only
        // reads, and the smoke test only invokes. Both settle before anything is reported, so the
        // role's held lines are written before, never after, the run's error.
        const deploying = applyFunction(ctx, functionPlan, () => replanFunction(ctx, code)).then(async (fn) => ({ ...fn, smoke: await smokeTest(ctx, fn.version, functionPlan.live) }));
        const [fnEnd, roleEnd] = await Promise.all([
            ended(deploying, functionPlan.changes, `function ${settings.functionName}`),
            ended(groupAfter(`Role ${settings.role.name}`, deploying, async () => {
                // A role that changed under the run (a replan) is read afresh, not from before the writes.
                let replanned = false;
                const role = await role_applyRole(ctx, rolePlan, () => {
                    replanned = true;
                    return replanRole(ctx);
                });
                const planned = replanned ? undefined : before?.analysis;
                const checks = await verifyLogged(ctx, role, plannedAliasArn(ctx), planned);
                return { ...role, checks };
            }), rolePlan.changes, `role ${settings.role.name}`)
        ]);
        const smoke = fnEnd.ok ? fnEnd.outcome.smoke : undefined;
        // The alias moves last, and only when the smoke test and verification passed.
        let fnFinal = fnEnd;
        if (fnEnd.ok && roleEnd.ok) {
            const hold = holdReason(settings.verify, smoke, roleEnd.outcome.checks);
            fnFinal = await ended(promote(ctx, functionPlan, fnEnd.outcome, hold), functionPlan.changes, `function ${settings.functionName}`);
        }
        const result = recordOf(settings, targets, {
            function: fnFinal,
            role: roleEnd,
            smokeTest: smoke
        });
        await writeRecord(result);
        if (result.failed || !fnFinal.ok || !roleEnd.ok)
            return;
        reportSmoke(smoke, fnFinal.outcome);
        reportVerdict(settings.verify, roleEnd.outcome.checks);
    }
    catch (error) {
        workflow_commands/* setFailed */.C1((0,failure/* withCauses */.vR)(error));
    }
}
/** A plan made again after a lost race (a fresh read), logged as the first one was. */
async function replanFunction(ctx, code) {
    const plan = await planFunction(ctx, code);
    logFunctionPlan(ctx.log, plan, ctx.settings.dryRun);
    return plan;
}
async function replanRole(ctx) {
    const plan = await planRole(ctx);
    logRolePlan(ctx.log, plan);
    return plan;
}
/** A branch's end as the record takes it: never a rejection. */
function ended(work, planned, name) {
    return work.then(outcome => ({ ok: true, outcome }), (error) => ({ ok: false, error, planned, name }));
}


/***/ })

};
