/** Error rendering (ruling 1): every catalogue entry, the status rule, custom gateway responses, escaping. */
import { describe, expect, it } from 'vitest';
import {
  ERRORS,
  TYPE_DEFAULT_STATUS,
  failure,
  failureMessage,
  type ErrorId,
} from '../../../src/gateway/response/errors.js';
import { renderError } from '../../../src/gateway/response/responses.js';
import { configFrom, context, mock } from './build.js';

const plain = `swagger: "2.0"
info: { title: g, version: "1" }
paths:
  /a:
    get:
      operationId: a
${mock()}
`;

/** APIG.0304 403 vs "应用未授权" 401; APIG.0305 401 vs the custom-auth types' 500; APIG.1009 400 vs "认证失败" 401. */
const DISAGREE = new Set<ErrorId>([
  'APP_SECRET_INVALID',
  'APP_NOT_AUTHORIZED',
  'AUTHORIZER_DENIED',
  'AUTHORIZER_ERROR',
]);

describe('the error catalogue through the default gateway response', () => {
  const ids = Object.keys(ERRORS) as ErrorId[];
  it.each(ids)('%s', async (id) => {
    const ctx = context(await configFrom(plain));
    const r = renderError(failure(id, 'why'), ctx);
    const entry = ERRORS[id];
    // Ruling 1: the type's default status, else the table's.
    expect(r.status).toBe(TYPE_DEFAULT_STATUS[entry.type] ?? entry.status);
    // The two sources agree except where errors-and-limits.md §1.3 item 7 says they do not (ruling 1: the type wins).
    if (!DISAGREE.has(id)) expect(r.status).toBe(entry.status);
    expect(r.headers).toEqual([['content-type', 'application/json']]);
    expect(JSON.parse(r.body)).toEqual({ error_code: entry.code, error_msg: entry.message, request_id: ctx.requestId });
    expect(r.body).not.toContain('why'); // the detail goes to the log and trace, never the body
  });

  it('keeps the field order of the documented default template', async () => {
    const r = renderError(failure('API_NOT_FOUND'), context(await configFrom(plain)));
    expect(r.body).toBe(
      '{"error_code": "APIG.0101", "error_msg": "The API does not exist or has not been published in the environment.", "request_id": "0123456789abcdef0123456789abcdef"}',
    );
  });

  it('fills {xxx} of APIG.0607 and appends a documented suffix', () => {
    expect(failureMessage(failure('PROTOCOL_NOT_SUPPORTED', undefined, { arg: 'HTTPS' }))).toBe(
      'The following protocol is supported: HTTPS',
    );
    expect(failureMessage(failure('INTERNAL', undefined, { suffix: 'detail' }))).toBe(
      'An unexpected error occurred: detail',
    );
  });
});

describe('custom gateway responses (x-apigateway-responses)', () => {
  const custom = `swagger: "2.0"
info: { title: g, version: "1" }
paths:
  /a:
    get:
      operationId: a
      x-apigateway-response: mine
${mock()}
x-apigateway-responses:
  default:
    BACKEND_TIMEOUT:
      status: 599
      headers: { X-Why: "$context.error.type" }
  mine:
    NOT_FOUND:
      body:
        application/json: '{"m":"$context.error.message","api":"$context.apiName","stage":"$context.stage","ip":"$context.sourceIp","unknown":"$context.nothing"}'
`;

  it("uses the API's own set first, the group's default set next, the built-ins last", async () => {
    const config = await configFrom(custom);
    const ctx = context(config);
    const api = config.apis[0];
    if (!api) throw new Error('no API');
    ctx.group = api.group;
    ctx.env = 'RELEASE';
    ctx.hit = { api, pathParams: {}, remainder: '' };
    const own = renderError(failure('API_NOT_FOUND'), ctx);
    expect(own.status).toBe(404);
    expect(JSON.parse(own.body)).toEqual({
      m: ERRORS.API_NOT_FOUND.message,
      api: 'a',
      stage: 'RELEASE',
      ip: '10.0.0.1',
      unknown: '',
    });
    const fallback = renderError(failure('BACKEND_TIMEOUT'), ctx);
    expect(fallback.status).toBe(599);
    expect(fallback.headers).toContainEqual(['X-Why', 'BACKEND_TIMEOUT']);
    expect(JSON.parse(fallback.body)).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Backend timeout.' });
    expect(renderError(failure('PARAMETER_INVALID'), ctx).status).toBe(400);
  });

  it('escapes substituted values so that the body stays JSON', async () => {
    const config = await configFrom(custom);
    const ctx = context(config, { url: '/x"y\\z' });
    const api = config.apis[0];
    if (!api) throw new Error('no API');
    Object.assign(ctx, { group: api.group, hit: { api, pathParams: {}, remainder: '' } });
    const r = renderError(failure('API_NOT_FOUND'), { ...ctx, sourceIp: 'a"b\n' });
    expect(JSON.parse(r.body)).toMatchObject({ ip: 'a"b\n' });
  });
});
