import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1626:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ isRoleArn),
/* harmony export */   PY: () => (/* binding */ functionArnProblem),
/* harmony export */   Sx: () => (/* binding */ isPolicyArn),
/* harmony export */   XP: () => (/* binding */ accountOf),
/* harmony export */   _U: () => (/* binding */ principalProblem),
/* harmony export */   aY: () => (/* binding */ REGION_PATTERN),
/* harmony export */   iQ: () => (/* binding */ partitionOf),
/* harmony export */   mE: () => (/* binding */ functionArn),
/* harmony export */   r$: () => (/* binding */ parseFunctionRef),
/* harmony export */   w3: () => (/* binding */ roleArn)
/* harmony export */ });
// ARN syntax for the few resource types the action names. Everything here is pure.
const PARTITION = 'aws(?:-[a-z]+)*';
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d';
const ACCOUNT = '\\d{12}';
const REGION_PATTERN = new RegExp(`^${REGION}$`);
const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
// Lambda accepts a name, a partial ARN (ACCOUNT:function:NAME) or a full ARN.
const FUNCTION_ARN = new RegExp(`^(?:arn:(${PARTITION}):lambda:(${REGION}):)?(?:(${ACCOUNT}):function:)?([^:]+)(?::(.+))?$`);
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\\x21-\\x7E]*/)?[\\w+=,.@-]{1,64}$`);
const POLICY_ARN = new RegExp(`^arn:${PARTITION}:iam::(?:${ACCOUNT}|aws):policy/(?:[\\x21-\\x7E]*/)?[\\w+=,.@-]{1,128}$`);
/** Splits a function name or (partial) ARN; undefined when it is neither. */
function parseFunctionRef(input) {
    const m = FUNCTION_ARN.exec(input);
    if (!m || !FUNCTION_NAME_PATTERN.test(m[4]))
        return undefined;
    const [, partition, region, accountId, name, qualifier] = m;
    return { name, partition, region, accountId, qualifier };
}
const FULL_FUNCTION_ARN_START = new RegExp(`^arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:`);
/**
 * Why a function ARN (full or partial) is malformed, if it is: without this, the regex above reads
 * `arn:aws:lambda:REGION:12345678901:function:orders` as a name with the qualifier `function:orders`.
 */
function functionArnProblem(input) {
    const account = /^(?:arn:[^:]*:[^:]*:[^:]*:)?([^:]*):function:/.exec(input)?.[1];
    if (account !== undefined && !/^\d{12}$/.test(account))
        return 'is not a Lambda function ARN: the account ID must be 12 digits';
    if (input.startsWith('arn:') && !FULL_FUNCTION_ARN_START.test(input))
        return 'is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)';
    return undefined;
}
const isRoleArn = (s) => ROLE_ARN.test(s);
const isPolicyArn = (s) => POLICY_ARN.test(s);
function functionArn(partition, region, accountId, name) {
    return `arn:${partition}:lambda:${region}:${accountId}:function:${name}`;
}
function roleArn(partition, accountId, path, name) {
    return `arn:${partition}:iam::${accountId}:role${path}${name}`;
}
/** `aws`, `aws-cn`, `aws-us-gov`… from any ARN. */
const partitionOf = (arn) => arn.split(':')[1];
/** The account id field of an ARN. */
const accountOf = (arn) => arn.split(':')[4];
const ACCOUNT_ID = /^\d{12}$/;
const IAM_PRINCIPAL_ARN = /^arn:aws(-[a-z]+)*:(iam::\d{12}:(root|(role|user|oidc-provider|saml-provider)\/\S+)|sts::\d{12}:assumed-role\/\S+)$/;
// Service principals (lambda.amazonaws.com) and the federated providers IAM names without an ARN.
const NAMED_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
/** Why `principal` is not one a trust policy can name, if it is not. Wildcards are refused. */
function principalProblem(principal) {
    if (/[*?]/.test(principal))
        return 'wildcards are refused: name each principal the role may trust (a wildcard trusts everyone it matches)';
    if (ACCOUNT_ID.test(principal) ||
        IAM_PRINCIPAL_ARN.test(principal) ||
        NAMED_PRINCIPAL.test(principal))
        return undefined;
    return `"${principal.slice(0, 80)}" is not a principal: use an account ID, an IAM ARN (root, role, user, assumed-role, oidc-provider, saml-provider) or a service or provider name such as lambda.amazonaws.com`;
}


/***/ }),

/***/ 1633:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZY: () => (/* binding */ markFailed),
/* harmony export */   an: () => (/* binding */ StepFailed),
/* harmony export */   uw: () => (/* binding */ stepText),
/* harmony export */   vR: () => (/* binding */ withCauses)
/* harmony export */ });
/** The one wording of a step: `lambda:CreateAlias live on function orders`. */
function stepText(step) {
    if ('doing' in step)
        return step.doing;
    const { operation, names, resource, why } = step;
    const target = [names, resource && `on ${resource}`].filter(Boolean).join(' ');
    return `${operation}${target && ` ${target}`}${why ? ` (${why})` : ''}`;
}
class StepFailed extends Error {
    where;
    changes;
    known;
    /** The step in words (`stepText`): `lambda:PublishVersion on function orders`. */
    step;
    constructor(
    /** Where the branch failed, as data. */
    where, 
    /** Every planned change: the ones made as planned, the others with `notDone`. */
    changes, known, cause) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.where = where;
        this.changes = changes;
        this.known = known;
        this.name = 'StepFailed';
        this.step = stepText(where);
    }
    /** The error, without the step when the AWS error already says it (aws/where.ts): said once. */
    get reason() {
        const text = withCauses(this);
        return text.startsWith(`${this.step}: `) ? text.slice(this.step.length + 2) : text;
    }
}
/**
 * The planned changes after a failure: `done(change)` says whether its write was made; the first
 * change not made is the one that failed, the rest were not reached.
 */
function markFailed(changes, done) {
    let failedOne = false;
    return changes.map(change => {
        if (change.action === 'unchanged' || change.notDone || done(change))
            return change;
        const notDone = failedOne ? 'not reached' : 'failed';
        failedOne = true;
        return { ...change, notDone };
    });
}
/** The message, and each cause's that it does not already say. */
function withCauses(error) {
    let message = error instanceof Error ? error.message : String(error);
    for (let cause = error?.cause; cause instanceof Error; cause = cause.cause)
        if (!message.includes(cause.message))
            message += ` (cause: ${cause.message.slice(0, 500)})`;
    return message;
}


/***/ }),

/***/ 6640:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  id: () => (/* binding */ CodeInputError),
  Ce: () => (/* binding */ DIRECT_UPLOAD_LIMIT),
  AG: () => (/* binding */ UNZIPPED_SIZE_LIMIT),
  Xq: () => (/* binding */ formatSize),
  m$: () => (/* binding */ packageCode)
});

// UNUSED EXPORTS: codeSha256, linkTargetProblem, normalisedFileMode, readZipSummary

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fflate/esm/index.mjs

var esm_require = (0,external_module_namespaceObject.createRequire)('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var Worker;
var isMarkedAsUntransferable;
var workerAdd = ";var __w=require('worker_threads');__w.parentPort.on('message',function(m){onmessage({data:m})}),postMessage=function(m,t){__w.parentPort.postMessage(m,t)},close=process.exit;self=global";
try {
    (_a = esm_require('worker_threads'), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}
var wk = (/* unused pure expression or super */ null && (Worker ? function (c, _, msg, transfer, cb) {
    var done = false;
    var w = new Worker(c + workerAdd, { eval: true })
        .on('error', function (e) { return cb(e, null); })
        .on('message', function (m) { return cb(null, m); })
        .on('exit', function (c) {
        if (c && !done)
            cb(new Error('exited with code ' + c), null);
    });
    if (isMarkedAsUntransferable)
        transfer = transfer.filter(function (t) { return !isMarkedAsUntransferable(t); });
    w.postMessage(msg, transfer);
    w.terminate = function () {
        done = true;
        return Worker.prototype.terminate.call(w);
    };
    return w;
} : function (_, __, ___, ____, cb) {
    setImmediate(function () { return cb(new Error('async operations unsupported - update to Node 12+ (or Node 10-11 with the --experimental-worker CLI flag)'), null); });
    var NOP = function () { };
    return {
        terminate: NOP,
        postMessage: NOP
    };
}));

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// code length index map
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0), fd = _b.b, revfd = _b.r;
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// create huffman tree from u8 "map": index -> code length for code index
// mb (max bits) must be at most 15
// TODO: optimize/split up?
var hMap = (function (cd, mb, r) {
    var s = cd.length;
    // index
    var i = 0;
    // u16 "map": index -> # of codes with bit length = index
    var l = new u16(mb);
    // length of cd must be 288 (total # of codes)
    for (; i < s; ++i) {
        if (cd[i])
            ++l[cd[i] - 1];
    }
    // u16 "map": index -> minimum code for bit length = index
    var le = new u16(mb);
    for (i = 1; i < mb; ++i) {
        le[i] = (le[i - 1] + l[i - 1]) << 1;
    }
    var co;
    if (r) {
        // u16 "map": index -> number of actual bits, symbol for code
        co = new u16(1 << mb);
        // bits to remove for reverser
        var rvb = 15 - mb;
        for (i = 0; i < s; ++i) {
            // ignore 0 lengths
            if (cd[i]) {
                // num encoding both symbol and bits read
                var sv = (i << 4) | cd[i];
                // free bits
                var r_1 = mb - cd[i];
                // start value
                var v = le[cd[i] - 1]++ << r_1;
                // m is end value
                for (var m = v | ((1 << r_1) - 1); v <= m; ++v) {
                    // every 16 bit value starting with the code yields the same result
                    co[rev[v] >> rvb] = sv;
                }
            }
        }
    }
    else {
        co = new u16(s);
        for (i = 0; i < s; ++i) {
            if (cd[i]) {
                co[i] = rev[le[cd[i] - 1]++] >> (15 - cd[i]);
            }
        }
    }
    return co;
});
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// fixed length map
var flm = /*#__PURE__*/ hMap(flt, 9, 0), flrm = /*#__PURE__*/ hMap(flt, 9, 1);
// fixed distance map
var fdm = /*#__PURE__*/ hMap(fdt, 5, 0), fdrm = /*#__PURE__*/ hMap(fdt, 5, 1);
// find max of array
var max = function (a) {
    var m = a[0];
    for (var i = 1; i < a.length; ++i) {
        if (a[i] > m)
            m = a[i];
    }
    return m;
};
// read d, starting at bit p and mask with m
var bits = function (d, p, m) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
// read d, starting at bit p continuing for at least 16 bits
var bits16 = function (d, p) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7));
};
// get end of byte
var shft = function (p) { return ((p + 7) / 8) | 0; };
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
/**
 * Codes for errors generated within this library
 */
var FlateErrorCode = {
    UnexpectedEOF: 0,
    InvalidBlockType: 1,
    InvalidLengthLiteral: 2,
    InvalidDistance: 3,
    StreamFinished: 4,
    NoStreamHandler: 5,
    InvalidHeader: 6,
    NoCallback: 7,
    InvalidUTF8: 8,
    ExtraFieldTooLong: 9,
    InvalidDate: 10,
    FilenameTooLong: 11,
    StreamFinishing: 12,
    InvalidZipData: 13,
    UnknownCompressionMethod: 14
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
;
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// expands raw DEFLATE data
var inflt = function (dat, st, buf, dict) {
    // source length       dict length
    var sl = dat.length, dl = dict ? dict.length : 0;
    if (!sl || st.f && !st.l)
        return buf || new u8(0);
    var noBuf = !buf;
    // have to estimate size
    var resize = noBuf || st.i != 2;
    // no state
    var noSt = st.i;
    // Assumes roughly 33% compression ratio average
    if (noBuf)
        buf = new u8(sl * 3);
    // ensure buffer can fit at least l elements
    var cbuf = function (l) {
        var bl = buf.length;
        // need to increase size to fit
        if (l > bl) {
            // Double or set to necessary, whichever is greater
            var nbuf = new u8(Math.max(bl * 2, l));
            nbuf.set(buf);
            buf = nbuf;
        }
    };
    //  last chunk         bitpos           bytes
    var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
    // total bits
    var tbts = sl * 8;
    do {
        if (!lm) {
            // BFINAL - this is only 1 when last chunk is next
            final = bits(dat, pos, 1);
            // type: 0 = no compression, 1 = fixed huffman, 2 = dynamic huffman
            var type = bits(dat, pos + 1, 3);
            pos += 3;
            if (!type) {
                // go to end of byte boundary
                var s = shft(pos) + 4, l = dat[s - 4] | (dat[s - 3] << 8), t = s + l;
                if (t > sl) {
                    if (noSt)
                        err(0);
                    break;
                }
                // ensure size
                if (resize)
                    cbuf(bt + l);
                // Copy over uncompressed data
                buf.set(dat.subarray(s, t), bt);
                // Get new bitpos, update byte count
                st.b = bt += l, st.p = pos = t * 8, st.f = final;
                continue;
            }
            else if (type == 1)
                lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
            else if (type == 2) {
                //  literal                            lengths
                var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
                var tl = hLit + bits(dat, pos + 5, 31) + 1;
                pos += 14;
                // length+distance tree
                var ldt = new u8(tl);
                // code length tree
                var clt = new u8(19);
                for (var i = 0; i < hcLen; ++i) {
                    // use index map to get real code
                    clt[clim[i]] = bits(dat, pos + i * 3, 7);
                }
                pos += hcLen * 3;
                // code lengths bits
                var clb = max(clt), clbmsk = (1 << clb) - 1;
                // code lengths map
                var clm = hMap(clt, clb, 1);
                for (var i = 0; i < tl;) {
                    var r = clm[bits(dat, pos, clbmsk)];
                    // bits read
                    pos += r & 15;
                    // symbol
                    var s = r >> 4;
                    // code length to copy
                    if (s < 16) {
                        ldt[i++] = s;
                    }
                    else {
                        //  copy   count
                        var c = 0, n = 0;
                        if (s == 16)
                            n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
                        else if (s == 17)
                            n = 3 + bits(dat, pos, 7), pos += 3;
                        else if (s == 18)
                            n = 11 + bits(dat, pos, 127), pos += 7;
                        while (n--)
                            ldt[i++] = c;
                    }
                }
                //    length tree                 distance tree
                var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
                // max length bits
                lbt = max(lt);
                // max dist bits
                dbt = max(dt);
                lm = hMap(lt, lbt, 1);
                dm = hMap(dt, dbt, 1);
            }
            else
                err(1);
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
        }
        // Make sure the buffer can hold this + the largest possible addition
        // Maximum chunk size (practically, theoretically infinite) is 2^17
        if (resize)
            cbuf(bt + 131072);
        var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
        var lpos = pos;
        for (;; lpos = pos) {
            // bits read, code
            var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
            pos += c & 15;
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
            if (!c)
                err(2);
            if (sym < 256)
                buf[bt++] = sym;
            else if (sym == 256) {
                lpos = pos, lm = null;
                break;
            }
            else {
                var add = sym - 254;
                // no extra bits needed if less
                if (sym > 264) {
                    // index
                    var i = sym - 257, b = fleb[i];
                    add = bits(dat, pos, (1 << b) - 1) + fl[i];
                    pos += b;
                }
                // dist
                var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
                if (!d)
                    err(3);
                pos += d & 15;
                var dt = fd[dsym];
                if (dsym > 3) {
                    var b = fdeb[dsym];
                    dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
                }
                if (pos > tbts) {
                    if (noSt)
                        err(0);
                    break;
                }
                if (resize)
                    cbuf(bt + 131072);
                var end = bt + add;
                if (bt < dt) {
                    var shift = dl - dt, dend = Math.min(dt, end);
                    if (shift + bt < 0)
                        err(3);
                    for (; bt < dend; ++bt)
                        buf[bt] = dict[shift + bt];
                }
                for (; bt < end; ++bt)
                    buf[bt] = buf[bt - dt];
            }
        }
        st.l = lm, st.p = lpos, st.b = bt, st.f = final;
        if (lm)
            final = 1, st.m = lbt, st.d = dm, st.n = dbt;
    } while (!final);
    // don't reallocate for streams or user buffers
    return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
// starting at p, write the minimum number of bits that can hold v to d
var wbits = function (d, p, v) {
    v <<= p & 7;
    var o = (p / 8) | 0;
    d[o] |= v;
    d[o + 1] |= v >> 8;
};
// starting at p, write the minimum number of bits (>8) that can hold v to d
var wbits16 = function (d, p, v) {
    v <<= p & 7;
    var o = (p / 8) | 0;
    d[o] |= v;
    d[o + 1] |= v >> 8;
    d[o + 2] |= v >> 16;
};
// creates code lengths from a frequency table
var hTree = function (d, mb) {
    // Need extra info to make a tree
    var t = [];
    for (var i = 0; i < d.length; ++i) {
        if (d[i])
            t.push({ s: i, f: d[i] });
    }
    var s = t.length;
    var t2 = t.slice();
    if (!s)
        return { t: et, l: 0 };
    if (s == 1) {
        var v = new u8(t[0].s + 1);
        v[t[0].s] = 1;
        return { t: v, l: 1 };
    }
    t.sort(function (a, b) { return a.f - b.f; });
    // after i2 reaches last ind, will be stopped
    // freq must be greater than largest possible number of symbols
    t.push({ s: -1, f: 25001 });
    var l = t[0], r = t[1], i0 = 0, i1 = 1, i2 = 2;
    t[0] = { s: -1, f: l.f + r.f, l: l, r: r };
    // efficient algorithm from UZIP.js
    // i0 is lookbehind, i2 is lookahead - after processing two low-freq
    // symbols that combined have high freq, will start processing i2 (high-freq,
    // non-composite) symbols instead
    // see https://reddit.com/r/photopea/comments/ikekht/uzipjs_questions/
    while (i1 != s - 1) {
        l = t[t[i0].f < t[i2].f ? i0++ : i2++];
        r = t[i0 != i1 && t[i0].f < t[i2].f ? i0++ : i2++];
        t[i1++] = { s: -1, f: l.f + r.f, l: l, r: r };
    }
    var maxSym = t2[0].s;
    for (var i = 1; i < s; ++i) {
        if (t2[i].s > maxSym)
            maxSym = t2[i].s;
    }
    // code lengths
    var tr = new u16(maxSym + 1);
    // max bits in tree
    var mbt = ln(t[i1 - 1], tr, 0);
    if (mbt > mb) {
        // more algorithms from UZIP.js
        // TODO: find out how this code works (debt)
        //  ind    debt
        var i = 0, dt = 0;
        //    left            cost
        var lft = mbt - mb, cst = 1 << lft;
        t2.sort(function (a, b) { return tr[b.s] - tr[a.s] || a.f - b.f; });
        for (; i < s; ++i) {
            var i2_1 = t2[i].s;
            if (tr[i2_1] > mb) {
                dt += cst - (1 << (mbt - tr[i2_1]));
                tr[i2_1] = mb;
            }
            else
                break;
        }
        dt >>= lft;
        while (dt > 0) {
            var i2_2 = t2[i].s;
            if (tr[i2_2] < mb)
                dt -= 1 << (mb - tr[i2_2]++ - 1);
            else
                ++i;
        }
        for (; i >= 0 && dt; --i) {
            var i2_3 = t2[i].s;
            if (tr[i2_3] == mb) {
                --tr[i2_3];
                ++dt;
            }
        }
        mbt = mb;
    }
    return { t: new u8(tr), l: mbt };
};
// get the max length and assign length codes
var ln = function (n, l, d) {
    return n.s == -1
        ? Math.max(ln(n.l, l, d + 1), ln(n.r, l, d + 1))
        : (l[n.s] = d);
};
// length codes generation
var lc = function (c) {
    var s = c.length;
    // Note that the semicolon was intentional
    while (s && !c[--s])
        ;
    var cl = new u16(++s);
    //  ind      num         streak
    var cli = 0, cln = c[0], cls = 1;
    var w = function (v) { cl[cli++] = v; };
    for (var i = 1; i <= s; ++i) {
        if (c[i] == cln && i != s)
            ++cls;
        else {
            if (!cln && cls > 2) {
                for (; cls > 138; cls -= 138)
                    w(32754);
                if (cls > 2) {
                    w(cls > 10 ? ((cls - 11) << 5) | 28690 : ((cls - 3) << 5) | 12305);
                    cls = 0;
                }
            }
            else if (cls > 3) {
                w(cln), --cls;
                for (; cls > 6; cls -= 6)
                    w(8304);
                if (cls > 2)
                    w(((cls - 3) << 5) | 8208), cls = 0;
            }
            while (cls--)
                w(cln);
            cls = 1;
            cln = c[i];
        }
    }
    return { c: cl.subarray(0, cli), n: s };
};
// calculate the length of output from tree, code lengths
var clen = function (cf, cl) {
    var l = 0;
    for (var i = 0; i < cl.length; ++i)
        l += cf[i] * cl[i];
    return l;
};
// writes a fixed block
// returns the new bit pos
var wfblk = function (out, pos, dat) {
    // no need to write 00 as type: TypedArray defaults to 0
    var s = dat.length;
    var o = shft(pos + 2);
    out[o] = s & 255;
    out[o + 1] = s >> 8;
    out[o + 2] = out[o] ^ 255;
    out[o + 3] = out[o + 1] ^ 255;
    for (var i = 0; i < s; ++i)
        out[o + i + 4] = dat[i];
    return (o + 4 + s) * 8;
};
// writes a block
var wblk = function (dat, out, final, syms, lf, df, eb, li, bs, bl, p) {
    wbits(out, p++, final);
    ++lf[256];
    var _a = hTree(lf, 15), dlt = _a.t, mlb = _a.l;
    var _b = hTree(df, 15), ddt = _b.t, mdb = _b.l;
    var _c = lc(dlt), lclt = _c.c, nlc = _c.n;
    var _d = lc(ddt), lcdt = _d.c, ndc = _d.n;
    var lcfreq = new u16(19);
    for (var i = 0; i < lclt.length; ++i)
        ++lcfreq[lclt[i] & 31];
    for (var i = 0; i < lcdt.length; ++i)
        ++lcfreq[lcdt[i] & 31];
    var _e = hTree(lcfreq, 7), lct = _e.t, mlcb = _e.l;
    var nlcc = 19;
    for (; nlcc > 4 && !lct[clim[nlcc - 1]]; --nlcc)
        ;
    var flen = (bl + 5) << 3;
    var ftlen = clen(lf, flt) + clen(df, fdt) + eb;
    var dtlen = clen(lf, dlt) + clen(df, ddt) + eb + 14 + 3 * nlcc + clen(lcfreq, lct) + 2 * lcfreq[16] + 3 * lcfreq[17] + 7 * lcfreq[18];
    if (bs >= 0 && flen <= ftlen && flen <= dtlen)
        return wfblk(out, p, dat.subarray(bs, bs + bl));
    var lm, ll, dm, dl;
    wbits(out, p, 1 + (dtlen < ftlen)), p += 2;
    if (dtlen < ftlen) {
        lm = hMap(dlt, mlb, 0), ll = dlt, dm = hMap(ddt, mdb, 0), dl = ddt;
        var llm = hMap(lct, mlcb, 0);
        wbits(out, p, nlc - 257);
        wbits(out, p + 5, ndc - 1);
        wbits(out, p + 10, nlcc - 4);
        p += 14;
        for (var i = 0; i < nlcc; ++i)
            wbits(out, p + 3 * i, lct[clim[i]]);
        p += 3 * nlcc;
        var lcts = [lclt, lcdt];
        for (var it = 0; it < 2; ++it) {
            var clct = lcts[it];
            for (var i = 0; i < clct.length; ++i) {
                var len = clct[i] & 31;
                wbits(out, p, llm[len]), p += lct[len];
                if (len > 15)
                    wbits(out, p, (clct[i] >> 5) & 127), p += clct[i] >> 12;
            }
        }
    }
    else {
        lm = flm, ll = flt, dm = fdm, dl = fdt;
    }
    for (var i = 0; i < li; ++i) {
        var sym = syms[i];
        if (sym > 255) {
            var len = (sym >> 18) & 31;
            wbits16(out, p, lm[len + 257]), p += ll[len + 257];
            if (len > 7)
                wbits(out, p, (sym >> 23) & 31), p += fleb[len];
            var dst = sym & 31;
            wbits16(out, p, dm[dst]), p += dl[dst];
            if (dst > 3)
                wbits16(out, p, (sym >> 5) & 8191), p += fdeb[dst];
        }
        else {
            wbits16(out, p, lm[sym]), p += ll[sym];
        }
    }
    wbits16(out, p, lm[256]);
    return p + ll[256];
};
// deflate options (nice << 13) | chain
var deo = /*#__PURE__*/ new i32([65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632]);
// empty
var et = /*#__PURE__*/ new u8(0);
// compresses data into a raw DEFLATE buffer
var dflt = function (dat, lvl, plvl, pre, post, st) {
    var s = st.z || dat.length;
    var o = new u8(pre + s + 5 * (1 + Math.ceil(s / 7000)) + post);
    // writing to this writes to the output buffer
    var w = o.subarray(pre, o.length - post);
    var lst = st.l;
    var pos = (st.r || 0) & 7;
    if (lvl) {
        if (pos)
            w[0] = st.r >> 3;
        var opt = deo[lvl - 1];
        var n = opt >> 13, c = opt & 8191;
        var msk_1 = (1 << plvl) - 1;
        //    prev 2-byte val map    curr 2-byte val map
        var prev = st.p || new u16(32768), head = st.h || new u16(msk_1 + 1);
        var bs1_1 = Math.ceil(plvl / 3), bs2_1 = 2 * bs1_1;
        var hsh = function (i) { return (dat[i] ^ (dat[i + 1] << bs1_1) ^ (dat[i + 2] << bs2_1)) & msk_1; };
        // 24576 is an arbitrary number of maximum symbols per block
        // 424 buffer for last block
        var syms = new i32(25000);
        // length/literal freq   distance freq
        var lf = new u16(288), df = new u16(32);
        //  l/lcnt  exbits  index          l/lind  waitdx          blkpos
        var lc_1 = 0, eb = 0, i = st.i || 0, li = 0, wi = st.w || 0, bs = 0;
        for (; i + 2 < s; ++i) {
            // hash value
            var hv = hsh(i);
            // index mod 32768    previous index mod
            var imod = i & 32767, pimod = head[hv];
            prev[imod] = pimod;
            head[hv] = imod;
            // We always should modify head and prev, but only add symbols if
            // this data is not yet processed ("wait" for wait index)
            if (wi <= i) {
                // bytes remaining
                var rem = s - i;
                if ((lc_1 > 7000 || li > 24576) && (rem > 423 || !lst)) {
                    pos = wblk(dat, w, 0, syms, lf, df, eb, li, bs, i - bs, pos);
                    li = lc_1 = eb = 0, bs = i;
                    for (var j = 0; j < 286; ++j)
                        lf[j] = 0;
                    for (var j = 0; j < 30; ++j)
                        df[j] = 0;
                }
                //  len    dist   chain
                var l = 2, d = 0, ch_1 = c, dif = imod - pimod & 32767;
                if (rem > 2 && hv == hsh(i - dif)) {
                    var maxn = Math.min(n, rem) - 1;
                    var maxd = Math.min(32767, i);
                    // max possible length
                    // not capped at dif because decompressors implement "rolling" index population
                    var ml = Math.min(258, rem);
                    while (dif <= maxd && --ch_1 && imod != pimod) {
                        if (dat[i + l] == dat[i + l - dif]) {
                            var nl = 0;
                            for (; nl < ml && dat[i + nl] == dat[i + nl - dif]; ++nl)
                                ;
                            if (nl > l) {
                                l = nl, d = dif;
                                // break out early when we reach "nice" (we are satisfied enough)
                                if (nl > maxn)
                                    break;
                                // now, find the rarest 2-byte sequence within this
                                // length of literals and search for that instead.
                                // Much faster than just using the start
                                var mmd = Math.min(dif, nl - 2);
                                var md = 0;
                                for (var j = 0; j < mmd; ++j) {
                                    var ti = i - dif + j & 32767;
                                    var pti = prev[ti];
                                    var cd = ti - pti & 32767;
                                    if (cd > md)
                                        md = cd, pimod = ti;
                                }
                            }
                        }
                        // check the previous match
                        imod = pimod, pimod = prev[imod];
                        dif += imod - pimod & 32767;
                    }
                }
                // d will be nonzero only when a match was found
                if (d) {
                    // store both dist and len data in one int32
                    // Make sure this is recognized as a len/dist with 28th bit (2^28)
                    syms[li++] = 268435456 | (revfl[l] << 18) | revfd[d];
                    var lin = revfl[l] & 31, din = revfd[d] & 31;
                    eb += fleb[lin] + fdeb[din];
                    ++lf[257 + lin];
                    ++df[din];
                    wi = i + l;
                    ++lc_1;
                }
                else {
                    syms[li++] = dat[i];
                    ++lf[dat[i]];
                }
            }
        }
        for (i = Math.max(i, wi); i < s; ++i) {
            syms[li++] = dat[i];
            ++lf[dat[i]];
        }
        pos = wblk(dat, w, lst, syms, lf, df, eb, li, bs, i - bs, pos);
        if (!lst) {
            st.r = (pos & 7) | w[(pos / 8) | 0] << 3;
            // shft(pos) now 1 less if pos & 7 != 0
            pos -= 7;
            st.h = head, st.p = prev, st.i = i, st.w = wi;
        }
    }
    else {
        for (var i = st.w || 0; i < s + lst; i += 65535) {
            // end
            var e = i + 65535;
            if (e >= s) {
                // write final block
                w[(pos / 8) | 0] = lst;
                e = s;
            }
            pos = wfblk(w, pos + 1, dat.subarray(i, e));
        }
        st.i = s;
    }
    return slc(o, 0, pre + shft(pos) + post);
};
// CRC32 table
var crct = /*#__PURE__*/ (/* unused pure expression or super */ null && ((function () {
    var t = new Int32Array(256);
    for (var i = 0; i < 256; ++i) {
        var c = i, k = 9;
        while (--k)
            c = ((c & 1) && -306674912) ^ (c >>> 1);
        t[i] = c;
    }
    return t;
})()));
// CRC32
var crc = function () {
    var c = -1;
    return {
        p: function (d) {
            // closures have awful performance
            var cr = c;
            for (var i = 0; i < d.length; ++i)
                cr = crct[(cr & 255) ^ d[i]] ^ (cr >>> 8);
            c = cr;
        },
        d: function () { return ~c; }
    };
};
// Adler32
var adler = function () {
    var a = 1, b = 0;
    return {
        p: function (d) {
            // closures have awful performance
            var n = a, m = b;
            var l = d.length | 0;
            for (var i = 0; i != l;) {
                var e = Math.min(i + 2655, l);
                for (; i < e; ++i)
                    m += n += d[i];
                n = (n & 65535) + 15 * (n >> 16), m = (m & 65535) + 15 * (m >> 16);
            }
            a = n, b = m;
        },
        d: function () {
            a %= 65521, b %= 65521;
            return (a & 255) << 24 | (a & 0xFF00) << 8 | (b & 255) << 8 | (b >> 8);
        }
    };
};
;
// deflate with opts
var dopt = function (dat, opt, pre, post, st) {
    if (!st) {
        st = { l: 1 };
        if (opt.dictionary) {
            var dict = opt.dictionary.subarray(-32768);
            var newDat = new u8(dict.length + dat.length);
            newDat.set(dict);
            newDat.set(dat, dict.length);
            dat = newDat;
            st.w = dict.length;
        }
    }
    return dflt(dat, opt.level == null ? 6 : opt.level, opt.mem == null ? (st.l ? Math.ceil(Math.max(8, Math.min(13, Math.log(dat.length))) * 1.5) : 20) : (12 + opt.mem), pre, post, st);
};
// Walmart object spread
var mrg = function (a, b) {
    var o = {};
    for (var k in a)
        o[k] = a[k];
    for (var k in b)
        o[k] = b[k];
    return o;
};
// worker clone
// This is possibly the craziest part of the entire codebase, despite how simple it may seem.
// The only parameter to this function is a closure that returns an array of variables outside of the function scope.
// We're going to try to figure out the variable names used in the closure as strings because that is crucial for workerization.
// We will return an object mapping of true variable name to value (basically, the current scope as a JS object).
// The reason we can't just use the original variable names is minifiers mangling the toplevel scope.
// This took me three weeks to figure out how to do.
var wcln = function (fn, fnStr, td) {
    var dt = fn();
    var st = fn.toString();
    var ks = st.slice(st.indexOf('[') + 1, st.lastIndexOf(']')).replace(/\s+/g, '').split(',');
    for (var i = 0; i < dt.length; ++i) {
        var v = dt[i], k = ks[i];
        if (typeof v == 'function') {
            fnStr += ';' + k + '=';
            var st_1 = v.toString();
            if (v.prototype) {
                // for global objects
                if (st_1.indexOf('[native code]') != -1) {
                    var spInd = st_1.indexOf(' ', 8) + 1;
                    fnStr += st_1.slice(spInd, st_1.indexOf('(', spInd));
                }
                else {
                    fnStr += st_1;
                    for (var t in v.prototype)
                        fnStr += ';' + k + '.prototype.' + t + '=' + v.prototype[t].toString();
                }
            }
            else
                fnStr += st_1;
        }
        else
            td[k] = v;
    }
    return fnStr;
};
var ch = (/* unused pure expression or super */ null && ([]));
// clone bufs
var cbfs = function (v) {
    var tl = [];
    for (var k in v) {
        if (v[k].buffer) {
            tl.push((v[k] = new v[k].constructor(v[k])).buffer);
        }
    }
    return tl;
};
// use a worker to execute code
var wrkr = function (fns, init, id, cb) {
    if (!ch[id]) {
        var fnStr = '', td_1 = {}, m = fns.length - 1;
        for (var i = 0; i < m; ++i)
            fnStr = wcln(fns[i], fnStr, td_1);
        ch[id] = { c: wcln(fns[m], fnStr, td_1), e: td_1 };
    }
    var td = mrg({}, ch[id].e);
    return wk(ch[id].c + ';onmessage=function(e){for(var k in e.data)self[k]=e.data[k];onmessage=' + init.toString() + '}', id, td, cbfs(td), cb);
};
// base async inflate fn
var bInflt = function () { return [u8, u16, i32, fleb, fdeb, clim, fl, fd, flrm, fdrm, rev, ec, hMap, max, bits, bits16, shft, slc, err, inflt, inflateSync, pbf, gopt]; };
var bDflt = function () { return [u8, u16, i32, fleb, fdeb, clim, revfl, revfd, flm, flt, fdm, fdt, rev, deo, et, hMap, wbits, wbits16, hTree, ln, lc, clen, wfblk, wblk, shft, slc, dflt, dopt, deflateSync, pbf]; };
// gzip extra
var gze = function () { return [gzh, gzhl, wbytes, crc, crct]; };
// gunzip extra
var guze = function () { return [gzs, gzl]; };
// zlib extra
var zle = function () { return [zlh, wbytes, adler]; };
// unzlib extra
var zule = function () { return [zls]; };
// post buf
var pbf = function (msg) { return postMessage(msg, [msg.buffer]); };
// get opts
var gopt = function (o) { return o && {
    out: o.size && new u8(o.size),
    dictionary: o.dictionary
}; };
// async helper
var cbify = function (dat, opts, fns, init, id, cb) {
    var w = wrkr(fns, init, id, function (err, dat) {
        w.terminate();
        cb(err, dat);
    });
    w.postMessage([dat, opts], opts.consume ? [dat.buffer] : []);
    return function () { w.terminate(); };
};
// auto stream
var astrm = function (strm) {
    strm.ondata = function (dat, final) { return postMessage([dat, final], [dat.buffer]); };
    return function (ev) {
        if (ev.data[0]) {
            strm.push(ev.data[0], ev.data[1]);
            postMessage([ev.data[0].length]);
        }
        else
            strm.flush(ev.data[1]);
    };
};
// async stream attach
var astrmify = function (fns, strm, opts, init, id, flush, ext) {
    var t;
    var w = wrkr(fns, init, id, function (err, dat) {
        if (err)
            w.terminate(), strm.ondata.call(strm, err);
        else if (!Array.isArray(dat))
            ext(dat);
        else if (dat.length == 1) {
            strm.queuedSize -= dat[0];
            if (strm.ondrain)
                strm.ondrain(dat[0]);
        }
        else {
            if (dat[1])
                w.terminate();
            strm.ondata.call(strm, err, dat[0], dat[1]);
        }
    });
    w.postMessage(opts);
    strm.queuedSize = 0;
    strm.push = function (d, f) {
        if (!strm.ondata)
            err(5);
        if (t)
            strm.ondata(err(4, 0, 1), null, !!f);
        strm.queuedSize += d.length;
        // can fail for cross-realm Uint8Array, but ok - only a small performance penalty
        w.postMessage([d, t = f], d.buffer instanceof ArrayBuffer ? [d.buffer] : []);
    };
    strm.terminate = function () { w.terminate(); };
    if (flush) {
        strm.flush = function (sync) { w.postMessage([0, sync]); };
    }
};
// read 2 bytes
var b2 = function (d, b) { return d[b] | (d[b + 1] << 8); };
// read 4 bytes
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read 8 bytes
var b8 = function (d, b) { return b4(d, b) + (b4(d, b + 4) * 4294967296); };
// write bytes
var wbytes = function (d, b, v) {
    for (; v; ++b)
        d[b] = v, v >>>= 8;
};
// gzip header
var gzh = function (c, o) {
    var fn = o.filename;
    c[0] = 31, c[1] = 139, c[2] = 8, c[8] = o.level < 2 ? 4 : o.level == 9 ? 2 : 0, c[9] = 3; // assume Unix
    if (o.mtime != 0)
        wbytes(c, 4, Math.floor(new Date(o.mtime || Date.now()) / 1000));
    if (fn) {
        c[3] = 8;
        for (var i = 0; i <= fn.length; ++i)
            c[i + 10] = fn.charCodeAt(i);
    }
};
// gzip footer: -8 to -4 = CRC, -4 to -0 is length
// gzip start
var gzs = function (d) {
    if (d[0] != 31 || d[1] != 139 || d[2] != 8)
        err(6, 'invalid gzip data');
    var flg = d[3];
    var st = 10;
    if (flg & 4)
        st += (d[10] | d[11] << 8) + 2;
    for (var zs = (flg >> 3 & 1) + (flg >> 4 & 1); zs > 0; zs -= !d[st++])
        ;
    return st + (flg & 2);
};
// gzip length
var gzl = function (d) {
    var l = d.length;
    return (d[l - 4] | d[l - 3] << 8 | d[l - 2] << 16 | d[l - 1] << 24) >>> 0;
};
// gzip header length
var gzhl = function (o) { return 10 + (o.filename ? o.filename.length + 1 : 0); };
// zlib header
var zlh = function (c, o) {
    var lv = o.level, fl = lv == 0 ? 0 : lv < 6 ? 1 : lv == 9 ? 3 : 2;
    c[0] = 120, c[1] = (fl << 6) | (o.dictionary && 32);
    c[1] |= 31 - ((c[0] << 8) | c[1]) % 31;
    if (o.dictionary) {
        var h = adler();
        h.p(o.dictionary);
        wbytes(c, 2, h.d());
    }
};
// zlib start
var zls = function (d, dict) {
    if ((d[0] & 15) != 8 || (d[0] >> 4) > 7 || ((d[0] << 8 | d[1]) % 31))
        err(6, 'invalid zlib data');
    if ((d[1] >> 5 & 1) == +!dict)
        err(6, 'invalid zlib data: ' + (d[1] & 32 ? 'need' : 'unexpected') + ' dictionary');
    return (d[1] >> 3 & 4) + 2;
};
function StrmOpt(opts, cb) {
    if (typeof opts == 'function')
        cb = opts, opts = {};
    this.ondata = cb;
    return opts;
}
/**
 * Streaming DEFLATE compression
 */
var Deflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Deflate(opts, cb) {
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        this.o = opts || {};
        this.s = { l: 0, i: 32768, w: 32768, z: 32768 };
        // Buffer length must always be 0 mod 32768 for index calculations to be correct when modifying head and prev
        // 98304 = 32768 (lookback) + 65536 (common chunk size)
        this.b = new u8(98304);
        if (this.o.dictionary) {
            var dict = this.o.dictionary.subarray(-32768);
            this.b.set(dict, 32768 - dict.length);
            this.s.i = 32768 - dict.length;
        }
    }
    Deflate.prototype.p = function (c, f) {
        this.ondata(dopt(c, this.o, 0, 0, this.s), f);
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Deflate.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (this.s.l)
            err(4);
        var endLen = chunk.length + this.s.z;
        if (endLen > this.b.length) {
            if (endLen > 2 * this.b.length - 32768) {
                var newBuf = new u8(endLen & -32768);
                newBuf.set(this.b.subarray(0, this.s.z));
                this.b = newBuf;
            }
            var split = this.b.length - this.s.z;
            this.b.set(chunk.subarray(0, split), this.s.z);
            this.s.z = this.b.length;
            this.p(this.b, false);
            this.b.set(this.b.subarray(-32768));
            this.b.set(chunk.subarray(split), 32768);
            this.s.z = chunk.length - split + 32768;
            this.s.i = 32766, this.s.w = 32768;
        }
        else {
            this.b.set(chunk, this.s.z);
            this.s.z += chunk.length;
        }
        this.s.l = final & 1;
        if (this.s.z > this.s.w + 8191 || final) {
            this.p(this.b, final || false);
            this.s.w = this.s.i, this.s.i -= 2;
        }
        if (final) {
            // cleanup unneeded buffers/state to reduce memory usage
            this.s = this.o = {};
            this.b = et;
        }
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * deflated output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible. A separate DEFLATE stream may be concatenated
     *             with the current output after a sync flush.
     */
    Deflate.prototype.flush = function (sync) {
        if (!this.ondata)
            err(5);
        if (this.s.l)
            err(4);
        this.p(this.b, false);
        this.s.w = this.s.i, this.s.i -= 2;
        // could technically skip writing the type-0 block for (this.s.r & 7) == 0,
        // but the deterministic trailer (00 00 FF FF) is useful in some situations
        if (sync) {
            var c = new u8(6);
            c[0] = this.s.r >> 3;
            // write empty, non-final type-0 block
            var ep = wfblk(c, this.s.r, et);
            this.s.r = 0;
            this.ondata(c.subarray(0, ep >> 3), false);
        }
    };
    return Deflate;
}())));

/**
 * Asynchronous streaming DEFLATE compression
 */
var AsyncDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncDeflate(opts, cb) {
        astrmify([
            bDflt,
            function () { return [astrm, Deflate]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Deflate(ev.data);
            onmessage = astrm(strm);
        }, 6, 1);
    }
    return AsyncDeflate;
}())));

function deflate(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
    ], function (ev) { return pbf(deflateSync(ev.data[0], ev.data[1])); }, 0, cb);
}
/**
 * Compresses data with DEFLATE without any wrapper
 * @param data The data to compress
 * @param opts The compression options
 * @returns The deflated version of the data
 */
function deflateSync(data, opts) {
    return dopt(data, opts || {}, 0, 0);
}
/**
 * Streaming DEFLATE decompression
 */
var Inflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Inflate(opts, cb) {
        // no StrmOpt here to avoid adding to workerizer
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
        this.s = { i: 0, b: dict ? dict.length : 0 };
        this.o = new u8(32768);
        this.p = new u8(0);
        if (dict)
            this.o.set(dict);
    }
    Inflate.prototype.e = function (c) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        if (!this.p.length)
            this.p = c;
        else if (c.length) {
            var n = new u8(this.p.length + c.length);
            n.set(this.p), n.set(c, this.p.length), this.p = n;
        }
    };
    Inflate.prototype.c = function (final) {
        this.s.i = +(this.d = final || false);
        var bts = this.s.b;
        var dt = inflt(this.p, this.s, this.o);
        this.ondata(slc(dt, bts, this.s.b), this.d);
        this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
        this.p = slc(this.p, (this.s.p / 8) | 0), this.s.p &= 7;
    };
    /**
     * Pushes a chunk to be inflated
     * @param chunk The chunk to push
     * @param final Whether this is the final chunk
     */
    Inflate.prototype.push = function (chunk, final) {
        this.e(chunk), this.c(final);
    };
    return Inflate;
}())));

/**
 * Asynchronous streaming DEFLATE decompression
 */
var AsyncInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncInflate(opts, cb) {
        astrmify([
            bInflt,
            function () { return [astrm, Inflate]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Inflate(ev.data);
            onmessage = astrm(strm);
        }, 7, 0);
    }
    return AsyncInflate;
}())));

function inflate(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt
    ], function (ev) { return pbf(inflateSync(ev.data[0], gopt(ev.data[1]))); }, 1, cb);
}
function inflateSync(data, opts) {
    return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// before you yell at me for not just using extends, my reason is that TS inheritance is hard to workerize.
/**
 * Streaming GZIP compression
 */
var Gzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Gzip(opts, cb) {
        this.c = crc();
        this.l = 0;
        this.v = 1;
        Deflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be GZIPped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Gzip.prototype.push = function (chunk, final) {
        this.c.p(chunk);
        this.l += chunk.length;
        Deflate.prototype.push.call(this, chunk, final);
    };
    Gzip.prototype.p = function (c, f) {
        var raw = dopt(c, this.o, this.v && gzhl(this.o), f && 8, this.s);
        if (this.v)
            gzh(raw, this.o), this.v = 0;
        if (f)
            wbytes(raw, raw.length - 8, this.c.d()), wbytes(raw, raw.length - 4, this.l);
        this.ondata(raw, f);
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * GZIPped output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible.
     */
    Gzip.prototype.flush = function (sync) {
        Deflate.prototype.flush.call(this, sync);
    };
    return Gzip;
}())));

/**
 * Asynchronous streaming GZIP compression
 */
var AsyncGzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncGzip(opts, cb) {
        astrmify([
            bDflt,
            gze,
            function () { return [astrm, Deflate, Gzip]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Gzip(ev.data);
            onmessage = astrm(strm);
        }, 8, 1);
    }
    return AsyncGzip;
}())));

function gzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
        gze,
        function () { return [gzipSync]; }
    ], function (ev) { return pbf(gzipSync(ev.data[0], ev.data[1])); }, 2, cb);
}
/**
 * Compresses data with GZIP
 * @param data The data to compress
 * @param opts The compression options
 * @returns The gzipped version of the data
 */
function gzipSync(data, opts) {
    if (!opts)
        opts = {};
    var c = crc(), l = data.length;
    c.p(data);
    var d = dopt(data, opts, gzhl(opts), 8), s = d.length;
    return gzh(d, opts), wbytes(d, s - 8, c.d()), wbytes(d, s - 4, l), d;
}
/**
 * Streaming single or multi-member GZIP decompression
 */
var Gunzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Gunzip(opts, cb) {
        this.v = 1;
        this.r = 0;
        Inflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be GUNZIPped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Gunzip.prototype.push = function (chunk, final) {
        Inflate.prototype.e.call(this, chunk);
        this.r += chunk.length;
        if (this.v) {
            var p = this.p.subarray(this.v - 1);
            var s = p.length > 3 ? gzs(p) : 4;
            if (s > p.length) {
                if (!final)
                    return;
            }
            else if (this.v > 1 && this.onmember) {
                this.onmember(this.r - p.length);
            }
            this.p = p.subarray(s), this.v = 0;
        }
        // necessary to prevent TS from using the closure value
        // This allows for workerization to function correctly
        Inflate.prototype.c.call(this, 0);
        // process concatenated GZIP
        if (this.s.f && !this.s.l) {
            this.v = shft(this.s.p) + 9;
            this.s = { i: 0 };
            this.o = new u8(0);
            this.push(new u8(0), final);
        }
        else if (final) {
            Inflate.prototype.c.call(this, final);
        }
    };
    return Gunzip;
}())));

/**
 * Asynchronous streaming single or multi-member GZIP decompression
 */
var AsyncGunzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncGunzip(opts, cb) {
        var _this = this;
        astrmify([
            bInflt,
            guze,
            function () { return [astrm, Inflate, Gunzip]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Gunzip(ev.data);
            strm.onmember = function (offset) { return postMessage(offset); };
            onmessage = astrm(strm);
        }, 9, 0, function (offset) { return _this.onmember && _this.onmember(offset); });
    }
    return AsyncGunzip;
}())));

function gunzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt,
        guze,
        function () { return [gunzipSync]; }
    ], function (ev) { return pbf(gunzipSync(ev.data[0], ev.data[1])); }, 3, cb);
}
function gunzipSync(data, opts) {
    var st = gzs(data);
    if (st + 8 > data.length)
        err(6, 'invalid gzip data');
    return inflt(data.subarray(st, -8), { i: 2 }, opts && opts.out || new u8(gzl(data)), opts && opts.dictionary);
}
/**
 * Streaming Zlib compression
 */
var Zlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Zlib(opts, cb) {
        this.c = adler();
        this.v = 1;
        Deflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be zlibbed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Zlib.prototype.push = function (chunk, final) {
        this.c.p(chunk);
        Deflate.prototype.push.call(this, chunk, final);
    };
    Zlib.prototype.p = function (c, f) {
        var raw = dopt(c, this.o, this.v && (this.o.dictionary ? 6 : 2), f && 4, this.s);
        if (this.v)
            zlh(raw, this.o), this.v = 0;
        if (f)
            wbytes(raw, raw.length - 4, this.c.d());
        this.ondata(raw, f);
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * zlibbed output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible.
     */
    Zlib.prototype.flush = function (sync) {
        Deflate.prototype.flush.call(this, sync);
    };
    return Zlib;
}())));

/**
 * Asynchronous streaming Zlib compression
 */
var AsyncZlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncZlib(opts, cb) {
        astrmify([
            bDflt,
            zle,
            function () { return [astrm, Deflate, Zlib]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Zlib(ev.data);
            onmessage = astrm(strm);
        }, 10, 1);
    }
    return AsyncZlib;
}())));

function zlib(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
        zle,
        function () { return [zlibSync]; }
    ], function (ev) { return pbf(zlibSync(ev.data[0], ev.data[1])); }, 4, cb);
}
/**
 * Compress data with Zlib
 * @param data The data to compress
 * @param opts The compression options
 * @returns The zlib-compressed version of the data
 */
function zlibSync(data, opts) {
    if (!opts)
        opts = {};
    var a = adler();
    a.p(data);
    var d = dopt(data, opts, opts.dictionary ? 6 : 2, 4);
    return zlh(d, opts), wbytes(d, d.length - 4, a.d()), d;
}
/**
 * Streaming Zlib decompression
 */
var Unzlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Unzlib(opts, cb) {
        Inflate.call(this, opts, cb);
        this.v = opts && opts.dictionary ? 2 : 1;
    }
    /**
     * Pushes a chunk to be unzlibbed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Unzlib.prototype.push = function (chunk, final) {
        Inflate.prototype.e.call(this, chunk);
        if (this.v) {
            if (this.p.length < 6 && !final)
                return;
            this.p = this.p.subarray(zls(this.p, this.v - 1)), this.v = 0;
        }
        if (final) {
            if (this.p.length < 4)
                err(6, 'invalid zlib data');
            this.p = this.p.subarray(0, -4);
        }
        // necessary to prevent TS from using the closure value
        // This allows for workerization to function correctly
        Inflate.prototype.c.call(this, final);
    };
    return Unzlib;
}())));

/**
 * Asynchronous streaming Zlib decompression
 */
var AsyncUnzlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncUnzlib(opts, cb) {
        astrmify([
            bInflt,
            zule,
            function () { return [astrm, Inflate, Unzlib]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Unzlib(ev.data);
            onmessage = astrm(strm);
        }, 11, 0);
    }
    return AsyncUnzlib;
}())));

function unzlib(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt,
        zule,
        function () { return [unzlibSync]; }
    ], function (ev) { return pbf(unzlibSync(ev.data[0], gopt(ev.data[1]))); }, 5, cb);
}
function unzlibSync(data, opts) {
    return inflt(data.subarray(zls(data, opts && opts.dictionary), -4), { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// Default algorithm for compression (used because having a known output size allows faster decompression)


/**
 * Streaming GZIP, Zlib, or raw DEFLATE decompression
 */
var Decompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Decompress(opts, cb) {
        this.o = StrmOpt.call(this, opts, cb) || {};
        this.G = Gunzip;
        this.I = Inflate;
        this.Z = Unzlib;
    }
    // init substream
    // overriden by AsyncDecompress
    Decompress.prototype.i = function () {
        var _this = this;
        this.s.ondata = function (dat, final) {
            _this.ondata(dat, final);
        };
    };
    /**
     * Pushes a chunk to be decompressed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Decompress.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (!this.s) {
            if (this.p && this.p.length) {
                var n = new u8(this.p.length + chunk.length);
                n.set(this.p), n.set(chunk, this.p.length);
            }
            else
                this.p = chunk;
            if (this.p.length > 2) {
                this.s = (this.p[0] == 31 && this.p[1] == 139 && this.p[2] == 8)
                    ? new this.G(this.o)
                    : ((this.p[0] & 15) != 8 || (this.p[0] >> 4) > 7 || ((this.p[0] << 8 | this.p[1]) % 31))
                        ? new this.I(this.o)
                        : new this.Z(this.o);
                this.i();
                this.s.push(this.p, final);
                this.p = null;
            }
        }
        else
            this.s.push(chunk, final);
    };
    return Decompress;
}())));

/**
 * Asynchronous streaming GZIP, Zlib, or raw DEFLATE decompression
 */
var AsyncDecompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncDecompress(opts, cb) {
        Decompress.call(this, opts, cb);
        this.queuedSize = 0;
        this.G = AsyncGunzip;
        this.I = AsyncInflate;
        this.Z = AsyncUnzlib;
    }
    AsyncDecompress.prototype.i = function () {
        var _this = this;
        this.s.ondata = function (err, dat, final) {
            _this.ondata(err, dat, final);
        };
        this.s.ondrain = function (size) {
            _this.queuedSize -= size;
            if (_this.ondrain)
                _this.ondrain(size);
        };
    };
    /**
     * Pushes a chunk to be decompressed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    AsyncDecompress.prototype.push = function (chunk, final) {
        this.queuedSize += chunk.length;
        Decompress.prototype.push.call(this, chunk, final);
    };
    return AsyncDecompress;
}())));

function decompress(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return (data[0] == 31 && data[1] == 139 && data[2] == 8)
        ? gunzip(data, opts, cb)
        : ((data[0] & 15) != 8 || (data[0] >> 4) > 7 || ((data[0] << 8 | data[1]) % 31))
            ? inflate(data, opts, cb)
            : unzlib(data, opts, cb);
}
/**
 * Expands compressed GZIP, Zlib, or raw DEFLATE data, automatically detecting the format
 * @param data The data to decompress
 * @param opts The decompression options
 * @returns The decompressed version of the data
 */
function decompressSync(data, opts) {
    return (data[0] == 31 && data[1] == 139 && data[2] == 8)
        ? gunzipSync(data, opts)
        : ((data[0] & 15) != 8 || (data[0] >> 4) > 7 || ((data[0] << 8 | data[1]) % 31))
            ? inflateSync(data, opts)
            : unzlibSync(data, opts);
}
// flatten a directory structure
var fltn = function (d, p, t, o) {
    for (var k in d) {
        var val = d[k], n = p + k, op = o;
        if (Array.isArray(val))
            op = mrg(o, val[1]), val = val[0];
        if (ArrayBuffer.isView(val))
            t[n] = [val, op];
        else {
            t[n += '/'] = [new u8(0), op];
            fltn(val, n, t, o);
        }
    }
};
// text encoder
var te = typeof TextEncoder != 'undefined' && /*#__PURE__*/ new TextEncoder();
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Streaming UTF-8 decoding
 */
var DecodeUTF8 = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a UTF-8 decoding stream
     * @param cb The callback to call whenever data is decoded
     */
    function DecodeUTF8(cb) {
        this.ondata = cb;
        if (tds)
            this.t = new TextDecoder();
        else
            this.p = et;
    }
    /**
     * Pushes a chunk to be decoded from UTF-8 binary
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    DecodeUTF8.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        final = !!final;
        if (this.t) {
            this.ondata(this.t.decode(chunk, { stream: true }), final);
            if (final) {
                if (this.t.decode().length)
                    err(8);
                this.t = null;
            }
            return;
        }
        if (!this.p)
            err(4);
        var dat = new u8(this.p.length + chunk.length);
        dat.set(this.p);
        dat.set(chunk, this.p.length);
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (final) {
            if (r.length)
                err(8);
            this.p = null;
        }
        else
            this.p = r;
        this.ondata(s, final);
    };
    return DecodeUTF8;
}())));

/**
 * Streaming UTF-8 encoding
 */
var EncodeUTF8 = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a UTF-8 decoding stream
     * @param cb The callback to call whenever data is encoded
     */
    function EncodeUTF8(cb) {
        this.ondata = cb;
    }
    /**
     * Pushes a chunk to be encoded to UTF-8
     * @param chunk The string data to push
     * @param final Whether this is the last chunk
     */
    EncodeUTF8.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        this.ondata(strToU8(chunk), this.d = final || false);
    };
    return EncodeUTF8;
}())));

/**
 * Converts a string into a Uint8Array for use with compression/decompression methods
 * @param str The string to encode
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless decoding a binary string.
 * @returns The string encoded in UTF-8/Latin-1 binary
 */
function strToU8(str, latin1) {
    if (latin1) {
        var ar_1 = new u8(str.length);
        for (var i = 0; i < str.length; ++i)
            ar_1[i] = str.charCodeAt(i);
        return ar_1;
    }
    if (te)
        return te.encode(str);
    var l = str.length;
    var ar = new u8(str.length + (str.length >> 1));
    var ai = 0;
    var w = function (v) { ar[ai++] = v; };
    for (var i = 0; i < l; ++i) {
        if (ai + 5 > ar.length) {
            var n = new u8(ai + 8 + ((l - i) << 1));
            n.set(ar);
            ar = n;
        }
        var c = str.charCodeAt(i);
        if (c < 128 || latin1)
            w(c);
        else if (c < 2048)
            w(192 | (c >> 6)), w(128 | (c & 63));
        else if (c > 55295 && c < 57344)
            c = 65536 + (c & 1023 << 10) | (str.charCodeAt(++i) & 1023),
                w(240 | (c >> 18)), w(128 | ((c >> 12) & 63)), w(128 | ((c >> 6) & 63)), w(128 | (c & 63));
        else
            w(224 | (c >> 12)), w(128 | ((c >> 6) & 63)), w(128 | (c & 63));
    }
    return slc(ar, 0, ai);
}
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(dat, latin1) {
    if (latin1) {
        var r = '';
        for (var i = 0; i < dat.length; i += 16384)
            r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
        return r;
    }
    else if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}
;
// deflate bit flag
var dbf = function (l) { return l == 1 ? 3 : l < 6 ? 2 : l == 9 ? 1 : 0; };
// skip local zip header
var slzh = function (d, b) { return b + 30 + b2(d, b + 26) + b2(d, b + 28); };
// read zip header
var zh = function (d, b, z) {
    var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
    var _a = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a[0], su = _a[1], off = _a[2];
    return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
// read zip64 header sizes
var z64hs = function (d, b, l, z, sc, su, off) {
    var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
    var nf = nsc + nsu + noff;
    if (z && nf) {
        for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
            if (b2(d, b) == 1) {
                return [
                    nsc ? b8(d, b + 4 + 8 * nsu) : sc,
                    nsu ? b8(d, b + 4) : su,
                    noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
                    1
                ];
            }
        }
        // z == 2 for unknown whether or not zip64
        if (z < 2)
            err(13);
    }
    return [sc, su, off, 0];
};
// extra field length
var exfl = function (ex) {
    var le = 0;
    if (ex) {
        for (var k in ex) {
            var l = ex[k].length;
            if (l > 65535)
                err(9);
            le += l + 4;
        }
    }
    return le;
};
// write zip header
var wzh = function (d, b, f, fn, u, c, ce, co) {
    var fl = fn.length, ex = f.extra, col = co && co.length;
    var exl = exfl(ex);
    wbytes(d, b, ce != null ? 0x2014B50 : 0x4034B50), b += 4;
    if (ce != null)
        d[b++] = 20, d[b++] = f.os;
    d[b] = 20, b += 2; // spec compliance? what's that?
    d[b++] = (f.flag << 1) | (c < 0 && 8), d[b++] = u && 8;
    d[b++] = f.compression & 255, d[b++] = f.compression >> 8;
    var dt = new Date(f.mtime == null ? Date.now() : f.mtime), y = dt.getFullYear() - 1980;
    if (y < 0 || y > 119)
        err(10);
    wbytes(d, b, (y << 25) | ((dt.getMonth() + 1) << 21) | (dt.getDate() << 16) | (dt.getHours() << 11) | (dt.getMinutes() << 5) | (dt.getSeconds() >> 1)), b += 4;
    if (c != -1) {
        wbytes(d, b, f.crc);
        wbytes(d, b + 4, c < 0 ? -c - 2 : c);
        wbytes(d, b + 8, f.size);
    }
    wbytes(d, b + 12, fl);
    wbytes(d, b + 14, exl), b += 16;
    if (ce != null) {
        wbytes(d, b, col);
        wbytes(d, b + 6, f.attrs);
        wbytes(d, b + 10, ce), b += 14;
    }
    d.set(fn, b);
    b += fl;
    if (exl) {
        for (var k in ex) {
            var exf = ex[k], l = exf.length;
            wbytes(d, b, +k);
            wbytes(d, b + 2, l);
            d.set(exf, b + 4), b += 4 + l;
        }
    }
    if (col)
        d.set(co, b), b += col;
    return b;
};
// write zip footer (end of central directory)
var wzf = function (o, b, c, d, e) {
    wbytes(o, b, 0x6054B50); // skip disk
    wbytes(o, b + 8, c);
    wbytes(o, b + 10, c);
    wbytes(o, b + 12, d);
    wbytes(o, b + 16, e);
};
/**
 * A pass-through stream to keep data uncompressed in a ZIP archive.
 */
var ZipPassThrough = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a pass-through stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     */
    function ZipPassThrough(filename) {
        this.filename = filename;
        this.c = crc();
        this.size = 0;
        this.compression = 0;
    }
    /**
     * Processes a chunk and pushes to the output stream. You can override this
     * method in a subclass for custom behavior, but by default this passes
     * the data through. You must call this.ondata(err, chunk, final) at some
     * point in this method.
     * @param chunk The chunk to process
     * @param final Whether this is the last chunk
     */
    ZipPassThrough.prototype.process = function (chunk, final) {
        this.ondata(null, chunk, final);
    };
    /**
     * Pushes a chunk to be added. If you are subclassing this with a custom
     * compression algorithm, note that you must push data from the source
     * file only, pre-compression.
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    ZipPassThrough.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        this.c.p(chunk);
        this.size += chunk.length;
        if (final)
            this.crc = this.c.d();
        // we shouldn't really do this cast, but properly handling ArrayBufferLike
        // makes the API unergonomic with Buffer
        this.process(chunk, final || false);
    };
    return ZipPassThrough;
}())));

// I don't extend because TypeScript extension adds 1kB of runtime bloat
/**
 * Streaming DEFLATE compression for ZIP archives. Prefer using AsyncZipDeflate
 * for better performance
 */
var ZipDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     * @param opts The compression options
     */
    function ZipDeflate(filename, opts) {
        var _this = this;
        if (!opts)
            opts = {};
        ZipPassThrough.call(this, filename);
        this.d = new Deflate(opts, function (dat, final) {
            _this.ondata(null, dat, final);
        });
        this.compression = 8;
        this.flag = dbf(opts.level);
    }
    ZipDeflate.prototype.process = function (chunk, final) {
        try {
            this.d.push(chunk, final);
        }
        catch (e) {
            this.ondata(e, null, final);
        }
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    ZipDeflate.prototype.push = function (chunk, final) {
        ZipPassThrough.prototype.push.call(this, chunk, final);
    };
    return ZipDeflate;
}())));

/**
 * Asynchronous streaming DEFLATE compression for ZIP archives
 */
var AsyncZipDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates an asynchronous DEFLATE stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     * @param opts The compression options
     */
    function AsyncZipDeflate(filename, opts) {
        var _this = this;
        if (!opts)
            opts = {};
        ZipPassThrough.call(this, filename);
        this.d = new AsyncDeflate(opts, function (err, dat, final) {
            _this.ondata(err, dat, final);
        });
        this.compression = 8;
        this.flag = dbf(opts.level);
        this.terminate = this.d.terminate;
    }
    AsyncZipDeflate.prototype.process = function (chunk, final) {
        this.d.push(chunk, final);
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    AsyncZipDeflate.prototype.push = function (chunk, final) {
        ZipPassThrough.prototype.push.call(this, chunk, final);
    };
    return AsyncZipDeflate;
}())));

// TODO: Better tree shaking
/**
 * A zippable archive to which files can incrementally be added
 */
var Zip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates an empty ZIP archive to which files can be added
     * @param cb The callback to call whenever data for the generated ZIP archive
     *           is available
     */
    function Zip(cb) {
        this.ondata = cb;
        this.u = [];
        this.d = 1;
    }
    /**
     * Adds a file to the ZIP archive
     * @param file The file stream to add
     */
    Zip.prototype.add = function (file) {
        var _this = this;
        if (!this.ondata)
            err(5);
        // finishing or finished
        if (this.d & 2)
            this.ondata(err(4 + (this.d & 1) * 8, 0, 1), null, false);
        else {
            var f = strToU8(file.filename), fl_1 = f.length;
            var com = file.comment, o = com && strToU8(com);
            var u = fl_1 != file.filename.length || (o && (com.length != o.length));
            var hl_1 = fl_1 + exfl(file.extra) + 30;
            if (fl_1 > 65535)
                this.ondata(err(11, 0, 1), null, false);
            var header = new u8(hl_1);
            wzh(header, 0, file, f, u, -1);
            var chks_1 = [header];
            var pAll_1 = function () {
                for (var _i = 0, chks_2 = chks_1; _i < chks_2.length; _i++) {
                    var chk = chks_2[_i];
                    _this.ondata(null, chk, false);
                }
                chks_1 = [];
            };
            var tr_1 = this.d;
            this.d = 0;
            var ind_1 = this.u.length;
            var uf_1 = mrg(file, {
                f: f,
                u: u,
                o: o,
                t: function () {
                    if (file.terminate)
                        file.terminate();
                },
                r: function () {
                    pAll_1();
                    if (tr_1) {
                        var nxt = _this.u[ind_1 + 1];
                        if (nxt)
                            nxt.r();
                        else
                            _this.d = 1;
                    }
                    tr_1 = 1;
                }
            });
            var cl_1 = 0;
            file.ondata = function (err, dat, final) {
                if (err) {
                    _this.ondata(err, dat, final);
                    _this.terminate();
                }
                else {
                    cl_1 += dat.length;
                    chks_1.push(dat);
                    if (final) {
                        var dd = new u8(16);
                        wbytes(dd, 0, 0x8074B50);
                        wbytes(dd, 4, file.crc);
                        wbytes(dd, 8, cl_1);
                        wbytes(dd, 12, file.size);
                        chks_1.push(dd);
                        uf_1.c = cl_1, uf_1.b = hl_1 + cl_1 + 16, uf_1.crc = file.crc, uf_1.size = file.size;
                        if (tr_1)
                            uf_1.r();
                        tr_1 = 1;
                    }
                    else if (tr_1)
                        pAll_1();
                }
            };
            this.u.push(uf_1);
        }
    };
    /**
     * Ends the process of adding files and prepares to emit the final chunks.
     * This *must* be called after adding all desired files for the resulting
     * ZIP file to work properly.
     */
    Zip.prototype.end = function () {
        var _this = this;
        if (this.d & 2) {
            this.ondata(err(4 + (this.d & 1) * 8, 0, 1), null, true);
            return;
        }
        if (this.d)
            this.e();
        else
            this.u.push({
                r: function () {
                    if (!(_this.d & 1))
                        return;
                    _this.u.splice(-1, 1);
                    _this.e();
                },
                t: function () { }
            });
        this.d = 3;
    };
    Zip.prototype.e = function () {
        var bt = 0, l = 0, tl = 0;
        for (var _i = 0, _a = this.u; _i < _a.length; _i++) {
            var f = _a[_i];
            tl += 46 + f.f.length + exfl(f.extra) + (f.o ? f.o.length : 0);
        }
        var out = new u8(tl + 22);
        for (var _b = 0, _c = this.u; _b < _c.length; _b++) {
            var f = _c[_b];
            wzh(out, bt, f, f.f, f.u, -f.c - 2, l, f.o);
            bt += 46 + f.f.length + exfl(f.extra) + (f.o ? f.o.length : 0), l += f.b;
        }
        wzf(out, bt, this.u.length, tl, l);
        this.ondata(null, out, true);
        this.d = 2;
    };
    /**
     * A method to terminate any internal workers used by the stream. Subsequent
     * calls to add() will fail.
     */
    Zip.prototype.terminate = function () {
        for (var _i = 0, _a = this.u; _i < _a.length; _i++) {
            var f = _a[_i];
            f.t();
        }
        this.d = 2;
    };
    return Zip;
}())));

function zip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    var r = {};
    fltn(data, '', r, opts);
    var k = Object.keys(r);
    var lft = k.length, o = 0, tot = 0;
    var slft = lft, files = new Array(lft);
    var term = [];
    var tAll = function () {
        for (var i = 0; i < term.length; ++i)
            term[i]();
    };
    var cbd = function (a, b) {
        mt(function () { cb(a, b); });
    };
    mt(function () { cbd = cb; });
    var cbf = function () {
        var out = new u8(tot + 22), oe = o, cdl = tot - o;
        tot = 0;
        for (var i = 0; i < slft; ++i) {
            var f = files[i];
            try {
                var l = f.c.length;
                wzh(out, tot, f, f.f, f.u, l);
                var badd = 30 + f.f.length + exfl(f.extra);
                var loc = tot + badd;
                out.set(f.c, loc);
                wzh(out, o, f, f.f, f.u, l, tot, f.m), o += 16 + badd + (f.m ? f.m.length : 0), tot = loc + l;
            }
            catch (e) {
                return cbd(e, null);
            }
        }
        wzf(out, o, files.length, cdl, oe);
        cbd(null, out);
    };
    if (!lft)
        cbf();
    var _loop_1 = function (i) {
        var fn = k[i];
        var _a = r[fn], file = _a[0], p = _a[1];
        var c = crc(), size = file.length;
        c.p(file);
        var f = strToU8(fn), s = f.length;
        var com = p.comment, m = com && strToU8(com), ms = m && m.length;
        var exl = exfl(p.extra);
        var compression = p.level == 0 ? 0 : 8;
        var cbl = function (e, d) {
            if (e) {
                tAll();
                cbd(e, null);
            }
            else {
                var l = d.length;
                files[i] = mrg(p, {
                    size: size,
                    crc: c.d(),
                    c: d,
                    f: f,
                    m: m,
                    u: s != fn.length || (m && (com.length != ms)),
                    compression: compression
                });
                o += 30 + s + exl + l;
                tot += 76 + 2 * (s + exl) + (ms || 0) + l;
                if (!--lft)
                    cbf();
            }
        };
        if (s > 65535)
            cbl(err(11, 0, 1), null);
        if (!compression)
            cbl(null, file);
        else if (size < 160000) {
            try {
                cbl(null, deflateSync(file, p));
            }
            catch (e) {
                cbl(e, null);
            }
        }
        else
            term.push(deflate(file, p, cbl));
    };
    // Cannot use lft because it can decrease
    for (var i = 0; i < slft; ++i) {
        _loop_1(i);
    }
    return tAll;
}
/**
 * Synchronously creates a ZIP file. Prefer using `zip` for better performance
 * with more than one file.
 * @param data The directory structure for the ZIP archive
 * @param opts The main options, merged with per-file options
 * @returns The generated ZIP archive
 */
function zipSync(data, opts) {
    if (!opts)
        opts = {};
    var r = {};
    var files = [];
    fltn(data, '', r, opts);
    var o = 0;
    var tot = 0;
    for (var fn in r) {
        var _a = r[fn], file = _a[0], p = _a[1];
        var compression = p.level == 0 ? 0 : 8;
        var f = strToU8(fn), s = f.length;
        var com = p.comment, m = com && strToU8(com), ms = m && m.length;
        var exl = exfl(p.extra);
        if (s > 65535)
            err(11);
        var d = compression ? deflateSync(file, p) : file, l = d.length;
        var c = crc();
        c.p(file);
        files.push(mrg(p, {
            size: file.length,
            crc: c.d(),
            c: d,
            f: f,
            m: m,
            u: s != fn.length || (m && (com.length != ms)),
            o: o,
            compression: compression
        }));
        o += 30 + s + exl + l;
        tot += 76 + 2 * (s + exl) + (ms || 0) + l;
    }
    var out = new u8(tot + 22), oe = o, cdl = tot - o;
    for (var i = 0; i < files.length; ++i) {
        var f = files[i];
        wzh(out, f.o, f, f.f, f.u, f.c.length);
        var badd = 30 + f.f.length + exfl(f.extra);
        out.set(f.c, f.o + badd);
        wzh(out, o, f, f.f, f.u, f.c.length, f.o, f.m), o += 16 + badd + (f.m ? f.m.length : 0);
    }
    wzf(out, o, files.length, cdl, oe);
    return out;
}
/**
 * Streaming pass-through decompression for ZIP archives
 */
var UnzipPassThrough = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function UnzipPassThrough() {
    }
    UnzipPassThrough.prototype.push = function (chunk, final) {
        // same as ZipPassThrough: cast to retain Buffer ergonomics
        this.ondata(null, chunk, final);
    };
    UnzipPassThrough.compression = 0;
    return UnzipPassThrough;
}())));

/**
 * Streaming DEFLATE decompression for ZIP archives. Prefer AsyncZipInflate for
 * better performance.
 */
var UnzipInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE decompression that can be used in ZIP archives
     */
    function UnzipInflate() {
        var _this = this;
        this.i = new Inflate(function (dat, final) {
            _this.ondata(null, dat, final);
        });
    }
    UnzipInflate.prototype.push = function (chunk, final) {
        try {
            this.i.push(chunk, final);
        }
        catch (e) {
            this.ondata(e, null, final);
        }
    };
    UnzipInflate.compression = 8;
    return UnzipInflate;
}())));

/**
 * Asynchronous streaming DEFLATE decompression for ZIP archives
 */
var AsyncUnzipInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE decompression that can be used in ZIP archives
     */
    function AsyncUnzipInflate(_, sz) {
        var _this = this;
        if (sz < 320000) {
            this.i = new Inflate(function (dat, final) {
                _this.ondata(null, dat, final);
            });
        }
        else {
            this.i = new AsyncInflate(function (err, dat, final) {
                _this.ondata(err, dat, final);
            });
            this.terminate = this.i.terminate;
        }
    }
    AsyncUnzipInflate.prototype.push = function (chunk, final) {
        if (this.i.terminate)
            chunk = slc(chunk, 0);
        this.i.push(chunk, final);
    };
    AsyncUnzipInflate.compression = 8;
    return AsyncUnzipInflate;
}())));

/**
 * A ZIP archive decompression stream that emits files as they are discovered
 */
var Unzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a ZIP decompression stream
     * @param cb The callback to call whenever a file in the ZIP archive is found
     */
    function Unzip(cb) {
        this.onfile = cb;
        this.k = [];
        this.o = {
            0: UnzipPassThrough
        };
        this.p = et;
    }
    /**
     * Pushes a chunk to be unzipped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Unzip.prototype.push = function (chunk, final) {
        var _this = this;
        if (!this.onfile)
            err(5);
        if (!this.p)
            err(4);
        if (this.c > 0) {
            var len = Math.min(this.c, chunk.length);
            var toAdd = chunk.subarray(0, len);
            this.c -= len;
            if (this.d)
                this.d.push(toAdd, !this.c);
            else
                this.k[0].push(toAdd);
            chunk = chunk.subarray(len);
            if (chunk.length)
                return this.push(chunk, final);
        }
        else {
            var f = 0, i = 0, is = void 0, buf = void 0;
            if (!this.p.length)
                buf = chunk;
            else if (!chunk.length)
                buf = this.p;
            else {
                buf = new u8(this.p.length + chunk.length);
                buf.set(this.p), buf.set(chunk, this.p.length);
            }
            var l = buf.length, oc = this.c, add = oc && this.d;
            var _loop_2 = function () {
                var sig = b4(buf, i);
                if (sig == 0x4034B50) {
                    f = 1, is = i;
                    this_1.d = null;
                    this_1.c = 0;
                    var bf = b2(buf, i + 6), cmp_1 = b2(buf, i + 8), u = bf & 2048, dd = bf & 8, fnl = b2(buf, i + 26), es = b2(buf, i + 28);
                    if (l > i + 30 + fnl + es) {
                        var chks_3 = [];
                        this_1.k.unshift(chks_3);
                        f = 2;
                        var lsc = b4(buf, i + 18), lsu = b4(buf, i + 22);
                        var fn_1 = strFromU8(buf.subarray(i + 30, i += 30 + fnl), !u);
                        var _a = z64hs(buf, i, es, 2, lsc, lsu, 0), sc_1 = _a[0], su_1 = _a[1], z64 = _a[3];
                        if (dd)
                            sc_1 = -1 - z64;
                        i += es;
                        this_1.c = sc_1;
                        var d_1;
                        var file_1 = {
                            name: fn_1,
                            compression: cmp_1,
                            start: function () {
                                if (!file_1.ondata)
                                    err(5);
                                if (!sc_1)
                                    file_1.ondata(null, et, true);
                                else {
                                    var ctr = _this.o[cmp_1];
                                    if (!ctr)
                                        file_1.ondata(err(14, 'unknown compression type ' + cmp_1, 1), null, false);
                                    d_1 = sc_1 < 0 ? new ctr(fn_1) : new ctr(fn_1, sc_1, su_1);
                                    d_1.ondata = function (err, dat, final) { file_1.ondata(err, dat, final); };
                                    for (var _i = 0, chks_4 = chks_3; _i < chks_4.length; _i++) {
                                        var dat = chks_4[_i];
                                        d_1.push(dat, false);
                                    }
                                    if (_this.k[0] == chks_3 && _this.c)
                                        _this.d = d_1;
                                    else
                                        d_1.push(et, true);
                                }
                            },
                            terminate: function () {
                                if (d_1 && d_1.terminate)
                                    d_1.terminate();
                            }
                        };
                        if (sc_1 >= 0)
                            file_1.size = sc_1, file_1.originalSize = su_1;
                        this_1.onfile(file_1);
                    }
                    return "break";
                }
                else if (oc) {
                    if (sig == 0x8074B50) {
                        is = i += 12 + (oc == -2 && 8), f = 3, this_1.c = 0;
                        return "break";
                    }
                    else if (sig == 0x2014B50) {
                        is = i -= 4, f = 3, this_1.c = 0;
                        return "break";
                    }
                }
            };
            var this_1 = this;
            for (; i < l - 4; ++i) {
                var state_1 = _loop_2();
                if (state_1 === "break")
                    break;
            }
            this.p = et;
            if (oc < 0) {
                var dat = f ? buf.subarray(0, is - 12 - (oc == -2 && 8) - (b4(buf, is - 16) == 0x8074B50 && 4)) : buf.subarray(0, i);
                if (add)
                    add.push(dat, !!f);
                else
                    this.k[+(f == 2)].push(dat);
            }
            if (f & 2)
                return this.push(buf.subarray(i), final);
            this.p = buf.subarray(i);
        }
        if (final) {
            if (this.c)
                err(13);
            this.p = null;
        }
    };
    /**
     * Registers a decoder with the stream, allowing for files compressed with
     * the compression type provided to be expanded correctly
     * @param decoder The decoder constructor
     */
    Unzip.prototype.register = function (decoder) {
        this.o[decoder.compression] = decoder;
    };
    return Unzip;
}())));

var mt = typeof queueMicrotask == 'function' ? queueMicrotask : typeof setTimeout == 'function' ? setTimeout : function (fn) { fn(); };
function unzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    var term = [];
    var tAll = function () {
        for (var i = 0; i < term.length; ++i)
            term[i]();
    };
    var files = {};
    var cbd = function (a, b) {
        mt(function () { cb(a, b); });
    };
    mt(function () { cbd = cb; });
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558) {
            cbd(err(13, 0, 1), null);
            return tAll;
        }
    }
    ;
    var lft = b2(data, e + 8);
    if (lft) {
        var c = lft;
        var o = b4(data, e + 16);
        var z = b4(data, e - 20) == 0x7064B50;
        if (z) {
            var ze = b4(data, e - 12);
            z = b4(data, ze) == 0x6064B50;
            if (z) {
                c = lft = b4(data, ze + 32);
                o = b4(data, ze + 48);
            }
        }
        var fltr = opts && opts.filter;
        var _loop_3 = function (i) {
            var _a = zh(data, o, z), c_1 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
            o = no;
            var cbl = function (e, d) {
                if (e) {
                    tAll();
                    cbd(e, null);
                }
                else {
                    if (d)
                        files[fn] = d;
                    if (!--lft)
                        cbd(null, files);
                }
            };
            if (!fltr || fltr({
                name: fn,
                size: sc,
                originalSize: su,
                compression: c_1
            })) {
                if (!c_1)
                    cbl(null, slc(data, b, b + sc));
                else if (c_1 == 8) {
                    var infl = data.subarray(b, b + sc);
                    // Synchronously decompress under 512KB, or barely-compressed data
                    if (su < 524288 || sc > 0.8 * su) {
                        try {
                            cbl(null, inflateSync(infl, { out: new u8(su) }));
                        }
                        catch (e) {
                            cbl(e, null);
                        }
                    }
                    else
                        term.push(inflate(infl, { size: su }, cbl));
                }
                else
                    cbl(err(14, 'unknown compression type ' + c_1, 1), null);
            }
            else
                cbl(null, null);
        };
        for (var i = 0; i < c; ++i) {
            _loop_3(i);
        }
    }
    else
        cbd(null, {});
    return tAll;
}
/**
 * Synchronously decompresses a ZIP archive. Prefer using `unzip` for better
 * performance with more than one file.
 * @param data The raw compressed ZIP file
 * @param opts The ZIP extraction options
 * @returns The decompressed files
 */
function unzipSync(data, opts) {
    var files = {};
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558)
            err(13);
    }
    ;
    var c = b2(data, e + 8);
    if (!c)
        return {};
    var o = b4(data, e + 16);
    var z = b4(data, e - 20) == 0x7064B50;
    if (z) {
        var ze = b4(data, e - 12);
        z = b4(data, ze) == 0x6064B50;
        if (z) {
            c = b4(data, ze + 32);
            o = b4(data, ze + 48);
        }
    }
    var fltr = opts && opts.filter;
    for (var i = 0; i < c; ++i) {
        var _a = zh(data, o, z), c_2 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
        o = no;
        if (!fltr || fltr({
            name: fn,
            size: sc,
            originalSize: su,
            compression: c_2
        })) {
            if (!c_2)
                files[fn] = slc(data, b, b + sc);
            else if (c_2 == 8)
                files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
            else
                err(14, 'unknown compression type ' + c_2);
        }
    }
    return files;
}

;// CONCATENATED MODULE: ./src/function/zip.ts
// Writes a zip in memory (APPNOTE.TXT 4.3: local header and data per entry, then the central
// directory and its end record) with nothing that varies between machines: the DOS epoch for every
// time, Unix modes, no extra fields, and fflate's pure-JavaScript deflate (see code-package.ts).

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1; // years since 1980 | month | day
const DOS_TIME_MIDNIGHT = 0;
const MADE_BY_UNIX = (3 << 8) | 20; // host 3 = Unix, so readers apply the mode; spec 2.0
const VERSION_NEEDED = 20; // 2.0: deflate and directories
const FLAG_UTF8_NAME = 1 << 11;
const MSDOS_DIRECTORY = 0x10;
const STORED = 0;
const DEFLATED = 8;
/** Builds a zip in memory, entry by entry, in the order given. */
function createZipWriter() {
    const chunks = [];
    const records = [];
    let offset = 0;
    const push = (chunk) => {
        chunks.push(chunk);
        offset += chunk.length;
    };
    return {
        add(name, mode, data, compress) {
            const deflated = compress && data.length > 0 ? zip_deflate(data) : undefined;
            const body = deflated && deflated.length < data.length ? deflated : data;
            const record = {
                name,
                mode,
                flags: name.every(byte => byte < 0x80) ? 0 : FLAG_UTF8_NAME,
                method: body === data ? STORED : DEFLATED,
                crc: crc32(data),
                compressedSize: body.length,
                size: data.length,
                offset
            };
            push(header(record, false));
            push(body);
            records.push(record);
        },
        finish() {
            const directoryOffset = offset;
            for (const record of records)
                push(header(record, true));
            if (offset > 0xffffffff)
                throw new Error('the zip would exceed 4 GiB, which needs zip64');
            push(endOfCentralDirectory(records.length, offset - directoryOffset, directoryOffset));
            const zip = new Uint8Array(offset);
            let at = 0;
            for (const chunk of chunks.splice(0)) {
                zip.set(chunk, at);
                at += chunk.length;
            }
            return zip;
        }
    };
}
/** fflate's deflate at level 6, with its hash table sized from the data's bit length: the same
 * curve as fflate's default (ceil(1.5·ln n), clamped), but in integers, so no float rounding. */
function zip_deflate(data) {
    const bitLength = 32 - Math.clz32(data.length);
    const mem = Math.min(8, Math.max(0, bitLength - 12));
    return deflateSync(data, { level: 6, mem: mem });
}
/** A local file header (central = false) or a central directory header (central = true). */
function header(r, central) {
    const fixed = central ? 46 : 30;
    const bytes = new Uint8Array(fixed + r.name.length);
    const view = new DataView(bytes.buffer);
    let at = 0;
    const u16 = (value) => {
        view.setUint16(at, value, true);
        at += 2;
    };
    const u32 = (value) => {
        view.setUint32(at, value >>> 0, true);
        at += 4;
    };
    u32(central ? 0x02014b50 : 0x04034b50);
    if (central)
        u16(MADE_BY_UNIX);
    u16(VERSION_NEEDED);
    u16(r.flags);
    u16(r.method);
    u16(DOS_TIME_MIDNIGHT);
    u16(DOS_DATE_1980_01_01);
    u32(r.crc);
    u32(r.compressedSize);
    u32(r.size);
    u16(r.name.length);
    u16(0); // extra field length
    if (central) {
        u16(0); // comment length
        u16(0); // disk number
        u16(0); // internal attributes
        const isDirectory = (r.mode & 0o170000) === 0o040000;
        u32(r.mode * 0x10000 + (isDirectory ? MSDOS_DIRECTORY : 0)); // Unix mode in the high 16 bits
        u32(r.offset);
    }
    bytes.set(r.name, at);
    return bytes;
}
function endOfCentralDirectory(entries, size, offset) {
    const bytes = new Uint8Array(22);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, entries, true); // on this disk (disk numbers stay 0)
    view.setUint16(10, entries, true); // in total
    view.setUint32(12, size, true);
    view.setUint32(16, offset, true);
    return bytes;
}
const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c;
    }
    return table;
})();
/** CRC-32 (IEEE 802.3), as zip stores it. */
function crc32(data) {
    let c = 0xffffffff;
    for (let i = 0; i < data.length; i++)
        c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}

;// CONCATENATED MODULE: ./src/function/code-package.ts
// The function's code package: the `code` input, a .zip file uploaded as is or a directory zipped
// deterministically.
//
// Deterministic means the zip's bytes depend only on the tree's paths, file contents, execute bits
// and symlink texts: not on file times, owner, umask, timezone, Node version or CPU. The same code
// then has the same CodeSha256 (base64 SHA-256 of the zip) everywhere, and a rerun uploads nothing.
// - Entries are sorted by the UTF-8 bytes of their `/`-separated path. Directories get an entry
//   ('dir/', 0755) when they hold something, so Lambda sees 0755 whatever the runner's umask;
//   empty directories and `.git` (directory or file, at any depth) are left out.
// - Every timestamp is the DOS epoch, 1980-01-01 00:00:00, written as the constant DOS fields
//   rather than derived from a Date, so no timezone is involved; no extra fields at all.
// - Modes are normalised and stored as Unix modes (made-by = Unix, so Lambda applies them):
//   files 0644, files with any execute bit 0755 (`bootstrap` must stay executable), symlinks
//   0120777, directories 0755.
// - File data is deflated by fflate, pure JavaScript, so its output is the same on every machine
//   for a given fflate version (Node's zlib is Chromium's fork, which picks CPU-specific code
//   paths). Its hash size is chosen here by an integer rule, not fflate's Math.log default.
//   Data that deflate does not shrink is stored. fflate's own zip writer is not used: it derives
//   the DOS time from a local-time Date, and its streaming form writes data descriptors.
//   yazl is not used either: it deflates with Node's zlib.






/** Largest zip Lambda accepts in the request itself (CreateFunction / UpdateFunctionCode ZipFile). */
const DIRECT_UPLOAD_LIMIT = 52_428_800;
/** Largest unzipped code Lambda accepts (250 MB, layers included), whatever the upload route. */
const UNZIPPED_SIZE_LIMIT = 262_144_000;
/** An error about the `code` input, its message already naming it. */
class CodeInputError extends Error {
}
/** Packages `path`: a directory is zipped, a file must be a zip and is read as is. */
async function packageCode(path, options = {}) {
    const maxUnzippedSize = options.maxUnzippedSize ?? UNZIPPED_SIZE_LIMIT;
    const fail = (problem) => {
        throw new CodeInputError(`code: "${path}" ${problem}`);
    };
    try {
        const stats = await (0,promises_.stat)(path).catch((e) => fail(e.code === 'ENOENT' ? 'does not exist' : `cannot be read: ${e.message}`));
        if (!stats.isDirectory() && !stats.isFile())
            fail('is neither a directory nor a file');
        const pkg = stats.isDirectory()
            ? await zipDirectory(path, maxUnzippedSize, fail)
            : await readZipFile(path, fail);
        if (pkg.unzippedSize > maxUnzippedSize)
            fail(tooLarge(pkg.unzippedSize, maxUnzippedSize));
        return pkg;
    }
    catch (e) {
        // File system surprises (a permission, a file removed mid-walk) still name the input.
        if (e instanceof CodeInputError)
            throw e;
        return fail(`cannot be packaged: ${e.message}`);
    }
}
/** Base64 SHA-256, the form of Lambda's CodeSha256. */
function codeSha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('base64');
}
/** A size for people: `812 bytes`, `12.4 KB`, `50.1 MB`. */
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} bytes`;
    if (bytes < 1_048_576)
        return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
