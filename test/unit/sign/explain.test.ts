import { describe, expect, it } from 'vitest';
import {
  explainGatewayError, parseGatewayText, signRequest, verifySignature, type SignInput,
} from '../../../src/sign/index.js';
import { received } from './receive.js';

const BASE: SignInput = {
  method: 'POST',
  url: 'https://apig.example.com/v1/orders?a=1&b=2',
  headers: { 'Content-Type': 'application/json' },
  body: '{"qty":1}',
  key: 'HPUAEXAMPLEAK0000001',
  secret: 'right-secret',
  date: '20240315T083000Z',
};

/** What the gateway answers for the request that was actually received (strict verifier, wrong signature). */
function gatewayBody(sent: SignInput): string {
  const t = signRequest(sent);
  const r = verifySignature(received(t, Buffer.from(sent.body ?? '')), () => 'another-secret', new Date(Date.UTC(2024, 2, 15, 8, 30)));
  if (r.ok) throw new Error('expected a mismatch');
  return JSON.stringify({ error_msg: r.message, error_code: r.code, request_id: 'cb141a91c945e68950a14a8eff5d62dc' });
}

interface Mistake {
  what: string;
  sent: Partial<SignInput>;
  ours?: Partial<SignInput>;
  line: number;
  cause: RegExp;
}

const MISTAKES: Mistake[] = [
  { what: 'method', sent: { method: 'PUT' }, line: 1, cause: /request method must be the same.*-X PUT/ },
  { what: 'path', sent: { url: 'https://apig.example.com/v2/orders?a=1&b=2' }, line: 2, cause: /request path must be the same/ },
  { what: 'double-encoded path', ours: { url: 'https://apig.example.com/v1/my%20file' }, sent: { url: 'https://apig.example.com/v1/my%2520file' }, line: 2, cause: /percent-encoded twice/ },
  { what: 'plus as space', ours: { url: 'https://apig.example.com/v1/orders?q=a+b' }, sent: { url: 'https://apig.example.com/v1/orders?q=a%20b' }, line: 3, cause: /"\+" in the query/ },
  { what: 'double-encoded query', ours: { url: 'https://apig.example.com/v1/orders?p=%2Fetc' }, sent: { url: 'https://apig.example.com/v1/orders?p=%252Fetc' }, line: 3, cause: /encoded twice/ },
  { what: 'dropped parameter', sent: { url: 'https://apig.example.com/v1/orders?a=1' }, line: 3, cause: /only apig signed b/ },
  { what: 'query lost', sent: { url: 'https://apig.example.com/v1/orders' }, line: 3, cause: /the gateway saw no query/ },
  { what: 'host port', ours: { url: 'https://apig.example.com:443/v1/orders?a=1&b=2' }, sent: { url: 'https://apig.example.com/v1/orders?a=1&b=2' }, line: 5, cause: /port/ },
  { what: 'host name', sent: { url: 'https://10.0.0.1/v1/orders?a=1&b=2' }, line: 5, cause: /another host name/ },
  { what: 'date', sent: { date: '20240315T083100Z' }, line: 6, cause: /X-Sdk-Date differs/ },
  { what: 'charset', sent: { headers: { 'Content-Type': 'application/json; charset=UTF-8' } }, line: 4, cause: /charset=UTF-8/ },
  { what: 'multipart boundary', ours: { headers: { 'Content-Type': 'multipart/form-data; boundary=abc' } }, sent: { headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } }, line: 4, cause: /boundary/ },
  { what: 'header value', sent: { headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p2' } }, ours: { headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p1' } }, line: 6, cause: /"x-project-id" was changed after signing/ },
  { what: 'inner whitespace', sent: { headers: { 'Content-Type': 'application/json', 'X-Tag': 'a  b' } }, ours: { headers: { 'Content-Type': 'application/json', 'X-Tag': 'a b' } }, line: 7, cause: /whitespace/ },
  { what: 'header signed by the client only', sent: { headers: { 'Content-Type': 'application/json', 'X-Extra': '1' } }, line: 6, cause: /client signed "x-extra" but apig did not/ },
  { what: 'header signed by apig only', ours: { headers: { 'Content-Type': 'application/json', 'X-Extra': '1' } }, sent: { headers: { 'Content-Type': 'application/json' } }, line: 6, cause: /apig signed "x-extra"/ },
  { what: 'body', sent: { body: '{"qty": 1}' }, line: 9, cause: /same bytes/ },
  { what: 'body dropped', sent: { body: '' }, line: 9, cause: /received an empty body/ },
  { what: 'body not signed', ours: { body: '' }, sent: { body: '{"qty":1}' }, line: 9, cause: /received a body but an empty body was signed/ },
  { what: 'unsigned payload', sent: { unsignedPayload: true }, line: 10, cause: /UNSIGNED-PAYLOAD/ },
];

