/** Each pipeline stage as a function of a hand-built context (STYLE habit 6): no sockets. */
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../../src/gateway/request/context.js';
import { ERRORS } from '../../../src/gateway/response/errors.js';
import { STAGE_ORDER, runPipeline } from '../../../src/gateway/request/pipeline.js';
import type { StageOutcome } from '../../../src/gateway/request/stage.js';
import { backendRequest, forwardedHeaders } from '../../../src/gateway/request/stages/backend-request.js';
import { environment } from '../../../src/gateway/request/stages/environment.js';
import { group, hostName } from '../../../src/gateway/request/stages/group.js';
import { restrictions } from '../../../src/gateway/request/stages/restrictions.js';
import { configFrom, context, mock } from './build.js';

const code = (o: StageOutcome | Promise<StageOutcome>): string => {
  if (o instanceof Promise) throw new Error('expected a synchronous stage');
  return o.kind === 'next' ? 'next' : `${ERRORS[o.failure.id].code} ${ERRORS[o.failure.id].status}`;
};

const spec = `swagger: "2.0"
info: { title: g, version: "1" }
schemes: [https]
paths:
  /mock:
    get:
      operationId: mockApi
${mock()}
  /items/{id}:
    get:
      operationId: items
      parameters:
        - { name: id, in: path, type: string, required: true }
        - { name: from, in: query, type: string, required: false }
        - { name: keep, in: query, type: string, required: false }
        - { name: size, in: query, type: integer, required: false, default: 20 }
        - { name: X-Tenant, in: header, type: string, required: false }
        - { name: X-Drop, in: header, type: string, required: false, x-apigateway-pass-through: never }
      responses: { "200": { description: ok } }
      x-apigateway-backend:
        type: HTTP
        parameters:
          - { name: itemId, value: id, in: PATH, origin: REQUEST }
          - { name: X-From, value: from, in: HEADER, origin: REQUEST }
          - { name: tenant, value: X-Tenant, in: QUERY, origin: REQUEST }
          - { name: c, value: "a&b=c", in: QUERY, origin: CONSTANT }
          - { name: X-Stage-Sent, value: "$context.stage", in: HEADER, origin: SYSTEM }
        httpEndpoints: { address: "#host#", scheme: http, method: ANY, path: "#base#/i/{itemId}" }
  /plain/{id}:
    get:
      operationId: plain
      parameters: [{ name: id, in: path, type: string, required: true }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: HTTP, httpEndpoints: { address: "#host#", scheme: http, method: GET, path: "/p/{id}" } }
`;

describe('pipeline', () => {
  it('runs the stages in the ruled order (ruling 2; issue 6 adds its stages in between)', () => {
    expect(STAGE_ORDER).toEqual([
      'restrictions',
      'group',
      'environment',
      'route',
      'protocol',
      'cors',
      'ip-acl',
      'authentication',
      'app-authorization',
      'account-acl',
      'throttling',
      'params',
      'backend-policy',
      'backend-authorizer',
      'backend-request',
    ]);
  });

  it('answers a Mock API without awaiting anything', async () => {
    const ctx = context(await configFrom(spec), { url: '/mock' });
    const out = runPipeline(ctx);
    expect(out).not.toBeInstanceOf(Promise);
    expect(code(out)).toBe('next');
    expect(ctx.trace?.map((t) => t.stage)).toEqual([...STAGE_ORDER]);
  });

  it('stops at the first failing stage', async () => {
    const ctx = context(await configFrom(spec), { url: '/nothing' });
    expect(code(runPipeline(ctx))).toBe('APIG.0101 404');
    expect(ctx.trace?.map((t) => t.stage)).toEqual(['restrictions', 'group', 'environment', 'route']);
  });
});