function tooLarge(size, limit) {
    return `is ${formatSize(size)} (${size} bytes) unzipped, over the limit of ${formatSize(limit)} (${limit} bytes)`;
}
async function readZipFile(path, fail) {
    const zip = await (0,promises_.readFile)(path);
    let summary;
    try {
        summary = readZipSummary(zip);
    }
    catch (e) {
        return fail(`is neither a directory nor a readable zip file (${e.message})`);
    }
    if (summary.entries === 0)
        fail('is a zip file with no entries');
    return { zip, sha256: codeSha256(zip), size: zip.length, ...summary, source: 'zip-file' };
}
/** Counts a zip's entries and adds up their uncompressed sizes, from the central directory
 * (zip64 included) without inflating anything. */
function readZipSummary(zip) {
    let entries = 0;
    let unzippedSize = 0;
    unzipSync(zip, {
        filter: file => {
            entries++;
            unzippedSize += file.originalSize;
            return false;
        }
    });
    return { entries, unzippedSize };
}
async function zipDirectory(root, maxUnzippedSize, fail) {
    const tree = await listTree(root, fail);
    if (!tree.some(e => e.kind !== 'directory'))
        fail('contains no files (after leaving out .git)');
    const unzippedSize = tree.reduce((sum, e) => sum + e.size, 0);
    // Known from lstat alone: refuse before reading and compressing hundreds of megabytes.
    if (unzippedSize > maxUnzippedSize)
        fail(tooLarge(unzippedSize, maxUnzippedSize));
    if (tree.length > 0xffff)
        fail(`has ${tree.length} entries, more than a zip without zip64 holds`);
    const writer = createZipWriter();
    let actualSize = 0;
    for (const entry of tree) {
        // One file in memory at a time besides the zip. Read synchronously: deflate blocks the event
        // loop per file anyway, and the promise API's round trips to the thread pool (open, fstat,
        // read, close) made reading 2,000 small files 3-5 times slower, even with 16 reads in flight.
        const data = entry.kind === 'file'
            ? (0,external_node_fs_.readFileSync)(entry.absolute)
            : Buffer.from(entry.kind === 'symlink' ? entry.target : '');
        actualSize += data.length;
        writer.add(entry.name, entry.mode, data, entry.kind === 'file');
    }
    const zip = writer.finish();
    return {
        zip,
        sha256: codeSha256(zip),
        size: zip.length,
        unzippedSize: actualSize,
        entries: tree.length,
        source: 'directory'
    };
}
const FILE_MODE = 0o100644;
const EXECUTABLE_MODE = 0o100755;
const DIRECTORY_MODE = 0o040755;
const SYMLINK_MODE = 0o120777;
/** The stored mode of a regular file: 0755 if any execute bit is set, else 0644. */
function normalisedFileMode(mode) {
    return mode & 0o111 ? EXECUTABLE_MODE : FILE_MODE;
}
// Symlinks. A link is stored as a link (its target text), as Lambda keeps links; the tree is
// never read through a link, so nothing outside it (a runner's secret) can end up in the zip.
// Allowed: a relative target that stays inside the tree, judged on its text (`..` resolved
// against the link's own directory) and, when the target exists here, on its real path too
// (`up -> ..` in sub/, then `sub/x -> up/../secret` reads as sub/secret but is ../secret).
// Refused, naming the link: an absolute target, or one that leaves the tree. A dangling link
// with an inside text is kept: it points at nothing on this machine.
/** Why a link at `linkPath` (relative, `/`-separated) with text `target` is refused, if it is. */
function linkTargetProblem(linkPath, target) {
    if (target === '')
        return 'has an empty target';
    if (external_node_path_.posix.isAbsolute(target) || external_node_path_.win32.isAbsolute(target))
        return 'has an absolute target';
    const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(linkPath), target));
    if (resolved === '..' || resolved.startsWith('../'))
        return 'points outside the directory';
    return undefined;
}
async function listTree(root, fail) {
    const realRoot = await (0,promises_.realpath)(root);
    const entries = [];
    const add = (entry) => {
        entries.push({ ...entry, name: Buffer.from(entry.path, 'utf8') });
    };
    const checkLink = async (absolute, path, target) => {
        const problem = linkTargetProblem(path, target);
        if (problem)
            fail(`has a symlink that ${problem}: ${path} -> ${target}`);
        const real = await (0,promises_.realpath)(absolute).catch((e) => {
            // A dangling or looping link reaches nothing on this machine; its text was checked above.
            if (e.code === 'ENOENT' || e.code === 'ELOOP' || e.code === 'ENOTDIR')
                return undefined;
            throw e;
        });
        const fromRoot = real === undefined ? '' : (0,external_node_path_.relative)(realRoot, real);
        if (fromRoot === '..' || fromRoot.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(fromRoot)) {
            fail(`has a symlink that resolves outside the directory: ${path} -> ${target}`);
        }
    };
    const visit = async (dir, prefix) => {
        const children = (await (0,promises_.readdir)(dir)).filter(child => child !== '.git');
        const allStats = await Promise.all(children.map(child => (0,promises_.lstat)((0,external_node_path_.join)(dir, child))));
        for (const [i, child] of children.entries()) {
            const absolute = (0,external_node_path_.join)(dir, child);
            const path = prefix + child;
            const stats = allStats[i];
            if (stats.isDirectory()) {
                const before = entries.length;
                await visit(absolute, `${path}/`);
                const holdsSomething = entries.length > before;
                if (holdsSomething)
                    add({ kind: 'directory', path: `${path}/`, mode: DIRECTORY_MODE, absolute, size: 0 });
            }
            else if (stats.isFile()) {
                add({
                    kind: 'file',
                    path,
                    mode: normalisedFileMode(stats.mode),
                    absolute,
                    size: stats.size
                });
            }
            else if (stats.isSymbolicLink()) {
                const target = await (0,promises_.readlink)(absolute);
                await checkLink(absolute, path, target);
                const size = Buffer.byteLength(target);
                add({ kind: 'symlink', path, mode: SYMLINK_MODE, absolute, target, size });
            }
            else {
                fail(`has ${path}, which is neither a file, a directory nor a symlink`);
            }
        }
    };
    await visit(root, '');
    return entries.sort((a, b) => Buffer.compare(a.name, b.name));
}


