/**
 * x-apigateway-backend and its sub-objects (x-apigateway.md §8, HW apig_03_0090..0095, 0136/0137).
 * Exports use upper-case `in` (HEADER/QUERY/PATH) and sometimes upper-case schemes; both are accepted
 * and written back as they were.
 */
import {
  API_METHODS,
  BACKEND_PARAM_LOCATIONS,
  BACKEND_PARAM_ORIGINS,
  BACKEND_TYPES,
  INVOCATION_TYPES,
  NETWORK_TYPES,
  SCHEMES,
  type Backend,
  type BackendCommon,
  type BackendParam,
  type BackendType,
  type FunctionEndpoint,
  type HttpEndpoint,
  type HttpVpcEndpoint,
  type MemberGroupEndpoint,
  type MemberGroupUrlInfo,
  type MockEndpoint,
} from '../../core/model.js';
import {
  below,
  bool,
  int,
  isRecord,
  list,
  oneOf,
  report,
  str,
  stringOrList,
  type Codec,
  type DecodeCtx,
} from '../codec.js';
import { object, opt, req, type Fields } from '../object-codec.js';

export const backendParam = object<BackendParam>(
  {
    name: req('name', str),
    value: req('value', str),
    location: req('in', oneOf(BACKEND_PARAM_LOCATIONS)),
    origin: req('origin', oneOf(BACKEND_PARAM_ORIGINS)),
    description: opt('description', str),
  },
  { name: 'backend parameter' },
);

const scheme = oneOf(SCHEMES);
const method = oneOf(API_METHODS);

export const httpEndpoint = object<HttpEndpoint>(
  {
    address: req('address', stringOrList),
    scheme: req('scheme', scheme),
    method: req('method', method),
    path: req('path', str),
    timeout: opt('timeout', int),
    description: opt('description', str),
    retryCount: opt('retryCount', str),
    enableClientSsl: opt('enableClientSsl', bool),
  },
  { name: 'httpEndpoints' },
);

/** The table says `name` is an Array but every example writes a string (contradiction 2). */
const channelName: Codec<string> = {
  decode: (raw, at, ctx) =>
    Array.isArray(raw) && raw.length === 1 ? str.decode(raw[0], below(at, 0), ctx) : str.decode(raw, at, ctx),
  encode: (v) => v,
};

export const httpVpcEndpoint = object<HttpVpcEndpoint>(
  {
    name: req('name', channelName),
    scheme: req('scheme', scheme),
    method: req('method', method),
    path: req('path', str),
    timeout: opt('timeout', int),
    host: opt('host', str),
    description: opt('description', str),
    retryCount: opt('retryCount', str),
    enableClientSsl: opt('enableClientSsl', bool),
  },
  { name: 'httpVpcEndpoints' },
);

export const memberGroupUrlInfo = object<MemberGroupUrlInfo>(
  {
    name: req('name', str),
    scheme: req('scheme', scheme),
    method: req('method', method),
    path: req('path', str),
  },
  { name: 'memberGroupUrlInfos item' },
);

export const memberGroupEndpoint = object<MemberGroupEndpoint>(
  {
    name: req('name', str),
    memberGroupUrlInfos: req('memberGroupUrlInfos', list(memberGroupUrlInfo)),
    timeout: opt('timeout', int),
    retryCount: opt('retryCount', str),
    enableClientSsl: opt('enableClientSsl', bool),
    enableSmChannel: opt('enableSmChannel', bool),
  },
  { name: 'httpVpcMemberGroupEndpoints' },
);

export const functionEndpoint = object<FunctionEndpoint>(
  {
    functionUrn: req('function-urn', str),
    version: opt('version', str),
    // The HW example writes "synchronous" (contradiction 6).
    invocationType: req('invocation-type', oneOf(INVOCATION_TYPES, { synchronous: 'sync', asynchronous: 'async' })),
    timeout: opt('timeout', int),
    aliasUrn: opt('alias-urn', str),
    networkType: opt('network-type', oneOf(NETWORK_TYPES)),
    description: opt('description', str),
  },
  { name: 'functionEndpoints' },
);

export const mockEndpoint = object<MockEndpoint>(
  {
    resultContent: req('result-content', str),
    description: opt('description', str),
  },
  { name: 'mockEndpoints' },
);

const params = opt('parameters', list(backendParam));
const kind = <T extends BackendType>(t: T) => req('type', oneOf([t]));

/** The field tables per backend type; policy backends reuse them (x-apigateway.md §9). */
export const BACKEND_FIELDS = {
  HTTP: { type: kind('HTTP'), params, http: req('httpEndpoints', httpEndpoint) },
  'HTTP-VPC': { type: kind('HTTP-VPC'), params, vpc: req('httpVpcEndpoints', httpVpcEndpoint) },
  'HTTP-VPC-MEMBER-GROUP': {
    type: kind('HTTP-VPC-MEMBER-GROUP'),
    params,
    memberGroup: req('httpVpcMemberGroupEndpoints', memberGroupEndpoint),
  },
  FUNCTION: { type: kind('FUNCTION'), params, function: req('functionEndpoints', functionEndpoint) },
  MOCK: { type: kind('MOCK'), params, mock: req('mockEndpoints', mockEndpoint) },
} as const satisfies Record<BackendType, object>;

const backendType = oneOf(BACKEND_TYPES);

/** Picks the object codec by `type`; `extra` adds fields (policy name, conditions...) to every variant. */
export function discriminated<E extends object>(extra: Fields<E>, name: string): Codec<Backend & E> {
  const codecs = new Map<BackendType, Codec<Backend & E>>();
  for (const t of BACKEND_TYPES) {
    const fields = { ...BACKEND_FIELDS[t], ...extra } as unknown as Fields<Backend & E>;
    codecs.set(t, object<Backend & E>(fields, { name }));
  }
  return {
    decode(raw, at, ctx: DecodeCtx) {
      if (!isRecord(raw)) return report(ctx, at, `${name} must be an object`);
      const t = backendType.decode(raw.type, below(at, 'type'), ctx);
      return t === undefined ? undefined : codecs.get(t)?.decode(raw, at, ctx);
    },
    encode: (v) => codecs.get(v.type)?.encode(v),
    // The variants are object codecs.
    exact: true,
  };
}

export const backendCodec: Codec<Backend> = discriminated<BackendCommon>({ params }, 'x-apigateway-backend');
