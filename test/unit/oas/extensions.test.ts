/** Every extension mapping, both directions: raw → model (normalised) and model → raw (as written). */
import { describe, expect, it } from 'vitest';
import type { DecodeCtx, Codec } from '../../../src/oas/codec.js';
import { aclPolicy } from '../../../src/oas/extensions/access-controls.js';
import { backendCodec } from '../../../src/oas/extensions/backend.js';
import { policyCodec } from '../../../src/oas/extensions/backend-policies.js';
import { operationCodec } from '../../../src/oas/extensions/operation.js';
import { paramCodec } from '../../../src/oas/extensions/parameter.js';
import { responseSet } from '../../../src/oas/extensions/responses.js';
import { securityScheme } from '../../../src/oas/extensions/security.js';
import { throttlePolicy } from '../../../src/oas/extensions/throttles.js';

interface Case {
  name: string;
  codec: Codec<unknown>;
  raw: unknown;
  model: Record<string, unknown>;
}

const c = <T>(name: string, codec: Codec<T>, raw: unknown, model: Record<string, unknown>): Case => ({
  name,
  codec: codec as Codec<unknown>,
  raw,
  model,
});

const CASES: Case[] = [
  c(
    'x-apigateway-auth-type (AppSigv1)',
    securityScheme,
    { type: 'apiKey', name: 'Authorization', in: 'header', 'x-apigateway-auth-type': 'AppSigv1' },
    { authType: 'AppSigv1', paramName: 'Authorization' },
  ),
  c(
    'x-apigateway-auth-opt (header)',
    securityScheme,
    { 'x-apigateway-auth-opt': { 'appcode-auth-type': 'header' }, 'x-apigateway-auth-type': 'AppSigv1' },
    { authOpt: { appCodeAuth: 'header' } },
  ),
  c(
    'x-apigateway-auth-opt (REST upper case)',
    securityScheme,
    { 'x-apigateway-auth-opt': { 'appcode-auth-type': 'HEADER' } },
    { authOpt: { appCodeAuth: 'header' } },
  ),
  c(
    'x-apigateway-authorizer',
    securityScheme,
    {
      'x-apigateway-authorizer': {
        authorizer_type: 'FUNC',
        authorizer_uri: 'urn:x',
        type: 'FRONTEND',
        ttl: 60,
        identities: [{ name: 'token', location: 'HEADER' }],
      },
    },
    {
      authorizer: {
        type: 'FRONTEND',
        authorizerType: 'FUNC',
        uri: 'urn:x',
        ttl: 60,
        identities: [{ name: 'token', location: 'HEADER' }],
      },
    },
  ),
  c(
    'x-apigateway-request-type',
    operationCodec,
    { 'x-apigateway-request-type': 'private' },
    { requestType: 'private' },
  ),
  c('x-apigateway-match-mode', operationCodec, { 'x-apigateway-match-mode': 'SWA' }, { matchMode: 'SWA' }),
  c('x-apigateway-cors', operationCodec, { 'x-apigateway-cors': true }, { cors: true }),
  c(
    'x-apigateway-is-send-fg-body-base64',
    operationCodec,
    { 'x-apigateway-is-send-fg-body-base64': false },
    { sendFgBodyBase64: false },
  ),
  c(
    'x-apigateway-content-type',
    operationCodec,
    { 'x-apigateway-content-type': 'application/json' },
    { contentType: 'application/json' },
  ),
  c('x-apigateway-ratelimit', operationCodec, { 'x-apigateway-ratelimit': 'rl' }, { throttle: 'rl' }),
  c('x-apigateway-access-control', operationCodec, { 'x-apigateway-access-control': 'acl' }, { acl: 'acl' }),
  c('x-apigateway-plugins', operationCodec, { 'x-apigateway-plugins': ['Plugin_mock'] }, { plugins: ['Plugin_mock'] }),
  c('x-apigateway-response', operationCodec, { 'x-apigateway-response': 'default' }, { gatewayResponse: 'default' }),
  c(
    'x-apigateway-backend HTTP',
    backendCodec,
    {
      type: 'HTTP',
      httpEndpoints: { address: 'example.com', scheme: 'http', method: 'GET', path: '/users', timeout: 30000 },
    },
    { type: 'HTTP', http: { address: ['example.com'], scheme: 'http', method: 'GET', path: '/users', timeout: 30000 } },
  ),
  c(
    'x-apigateway-backend HTTP, upper-case scheme, array address, string timeout',
    backendCodec,
    {
      type: 'HTTP',
      httpEndpoints: { address: ['a:1', 'b:2'], scheme: 'HTTPS', method: 'ANY', path: '/', timeout: '5000' },
    },
    { type: 'HTTP', http: { address: ['a:1', 'b:2'], scheme: 'https', method: 'ANY', timeout: 5000 } },
  ),
  c(
    'x-apigateway-backend.parameters (upper-case in)',
    backendCodec,
    {
      type: 'MOCK',
      parameters: [
        { name: 'u', value: 'userId', in: 'QUERY', origin: 'REQUEST' },
        { name: 'h', value: 'v', in: 'header', origin: 'CONSTANT' },
      ],
      mockEndpoints: { 'result-content': 'x' },
    },
    {
      params: [
        { name: 'u', value: 'userId', location: 'QUERY', origin: 'REQUEST' },
        { name: 'h', location: 'HEADER', origin: 'CONSTANT' },
      ],
    },
  ),
  c(
    'x-apigateway-backend.httpVpcEndpoints',
    backendCodec,
    {
      type: 'HTTP-VPC',
      httpVpcEndpoints: {
        name: 'userVpc',
        scheme: 'http',
        method: 'GET',
        path: '/users',
        timeout: 30000,
        host: 'h.example',
      },
    },
    { type: 'HTTP-VPC', vpc: { name: 'userVpc', host: 'h.example' } },
  ),
  c(
    'x-apigateway-backend.httpVpcMemberGroupEndpoints',
    backendCodec,
    {
      type: 'HTTP-VPC-MEMBER-GROUP',
      httpVpcMemberGroupEndpoints: {
        name: 'VPC_6ZZ0',
        retryCount: 0,
        memberGroupUrlInfos: [{ name: 'g', scheme: 'http', method: 'GET', path: '/u' }],
      },
    },
    {
      memberGroup: {
        name: 'VPC_6ZZ0',
        retryCount: '0',
        memberGroupUrlInfos: [{ name: 'g', scheme: 'http', method: 'GET', path: '/u' }],
      },
    },
  ),
  c(
    'x-apigateway-backend.functionEndpoints ("synchronous")',
    backendCodec,
    {
      type: 'FUNCTION',
      functionEndpoints: { 'function-urn': 'urn:f', version: 'v1', 'invocation-type': 'synchronous', timeout: 30000 },
    },
    { function: { functionUrn: 'urn:f', version: 'v1', invocationType: 'sync', timeout: 30000 } },
  ),
  c(
    'x-apigateway-backend.mockEndpoints',
    backendCodec,
    { type: 'MOCK', mockEndpoints: { 'result-content': 'mocked' } },
    { mock: { resultContent: 'mocked' } },
  ),
  c(
    'x-apigateway-backend-policies (V1 vocabulary)',
    policyCodec,
    {
      conditions: [
        { origin: 'param', parameter: 'path', type: 'exact', value: 'path' },
        { origin: 'source', parameter: '', type: '', value: '1.0.0.0/8' },
      ],
      effectMode: 'ANY',
      httpVpcEndpoints: { method: 'POST', name: 'VPC_n9ct', path: '/', scheme: 'HTTPS', timeout: 5000 },
      name: 'policy_test',
      type: 'HTTP-VPC',
    },
    {
      name: 'policy_test',
      effectMode: 'ANY',
      conditions: [
        { origin: 'param', type: 'exact', parameter: 'path', value: 'path' },
        { origin: 'source', value: '1.0.0.0/8' },
      ],
    },
  ),
  c(
    'x-apigateway-backend-policies.conditions (extension-page vocabulary)',
    policyCodec,
    {
      type: 'MOCK',
      name: 'p',
      conditions: [{ type: 'equal', value: 'v', origin: 'request_parameter', parameter_name: 'q' }],
      mockEndpoints: { 'result-content': 'x' },
    },
    { conditions: [{ origin: 'param', type: 'exact', value: 'v', parameter: 'q' }] },
  ),
  c(
    'x-apigateway-ratelimits.policy (+ special)',
    throttlePolicy,
    {
      'api-limit': 200,
      'app-limit': 200,
      'user-limit': 200,
      'ip-limit': 200,
      interval: 1,
      unit: 'MINUTE',
      shared: false,
      special: [{ type: 'USER', limit: 100, instance: 'xxxxxxx' }],
    },
    {
      apiLimit: 200,
      appLimit: 200,
      userLimit: 200,
      ipLimit: 200,
      interval: 1,
      unit: 'MINUTE',
      shared: false,
      special: [{ type: 'USER', limit: 100, instance: 'xxxxxxx' }],
    },
  ),
  c(
    'x-apigateway-ratelimits (lower-case unit, string numbers)',
    throttlePolicy,
    { 'api-limit': '10', interval: '2', unit: 'second' },
    { apiLimit: 10, interval: 2, unit: 'SECOND' },
  ),
  c(
    'x-apigateway-access-controls.policy',
    aclPolicy,
    { 'acl-type': 'DENY', 'entity-type': 'IP', value: '127.0.0.1,192.168.0.1/16' },
    { aclType: 'DENY', entityType: 'IP', values: ['127.0.0.1', '192.168.0.1/16'] },
  ),
  c(
    'x-apigateway-responses',
    responseSet,
    { ACCESS_DENIED: { status: 403, body: { 'application/json': '{"error_code":"$context.error.code"}' } } },
    {
      entries: { ACCESS_DENIED: { status: 403, body: { 'application/json': '{"error_code":"$context.error.code"}' } } },
    },
  ),
  c(
    'x-apigateway-pass-through / -sample / -orchestrations',
    paramCodec,
    {
      name: 'test',
      in: 'query',
      type: 'string',
      required: true,
      'x-apigateway-orchestrations': ['Orchestration_114w'],
      'x-apigateway-pass-through': 'always',
      'x-apigateway-sample': 'test-sample',
    },
    {
      name: 'test',
      location: 'QUERY',
      swaggerType: 'string',
      required: true,
      orchestrations: ['Orchestration_114w'],
      passThrough: 'always',
      sample: 'test-sample',
    },
  ),
];