/***/ }),

/***/ 4679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hB: () => (/* binding */ uploadFor),
/* harmony export */   lY: () => (/* binding */ checkPackage)
/* harmony export */ });
/* unused harmony export stagingKey */
/* harmony import */ var _code_package_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6640);
/* harmony import */ var _inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(900);


/** Where a zip over the direct-upload limit is staged: derived from its hash, so a rerun finds it. */
function stagingKey(functionName, sha256) {
    return `apic-lambda-deploy/${functionName}/${Buffer.from(sha256, 'base64').toString('hex')}.zip`;
}
/** Problems the package alone reveals: run/read-inputs.ts checks them with the inputs, before any AWS call. */
function checkPackage(settings, pkg) {
    if (!pkg)
        return;
    const problems = [];
    if (pkg.unzippedSize > _code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .UNZIPPED_SIZE_LIMIT */ .AG)
        problems.push(`code: the package is ${(0,_code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSize */ .Xq)(pkg.unzippedSize)} unzipped, over Lambda's limit of ${(0,_code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSize */ .Xq)(_code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .UNZIPPED_SIZE_LIMIT */ .AG)}; nothing was uploaded`);
    if (pkg.size > _code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .DIRECT_UPLOAD_LIMIT */ .Ce && !settings.stagingBucket)
        problems.push(`s3-bucket: the package is ${(0,_code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSize */ .Xq)(pkg.size)} (${pkg.size} bytes) zipped, over the ${_code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .DIRECT_UPLOAD_LIMIT */ .Ce} bytes that Lambda accepts in a request; give s3-bucket (a bucket in the function's region) to upload it through S3`);
    if (problems.length)
        throw new _inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(problems);
}
/** How the code to deploy reaches Lambda; undefined when no code source was given. */
function uploadFor(settings, pkg, s3Sha256) {
    const { code } = settings;
    switch (code.kind) {
        case 'none':
            return undefined;
        case 'path':
            if (!pkg)
                throw new Error('code: the package was not built'); // run/read-inputs.ts always builds it
            return pkg.size > _code_package_js__WEBPACK_IMPORTED_MODULE_0__/* .DIRECT_UPLOAD_LIMIT */ .Ce && settings.stagingBucket
                ? {
                    kind: 'staged-zip',
                    sha256: pkg.sha256,
                    size: pkg.size,
                    bucket: settings.stagingBucket,
                    key: stagingKey(settings.functionName, pkg.sha256)
                }
                : { kind: 'zip', sha256: pkg.sha256, size: pkg.size };
        case 's3':
            return {
                kind: 's3',
                bucket: code.bucket,
                key: code.key,
                objectVersion: code.objectVersion,
                sha256: s3Sha256
            };
        case 'image':
            return { kind: 'image', imageUri: code.imageUri };
    }
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1633);
/* harmony import */ var _run_read_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3610);
/* harmony import */ var _runner_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1520);
// The action's entry point, as bundled into dist/index.js. The inputs are checked first; only a
// run that gets past them loads run/main.ts, and with it the AWS SDK (a separate chunk of dist/).