describe('restrictions (003 调用限制; ruling 9)', () => {
  const run = async (over: Parameters<typeof context>[1]): Promise<string> =>
    code(restrictions(context(await configFrom(spec), over)));
  it.each([
    ['a plain request passes', 'next', {}],
    ['CONNECT', 'APIG.0201 400', { method: 'CONNECT' }],
    ['a control character in the target', 'APIG.0201 400', { url: '/a\u0007' }],
    ['a URI over 32 KB', 'APIG.0201 414', { url: `/${'u'.repeat(32 * 1024)}` }],
    ['a header over 32 KB', 'APIG.0201 494', { headers: { host: 'h', 'x-big': 'b'.repeat(32 * 1024) } }],
    [
      'headers over 128 KB',
      'APIG.0201 494',
      { headers: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-h${i}`, 'c'.repeat(30 * 1024)])) },
    ],
    ['two Host headers', 'APIG.0201 400', { rawHeaders: ['Host', 'a', 'Host', 'b'] }],
    ['a space in Host', 'APIG.0201 400', { rawHeaders: ['Host', 'a b'] }],
    ['a space in a header name', 'APIG.0201 400', { rawHeaders: ['Host', 'a', 'X Y', 'z'] }],
    [
      'Content-Length with Transfer-Encoding',
      'APIG.0201 400',
      { rawHeaders: ['Host', 'a', 'Content-Length', '1', 'Transfer-Encoding', 'chunked'] },
    ],
    [
      'Transfer-Encoding in HTTP/1.0',
      'APIG.0201 400',
      { httpVersion: '1.0', rawHeaders: ['Host', 'a', 'Transfer-Encoding', 'chunked'] },
    ],
    [
      'a body over request_body_size',
      'APIG.0201 413',
      { headers: { host: 'h', 'content-length': String(12 * 1024 * 1024 + 1) } },
    ],
  ] as Array<[string, string, Parameters<typeof context>[1]]>)('%s → %s', async (_rule, expected, over) => {
    expect(await run(over)).toBe(expected);
  });
});

describe('group and environment', () => {
  const two = async (): Promise<{ ctx: (host: string, stage?: string) => RequestContext }> => {
    const config = await configFrom(spec, {
      environments: [{ name: 'DEV', variables: {} }],
      publish: { RELEASE: ['*'] },
    });
    return {
      ctx: (host, stage) =>
        context(config, { headers: { host, ...(stage !== undefined ? { 'x-stage': stage } : {}) } }),
    };
  };
  it('reads the host name without port, IPv6 brackets included', () => {
    expect(hostName('Shop.Example.com:8080')).toBe('shop.example.com');
    expect(hostName('[::1]:80')).toBe('::1');
  });
  it('falls back to the only group', async () => {
    const c = (await two()).ctx('127.0.0.1:1234');
    expect(code(group(c))).toBe('next');
    expect(c.group?.name).toBe('g');
  });
  it('X-Stage picks the environment; RELEASE by default; one without APIs is 404', async () => {
    const { ctx } = await two();
    for (const [stage, expected, env] of [
      [undefined, 'next', 'RELEASE'],
      ['RELEASE', 'next', 'RELEASE'],
      ['DEV', 'APIG.0101 404', 'DEV'],
      ['release', 'APIG.0101 404', 'release'],
    ] as const) {
      const c = ctx('h', stage);
      group(c);
      expect(code(environment(c))).toBe(expected);
      expect(c.env).toBe(env);
    }
  });
});

describe('protocol (ruling 11)', () => {
  it('serves an HTTPS-only API over HTTP unless the check is on', async () => {
    for (const [check, expected] of [
      [false, 'next'],
      [true, 'APIG.0607 400'],
    ] as const) {
      const ctx = context(await configFrom(spec, {}, check), { url: '/mock' });
      expect(code(runPipeline(ctx))).toBe(expected);
    }
    const https = context(await configFrom(spec, {}, true), { url: '/mock', scheme: 'https' });
    expect(code(runPipeline(https))).toBe('next');
  });
});

describe('backend request', () => {
  const env = { environments: [{ name: 'RELEASE', variables: { host: 'backend.local:8081', base: '/v2' } }] };

  it('maps, renames and removes parameters; adds constants, system values and defaults; encodes', async () => {
    const ctx = context(await configFrom(spec, env), {
      url: '/items/a%2Fb?from=web&keep=1&x=raw',
      headers: {
        host: 'gw',
        'x-tenant': 't1',
        'x-drop': 'secret',
        connection: 'keep-alive, x-hop',
        'x-hop': 'h',
        'x-other': 'o',
      },
    });
    expect(code(runPipeline(ctx))).toBe('next');
    const call = ctx.call;
    expect(call?.method).toBe('GET'); // ANY: the caller's method
    expect(call?.path).toBe('/v2/i/a%2Fb');
    expect(call?.query).toBe('keep=1&x=raw&size=20&tenant=t1&c=a%26b%3Dc');
    expect(call?.headers).toEqual({ 'x-from': 'web', 'x-other': 'o', 'x-stage-sent': 'RELEASE' });
  });

  it('leaves the query as sent when no parameter touches it', async () => {
    const ctx = context(await configFrom(spec, env), { url: '/plain/1?size=5&zz=%7E%20' });
    runPipeline(ctx);
    expect(ctx.call?.query).toBe('size=5&zz=%7E%20');
  });

  it('an undefined #var# answers 502 with the variable named in the detail', async () => {
    const ctx = context(await configFrom(spec), { url: '/items/1' });
    const out = runPipeline(ctx);
    if (out instanceof Promise || out.kind !== 'fail') throw new Error('expected a failure');
    expect(ERRORS[out.failure.id].status).toBe(502);
    expect(out.failure.detail).toContain('#host#');
  });

  it('forwards end-to-end headers only (RFC 9110 §7.6.1 and the Connection list)', () => {
    expect(
      forwardedHeaders([
        'Host',
        'h',
        'Connection',
        'close, X-A',
        'X-A',
        '1',
        'Keep-Alive',
        '5',
        'TE',
        't',
        'X-B',
        '1',
        'X-B',
        '2',
        'Expect',
        '100-continue',
      ]),
    ).toEqual({ 'x-b': ['1', '2'] });
  });

  it('does nothing for a Mock backend', async () => {
    const ctx = context(await configFrom(spec), { url: '/mock' });
    runPipeline(ctx);
    expect(ctx.call).toBeUndefined();
    expect(code(backendRequest(ctx))).toBe('next');
  });
});

describe('secrets in logs', () => {
  it('header parameter values are masked in failure details; query values are shown', async () => {
    const { violation } = await import('../../../src/gateway/request/stages/params.js');
    expect(violation({ name: 'X-Api-Key', location: 'HEADER', maxLength: 4 } as never, 'sk-0123456789')).toBe(
      '"sk…" (13 characters) is longer than 4',
    );
    expect(violation({ name: 'q', location: 'QUERY', maxLength: 2 } as never, 'abc')).toBe('"abc" is longer than 2');
  });
});