describe('extension mappings', () => {
  it.each(CASES)('$name', ({ codec, raw, model }) => {
    const ctx: DecodeCtx = { source: 't', diagnostics: [] };
    const decoded = codec.decode(raw, '', ctx);
    expect(ctx.diagnostics).toEqual([]);
    expect(decoded).toMatchObject(model);
    const encoded = codec.encode(decoded);
    expect(encoded).toEqual(raw);
    expect(JSON.stringify(encoded)).toBe(JSON.stringify(raw));
  });

  it('writes new model objects in the canonical spelling', () => {
    expect(
      backendCodec.encode({ type: 'HTTP', http: { address: ['a:80'], scheme: 'https', method: 'GET', path: '/' } }),
    ).toEqual({ type: 'HTTP', httpEndpoints: { address: 'a:80', scheme: 'https', method: 'GET', path: '/' } });
    expect(paramCodec.encode({ name: 'h', location: 'HEADER', swaggerType: 'string' })).toEqual({
      name: 'h',
      in: 'header',
      type: 'string',
    });
  });

  it('rejects a backend type that does not exist', () => {
    const ctx: DecodeCtx = { source: 't', diagnostics: [] };
    expect(backendCodec.decode({ type: 'GRPC' }, '/b', ctx)).toBeUndefined();
    expect(ctx.diagnostics[0]?.path).toBe('/b/type');
  });
});