let inputs;
try {
    inputs = await (0,_run_read_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readRunInputs */ .h)();
}
catch (error) {
    (0,_runner_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .setFailed */ .C1)((0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .withCauses */ .vR)(error));
}
if (inputs)
    await (await Promise.all(/* import() */[__nccwpck_require__.e(149), __nccwpck_require__.e(978)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7978))).run(inputs);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ resolvePrincipal),
/* harmony export */   Lh: () => (/* binding */ PUBLISHED_PRINCIPALS),
/* harmony export */   OD: () => (/* binding */ regionOfPrincipal),
/* harmony export */   X$: () => (/* binding */ IBM_ACCOUNT)
/* harmony export */ });
/* unused harmony exports API_CONNECT_REGIONS, findApiConnectRegion */
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1626);
/* harmony import */ var _quote_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8373);
// API Connect (SaaS on AWS) regions by IBM's ids, the ids of its host names
// (`api-manager.<id>.apiconnect.automation.ibm.com`), and IBM's published service role of each: API
// Connect assumes the customer's role from it. Regions whose role IBM has not published are known
// by name only, so that we can ask for `api-connect-role-arn` instead of guessing an ARN.


/** IBM's AWS account: every published API Connect role lives in it. */
const IBM_ACCOUNT = '623947394061';
const API_CONNECT_REGIONS = [
    {
        id: 'us-east-a',
        name: 'N. Virginia',
        awsRegion: 'us-east-1',
        roleArn: `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-us-east-a`,
        aliases: ['n-virginia', 'virginia']
    },
    {
        id: 'eu-central-a',
        name: 'Frankfurt',
        awsRegion: 'eu-central-1',
        roleArn: `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-central-a`,
        aliases: ['frankfurt']
    },
    {
        id: 'eu-west-a',
        name: 'London',
        awsRegion: 'eu-west-2',
        roleArn: `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-west-a`,
        aliases: ['london']
    },
    { id: 'ap-south-a', name: 'Mumbai', awsRegion: 'ap-south-1', aliases: ['mumbai'] },
    { id: 'ap-southeast-a', name: 'Sydney', awsRegion: 'ap-southeast-2', aliases: ['sydney'] }
];
/** Where IBM names the role API Connect assumes, per region (Lambda policy, "Setting up permissions and trust in AWS"). */
const IBM_ROLE_SOURCE = 'https://www.ibm.com/docs/en/api-connect/saas?topic=policies-lambda';
/** The published principals: a trust statement for one of them with this org's ID is API Connect. */
const PUBLISHED_PRINCIPALS = API_CONNECT_REGIONS.flatMap(r => (r.roleArn ? [r.roleArn] : []));
/** `eu-west-a (London)` for a published principal; undefined for any other ARN. */
function regionOfPrincipal(arn) {
    const region = API_CONNECT_REGIONS.find(r => r.roleArn === arn);
    return region && `${region.id} (${region.name})`;
}
/** Finds a region by id, AWS region or alias, case-insensitively. */
function findApiConnectRegion(name) {
    const key = name.trim().toLowerCase();
    return API_CONNECT_REGIONS.find(r => r.id === key || r.awsRegion === key || r.name.toLowerCase() === key || r.aliases.includes(key));
}
/** For error messages: `us-east-a (us-east-1, n-virginia, virginia), …`. */
const REGION_NAMES = API_CONNECT_REGIONS.map(r => `${r.id} (${[r.awsRegion, ...r.aliases].join(', ')})`).join(', ');
/**
 * The principal API Connect assumes the role from: api-connect-role-arn, else the published role of
 * api-connect-region, else of the region the function runs in. Problems go to `problem`.
 */
