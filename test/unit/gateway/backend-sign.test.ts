/** Backend signing (002 §5.6.1): the headers the backend receives, and APIG.0705 when signing fails. */
import { describe, expect, it } from 'vitest';
import type { SignatureKey } from '../../../src/core/workspace-model.js';
import { signBackendCall } from '../../../src/gateway/request/backend-sign.js';
import type { BackendCall } from '../../../src/gateway/request/backend-call.js';
import { ERRORS } from '../../../src/gateway/response/errors.js';
import { renderError } from '../../../src/gateway/response/responses.js';
import { configFrom, context, mock } from './build.js';

const key = (type: SignatureKey['type']): SignatureKey => ({
  name: 'sk1',
  type,
  key: 'backend-key',
  secret: { written: 'backend-secret-value', value: 'backend-secret-value' },
  bind: {},
});
const call = (): BackendCall => ({
  method: 'GET',
  path: '/x',
  query: '',
  headers: { authorization: 'caller', 'x-sdk-date': '20200101T000000Z' },
  pathParams: {},
});
const NOW = new Date('2026-01-01T00:00:00Z');

describe('signBackendCall', () => {
  it("hmac: the gateway's own Authorization and X-Sdk-Date replace the caller's", () => {
    const c = call();
    expect(
      signBackendCall(c, key('hmac'), { scheme: 'http', host: '127.0.0.1:9000' }, Buffer.alloc(0), NOW),
    ).toBeUndefined();
    expect(c.headers['x-sdk-date']).toBe('20260101T000000Z');
    expect(String(c.headers.authorization)).toMatch(
      /^SDK-HMAC-SHA256 Access=backend-key, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('basic: Authorization is Basic base64(key:secret)', () => {
    const c = call();
    signBackendCall(c, key('basic'), { scheme: 'http', host: 'h' }, Buffer.alloc(0), NOW);
    expect(c.headers.authorization).toBe(`Basic ${Buffer.from('backend-key:backend-secret-value').toString('base64')}`);
  });

  it('a request that cannot be signed answers 500 APIG.0705, and the secret is not in the detail', async () => {
    const f = signBackendCall(call(), key('hmac'), { scheme: 'http', host: 'bad host' }, Buffer.alloc(0), NOW);
    expect(f?.id).toBe('BACKEND_SIGNATURE_FAILED');
    expect(f?.detail).not.toContain('backend-secret-value');
    const spec = `swagger: "2.0"\ninfo: { title: g, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: a\n${mock()}\n`;
    const r = renderError(f ?? { id: 'INTERNAL' }, context(await configFrom(spec)));
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)).toMatchObject({
      error_code: 'APIG.0705',
      error_msg: ERRORS.BACKEND_SIGNATURE_FAILED.message,
    });
  });
});