describe('explainGatewayError: finds the differing line for each kind of mistake (000 §4.7 step 3)', () => {
  for (const m of MISTAKES) {
    it(m.what, () => {
      const ours = signRequest({ ...BASE, ...m.ours });
      const e = explainGatewayError(gatewayBody({ ...BASE, ...m.ours, ...m.sent }), ours);
      expect(e.kind).toBe('signature-mismatch');
      const differing = e.lines.filter((l) => !l.same);
      expect(differing.length, JSON.stringify(e.lines, null, 1)).toBeGreaterThan(0);
      const hit = differing.find((l) => l.line === m.line);
      expect(hit, JSON.stringify(differing, null, 1)).toBeDefined();
      expect(hit?.cause).toMatch(m.cause);
      expect(e.causes.some((c) => c.startsWith(`line ${m.line} `))).toBe(true);
    });
  }

  it('never blames the order in which the query was written: apig sorts like the gateway (signing.md §3 step 5)', () => {
    const ours = signRequest({ ...BASE, url: 'https://apig.example.com/v1/orders?b=2&a=1' });
    expect(explainGatewayError(gatewayBody(BASE), ours).lines.filter((l) => !l.same)).toEqual([]);
  });

  it('says "check the secret" when the canonical requests are identical', () => {
    const e = explainGatewayError(gatewayBody(BASE), signRequest(BASE));
    expect(e.lines.every((l) => l.same)).toBe(true);
    expect(e.summary).toBe('the canonical requests are identical');
    expect(e.causes[0]).toMatch(/AppSecret\/SK/);
  });

  it('reads the documented body of 000 §4.8 as printed (wrapped lines, 63-char hash) and flags the trailing slash', () => {
    const doc = `{
  "error_msg": "Incorrect app authentication information: verify signature fail, canonicalRequest:GET|/test|/|
host:d7da6fe436fb48f2af3c5c2e5b203df7.example.com|x-sdk-date:20230527T015431Z||host;x-sdk-date|
e3b0c44298fc1c149afb4c8996fb92427ae41e4649b934ca495991b7852b855",
  "error_code": "APIG.0303",
  "request_id": "cb141a91c945e68950a14a8eff5d62dc"
}`;
    const r = parseGatewayText(doc);
    expect(r).toMatchObject({ kind: 'signature-mismatch', auth: 'app' });
    const ours = signRequest({ method: 'GET', url: 'https://d7da6fe436fb48f2af3c5c2e5b203df7.example.com/test', key: 'k', secret: 's', date: '20230527T015431Z' });
    const e = explainGatewayError(doc, ours);
    expect(e.lines.find((l) => l.part === 'path')).toMatchObject({ gateway: '/test', ours: '/test/', cause: expect.stringMatching(/trailing slash/) });
    expect(e.lines.find((l) => l.part === 'payloadHash')).toMatchObject({ same: false, cause: expect.stringMatching(/not 64 lower-case hex/) });
  });

  it('accepts the error_msg alone and the canonical request text alone', () => {
    const ours = signRequest(BASE);
    const piped = ours.canonicalRequest.replace(/\n/g, '|');
    for (const text of [`Incorrect app authentication information: verify signature fail, canonicalRequest:${piped}`, ours.canonicalRequest, piped]) {
      expect(explainGatewayError(text, ours)).toMatchObject({ kind: 'signature-mismatch', summary: 'the canonical requests are identical' });
    }
  });

  it('shows the clock skew for "signature expired" (000 §4.8 example: 2 h 1 min 37 s)', () => {
    const doc = `{
  "error_msg": "Incorrect app authentication information: signature expired, signature
time:20230527T000431Z,server time:20230527T020608Z",
  "error_code": "APIG.0303",
  "request_id": "fd6530a01c09807640189e65e837b8ad"
}`;
    const e = explainGatewayError(doc, signRequest(BASE));
    expect(e).toMatchObject({ kind: 'expired', skew: { signatureTime: '20230527T000431Z', serverTime: '20230527T020608Z', skewMs: 7297000, skew: '+2h01m37s' } });
    expect(e.causes[0]).toMatch(/2h01m37s behind the gateway clock; the limit is ±15 minutes/);
    const tz = explainGatewayError('signature expired, signature time:20230527T100000Z,server time:20230527T020000Z', signRequest(BASE));
    expect(tz.skew?.skew).toBe('-8h00m00s');
    expect(tz.causes.join('\n')).toMatch(/whole number of hours \(8 h\) suggests local time sent as UTC/);
  });

  it('recognises the other documented authentication errors', () => {
    const ours = signRequest(BASE);
    expect(explainGatewayError('{"error_msg": "Incorrect app authentication information: app not found, appkey\n01177c425f71487ea362ba84dc4abe5e1","error_code": "APIG.0303"}', ours))
      .toMatchObject({ kind: 'unknown-key', summary: 'unknown AppKey 01177c425f71487ea362ba84dc4abe5e1' });
    expect(explainGatewayError('Incorrect IAM authentication information: Get secretKey failed,ak:ABC,err:ak not exist', ours)).toMatchObject({ kind: 'unknown-key', summary: 'unknown AK ABC' });
    expect(explainGatewayError('Incorrect IAM authentication information: AK access failed to reach the limit, forbidden.', ours).kind).toBe('ak-locked');
    expect(explainGatewayError('Incorrect IAM authentication information: decrypt token fail', ours).kind).toBe('token-invalid');
    expect(explainGatewayError('Incorrect IAM authentication information: verify aksk signature fail, .....', ours).kind).toBe('signature-mismatch-no-detail');
    expect(explainGatewayError('hello', ours).kind).toBe('unrecognized');
  });
});