function resolvePrincipal(regionInput, roleArnInput, functionRegion, problem) {
    if (roleArnInput) {
        if (roleArnInput.includes('*') || !(0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_0__/* .isRoleArn */ .GW)(roleArnInput))
            return problem('api-connect-role-arn', `${(0,_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(roleArnInput)} must be the ARN of one IAM role (arn:aws:iam::ACCOUNT:role/NAME); wildcards are refused`);
        return { arn: roleArnInput, source: 'api-connect-role-arn input' };
    }
    const region = regionInput
        ? findApiConnectRegion(regionInput)
        : functionRegion
            ? // Any region API Connect runs in, published or not: an unpublished one asks for the ARN.
                API_CONNECT_REGIONS.find(r => r.awsRegion === functionRegion)
            : undefined;
    if (regionInput && !region)
        return problem('api-connect-region', `${(0,_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(regionInput)} is not an API Connect region; use one of ${REGION_NAMES}`);
    if (region?.roleArn)
        return { arn: region.roleArn, source: `API Connect region ${region.id} (${region.name})` };
    if (region)
        return problem('api-connect-role-arn', `API Connect region ${region.id} (${region.name}, ${region.awsRegion}) has no role published by IBM yet; IBM names its role per region under "Setting up permissions and trust in AWS" at ${IBM_ROLE_SOURCE} (or ask IBM Support for it); pass it as api-connect-role-arn`);
    if (functionRegion)
        return problem('api-connect-region', `no API Connect region runs in ${functionRegion}; set api-connect-region (${REGION_NAMES}) or api-connect-role-arn`);
    return undefined;
}


