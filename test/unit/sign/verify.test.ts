import { describe, expect, it } from 'vitest';
import {
  parseRawUrl,
  parseSdkDate,
  sha256Hex,
  signRequest,
  verifySignature,
  type ReceivedRequest,
} from '../../../src/sign/index.js';
import { received } from './receive.js';
import { bodyOf, inputOf, loadVectors } from './vectors.js';

const KEY = 'HPUAEXAMPLEAK0000001';
const SECRET = 'c2VjcmV0LWV4YW1wbGUtc2stMDAwMDAwMDAwMDAwMDAwMQ==';
const DATE = '20240315T083000Z';
const NOW = parseSdkDate(DATE) as Date;
const secrets = (k: string): string | undefined => (k === KEY ? SECRET : undefined);

function signed(overrides: Partial<Parameters<typeof signRequest>[0]> = {}): ReceivedRequest {
  const input = {
    method: 'POST',
    url: 'https://apig.example.com/v1/orders?b=2&a=1',
    headers: { 'Content-Type': 'application/json' },
    body: '{"a":1}',
    key: KEY,
    secret: SECRET,
    date: DATE,
    ...overrides,
  };
  return received(signRequest(input), Buffer.from(typeof input.body === 'string' ? input.body : ''));
}

const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);

describe('verifySignature (signing.md §4)', () => {
  it('accepts every vector signed by signRequest, strictly', () => {
    for (const v of loadVectors()) {
      const r = verifySignature(
        received(signRequest(inputOf(v)), bodyOf(v)),
        (k) => (k === v.key ? v.secret : undefined),
        parseSdkDate(v.date) as Date,
      );
      expect(r, v.name).toMatchObject({ ok: true, key: v.key });
      expect(r.ok && r.variant, v.name).toBeFalsy();
    }
  });

  it('accepts an upper-case signature and ±15:00 exactly, rejects 15:01 with the gateway text (000 §4.8)', () => {
    const req = signed();
    const auth = String((req.headers as Record<string, string>).authorization);
    const upper = {
      ...req,
      headers: {
        ...req.headers,
        authorization: auth.replace(/Signature=(\w+)/, (_m, s: string) => `Signature=${s.toUpperCase()}`),
      },
    };
    expect(verifySignature(upper, secrets, NOW).ok).toBe(true);
    expect(verifySignature(req, secrets, at(15)).ok).toBe(true);
    expect(verifySignature(req, secrets, at(-15)).ok).toBe(true);
    expect(verifySignature(req, secrets, at(15 + 1 / 60))).toMatchObject({
      ok: false,
      status: 401,
      code: 'APIG.0303',
      reason: 'expired',
      message:
        'Incorrect app authentication information: signature expired, signature time:20240315T083000Z,server time:20240315T084501Z',
    });
  });

  it('names an unknown AppKey or AK with the documented texts', () => {
    const req = signed({ key: 'nobody' });
    expect(verifySignature(req, secrets, NOW)).toMatchObject({
      code: 'APIG.0303',
      message: 'Incorrect app authentication information: app not found, appkey nobody',
    });
    expect(verifySignature(req, secrets, NOW, { auth: 'iam' })).toMatchObject({
      code: 'APIG.0301',
      message: 'Incorrect IAM authentication information: Get secretKey failed,ak:nobody,err:ak not exist',
    });
  });

  it('answers a mismatch with its canonical request joined by "|" (000 §4.8)', () => {
    const req = { ...signed(), body: Buffer.from('{"a":2}') };
    const r = verifySignature(req, secrets, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('signature-mismatch');
    expect(r.detail).toBe(
      'verify signature fail, canonicalRequest:POST|/v1/orders/|a=1&b=2|content-type:application/json|host:apig.example.com|x-sdk-date:20240315T083000Z||content-type;host;x-sdk-date|' +
        sha256Hex('{"a":2}'),
    );
    expect(verifySignature(req, secrets, NOW, { auth: 'iam' })).toMatchObject({
      code: 'APIG.0301',
      detail: expect.stringMatching(/^verify aksk signature fail, canonicalRequest:POST\|/),
    });
  });

  it('rejects a missing or malformed Authorization, an unsigned or missing date, and absent signed headers', () => {
    const base = signed();
    const h = base.headers as Record<string, string>;
    const without = (name: string): ReceivedRequest => ({
      ...base,
      headers: Object.fromEntries(Object.entries(h).filter(([k]) => k !== name)),
    });
    expect(verifySignature(without('authorization'), secrets, NOW)).toMatchObject({ reason: 'missing-authorization' });
    expect(
      verifySignature({ ...base, headers: { ...h, authorization: 'V11-HMAC-SHA256 Credential=x' } }, secrets, NOW),
    ).toMatchObject({ reason: 'malformed-authorization' });
    expect(verifySignature(without('x-sdk-date'), secrets, NOW)).toMatchObject({ reason: 'missing-date' });
    expect(
      verifySignature({ ...base, headers: { ...h, 'x-sdk-date': '2024-03-15T08:30:00Z' } }, secrets, NOW),
    ).toMatchObject({ reason: 'invalid-date' });
    expect(verifySignature(without('content-type'), secrets, NOW)).toMatchObject({
      reason: 'signed-header-missing',
      message: 'Incorrect app authentication information: signed header content-type not found',
    });
    const noDate = received(
      signRequest({ method: 'GET', url: 'https://h/', key: KEY, secret: SECRET, date: DATE, signedHeaders: ['host'] }),
    );
    expect(verifySignature(noDate, secrets, NOW)).toMatchObject({ reason: 'date-not-signed' });
  });

  it('accepts SignedHeaders=x-sdk-date alone (the Go core SDK, signing.md §5)', () => {
    const req = received(
      signRequest({
        method: 'GET',
        url: 'https://h/path?limit=1',
        key: KEY,
        secret: SECRET,
        date: DATE,
        signHost: false,
      }),
    );
    expect(verifySignature(req, secrets, NOW)).toMatchObject({ ok: true, signedHeaders: ['x-sdk-date'] });
  });
});

/** Deviating official outputs in the vectors that a lenient verifier recovers, and the family it names first. */
const LENIENT: Record<string, Record<string, string>> = {
  'query-empty-values': { 'apig-js-legacy': 'apig-js-legacy' },
  'query-unicode-raw-and-encoded': { 'apig-java': 'apig-java', 'apig-js-legacy': 'apig-java' },
  'query-literal-plus': { 'apig-java': 'apig-java' },
  'query-encoded-plus': { 'apig-js': 'apig-js' },
  'query-encoded-slash': { 'apig-js': 'apig-js' },
  'query-key-prefix-ordering': { 'apig-js-legacy': 'apig-js-legacy' },
  'query-value-order-differs-after-encoding': { 'apig-java': 'apig-java' },
  'query-astral-vs-bmp-value-order': { 'apig-js': 'apig-js', 'core-nodejs-signer': 'apig-js' },
  'path-space-encoded': { 'core-nodejs-signer': 'core-nodejs' },
  'path-unicode-raw-and-encoded': { 'core-nodejs-signer': 'core-nodejs' },
  'path-encoded-slash': { 'apig-js': 'apig-js', 'core-nodejs-signer': 'apig-js' },
  'path-tilde-star-percent25': { 'core-nodejs-signer': 'core-nodejs' },
  'header-name-with-underscore': { 'core-nodejs-signer': 'core-nodejs' },
  'get-with-body': { 'apig-js': 'apig-js', 'apig-js-legacy': 'apig-js' },
  'delete-lowercase-method': { 'apig-js': 'apig-js', 'core-nodejs-signer': 'apig-js' },
};

describe('lenient mode (signing.md §4.8)', () => {
  const vectors = loadVectors();
  for (const [name, impls] of Object.entries(LENIENT)) {
    for (const [impl, family] of Object.entries(impls)) {
      it(`${name}: accepts ${impl}'s signature as ${family}, and strict mode only hints at it`, () => {
        const v = vectors.find((x) => x.name === name);
        const auth = v?.outputs?.[impl]?.authorization;
        if (!v || !auth) throw new Error(`vector ${name}/${impl} missing`);
        const u = parseRawUrl(v.url);
        const headers: Record<string, string> = {
          ...v.headers,
          'X-Sdk-Date': v.date,
          Host: u.authority,
          Authorization: auth,
        };
        const req: ReceivedRequest = {
          method: v.method,
          rawPath: u.rawPath,
          rawQuery: u.rawQuery,
          headers,
          body: bodyOf(v),
        };
        const lookup = (): string => v.secret;
        expect(verifySignature(req, lookup, NOW, { lenient: true })).toMatchObject({ ok: true, variant: family });
        expect(verifySignature(req, lookup, NOW)).toMatchObject({
          ok: false,
          reason: 'signature-mismatch',
          wouldMatch: family,
        });
      });
    }
  }
});
