/**
 * Regression (found while attacking `apig serve --ui`): `--trace`, the JSON log and the `X-Apig-Emulator-Trace`
 * header printed the backend request's query string as sent, so a credential passed as a query parameter
 * (`?api_key=…`, `access_token`, `client_secret`) appeared in full, where apig never prints a secret in full.
 * A query parameter named like a credential is now masked (first 3 characters and `***`) in every trace a request
 * event or response header carries; the backend still receives the value as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import type { GatewayEvent } from '../../src/gateway/index.js';
import { raw, startBackend, startGateway, type Backend, type InProcess } from '../e2e/serve-helpers.js';

const SECRET = 'SECRETVALUE123456';
let backend: Backend;
let gw: InProcess;

beforeAll(async () => {
  backend = await startBackend('a');
  gw = await startGateway(
    'fixtures/serve/backends',
    (ws: Workspace) => {
      const vars = ws.environments.find((e) => e.name === 'RELEASE')?.variables ?? {};
      Object.assign(vars, { echo: backend.address });
    },
    { trace: true },
  );
});
afterAll(async () => {
  await gw.close();
  await backend.close();
});

describe('a credential in the query string of a traced request', () => {
  it('is masked in the request event (the log and --trace) and in the trace header, sent as is', async () => {
    const text = await raw(
      gw.port,
      `GET /echo/42?api_key=${SECRET}&access_token=${SECRET}&page=2 HTTP/1.1\r\nHost: x.example.com\r\n` +
        'X-Apig-Emulator-Trace: 1\r\nConnection: close\r\n\r\n',
    );
    const events = gw.events.filter((e: GatewayEvent) => e.type === 'request');
    const trace = JSON.stringify(events.map((e) => (e.type === 'request' ? e.trace : undefined)));
    expect(trace).toContain('api_key=SEC***');
    expect(trace).toContain('page=2');
    expect(trace).not.toContain(SECRET);
    const header = /^x-apig-emulator-trace: (.*)$/im.exec(text)?.[1] ?? '';
    expect(header).toContain('api_key=SEC***');
    expect(header).not.toContain(SECRET);
    expect(backend.seen.at(-1)?.url).toContain(`api_key=${SECRET}`);
  });
});
