/**
 * Regression (apig issue 12, "Absolute-form targets", follow-up): the group already came from an absolute-form
 * target's authority (RFC 9112 §3.2.2), but an HTTP-VPC backend without a channel host still got the client's
 * Host header, the value the gateway had been told to ignore. It now gets the authority the request was routed by.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { raw, startBackend, startGateway, statusOf, type Backend, type InProcess } from '../e2e/serve-helpers.js';

/** The echoed JSON, whether the answer came with a length or in chunks. */
const echoed = (text: string): { headers: Record<string, string> } =>
  JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));

let backend: Backend;
let gw: InProcess;

beforeAll(async () => {
  backend = await startBackend('a');
  gw = await startGateway('fixtures/serve/backends', (ws: Workspace) => {
    for (const c of ws.vpcChannels) for (const m of c.members) m.port = backend.port;
    for (const c of ws.vpcChannels) c.port = backend.port;
  });
});
afterAll(async () => {
  await gw.close();
  await backend.close();
});

describe('an absolute-form target to an HTTP-VPC backend without a channel host', () => {
  it('sends the target authority as Host, not the ignored Host header', async () => {
    const text = await raw(
      gw.port,
      'GET http://client.example.com/vpc/wrr HTTP/1.1\r\nHost: ignored.example.com\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(text)).toBe(200);
    expect(echoed(text).headers.host).toBe('client.example.com');
  });

  it('and an origin-form target keeps its Host', async () => {
    const text = await raw(gw.port, 'GET /vpc/wrr HTTP/1.1\r\nHost: origin.example.com\r\nConnection: close\r\n\r\n');
    expect(statusOf(text)).toBe(200);
    expect(echoed(text).headers.host).toBe('origin.example.com');
  });
});