/***/ }),

/***/ 6784:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ mismatch),
/* harmony export */   Jw: () => (/* binding */ NOT_JSON),
/* harmony export */   WR: () => (/* binding */ parseExpectation),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
// Whether the smoke test's response is what `test-expect` asks for. Pure. Two forms: a status code
// (a bare integer, 100-599) that an API-Gateway-shaped response ({ statusCode, body }) must carry,
// or a JSON value the response must contain: every key of an expected object present with a
// matching value (extra keys allowed), arrays element by element and of the same length, anything
// else equal. An expected object under `body` also matches a body that is a JSON string, as API
// Gateway's proxy integration returns it.
/** `test-expect` as written: a status code, or any JSON value; undefined when it is not JSON. */
function parseExpectation(text) {
    if (/^\d{3}$/.test(text) && Number(text) >= 100 && Number(text) <= 599)
        return { kind: 'status', statusCode: Number(text) };
    try {
        return { kind: 'subset', value: JSON.parse(text) };
    }
    catch {
        return undefined;
    }
}
/** Undefined when the response matches; otherwise where and how it differs, in words. */
function mismatch(expectation, response) {
    if (expectation.kind === 'status') {
        const status = isObject(response) ? response.statusCode : undefined;
        return status === expectation.statusCode
            ? undefined
            : `statusCode is ${status === undefined ? 'missing' : JSON.stringify(status)}, expected ${expectation.statusCode}`;
    }
    return differs(expectation.value, response, '$');
}
function differs(expected, actual, path) {
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual))
            return `${path} is ${describe(actual)}, expected an array`;
        if (actual.length !== expected.length)
            return `${path} has ${actual.length} elements, expected ${expected.length}`;
        for (const [i, item] of expected.entries()) {
            const found = differs(item, actual[i], `${path}[${i}]`);
            if (found)
                return found;
        }
        return undefined;
    }
    if (isObject(expected)) {
        // API Gateway's proxy responses carry their body as a JSON string.
        if (typeof actual === 'string' && path.endsWith('.body'))
            actual = parsed(actual);
        if (!isObject(actual))
            return `${path} is ${describe(actual)}, expected an object`;
        for (const [key, value] of Object.entries(expected)) {
            if (!(key in actual))
                return `${path}.${key} is missing`;
            const found = differs(value, actual[key], `${path}.${key}`);
            if (found)
                return found;
        }
        return undefined;
    }
    return expected === actual
        ? undefined
        : `${path} is ${describe(actual)}, expected ${JSON.stringify(expected)}`;
}
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const NOT_JSON = Symbol('not JSON');
/** The JSON value of `text`, or NOT_JSON. */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return NOT_JSON;
    }
}
/** The JSON value of `text`, or the text itself. */
function parsed(text) {
    const value = parseJson(text);
    return value === NOT_JSON ? text : value;
}
function describe(value) {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}


/***/ }),

/***/ 8373:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ quote)
/* harmony export */ });
// A value the user gave, quoted in a message: cut short when long, so that one mistake in a huge
// input gives one readable line, not the input again.
const LIMIT = 80;
const quote = (value) => value.length <= LIMIT ? `"${value}"` : `"${value.slice(0, LIMIT)}…" (${value.length} characters)`;


/***/ }),

/***/ 900:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0]}`
            : `${problems.length} invalid inputs:\n${problems.map(p => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 3610:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  h: () => (/* binding */ readRunInputs)
});

// EXTERNAL MODULE: ./src/function/code-package.ts + 3 modules
var code_package = __nccwpck_require__(6640);
// EXTERNAL MODULE: ./src/function/upload.ts
var upload = __nccwpck_require__(4679);
// EXTERNAL MODULE: ./src/inputs/quote.ts
var quote = __nccwpck_require__(8373);
;// CONCATENATED MODULE: ./src/inputs/delivery.ts
// How a new version reaches API Connect's traffic: `traffic-shift` (all at once, canary or linear,
// in SAM's and CodeDeploy's vocabulary), the `alarms` watched during its bakes, and `rollback`
// (undo: the alias goes back, nothing is deployed). Pure: every problem names its input.

const FORMS = 'use all-at-once, canary <p>% <duration> (e.g. canary 10% 5m), linear <p>% every <duration> ' +
    '(e.g. linear 10% every 1m), or a CodeDeploy name (e.g. Canary10Percent5Minutes)';
const DURATION_RULE = 'a whole number of seconds, minutes or hours above 0: 30s, 5m, 1h or 1m30s';
const PERCENT_RULE = 'more than 0% and less than 100%, with at most one decimal (e.g. 10% or 2.5%)';
// CodeDeploy's predefined Lambda configurations (CodeDeployDefault.LambdaCanary10Percent5Minutes,
// …LambdaLinear10PercentEvery1Minute, …LambdaAllAtOnce; CodeDeploy user guide, "Deployment
// configurations on an AWS Lambda compute platform"), with or without SAM's shorter prefixes.
const PRESET = /^(?:codedeploydefault\.lambda|lambda)?(?:(allatonce)|canary(\d+)percent(\d+)minutes?|linear(\d+)percentevery(\d+)minutes?)$/;
const PERCENT = /^(\d{1,2}(?:\.\d)?)%$/;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** GitHub-hosted runners stop a job after 6 hours (GitHub Actions usage limits). */
const HOSTED_JOB_SECONDS = 6 * 3600;
/** No workflow run lasts longer than 35 days (GitHub Actions usage limits, hosted and self-hosted). */
const WORKFLOW_RUN_SECONDS = 35 * 24 * 3600;
// CloudWatch's AlarmName is 1-255 characters, and DescribeAlarms takes at most 100 AlarmNames.
const MAX_ALARM_NAME = 255;
const MAX_ALARMS = 100;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * The inputs a rollback ignores, because it deploys no code and changes no function setting: the
 * code sources and every function setting. Those with a default count only when they differ from it.
 */
const DEPLOY_INPUTS = [
    'code',
    's3-bucket',
    's3-key',
    's3-object-version',
    'image-uri',
    'runtime',
    'handler',
    'execution-role-arn',
    'architectures',
    'memory-size',
    'timeout',
    'description',
    'environment',
    'environment-mode',
    'layers',
    'vpc-config',
    'dead-letter-config',
    'kms-key-arn',
    'tracing-config',
    'file-system-configs',
    'image-config',
    'ephemeral-storage',
    'snap-start',
    'logging-config',
    'code-signing-config-arn',
    'source-kms-key-arn',
    'tags',
    'remove-tags',
    'traffic-shift',
    'alarms'
];
const DEFAULTS = {
    'environment-mode': 'replace',
    'traffic-shift': 'all-at-once'
};
/** Seconds from the first weight to the last step: the bake, or every interval but the last. */
function shiftSeconds(shift) {
    if (shift.kind === 'canary')
        return shift.bakeSeconds;
    if (shift.kind === 'linear')
        // In tenths of a percent, so that 100 / 0.3 is not a float that rounds the wrong way.
        return (Math.ceil(1000 / Math.round(shift.percent * 10)) - 1) * shift.intervalSeconds;
    return 0;
}
/**
 * `traffic-shift`, `alarms` and `rollback`. With rollback, the inputs that deploy are not read
 * (the build may have been skipped): one notice names those given.
 */
function readDelivery(reader, alias) {
    const { input, problem, notice, bool } = reader;
    const rollback = bool('rollback', false);
    if (rollback) {
        if (!alias)
            problem('rollback', 'needs alias: a rollback moves the alias back');
        const ignored = DEPLOY_INPUTS.filter(name => {
            const value = input(name);
            return value !== undefined && value.toLowerCase() !== DEFAULTS[name];
        });
        if (ignored.length)
            notice(`rollback: a rollback deploys no code, changes no function setting and moves the alias all at once; ignored: ${ignored.join(', ')}`);
        return { trafficShift: { kind: 'all-at-once' }, alarms: [], rollback };
    }
    const shiftInput = input('traffic-shift');
    const trafficShift = shiftInput
        ? readShift(shiftInput, reader, alias)
        : { kind: 'all-at-once' };
    const alarms = readAlarms(reader);
    if (alarms.length && trafficShift?.kind === 'all-at-once')
        problem('alarms', 'are watched during the bakes of a traffic shift, and traffic-shift: all-at-once has none: set traffic-shift to a canary or linear shift, or remove alarms');
    return { trafficShift: trafficShift ?? { kind: 'all-at-once' }, alarms, rollback };
}
/** A `traffic-shift` value: its shift, or undefined with its problem recorded; the 6-hour notice. */
function readShift(text, { problem, notice }, alias) {
    const say = (message) => problem('traffic-shift', `${(0,quote/* quote */.h)(text)}${message}`);
    const shift = parseShift(text, say);
    if (!shift || shift.kind === 'all-at-once')
        return shift;
    if (!alias)
        say(' needs alias: the weights are set on the alias API Connect calls');
    const seconds = shiftSeconds(shift);
    if (seconds > WORKFLOW_RUN_SECONDS)
        return say(` takes ${span(seconds)}, longer than a workflow run may last (35 days)`);
    if (seconds > HOSTED_JOB_SECONDS)
        notice(`traffic-shift: ${(0,quote/* quote */.h)(text)} takes ${span(seconds)}; jobs on GitHub-hosted runners stop after 6 hours`);
    return shift;
}
function parseShift(text, say) {
    // Case and spacing are free: "Canary 10 %  5M" reads as "canary 10% 5m".
    const words = text.toLowerCase().replace(/\s*%/g, '%').split(/\s+/);
    if (words.length === 1 && words[0] === 'all-at-once')
        return { kind: 'all-at-once' };
    if (words[0] === 'canary' || words[0] === 'linear') {
        const linear = words[0] === 'linear';
        if (words.length !== (linear ? 4 : 3) || (linear && words[2] !== 'every'))
            return say(linear
                ? ' must read linear <p>% every <duration>, e.g. linear 10% every 1m'
                : ' must read canary <p>% <duration>, e.g. canary 10% 5m');
        const percent = readPercent(words[1]);
        const seconds = readDuration(words[words.length - 1]);
        if (percent === undefined)
            say(`: the percent must be ${PERCENT_RULE}`);
        if (seconds === undefined)
            say(`: the duration must be ${DURATION_RULE}`);
        if (percent === undefined || seconds === undefined)
            return undefined;
        return linear
            ? { kind: 'linear', percent, intervalSeconds: seconds }
            : { kind: 'canary', percent, bakeSeconds: seconds };
    }
    const preset = words.length === 1 ? PRESET.exec(words[0]) : null;
    if (!preset)
        return say(` is not a traffic shift: ${FORMS}`);
    if (preset[1])
        return { kind: 'all-at-once' };
    const canary = preset[2] !== undefined;
    const percent = Number(canary ? preset[2] : preset[4]);
    const seconds = Number(canary ? preset[3] : preset[5]) * 60;
    if (percent <= 0 || percent >= 100)
        return say(': the percent must be more than 0 and less than 100');
    if (seconds <= 0)
        return say(': the minutes must be 1 or more');
    return canary
        ? { kind: 'canary', percent, bakeSeconds: seconds }
        : { kind: 'linear', percent, intervalSeconds: seconds };
}
function readPercent(word) {
    const match = PERCENT.exec(word);
    const percent = match ? Number(match[1]) : NaN;
    return percent > 0 && percent < 100 ? percent : undefined;
}
function readDuration(word) {
    const match = DURATION.exec(word);
    if (!match || word === '')
        return undefined;
    const [h, m, s] = match.slice(1).map(part => Number(part ?? 0));
    const seconds = h * 3600 + m * 60 + s;
    return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}
/** 7200 → "2h", 5430 → "1h 30m 30s". */
function span(seconds) {
    const parts = [
        [Math.floor(seconds / 3600), 'h'],
        [Math.floor((seconds % 3600) / 60), 'm'],
        [seconds % 60, 's']
    ];
    return parts
        .filter(([n]) => n > 0)
        .map(([n, unit]) => `${n}${unit}`)
        .join(' ');
}
/** CloudWatch alarm names, one per line: blank lines skipped, duplicates dropped. */
function readAlarms({ input, problem }) {
    const text = input('alarms');
    if (text === undefined)
        return [];
    const names = new Set();
    text.split(/\r?\n/).forEach((line, index) => {
        const name = line.trim();
        const where = `line ${index + 1}`;
        // Located, not quoted: a control character is not printed back.
        if (CONTROL.test(name))
            problem('alarms', `${where}: an alarm name has no control characters`);
        else if ([...name].length > MAX_ALARM_NAME)
            problem('alarms', `${where}: ${(0,quote/* quote */.h)(name)} is over CloudWatch's 255 characters`);
        else if (name)
            names.add(name);
    });
    if (names.size > MAX_ALARMS)
        problem('alarms', `${names.size} alarms: DescribeAlarms takes at most ${MAX_ALARMS} names`);
    return [...names];
}

