import { describe, expect, it } from 'vitest';
import {
  explainGatewayError,
  parseGatewayText,
  signRequest,
  verifySignature,
  type GatewayReport,
  type SignInput,
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
  const r = verifySignature(
    received(t, Buffer.from(sent.body ?? '')),
    () => 'another-secret',
    new Date(Date.UTC(2024, 2, 15, 8, 30)),
  );
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
  {
    what: 'path',
    sent: { url: 'https://apig.example.com/v2/orders?a=1&b=2' },
    line: 2,
    cause: /request path must be the same/,
  },
  {
    what: 'double-encoded path',
    ours: { url: 'https://apig.example.com/v1/my%20file' },
    sent: { url: 'https://apig.example.com/v1/my%2520file' },
    line: 2,
    cause: /percent-encoded twice/,
  },
  {
    what: 'plus as space',
    ours: { url: 'https://apig.example.com/v1/orders?q=a+b' },
    sent: { url: 'https://apig.example.com/v1/orders?q=a%20b' },
    line: 3,
    cause: /"\+" in the query/,
  },
  {
    what: 'double-encoded query',
    ours: { url: 'https://apig.example.com/v1/orders?p=%2Fetc' },
    sent: { url: 'https://apig.example.com/v1/orders?p=%252Fetc' },
    line: 3,
    cause: /encoded twice/,
  },
  {
    what: 'dropped parameter',
    sent: { url: 'https://apig.example.com/v1/orders?a=1' },
    line: 3,
    cause: /only apig signed b/,
  },
  {
    what: 'query lost',
    sent: { url: 'https://apig.example.com/v1/orders' },
    line: 3,
    cause: /the gateway saw no query/,
  },
  {
    what: 'host port',
    ours: { url: 'https://apig.example.com:443/v1/orders?a=1&b=2' },
    sent: { url: 'https://apig.example.com/v1/orders?a=1&b=2' },
    line: 5,
    cause: /port/,
  },
  { what: 'host name', sent: { url: 'https://10.0.0.1/v1/orders?a=1&b=2' }, line: 5, cause: /another host name/ },
  { what: 'date', sent: { date: '20240315T083100Z' }, line: 6, cause: /X-Sdk-Date differs/ },
  {
    what: 'charset',
    sent: { headers: { 'Content-Type': 'application/json; charset=UTF-8' } },
    line: 4,
    cause: /charset=UTF-8/,
  },
  {
    what: 'multipart boundary',
    ours: { headers: { 'Content-Type': 'multipart/form-data; boundary=abc' } },
    sent: { headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } },
    line: 4,
    cause: /boundary/,
  },
  {
    what: 'header value',
    sent: { headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p2' } },
    ours: { headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p1' } },
    line: 6,
    cause: /"x-project-id" was changed after signing/,
  },
  {
    what: 'inner whitespace',
    sent: { headers: { 'Content-Type': 'application/json', 'X-Tag': 'a  b' } },
    ours: { headers: { 'Content-Type': 'application/json', 'X-Tag': 'a b' } },
    line: 7,
    cause: /whitespace/,
  },
  {
    what: 'header signed by the client only',
    sent: { headers: { 'Content-Type': 'application/json', 'X-Extra': '1' } },
    line: 6,
    cause: /client signed "x-extra" but apig did not/,
  },
  {
    what: 'header signed by apig only',
    ours: { headers: { 'Content-Type': 'application/json', 'X-Extra': '1' } },
    sent: { headers: { 'Content-Type': 'application/json' } },
    line: 6,
    cause: /apig signed "x-extra"/,
  },
  { what: 'body', sent: { body: '{"qty": 1}' }, line: 9, cause: /same bytes/ },
  { what: 'body dropped', sent: { body: '' }, line: 9, cause: /received an empty body/ },
  {
    what: 'body not signed',
    ours: { body: '' },
    sent: { body: '{"qty":1}' },
    line: 9,
    cause: /received a body but an empty body was signed/,
  },
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
    const ours = signRequest({
      method: 'GET',
      url: 'https://d7da6fe436fb48f2af3c5c2e5b203df7.example.com/test',
      key: 'k',
      secret: 's',
      date: '20230527T015431Z',
    });
    const e = explainGatewayError(doc, ours);
    expect(e.lines.find((l) => l.part === 'path')).toMatchObject({
      gateway: '/test',
      ours: '/test/',
      cause: expect.stringMatching(/trailing slash/),
    });
    expect(e.lines.find((l) => l.part === 'payloadHash')).toMatchObject({
      same: false,
      cause: expect.stringMatching(/not 64 lower-case hex/),
    });
  });

  it('accepts the error_msg alone and the canonical request text alone', () => {
    const ours = signRequest(BASE);
    const piped = ours.canonicalRequest.replace(/\n/g, '|');
    for (const text of [
      `Incorrect app authentication information: verify signature fail, canonicalRequest:${piped}`,
      ours.canonicalRequest,
      piped,
    ]) {
      expect(explainGatewayError(text, ours)).toMatchObject({
        kind: 'signature-mismatch',
        summary: 'the canonical requests are identical',
      });
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
    expect(e).toMatchObject({
      kind: 'expired',
      skew: { signatureTime: '20230527T000431Z', serverTime: '20230527T020608Z', skewMs: 7297000, skew: '+2h01m37s' },
    });
    expect(e.causes[0]).toMatch(/2h01m37s behind the gateway clock; the limit is ±15 minutes/);
    const tz = explainGatewayError(
      'signature expired, signature time:20230527T100000Z,server time:20230527T020000Z',
      signRequest(BASE),
    );
    expect(tz.skew?.skew).toBe('-8h00m00s');
    expect(tz.causes.join('\n')).toMatch(/whole number of hours \(8 h\) suggests local time sent as UTC/);
  });

  it('recognises the other documented authentication errors', () => {
    const ours = signRequest(BASE);
    expect(
      explainGatewayError(
        '{"error_msg": "Incorrect app authentication information: app not found, appkey\n01177c425f71487ea362ba84dc4abe5e1","error_code": "APIG.0303"}',
        ours,
      ),
    ).toMatchObject({ kind: 'unknown-key', summary: 'unknown AppKey 01177c425f71487ea362ba84dc4abe5e1' });
    expect(
      explainGatewayError(
        'Incorrect IAM authentication information: Get secretKey failed,ak:ABC,err:ak not exist',
        ours,
      ),
    ).toMatchObject({ kind: 'unknown-key', summary: 'unknown AK ABC' });
    expect(
      explainGatewayError(
        'Incorrect IAM authentication information: AK access failed to reach the limit, forbidden.',
        ours,
      ).kind,
    ).toBe('ak-locked');
    expect(explainGatewayError('Incorrect IAM authentication information: decrypt token fail', ours).kind).toBe(
      'token-invalid',
    );
    expect(
      explainGatewayError('Incorrect IAM authentication information: verify aksk signature fail, .....', ours).kind,
    ).toBe('signature-mismatch-no-detail');
    expect(explainGatewayError('hello', ours).kind).toBe('unrecognized');
  });

  it('counts the differing lines in good English: "1 … line differs", "2 … lines differ"', () => {
    const ours = signRequest(BASE);
    expect(explainGatewayError(gatewayBody({ ...BASE, method: 'PUT' }), ours).summary).toBe(
      '1 canonical-request line differs',
    );
    expect(
      explainGatewayError(
        gatewayBody({ ...BASE, method: 'PUT', url: 'https://apig.example.com/v2/orders?a=1&b=2' }),
        ours,
      ).summary,
    ).toBe('2 canonical-request lines differ');
  });

  it('reads a bare "signature expired" and shows the X-Sdk-Date signed and the local clock', () => {
    const body =
      '{"error_msg":"Incorrect app authentication information: signature expired","error_code":"APIG.0303","request_id":"fd6530a01c09807640189e65e837b8ad"}';
    expect(parseGatewayText(body)).toEqual({ kind: 'expired' });
    // The local clock agrees with the X-Sdk-Date: the clock itself is suspect.
    const near = explainGatewayError(body, signRequest(BASE), { now: new Date(Date.UTC(2024, 2, 15, 8, 31, 5)) });
    expect(near).toMatchObject({
      kind: 'expired',
      summary:
        'signature expired (outside the ±15-minute window); the gateway did not say the signature time or its own time',
      local: { signatureTime: '20240315T083000Z', now: '20240315T083105Z', offsetMs: 65_000, offset: '+1m05s' },
    });
    expect(near.skew).toBeUndefined();
    expect(near.causes.join('\n')).toMatch(/±15 minutes/);
    expect(near.causes.join('\n')).toMatch(
      /within 15 minutes of the local clock \(20240315T083105Z\).*sync it \(NTP\)/,
    );
    // Local time sent as UTC: 8 hours apart.
    const far = explainGatewayError(body, signRequest(BASE), { now: new Date(Date.UTC(2024, 2, 15, 0, 30)) });
    expect(far.local).toMatchObject({ offset: '-8h00m00s' });
    expect(far.causes.join('\n')).toMatch(
      /\(20240315T083000Z\) is 8h00m00s ahead of the local clock \(20240315T003000Z\)/,
    );
    expect(far.causes.join('\n')).toMatch(/whole number of hours \(8 h\) suggests local time sent as UTC/);
  });

  it('does not call a skew of days "local time sent as UTC"', () => {
    const e = explainGatewayError(
      'signature expired, signature time:20230527T000431Z,server time:20240527T000431Z',
      signRequest(BASE),
    );
    expect(e.skew?.skew).toBe('+366d00h00m00s');
    expect(e.causes.join('\n')).not.toMatch(/whole number of hours/);
  });
});

