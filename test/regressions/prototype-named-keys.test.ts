/**
 * Regressions found by the gateway property test's review: names a request or a configuration controls were
 * looked up in plain objects, so `constructor`, `toString` or `__proto__` answered from Object.prototype
 * (query keys dropped, `$context.constructor` rendering a function), and a gateway-response header filled
 * with a value holding a line break made Node throw while writing the head.
 */
import { validateHeaderValue } from 'node:http';
import { describe, expect, it } from 'vitest';
import { contextVariable } from '../../src/gateway/request/context-vars.js';
import { failure } from '../../src/gateway/response/errors.js';
import { firstQueryValues } from '../../src/gateway/request/query.js';
import { headerSafe, renderError } from '../../src/gateway/response/responses.js';
import { params } from '../../src/gateway/request/stages/params.js';
import { configFrom, context, mock } from '../unit/gateway/build.js';

const spec = (paramsYaml: string, extra = ''): string => `swagger: "2.0"
info: { title: g, version: "1" }
paths:
  /a:
    get:
      operationId: a
      parameters:
${paramsYaml}
${mock()}
${extra}`;

describe('prototype-named keys', () => {
  it('query keys named like Object.prototype members are kept, first value wins', () => {
    const q = firstQueryValues('constructor=1&toString=2&__proto__=3&constructor=9');
    expect(Object.entries(q)).toEqual([
      ['constructor', '1'],
      ['toString', '2'],
      ['__proto__', '3'],
    ]);
  });

  it('a declared query parameter named constructor is read from the request, or missing when absent', async () => {
    const config = await configFrom(spec('        - {name: constructor, in: query, type: string, required: true}'));
    const api = config.apis[0];
    if (!api) throw new Error('no API');
    const given = context(config, { url: '/a?constructor=x' });
    given.hit = { api, pathParams: {}, remainder: '' };
    expect(params(given)).toMatchObject({ kind: 'next' });
    expect(given.params?.query.constructor).toBe('x');
    const missing = context(config, { url: '/a' });
    missing.hit = { api, pathParams: {}, remainder: '' };
    expect(params(missing)).toMatchObject({ failure: { id: 'PARAMETER_INVALID' } });
  });

  it('$context.constructor and authorizer keys named like prototype members are empty', async () => {
    const ctx = context(await configFrom(spec('        - {name: q, in: query, type: string}')));
    expect(contextVariable(ctx, 'constructor')).toBeUndefined();
    expect(contextVariable(ctx, 'toString')).toBeUndefined();
    ctx.authorizer = { frontend: { user: 'u' } };
    expect(contextVariable(ctx, 'authorizer.frontend.user')).toBe('u');
    expect(contextVariable(ctx, 'authorizer.frontend.constructor')).toBeUndefined();
  });
});

describe('gateway-response headers are always sendable', () => {
  it('line breaks become spaces; text beyond Latin-1 goes out as UTF-8 bytes', () => {
    expect(headerSafe('a\r\nb\tc\u0000d')).toBe('a  b\tc d');
    expect(Buffer.from(headerSafe('签名 ok'), 'latin1').toString('utf8')).toBe('签名 ok');
    for (const v of ['a\nb', '签名', '\u007f']) expect(() => validateHeaderValue('x', headerSafe(v))).not.toThrow();
  });

  it('a header template filled with a value holding a line break renders a valid header', async () => {
    const config = await configFrom(
      spec(
        '        - {name: q, in: query, type: string}',
        'x-apigateway-responses:\n  default:\n    NOT_FOUND:\n      headers: { X-Ip: "$context.sourceIp" }\n',
      ),
    );
    const ctx = context(config, { sourceIp: 'a\r\nInjected: yes' });
    ctx.group = config.apis[0]?.group;
    const r = renderError(failure('API_NOT_FOUND'), ctx);
    const header = r.headers.find(([k]) => k === 'X-Ip');
    expect(header?.[1]).toBe('a  Injected: yes');
    expect(() => validateHeaderValue('X-Ip', header?.[1] ?? '')).not.toThrow();
  });
});
