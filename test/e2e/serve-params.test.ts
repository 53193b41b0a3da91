/** One scenario per parameter rule (002 §5.2.1 表5-6), through /params of fixtures/serve/backends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { call, startBackend, startGateway, type Backend, type InProcess } from './serve-helpers.js';

let echo: Backend;
let gw: InProcess;

beforeAll(async () => {
  echo = await startBackend();
  gw = await startGateway('fixtures/serve/backends', (ws: Workspace) => {
    Object.assign(ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {}, { echo: echo.address });
  });
});
afterAll(async () => {
  await gw.close();
  await echo.close();
});

const ok = { 'X-Required': 'yes' };

async function refused(query: string, headers: Record<string, string> = ok): Promise<string> {
  const r = await call(`${gw.url}/params?${query}`, { headers });
  expect(r.status).toBe(400);
  expect(r.json()).toEqual({
    error_code: 'APIG.0201',
    error_msg: 'API request error.',
    request_id: r.headers['x-request-id'],
  });
  const logged = gw.events.find((e) => e.type === 'request' && e.requestId === r.headers['x-request-id']);
  return logged?.type === 'request' ? (logged.detail ?? '') : '';
}

describe('parameter validation', () => {
  it.each([
    ['a required query parameter is missing', '', 'required query parameter q is missing'],
    ['an empty value counts as missing', 'q=', 'required query parameter q is missing'],
    ['shorter than minLength', 'q=a', 'shorter than 2'],
    ['longer than maxLength', 'q=abcdef', 'longer than 5'],
    ['not a Number', 'q=ab&n=x', 'is not a Number'],
    ['below the minimum', 'q=ab&n=0', 'below the minimum 1'],
    ['above the maximum', 'q=ab&n=11', 'above the maximum 10'],
    ['not in the enumeration', 'q=ab&e=blue', 'is not one of "red", "green"'],
  ])('%s: 400 APIG.0201', async (_rule, query, why) => {
    expect(await refused(query)).toContain(why);
  });

  it('a required header is missing: 400 APIG.0201', async () => {
    expect(await refused('q=ab', {})).toContain('required header parameter X-Required is missing');
  });

  it('valid values pass; defaults of absent optional parameters reach the backend', async () => {
    const r = await call(`${gw.url}/params?q=abc&n=2.5&e=red`, { headers: ok });
    expect(r.status).toBe(200);
    const seen = r.json<{ url: string; headers: Record<string, string> }>();
    expect(seen.url).toBe('/params?q=abc&n=2.5&e=red&page=1');
    expect(seen.headers['x-trace-level']).toBe('low');
  });

  it('a given value is not replaced by the default', async () => {
    const seen = (await call(`${gw.url}/params?q=abc&page=3`, { headers: { ...ok, 'X-Trace-Level': 'high' } })).json<{
      url: string;
      headers: Record<string, string>;
    }>();
    expect(seen.url).toBe('/params?q=abc&page=3');
    expect(seen.headers['x-trace-level']).toBe('high');
  });

  it('x-apigateway-pass-through: never keeps the parameter from the backend', async () => {
    const seen = (await call(`${gw.url}/params?q=abc`, { headers: { ...ok, 'X-Secret': 's3cr3t' } })).json<{
      headers: Record<string, string>;
    }>();
    expect(seen.headers['x-secret']).toBeUndefined();
  });

  it('a path parameter reaches the backend percent-encoded per 002 §5.2.1', async () => {
    const seen = (await call(`${gw.url}/echo/a%20b%5B1%5D`)).json<{ url: string }>();
    expect(seen.url).toBe('/echo/a%20b%5B1%5D?stage=RELEASE');
  });
});