;// CONCATENATED MODULE: ./src/inputs/key-value.ts
// The inputs that hold several values: lines (`lines`), and maps (environment, role-tags, tags) as
// KEY=VALUE lines or a JSON object of strings.
// Values may be secrets: a problem names the input and the line or entry, and at most a name that
// passed the name rule, never a value or a fragment of one. Both forms follow the same rules:
// names without surrounding whitespace, no name twice, none of JavaScript's own property names.
/** Names that would reach an object's prototype machinery instead of being a key. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const ANY_NAME = { valid: name => name.length > 0, rule: 'not empty' };
/** KEY=VALUE lines or a JSON object of strings; undefined when the input is not given. */
function parsePairs(text, name, problem, names = ANY_NAME) {
    if (text === undefined)
        return undefined;
    const pairs = Object.create(null);
    const seen = new Map();
    /** Records one pair, or the problem with it; `where` is "line 3" or "entry 2". */
    const add = (where, key, value) => {
        if (FORBIDDEN.has(key))
            return problem(name, `${where}: ${key} is not allowed as a name`);
        if (key.trim() !== key)
            return problem(name, `${where}: the name has whitespace around it`);
        if (!names.valid(key))
            return problem(name, `${where}: the name is not valid (${names.rule})`);
        const first = seen.get(key);
        if (first)
            return problem(name, `${where}: "${key}" is already set (${first})`);
        seen.set(key, where);
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
            return problem(name, `${where}: the value of "${key}" must be a string`);
        pairs[key] = String(value);
    };
    if (text.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (error) {
            // JSON.parse quotes the text around the error, and values may be secrets: give the place only.
            const at = /at position \d+( \(line \d+ column \d+\))?/.exec(error.message);
            return problem(name, `is not valid JSON${at ? ` (${at[0]})` : ''}`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            return problem(name, 'must be a JSON object of strings');
        const values = Object.values(parsed);
        const nested = values.findIndex(v => typeof v === 'object');
        if (nested >= 0)
            return problem(name, `entry ${nested + 1}: the value must be a string`);
        // JSON.parse keeps the last of a repeated name silently: read the names from the text.
        jsonKeys(text).forEach((key, index) => add(`entry ${index + 1}`, key, parsed[key]));
        return { ...pairs };
    }
    for (const [index, line] of text.split(/\r?\n/).entries()) {
        if (!line.trim() || line.trim().startsWith('#'))
            continue;
        const at = line.indexOf('=');
        if (at <= 0 || !line.slice(0, at).trim()) {
            problem(name, `line ${index + 1} is not KEY=VALUE`);
            continue;
        }
        add(`line ${index + 1}`, line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    return { ...pairs };
}
/**
 * The names of a flat JSON object, in order, repeats kept. Only called once JSON.parse accepted
 * the text and every value is a string, number or boolean, so a string followed by `:` is a name.
 */
function jsonKeys(text) {
    const keys = [];
    // Strings are matched in order from the start, so a quote inside a value never starts one.
    for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"(\s*:)?/g))
        if (match[2])
            keys.push(JSON.parse(`"${match[1]}"`));
    return keys;
}
/** Non-empty lines, trimmed. */
const lines = (text) => (text ?? '')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean);

;// CONCATENATED MODULE: ./src/inputs/tag-rules.ts
// The rules IAM and Lambda share for tags (role-tags, tags): key and value characters and lengths,
// no aws: prefix, and at most 50 tags of which the action adds some itself (runner/provenance.ts).

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** Reports every tag that breaks the rules, under the input `name`. */
function checkTags(name, tags, limit, problem) {
    for (const [key, value] of Object.entries(tags)) {
        if (!key || key.length > 128 || !TAG_TEXT.test(key) || /^aws:/i.test(key))
            problem(name, `key ${(0,quote/* quote */.h)(key)} must be 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:`);
        if (value.length > 256 || !TAG_TEXT.test(value))
            problem(name, `value of ${(0,quote/* quote */.h)(key)} must be at most 256 letters, digits, spaces or _ . : / = + - @`);
    }
    if (Object.keys(tags).length > 50 - limit.reserved)
        problem(name, `at most ${50 - limit.reserved} tags (${limit.service} allows 50; the action adds ${limit.reserved})`);
}

;// CONCATENATED MODULE: ./src/inputs/function-settings.ts
// Reads the function settings that aws-actions/aws-lambda-deploy also offers (layers, VPC, tags,
// tracing, …): the same names, the same JSON shapes, and shorter forms where one value is enough
// (tracing-config: Active). Every problem names its input and what would be valid. Pure.



const PARTITION = 'arn:aws[a-z-]*';
const LAYER = new RegExp(`^${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:layer:[\\w-]{1,140}:\\d+$`);
const KMS_KEY = new RegExp(`^${PARTITION}:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[\\w/+=,.@-]+$`);
const DLQ_TARGET = new RegExp(`^${PARTITION}:(sqs|sns):[a-z0-9-]+:\\d{12}:[\\w.-]+$`);
const ACCESS_POINT = new RegExp(`^${PARTITION}:elasticfilesystem:[a-z0-9-]+:\\d{12}:access-point/fsap-[a-f0-9]{17}$`);
const CODE_SIGNING = new RegExp(`^${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:code-signing-config:csc-[a-z0-9]{17}$`);
const SUBNET = /^subnet-[0-9a-f]{8,17}$/;
const SECURITY_GROUP = /^sg-[0-9a-f]{8,17}$/;
const MOUNT_PATH = /^\/mnt\/[\w.-]+$/;
const LOG_GROUP = /^[\w\-/.#]{1,512}$/;
const APPLICATION_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const SYSTEM_LEVELS = ['DEBUG', 'INFO', 'WARN'];
function readSettingsInputs(input, problem, reservedTags) {
    const more = {};
    const json = (name, text) => {
        try {
            return JSON.parse(text);
        }
        catch {
            return problem(name, 'is not valid JSON');
        }
    };
    /** A JSON object with only the given members (the official action's shape). */
    const object = (name, members) => {
        const text = input(name);
        if (text === undefined)
            return undefined;
        const value = json(name, text);
        if (value === undefined)
            return undefined;
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return problem(name, `must be a JSON object with ${members.join(', ')}`);
        const unknown = Object.keys(value).filter(k => !members.includes(k));
        if (unknown.length)
            return problem(name, `${unknown.join(', ')}: not a member; use ${members.join(', ')}`);
        return value;
    };
    /** The one member of the official action's object: `{}` sets nothing, so it is refused. */
    const fieldOf = (name, key) => {
        const value = object(name, [key]);
        if (value && !Object.hasOwn(value, key))
            return problem(name, `{} sets nothing: give {"${key}": …}`);
        return value?.[key];
    };
    const strings = (name, value, what) => Array.isArray(value) && value.every(v => typeof v === 'string')
        ? value
        : problem(name, `${what} must be a JSON array of strings`);
    /** Lines, or a JSON array of strings. */
    const list = (name) => {
        const text = input(name);
        if (text === undefined)
            return undefined;
        if (!text.startsWith('['))
            return lines(text);
        const value = json(name, text);
        return value === undefined ? undefined : strings(name, value, 'the list');
    };
    const arn = (name, pattern, example) => {
        const value = input(name);
        if (value !== undefined && !pattern.test(value))
            return problem(name, `${(0,quote/* quote */.h)(value)} is not ${example}`);
        return value;
    };
    /** One word, or the official action's JSON object holding it. */
    const word = (name, member, allowed) => {
        const text = input(name);
        if (text === undefined)
            return undefined;
        const value = text.startsWith('{') ? fieldOf(name, member) : text;
        if (value === undefined && text.startsWith('{'))
            return undefined;
        if (typeof value === 'string' && allowed.includes(value))
            return value;
        return problem(name, `must be ${allowed.join(' or ')} (or {"${member}": "…"})`);
    };
    const layers = list('layers');
    if (layers) {
        const bad = layers.filter(l => !LAYER.test(l));
        if (bad.length)
            problem('layers', `${bad.map(quote/* quote */.h).join(', ')}: not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)`);
        else if (layers.length > 5)
            problem('layers', 'at most 5 layers (Lambda’s limit)');
        else if (new Set(layers).size < layers.length)
            problem('layers', 'a layer is named twice');
        else
            more.Layers = layers;
    }
    const vpc = object('vpc-config', ['SubnetIds', 'SecurityGroupIds', 'Ipv6AllowedForDualStack']);
    if (vpc) {
        const subnets = strings('vpc-config', vpc.SubnetIds ?? [], 'SubnetIds');
        const groups = strings('vpc-config', vpc.SecurityGroupIds ?? [], 'SecurityGroupIds');
        const ipv6 = vpc.Ipv6AllowedForDualStack;
        const bad = [
            ...(subnets ?? []).filter(s => !SUBNET.test(s)),
            ...(groups ?? []).filter(g => !SECURITY_GROUP.test(g))
        ];
        if (bad.length)
            problem('vpc-config', `${bad.map(quote/* quote */.h).join(', ')}: not a subnet-… or sg-… id`);
        else if (subnets && groups && (subnets.length > 16 || groups.length > 5))
            problem('vpc-config', 'at most 16 SubnetIds and 5 SecurityGroupIds');
        else if (subnets && groups && !subnets.length !== !groups.length)
            problem('vpc-config', 'needs SubnetIds and SecurityGroupIds both, or both empty to detach the function from its VPC');
        else if (ipv6 !== undefined && typeof ipv6 !== 'boolean')
            problem('vpc-config', 'Ipv6AllowedForDualStack must be true or false');
        else if (subnets && groups)
            more.VpcConfig = {
                SubnetIds: subnets,
                SecurityGroupIds: groups,
                ...(ipv6 !== undefined ? { Ipv6AllowedForDualStack: ipv6 } : {})
            };
    }
    const dlqText = input('dead-letter-config');
    if (dlqText !== undefined) {
        const target = dlqText.startsWith('{') ? fieldOf('dead-letter-config', 'TargetArn') : dlqText;
        if (typeof target === 'string' && (target === '' || DLQ_TARGET.test(target)))
            more.DeadLetterConfig = { TargetArn: target };
        else if (target !== undefined || !dlqText.startsWith('{'))
            problem('dead-letter-config', 'must be an SQS queue or SNS topic ARN, or {"TargetArn": "…"} ("" removes it)');
    }
    more.KMSKeyArn = arn('kms-key-arn', KMS_KEY, 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)');
    const tracing = word('tracing-config', 'Mode', ['Active', 'PassThrough']);
    if (tracing)
        more.TracingConfig = { Mode: tracing };
    const snapStart = word('snap-start', 'ApplyOn', ['PublishedVersions', 'None']);
    if (snapStart)
        more.SnapStart = { ApplyOn: snapStart };
    const fsText = input('file-system-configs');
    if (fsText !== undefined) {
        const value = json('file-system-configs', fsText);
        const valid = Array.isArray(value) &&
            value.every((c) => typeof c === 'object' &&
                c !== null &&
                ACCESS_POINT.test(String(c.Arn)) &&
                MOUNT_PATH.test(String(c.LocalMountPath)) &&
                Object.keys(c).length === 2);
        if (value !== undefined && !valid)
            problem('file-system-configs', 'must be a JSON array of {"Arn": EFS access point ARN, "LocalMountPath": "/mnt/NAME"}');
        else if (valid && value.length > 1)
            problem('file-system-configs', 'Lambda allows one file system per function');
        else if (valid)
            more.FileSystemConfigs = value;
    }
    const image = object('image-config', ['EntryPoint', 'Command', 'WorkingDirectory']);
    if (image) {
        const entryPoint = image.EntryPoint === undefined
            ? undefined
            : strings('image-config', image.EntryPoint, 'EntryPoint');
        const command = image.Command === undefined ? undefined : strings('image-config', image.Command, 'Command');
        const dir = image.WorkingDirectory;
        if (dir !== undefined && (typeof dir !== 'string' || dir.length > 1000))
            problem('image-config', 'WorkingDirectory must be a path of at most 1000 characters');
        else if ((!image.EntryPoint || entryPoint) && (!image.Command || command))
            more.ImageConfig = {
                ...(entryPoint ? { EntryPoint: entryPoint } : {}),
                ...(command ? { Command: command } : {}),
                ...(dir !== undefined ? { WorkingDirectory: dir } : {})
            };
    }
    const storageText = input('ephemeral-storage');
    if (storageText !== undefined) {
        const size = storageText.startsWith('{')
            ? fieldOf('ephemeral-storage', 'Size')
            : /^\d+$/.test(storageText)
                ? Number(storageText)
                : NaN;
        if (typeof size === 'number' && Number.isInteger(size) && size >= 512 && size <= 10240)
            more.EphemeralStorage = { Size: size };
        else if (size !== undefined)
            problem('ephemeral-storage', `${(0,quote/* quote */.h)(storageText)} must be a whole number of MB from 512 to 10240`);
    }
    const logging = object('logging-config', [
        'LogFormat',
        'ApplicationLogLevel',
        'SystemLogLevel',
        'LogGroup'
    ]);
    if (logging) {
        const { LogFormat, ApplicationLogLevel, SystemLogLevel, LogGroup } = logging;
        const why = LogFormat !== undefined && LogFormat !== 'JSON' && LogFormat !== 'Text'
            ? 'LogFormat must be JSON or Text'
            : ApplicationLogLevel !== undefined &&
                !APPLICATION_LEVELS.includes(ApplicationLogLevel)
                ? `ApplicationLogLevel must be one of ${APPLICATION_LEVELS.join(', ')}`
                : SystemLogLevel !== undefined && !SYSTEM_LEVELS.includes(SystemLogLevel)
                    ? `SystemLogLevel must be one of ${SYSTEM_LEVELS.join(', ')}`
                    : (ApplicationLogLevel ?? SystemLogLevel) !== undefined && LogFormat !== 'JSON'
                        ? 'log levels need "LogFormat": "JSON"'
                        : LogGroup !== undefined &&
                            !(typeof LogGroup === 'string' && LOG_GROUP.test(LogGroup))
                            ? 'LogGroup must be a CloudWatch log group name'
                            : undefined;
        if (why)
            problem('logging-config', why);
        else
            more.LoggingConfig = logging;
    }
    const tags = parsePairs(input('tags'), 'tags', problem);
    if (tags)
        checkTags('tags', tags, { service: 'Lambda', reserved: reservedTags }, problem);
    const removeTags = list('remove-tags');
    const awsKeys = (removeTags ?? []).filter(key => /^aws:/i.test(key));
    // AWS's own tags (aws:…) are not the user's to remove, as they are not theirs to set.
    if (awsKeys.length)
        problem('remove-tags', `${awsKeys.map(quote/* quote */.h).join(', ')}: keys starting with aws: are AWS's own`);
    const both = (removeTags ?? []).filter(key => tags && Object.hasOwn(tags, key));
    if (both.length)
        problem('remove-tags', `${both.map(quote/* quote */.h).join(', ')} also set in tags`);
    const mode = input('environment-mode');
    if (mode !== undefined && mode !== 'replace' && mode !== 'merge')
        problem('environment-mode', `${(0,quote/* quote */.h)(mode)} must be replace or merge`);
    const named = Object.values(more).some(v => v !== undefined);
    return {
        environmentMode: mode,
        more: named ? more : undefined,
        tags,
        removeTags,
        codeSigningConfigArn: arn('code-signing-config-arn', CODE_SIGNING, 'a code-signing config ARN (arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-…)'),
        sourceKmsKeyArn: arn('source-kms-key-arn', KMS_KEY, 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)')
    };
}

// EXTERNAL MODULE: ./src/aws/arn.ts
var arn = __nccwpck_require__(1626);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/inputs/workspace.ts
// The one check that a path an input names stays in the workspace (GITHUB_WORKSPACE): `code` and a
// `test-event` file use it alike. A workflow reads what it checked out, never a path that `..` or a
// symbolic link leads elsewhere on the runner. The wording stays with each input.


/** Whether `path` is `root` or under it. */
const inside = (root, path) => {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
};
/** Whether the resolved `path` is outside the workspace as written (no workspace: never). */
const outsideWorkspace = (path, workspace) => Boolean(workspace) && !inside((0,external_node_path_.resolve)(workspace), path);
/** Whether the existing `path` leads outside the workspace through a symbolic link. */
const linksOutOfWorkspace = (path, workspace) => Boolean(workspace) &&
    (0,external_node_fs_.existsSync)(workspace) &&
    !inside((0,external_node_fs_.realpathSync)(workspace), (0,external_node_fs_.realpathSync)(path));

;// CONCATENATED MODULE: ./src/inputs/code-path.ts
// Where the `code` input may point: an existing directory or .zip file inside the workspace
// (GITHUB_WORKSPACE), reached without a symbolic link. A workflow packages what it checked out,
// never a path a symlink leads elsewhere on the runner. Checked with the other inputs, before any
// AWS call.



/** The resolved path, and what is wrong with it (a message for the `code` input), if anything. */
function checkCodePath(code, workspace) {
    const path = (0,external_node_path_.resolve)(code);
    const say = (problem) => ({ path, problem });
    if (outsideWorkspace(path, workspace))
        return say(`is outside the workspace (${workspace}): give a path inside the checkout`);
    if (!(0,external_node_fs_.existsSync)(path))
        return say(`does not exist (resolved to ${path})`);
    if ((0,external_node_fs_.lstatSync)(path).isSymbolicLink())
        return say('is a symbolic link: give the directory or .zip file itself');
    if (linksOutOfWorkspace(path, workspace))
        return say('leads outside the workspace through a symbolic link in its path');
    if (!(0,external_node_fs_.statSync)(path).isDirectory() && !/\.zip$/i.test(path))
        return say('is neither a directory nor a .zip file');
    return { path };
}

;// CONCATENATED MODULE: ./src/inputs/function.ts
// The function's inputs: which function and region, its code source (at most one), the
// configuration the user named, and what to publish.




const RUNTIME = /^(nodejs\d+\.x|python\d\.\d+|java\d+(\.al2)?|dotnet\d+|dotnetcore\d\.\d|ruby\d\.\d+|go1\.x|provided(\.al2(023)?)?)$/;
const ALIAS = /^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/;
// Lambda's key pattern, [a-zA-Z]([a-zA-Z0-9_])+, needs two characters at least.
const ENV_KEY = /^[a-zA-Z]\w+$/;
// Variables Lambda sets itself; CreateFunction/UpdateFunctionConfiguration reject them.
const RESERVED_ENV = new Set([
    '_HANDLER',
    '_X_AMZN_TRACE_ID',
    'AWS_DEFAULT_REGION',
    'AWS_REGION',
    'AWS_EXECUTION_ENV',
    'AWS_LAMBDA_FUNCTION_NAME',
    'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
    'AWS_LAMBDA_FUNCTION_VERSION',
    'AWS_LAMBDA_INITIALIZATION_TYPE',
    'AWS_LAMBDA_LOG_GROUP_NAME',
    'AWS_LAMBDA_LOG_STREAM_NAME',
    'AWS_ACCESS_KEY',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_LAMBDA_RUNTIME_API',
    'LAMBDA_TASK_ROOT',
    'LAMBDA_RUNTIME_DIR'
]);
/** `function-name` and `region` (the region defaults to the ARN's, then AWS_REGION). */
function readTarget({ input, problem, env }) {
    const functionInput = input('function-name');
    const ref = functionInput ? (0,arn/* parseFunctionRef */.r$)(functionInput) : undefined;
    const arnProblem = functionInput && (0,arn/* functionArnProblem */.PY)(functionInput);
    if (!functionInput)
        problem('function-name', 'is required: a function name or ARN');
    else if (arnProblem)
        problem('function-name', `${(0,quote/* quote */.h)(functionInput)} ${arnProblem}`);
    else if (!ref)
        problem('function-name', `${(0,quote/* quote */.h)(functionInput)} is neither a function name (1-64 letters, digits, - or _) nor a Lambda function ARN`);
    else if (ref.qualifier)
        problem('function-name', `${(0,quote/* quote */.h)(functionInput)} names version or alias ${(0,quote/* quote */.h)(ref.qualifier)}; give the unqualified function and use the alias input`);
    const regionInput = input('region');
    const region = regionInput ?? ref?.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
    if (!region)
        problem('region', 'is required: set the region input or AWS_REGION (configure-aws-credentials sets it)');
    else if (!arn/* REGION_PATTERN */.aY.test(region))
        problem('region', `${(0,quote/* quote */.h)(region)} is not an AWS region such as eu-west-2`);
    else if (regionInput && ref?.region && regionInput !== ref.region)
        problem('region', `${(0,quote/* quote */.h)(regionInput)} differs from the region in function-name (${ref.region})`);
    return { ref: ref ?? undefined, region };
}
/** The code source, at most one, and the bucket a large `code` package goes through. */
function readCode({ input, problem, env }) {
    const code = input('code');
    const s3Bucket = input('s3-bucket');
    const s3Key = input('s3-key');
    const s3ObjectVersion = input('s3-object-version');
    const imageUri = input('image-uri');
    const sources = [code && 'code', s3Key && 's3-key', imageUri && 'image-uri'].filter(Boolean);
    if (sources.length > 1)
        problem(sources.join(', '), 'give at most one code source: code, s3-bucket with s3-key, or image-uri');
    if (s3Key && !s3Bucket)
        problem('s3-bucket', 'is required with s3-key');
    if (s3ObjectVersion && !s3Key)
        problem('s3-object-version', 'needs s3-bucket and s3-key');
    if (s3Bucket && !s3Key && !code)
        problem('s3-bucket', 'needs s3-key (code already in S3) or code (a package to upload through the bucket)');
    if (s3Bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s3Bucket))
        problem('s3-bucket', `${(0,quote/* quote */.h)(s3Bucket)} is not a valid S3 bucket name`);
    if (imageUri && !/^[^\s:/]+(\/[^\s:/@]+)+(:[\w.-]{1,128}|@sha256:[0-9a-f]{64})$/.test(imageUri))
        problem('image-uri', `${(0,quote/* quote */.h)(imageUri)} is not an image URI such as ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo:tag`);
    let source = { kind: 'none' };
    if (code) {
        const checked = checkCodePath(code, env.GITHUB_WORKSPACE);
        if (checked.problem)
            problem('code', `${(0,quote/* quote */.h)(code)} ${checked.problem}`);
        source = { kind: 'path', path: checked.path };
    }
    else if (s3Key && s3Bucket) {
        source = { kind: 's3', bucket: s3Bucket, key: s3Key, objectVersion: s3ObjectVersion };
    }
    else if (imageUri)
        source = { kind: 'image', imageUri };
    return { code: source, stagingBucket: source.kind === 'path' ? s3Bucket : undefined };
}
/** The configuration a create needs and an update changes, only what the user named. */
function readConfig({ input, problem }) {
    const runtime = input('runtime');
    if (runtime && !RUNTIME.test(runtime))
        problem('runtime', `${(0,quote/* quote */.h)(runtime)} is not a Lambda runtime identifier such as nodejs22.x or python3.13`);
    const handler = input('handler');
    if (handler && (handler.length > 128 || /\s/.test(handler)))
        problem('handler', `${(0,quote/* quote */.h)(handler)} must be at most 128 characters without spaces, e.g. index.handler`);
    const role = input('execution-role-arn');
    if (role && !(0,arn/* isRoleArn */.GW)(role))
        problem('execution-role-arn', `${(0,quote/* quote */.h)(role)} is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)`);
    const architecture = input('architectures');
    if (architecture && architecture !== 'x86_64' && architecture !== 'arm64')
        problem('architectures', `${(0,quote/* quote */.h)(architecture)} must be x86_64 or arm64`);
    const description = input('description');
    if (description && description.length > 256)
        problem('description', 'must be at most 256 characters');
    const environment = parsePairs(input('environment'), 'environment', problem, {
        valid: key => ENV_KEY.test(key),
        rule: 'a letter, then one or more letters, digits or _'
    });
    if (environment) {
        for (const key of Object.keys(environment))
            if (RESERVED_ENV.has(key))
                problem('environment', `${(0,quote/* quote */.h)(key)} is reserved by Lambda`);
        // Lambda measures the variables as JSON, in bytes.
        if (Buffer.byteLength(JSON.stringify(environment)) > 4096)
            problem('environment', 'variables exceed Lambda’s 4 KB limit');
    }
    return {
        runtime,
        handler,
        role,
        architectures: architecture ? [architecture] : undefined,
        description,
        environment
    };
}
/** `alias`, and `publish` (an alias implies it). */
function readPublish({ input, problem, bool }) {
    const alias = input('alias');
    if (alias && !ALIAS.test(alias))
        problem('alias', `${(0,quote/* quote */.h)(alias)} must be 1-128 letters, digits, - or _, and not only digits`);
    return { alias, publish: bool('publish', false) || alias !== undefined };
}

;// CONCATENATED MODULE: ./src/inputs/reader.ts
// How every input group reads: an input trimmed ('' is unset), every problem collected with the
// input's name (none thrown, so all are reported at once), notices, booleans and whole numbers.

function readerOf(getInput, env) {
    const problems = [];
    const notices = [];
    const input = (name) => getInput(name).trim() || undefined;
    const problem = (name, message) => {
        problems.push(`${name}: ${message}`);
        return undefined;
    };
    return {
        input,
        problem,
        notice: message => notices.push(message),
        bool: (name, fallback) => {
            const value = input(name);
            if (value === undefined)
                return fallback;
            if (/^(true|True|TRUE)$/.test(value))
                return true;
            if (/^(false|False|FALSE)$/.test(value))
                return false;
            problem(name, `${(0,quote/* quote */.h)(value)} is not a boolean; use true or false`);
            return fallback;
        },
        integer: (name, min, max) => {
            const value = input(name);
            if (value === undefined)
                return undefined;
            const n = Number(value);
            if (!/^\d+$/.test(value) || n < min || n > max)
                return problem(name, `${(0,quote/* quote */.h)(value)} must be a whole number from ${min} to ${max}`);
            return n;
        },
        env,
        problems,
        notices
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/inputs/api-connect-regions.ts
var api_connect_regions = __nccwpck_require__(3646);
;// CONCATENATED MODULE: ./src/inputs/role.ts
// API Connect's inputs (the principal to trust, the external ID it presents) and the role's: its
// name, path, description, boundary, tags, and the principals it may trust besides API Connect.






const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/([\x21-\x7E]*\/)?$/;
/** Tags the action adds itself (see runner/provenance.ts); they count against IAM's 50-tag limit. */
const RESERVED_TAG_COUNT = 3;
/** `provider-org-id` (the external ID) and the principal, from the region table or its ARN. */
function readApiConnect({ input, problem, notice }, region) {
    const orgId = input('provider-org-id');
    if (!orgId)
        problem('provider-org-id', 'is required: the API Connect provider organization ID (a UUID), used as sts:ExternalId');
    else if (UUID.test(orgId) && orgId !== orgId.toLowerCase())
        notice(`provider-org-id: API Connect's provider org IDs are lowercase UUIDs; using ${orgId.toLowerCase()} (sts:ExternalId is compared case-sensitively)`);
    else if (!UUID.test(orgId))
        problem('provider-org-id', `${(0,quote/* quote */.h)(orgId)} is not a UUID. It is the provider organization's ID, not its name ` +
            '(e.g. ac51909e-a379-4153-a0e8-ef4a25a83405): `apic orgs:list --my --server <management server>` lists it');
    // A malformed region already has its error: it must not add one about API Connect's region.
    const principal = (0,api_connect_regions/* resolvePrincipal */.HM)(input('api-connect-region'), input('api-connect-role-arn'), region && arn/* REGION_PATTERN */.aY.test(region) ? region : undefined, problem);
    return {
        externalId: orgId?.toLowerCase() ?? '',
        principalArn: principal?.arn ?? '',
        source: principal?.source ?? ''
    };
}
/** The role's own inputs; `manage-role` is read with the run's switches, last. */
function readRole({ input, problem }, ref) {
    const name = input('role-name') ?? (ref ? defaultRoleName(ref.name) : undefined);
    if (name !== undefined && !ROLE_NAME.test(name))
        problem('role-name', `${(0,quote/* quote */.h)(name)} must be 1-64 letters, digits or + = , . @ _ -`);
    const path = input('role-path') ?? '/';
    if (!ROLE_PATH.test(path) || path.length > 512)
        problem('role-path', `${(0,quote/* quote */.h)(path)} must start and end with / (e.g. /apic/), printable ASCII, at most 512 characters`);
    const description = input('role-description');
    if (description &&
        (description.length > 1000 || !/^[\t\n\r\x20-\x7E\xA1-\xFF]*$/.test(description)))
        problem('role-description', 'must be at most 1000 printable characters');
    const permissionsBoundary = input('permissions-boundary');
    if (permissionsBoundary && !(0,arn/* isPolicyArn */.Sx)(permissionsBoundary))
        problem('permissions-boundary', `${(0,quote/* quote */.h)(permissionsBoundary)} is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`);
    const tags = parsePairs(input('role-tags'), 'role-tags', problem) ?? {};
    checkTags('role-tags', tags, { service: 'IAM', reserved: RESERVED_TAG_COUNT }, problem);
    return { name: name ?? '', path, description, permissionsBoundary, tags };
}
/**
 * `accepted-principals`: one a line, each a principal a trust policy can name. IBM's account, and
 * the account of an explicit api-connect-role-arn, are API Connect's: its access is what
 * api-connect-region and provider-org-id describe, so no principal of theirs is accepted on top.
 */
function readAcceptedPrincipals({ input, problem }, apiConnect, explicitArn) {
    const principals = lines(input('accepted-principals'));
    const apiConnectAccounts = new Map([[api_connect_regions/* IBM_ACCOUNT */.X$, `IBM's API Connect account ${api_connect_regions/* IBM_ACCOUNT */.X$}`]]);
    const explicit = explicitArn && accountOfPrincipal(explicitArn);
    if (explicit && !apiConnectAccounts.has(explicit))
        apiConnectAccounts.set(explicit, `the account of api-connect-role-arn (${explicit})`);
    for (const [index, principal] of principals.entries()) {
        const account = accountOfPrincipal(principal);
        const owner = account && apiConnectAccounts.get(account);
        const why = principal === apiConnect.principalArn
            ? 'is the API Connect principal itself: it needs no declaration, and its other external IDs are never accepted'
            : owner
                ? `is a principal of ${owner}, which is API Connect's: API Connect's access is what api-connect-region and provider-org-id describe (its role with this org's external ID), and no other principal of that account is accepted`
                : (0,arn/* principalProblem */._U)(principal);
        if (why)
            problem('accepted-principals', `line ${index + 1}: ${why}`);
    }
    return principals;
}
/** The account a principal belongs to: an account ID, or an IAM or STS ARN of any partition. */
function accountOfPrincipal(principal) {
    if (/^\d{12}$/.test(principal))
        return principal;
    return /^arn:[^:]*:(?:iam|sts):[^:]*:(\d{12}):/i.exec(principal)?.[1];
}
/** `apic-invoke-<function>`, shortened with a stable hash to fit IAM's 64-character limit. */
function defaultRoleName(functionName) {
    const name = `apic-invoke-${functionName}`;
    if (name.length <= 64)
        return name;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(functionName).digest('hex').slice(0, 8);
    return `${name.slice(0, 55)}-${hash}`;
}

// EXTERNAL MODULE: ./src/inputs/settings.ts
var inputs_settings = __nccwpck_require__(900);
// EXTERNAL MODULE: ./src/inputs/expect.ts
var inputs_expect = __nccwpck_require__(6784);
;// CONCATENATED MODULE: ./src/inputs/json-location.ts
// Where JSON text stops being JSON (RFC 8259), as a line and column: an invalid `test-event` is
// located, never quoted (it may hold a token). Pure. Node's own message cannot serve: on node 22
// and later it quotes the text around the error.
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
/** The first offset where `text` is not JSON; -1 when it is. */
function jsonErrorOffset(text) {
    let i = 0;
    const stop = () => {
        throw i;
    };
    const blanks = () => {
        while (' \t\n\r'.includes(text[i] ?? 'x'))
            i++;
    };
    const expect = (char) => (text[i] === char ? i++ : stop());
    const string = () => {
        expect('"');
        for (;;) {
            const c = text[i];
            if (c === undefined || c < ' ')
                stop();
            i++;
            if (c === '"')
                return;
            if (c !== '\\')
                continue;
            if (text[i] === 'u') {
                i++;
                for (let k = 0; k < 4; k++) {
                    if (!/[0-9a-fA-F]/.test(text[i] ?? 'x'))
                        stop();
                    i++;
                }
            }
            else if ('"\\/bfnrt'.includes(text[i] ?? 'x'))
                i++;
            else
                stop();
        }
    };
    const items = (close, item) => {
        i++;
        blanks();
        if (text[i] === close)
            return i++;
        for (;;) {
            item();
            blanks();
            if (text[i] === close)
                return i++;
            expect(',');
        }
    };
    const value = () => {
        blanks();
        const c = text[i];
        if (c === '{')
            items('}', () => {
                blanks();
                string();
                blanks();
                expect(':');
                value();
            });
        else if (c === '[')
            items(']', value);
        else if (c === '"')
            string();
        else {
            const literal = ['true', 'false', 'null'].find(word => word[0] === c);
            if (literal)
                for (const char of literal)
                    expect(char);
            else
                number();
        }
    };
    // Character by character, so the offset is the first character that cannot belong.
    const digits = () => {
        if (!isDigit(text[i]))
            stop();
        while (isDigit(text[i]))
            i++;
    };
    const number = () => {
        if (text[i] === '-')
            i++;
        if (text[i] === '0')
            i++;
        else
            digits();
        if (text[i] === '.') {
            i++;
            digits();
        }
        if (text[i] === 'e' || text[i] === 'E') {
            i++;
            if (text[i] === '+' || text[i] === '-')
                i++;
            digits();
        }
    };
    try {
        value();
        blanks();
        return i < text.length ? i : -1;
    }
    catch (at) {
        // Nesting too deep for this scanner (a RangeError): say the start, which is still no quote.
        return typeof at === 'number' ? at : 0;
    }
}
/** The 1-based line and column of `offset` in `text`. */
function locate(text, offset) {
    const before = text.slice(0, offset).split(/\r\n|\n|\r/);
    return { line: before.length, column: before[before.length - 1].length + 1 };
}
/** "line L, column C" of the first error in `text`, which JSON.parse refused. */
function whereInvalid(text) {
    const offset = jsonErrorOffset(text);
    const { line, column } = locate(text, offset < 0 ? text.length : offset);
    return `line ${line}, column ${column}`;
}

;// CONCATENATED MODULE: ./src/inputs/smoke.ts
// The smoke test's inputs: `test-event` (inline JSON, or the path of a JSON file in the workspace)
// and `test-expect` (see expect.ts), read and checked with every other input, before any AWS call.






const isJson = (text) => (0,inputs_expect/* parseJson */.qF)(text) !== inputs_expect/* NOT_JSON */.Jw;
// Lambda's limit on a synchronous invocation's request payload (API_Invoke.html).
const MAX_EVENT_BYTES = 6 * 1024 * 1024;
const BOM_BYTES = 3;
/** The smoke test asked for, or undefined; every problem goes to `problem`, naming its input. */
function readSmokeInputs(eventInput, expectInput, workspace, problem) {
    const expect = expectInput === undefined ? undefined : (0,inputs_expect/* parseExpectation */.WR)(expectInput);
    if (expectInput !== undefined && !expect)
        problem('test-expect', `${(0,quote/* quote */.h)(expectInput)} is neither a status code (e.g. 200) nor JSON (e.g. {"ok": true})`);
    if (expectInput !== undefined && eventInput === undefined)
        problem('test-expect', 'needs test-event: the event to invoke the function with');
    if (eventInput === undefined)
        return undefined;
    const inline = /^[[{"]/.test(eventInput) || isJson(eventInput);
    const event = inline ? eventInput : readEventFile(eventInput, workspace, problem);
    if (event === undefined)
        return undefined;
    if (!isJson(event))
        return problem('test-event', 
        // Located, never quoted: an event may hold a token.
        inline
            ? `is not valid JSON (${whereInvalid(event)})`
            : `file ${(0,quote/* quote */.h)(eventInput)} does not hold valid JSON (${whereInvalid(event)})`);
    if (Buffer.byteLength(event) > MAX_EVENT_BYTES)
        return problem('test-event', 'is over Lambda’s 6 MB limit for a synchronous invocation');
    return { event, source: inline ? 'inline' : eventInput, expect };
}
function readEventFile(path, workspace, problem) {
    const full = (0,external_node_path_.resolve)(path);
    const say = (message) => problem('test-event', `${(0,quote/* quote */.h)(path)} ${message}`);
    if (outsideWorkspace(full, workspace))
        return say('is outside the workspace: give inline JSON or a file in the checkout');
    if (!(0,external_node_fs_.existsSync)(full) || !(0,external_node_fs_.statSync)(full).isFile())
        return say(`is neither JSON nor an existing file (resolved to ${full})`);
    if (linksOutOfWorkspace(full, workspace))
        return say('leads outside the workspace through a symbolic link');
    // Sized before it is read: a file of hundreds of MB would not fit in a string. (A byte-order
    // mark's 3 bytes are allowed for; the event's own size is checked once read.)
    if ((0,external_node_fs_.statSync)(full).size > MAX_EVENT_BYTES + BOM_BYTES)
        return say('is over Lambda’s 6 MB limit for a synchronous invocation');
    // JSON files written by Windows tools start with a byte-order mark, which is not JSON.
    return (0,external_node_fs_.readFileSync)(full, 'utf8').replace(/^\uFEFF/, '');
}

;// CONCATENATED MODULE: ./src/inputs/read.ts
// Reads every input once, validates all of them before the first AWS call, and reports every
// problem at once, each naming its input and what would be valid. Each group reads in its own file
// (function.ts, delivery.ts, role.ts, function-settings.ts, smoke.ts); the order here is the order problems
// are reported in.








const NO_CODE = { kind: 'none' };
/**
 * Builds the settings from the action's inputs. `getInput` returns '' for an input that was not
 * set (as `core.getInput` does); `env` supplies AWS_REGION and AWS_DEFAULT_REGION.
 */
function readSettings(getInput, env = process.env) {
    const { settings, problems } = readInputs(getInput, env);
    if (problems.length > 0)
        throw new InputError(problems);
    return settings;
}
/** Every input read and checked: the settings, and every problem found (none thrown). */
function readInputs(getInput, env = process.env) {
    const reader = readerOf(getInput, env);
    const { input, bool } = reader;
    const { ref, region } = readTarget(reader);
    const { alias, publish } = readPublish(reader);
    const delivery = readDelivery(reader, alias);
    // A rollback deploys nothing: the code and the function's settings are not read (delivery.ts).
    const { code, stagingBucket } = delivery.rollback ? { code: NO_CODE } : readCode(reader);
    const config = delivery.rollback ? {} : readFunctionConfig(reader);
    const apiConnect = readApiConnect(reader, region);
    const role = readRole(reader, ref);
    const acceptedPrincipals = readAcceptedPrincipals(reader, apiConnect, input('api-connect-role-arn'));
    const checks = readChecks(reader);
    const smokeTest = readSmokeInputs(input('test-event'), input('test-expect'), env.GITHUB_WORKSPACE, reader.problem);
    const endpointUrl = readEndpoint(reader);
    const settings = {
        functionName: ref?.name ?? '',
        region: region ?? '',
        functionAccountId: ref?.accountId,
        functionPartition: ref?.partition,
        code,
        stagingBucket,
        config,
        publish,
        alias,
        ...delivery,
        apiConnect,
        role: { ...role, manage: bool('manage-role', true) },
        ...checks,
        acceptedPrincipals,
        validateTrustPolicy: bool('validate-trust-policy', false),
        accessAnalyzerChecks: bool('access-analyzer-checks', false),
        probeSelfAssume: bool('probe-self-assume', false),
        dryRun: bool('dry-run', false),
        smokeTest,
        endpointUrl,
        notices: reader.notices
    };
    return { settings, problems: reader.problems };
}
/** What a deploy changes on the function: only what the user named. */
function readFunctionConfig(reader) {
    const config = readConfig(reader);
    return {
        runtime: config.runtime,
        handler: config.handler,
        role: config.role,
        architectures: config.architectures,
        memorySize: reader.integer('memory-size', 128, 10240),
        timeout: reader.integer('timeout', 1, 900),
        description: config.description,
        environment: config.environment,
        ...readSettingsInputs(reader.input, reader.problem, RESERVED_TAG_COUNT)
    };
}
/** `verify` and `expected-account-id`: how verification ends the step, and whose account. */
function readChecks({ input, problem }) {
    const verify = input('verify') ?? 'fail';
    if (verify !== 'fail' && verify !== 'warn' && verify !== 'off')
        problem('verify', `${(0,quote/* quote */.h)(verify)} must be fail, warn or off`);
    const expectedAccountId = input('expected-account-id');
    if (expectedAccountId && !/^\d{12}$/.test(expectedAccountId))
        problem('expected-account-id', `${(0,quote/* quote */.h)(expectedAccountId)} is not a 12-digit AWS account id`);
    return { verify: verify, expectedAccountId };
}
function readEndpoint({ input, problem }) {
    const endpointUrl = input('endpoint-url');
    if (endpointUrl && !/^https?:\/\/[^\s/]+/.test(endpointUrl))
        problem('endpoint-url', `${(0,quote/* quote */.h)(endpointUrl)} is not an http(s) URL`);
    return endpointUrl;
}

;// CONCATENATED MODULE: ./src/run/read-inputs.ts
// The inputs and the code package, checked together before anything else loads: a packaging
// problem (too large, a symlink out of the tree) comes with every other input problem in one error,
// before any AWS call. Nothing here imports the AWS SDK, so a run that stops on an input error does
// not load it (index.ts).




/** The runner's naming, as `core.getInput` reads it: INPUT_ + the name upper-cased, spaces to `_`. */
const envInput = (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
async function readRunInputs(getInput = envInput) {
    const { settings, problems } = readInputs(getInput);
    let code;
    // A rollback reads no code source (inputs/delivery.ts): its kind is none, nothing is packaged.
    if (settings.code.kind === 'path' && !problems.some(p => p.startsWith('code:')))
        try {
            code = await (0,code_package/* packageCode */.m$)(settings.code.path);
            (0,upload/* checkPackage */.lY)(settings, code);
        }
        catch (error) {
            if (error instanceof inputs_settings/* InputError */.d)
                problems.push(...error.problems);
            else if (error instanceof code_package/* CodeInputError */.id)
                problems.push(error.message);
            else
                throw error;
        }
    if (problems.length > 0)
        throw new inputs_settings/* InputError */.d(problems);
    return { settings, code };
}


/***/ }),

/***/ 1520:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   eu: () => (/* binding */ addMask),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   tJ: () => (/* binding */ inert),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
// The runner's workflow commands, written as @actions/core writes them (its command.js and
// file-command.js): log lines, annotations, groups, step outputs and the job summary. The action
// does not import @actions/core: its core.js loads the OIDC client, and with it undici (~1 MB, ~95
// ms of start-up on node 24), for an ID token this action never asks for.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands




/** The escaping the runner undoes in a command's data (`escapeData` in @actions/core). */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const command = (name, message) => {
    process.stdout.write(`::${name}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
};
const info = (message) => {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
};
const notice = (message) => command('notice', message);
const warning = (message) => command('warning', message);
const error = (message) => command('error', message);
const startGroup = (title) => command('group', title);
/** Hides `value` in the rest of the job's log (the runner's secret masker). */
const addMask = (value) => command('add-mask', value);
/**
 * Untrusted text (what a function printed or answered) framed so that the runner obeys none of its
 * lines: commands stop until `::<token>::`, the token random per call so the text cannot resume
 * them early (as @actions/core's toolkit does with `stop-commands`).
 */
const inert = (text) => {
    const token = `inert-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    return `::stop-commands::${token}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${text}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}::${token}::`;
};
const endGroup = () => command('endgroup', '');
async function group(title, task) {
    startGroup(title);
    try {
        return await task();
    }
    finally {
        endGroup();
    }
}
/** An error annotation, and the step fails (exit code 1) when the action ends. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/**
 * A step output: to the GITHUB_OUTPUT file, in the multi-line form with a random delimiter (as
 * `prepareKeyValueMessage` does, so that no value can end it early); without the file, the old
 * `set-output` command.
 */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
        process.stdout.write(`::set-output name=${name}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`, 'utf8');
}
/** Appends to the job summary (GITHUB_STEP_SUMMARY); nothing when the runner gives no file. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(file, markdown + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL, 'utf8');
}


/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