/**
 * Every APIG.0301/APIG.0303 text the documents show (errors-and-limits.md §1.1 table, §1.2 variants, §2.2 bodies
 * as printed, §7.4 (a) error.log; signing.md §4) is read, none rejected as unrecognized.
 */
describe('explain: each documented APIG.0301/0303 shape', () => {
  const SHAPES: Array<[string, string, Partial<GatewayReport> & { kind: GatewayReport['kind'] }]> = [
    [
      '0303 table text (§1.1)',
      '{"error_msg": "Incorrect app authentication information.", "error_code": "APIG.0303", "request_id": "a5322eb89048eb41d705491a76a05aca"}',
      { kind: 'auth-failed-no-detail', auth: 'app' },
    ],
    [
      '0301 table text (§1.1)',
      'Incorrect IAM authentication information.',
      { kind: 'auth-failed-no-detail', auth: 'iam' },
    ],
    [
      '0303 signature expired, no times',
      '{"error_msg":"Incorrect app authentication information: signature expired","error_code":"APIG.0303","request_id":"0"}',
      { kind: 'expired' },
    ],
    [
      '0303 signature expired, the error_msg alone',
      'Incorrect app authentication information: signature expired',
      { kind: 'expired' },
    ],
    [
      '0303 signature expired with times, as printed (§2.2)',
      `{
  "error_msg": "Incorrect app authentication information: signature expired, signature
time:20230527T000431Z,server time:20230527T020608Z",
  "error_code": "APIG.0303",
  "request_id": "fd6530a01c09807640189e65e837b8ad"
}`,
      { kind: 'expired', signatureTime: '20230527T000431Z', serverTime: '20230527T020608Z' },
    ],
    [
      '0303 app not found, as printed (§2.2)',
      `{
  "error_msg": "Incorrect app authentication information: app not found, appkey
01177c425f71487ea362ba84dc4abe5e1",
  "error_code": "APIG.0303",
  "request_id": "a5322eb89048eb41d705491a76a05aca"
}`,
      { kind: 'unknown-key', auth: 'app', key: '01177c425f71487ea362ba84dc4abe5e1' },
    ],
    [
      '0303 verify signature fail, as printed (§2.2)',
      `{
  "error_msg": "Incorrect app authentication information: verify signature fail, canonicalRequest:GET|/test|/|
host:d7da6fe436fb48f2af3c5c2e5b203df7.example.com|x-sdk-date:20230527T015431Z||host;x-sdk-date|
e3b0c44298fc1c149afb4c8996fb92427ae41e4649b934ca495991b7852b855",
  "error_code": "APIG.0303",
  "request_id": "cb141a91c945e68950a14a8eff5d62dc"
}`,
      { kind: 'signature-mismatch', auth: 'app' },
    ],
    [
      '0301 verify aksk signature fail (§2.2)',
      `{
  "error_msg": "Incorrect IAM authentication information: verify aksk signature fail, .....",
  "error_code": "APIG.0301",
  "request_id": "*****"
}`,
      { kind: 'signature-mismatch-no-detail', auth: 'iam' },
    ],
    [
      '0301 AK locked, malformed JSON as printed (§2.2)',
      `{
  "error_msg": "Incorrect IAM authentication information: AK access failed to reach the limit, forbidden." .....
  "error_code": "APIG.0301",
  "request_id": "*****"
}`,
      { kind: 'ak-locked' },
    ],
    [
      '0301 decrypt token fail (§2.2)',
      `{
  "error_msg": "Incorrect IAM authentication information: decrypt token fail",
  "error_code": "APIG.0301",
  "request_id": "*****"
}`,
      { kind: 'token-invalid' },
    ],
    [
      '0301 Get secretKey failed (§2.2)',
      `{
  "error_msg": "Incorrect IAM authentication information: Get secretKey failed,ak:*****,err:ak not exist",
  "error_code": "APIG.0301",
  "request_id": "*****"
}`,
      { kind: 'unknown-key', auth: 'iam', key: '*****' },
    ],
    [
      '0301 log text "verify signature fail" (§1.2)',
      'Incorrect IAM authentication information: verify signature fail',
      { kind: 'signature-mismatch-no-detail', auth: 'iam' },
    ],
    [
      'custom gateway response template (§2.1: errorcode/errormsg)',
      '{"errorcode": "APIG.0303", "errormsg": "Incorrect app authentication information: signature expired", "requestid": "0","apiId":"a"}',
      { kind: 'expired' },
    ],
    [
      'a customised text under a known code',
      '{"error_code": "APIG.0301", "error_msg": "Authentication failed", "request_id": "0"}',
      { kind: 'auth-failed-no-detail', auth: 'iam', detail: 'Authentication failed' },
    ],
  ];
  for (const [what, text, report] of SHAPES) {
    it(what, () => {
      expect(parseGatewayText(text)).toMatchObject(report);
      const e = explainGatewayError(text, signRequest(BASE), { now: new Date(Date.UTC(2024, 2, 15, 8, 30)) });
      expect(e.kind).toBe(report.kind);
      expect(e.causes.length).toBeGreaterThan(0);
    });
  }

  it('the error.log excerpt of 000 §4.7 as printed, "GET" broken into "GE" / "T" (§7.4 a)', () => {
    const log = `2019/01/26 11:34:27 [error] 1211#0: *76 [lua] responses.lua:170: rewrite():
473a4370fbaf69e42f9da243eb8f8c52;app-1;Incorrect IAM authentication information: verify signature
fail;SDK-HMAC-SHA256 Access=071fe245-9cf6-4d75-822d-c29945a1e06a, SignedHeaders=host;x-sdk-date,
Signature=b2ef2cddcef89cbfe22974c988909c1a94b1ac54114c30b8fe083d34a259e0f5;canonicalRequest:GE
T
/app1/

host:test.com
x-sdk-date:20190126T033427Z

host;x-sdk-date
e3b0c44298fc1c149afb4c8996fb92427ae41e4649b934ca495991b7852b855, client: 192.168.0.1, server:
shubao, request: "GET /app1 HTTP/1.1", host: "test.com"`;
    expect(parseGatewayText(log)).toEqual({
      kind: 'signature-mismatch',
      auth: 'iam',
      canonicalRequest:
        'GET\n/app1/\n\nhost:test.com\nx-sdk-date:20190126T033427Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afb4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    // The client of 000 §4.7 step 2 signed POST: only line 1 (and the hash, cut short in the document) differ.
    const e = explainGatewayError(
      log,
      signRequest({ method: 'POST', url: 'http://test.com/app1', key: 'k', secret: 's', date: '20190126T033427Z' }),
    );
    expect(e.lines.filter((l) => !l.same).map((l) => l.part)).toEqual(['method', 'payloadHash']);
  });
});
