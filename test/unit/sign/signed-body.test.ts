/**
 * The signed-body rule (src/sign/payload.ts; docs/serve.md "Signed bodies"): X-Sdk-Content-Sha256 counts only
 * when it is signed, a signed hash must be the body's, a signed UNSIGNED-PAYLOAD leaves the body uncovered, and
 * --lenient-signatures names the client that hashed from an unsigned header.
 */
import { describe, expect, it } from 'vitest';
import {
  explainGatewayError,
  formatAuthorization,
  hmacSha256Hex,
  parseSdkDate,
  sha256Hex,
  signRequest,
  stringToSign,
  verifyNeedsBody,
  verifySignature,
  type ReceivedRequest,
  type SignInput,
} from '../../../src/sign/index.js';
import { withPayloadLine } from '../../../src/sign/payload.js';
import { received } from './receive.js';

const KEY = 'HPUAEXAMPLEAK0000001';
const SECRET = 'signed-body-secret';
const DATE = '20240315T083000Z';
const NOW = parseSdkDate(DATE) as Date;
const lookup = (k: string): string | undefined => (k === KEY ? SECRET : undefined);

const ORIGINAL = Buffer.from('{"amount":10,"to":"alice"}');
const SWAPPED = Buffer.from('{"amount":9999,"to":"mallory"}');
const BASE: SignInput = {
  method: 'POST',
  url: 'https://apig.example.com/v1/pay',
  headers: { 'Content-Type': 'application/json' },
  body: ORIGINAL,
  key: KEY,
  secret: SECRET,
  date: DATE,
};

function sent(input: Partial<SignInput> = {}, body: Uint8Array = ORIGINAL): ReceivedRequest {
  return received(signRequest({ ...BASE, ...input }), body);
}

/** A client that reads §3 step 8 literally: the header's value is the payload hash even though it is not signed. */
function naive(declared: string, body: Uint8Array = ORIGINAL): ReceivedRequest {
  const t = signRequest(BASE);
  const cr = withPayloadLine(t.canonicalRequest, declared);
  const signature = hmacSha256Hex(SECRET, stringToSign(DATE, sha256Hex(cr)));
  const req = received(t, body);
  return {
    ...req,
    headers: {
      ...(req.headers as Record<string, string>),
      'x-sdk-content-sha256': declared,
      authorization: formatAuthorization(KEY, t.signedHeaders.join(';'), signature),
    },
  };
}

const withHeaders = (req: ReceivedRequest, extra: Record<string, string>): ReceivedRequest => ({
  ...req,
  headers: { ...(req.headers as Record<string, string>), ...extra },
});

describe('the signed-body rule (strict)', () => {
  it('an unsigned X-Sdk-Content-Sha256 is ignored: the body is hashed, so a forged hash cannot carry a swapped body', () => {
    // A captured request signed over its body; the attacker adds the original hash unsigned and swaps the body.
    const attack = withHeaders(sent({}, SWAPPED), { 'x-sdk-content-sha256': sha256Hex(ORIGINAL) });
    const r = verifySignature(attack, lookup, NOW);
    expect(r).toMatchObject({ ok: false, status: 401, code: 'APIG.0303', reason: 'signature-mismatch' });
    expect(!r.ok && r.detail.endsWith(`|content-type;host;x-sdk-date|${sha256Hex(SWAPPED)}`)).toBe(true);
    // The same header on the untouched request changes nothing.
    expect(verifySignature(withHeaders(sent(), { 'x-sdk-content-sha256': 'forged' }), lookup, NOW)).toMatchObject({
      ok: true,
    });
  });

  it("a signed hash must be the body's: a swapped body is refused with the gateway texts and the body's hash", () => {
    const input = { headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL) } };
    expect(verifySignature(sent(input), lookup, NOW)).toMatchObject({
      ok: true,
      signedHeaders: ['content-type', 'host', 'x-sdk-content-sha256', 'x-sdk-date'],
    });
    const app = verifySignature(sent(input, SWAPPED), lookup, NOW);
    expect(app).toMatchObject({
      ok: false,
      status: 401,
      code: 'APIG.0303',
      reason: 'signature-mismatch',
      bodyHash: { declared: sha256Hex(ORIGINAL), received: sha256Hex(SWAPPED) },
    });
    if (app.ok) return;
    expect(app.message).toBe(
      'Incorrect app authentication information: verify signature fail, canonicalRequest:POST|/v1/pay/||content-type:application/json|host:apig.example.com|' +
        `x-sdk-content-sha256:${sha256Hex(ORIGINAL)}|x-sdk-date:${DATE}||content-type;host;x-sdk-content-sha256;x-sdk-date|${sha256Hex(SWAPPED)}`,
    );
    expect(verifySignature(sent(input, SWAPPED), lookup, NOW, { auth: 'iam' })).toMatchObject({
      code: 'APIG.0301',
      message: expect.stringMatching(
        /^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:POST\|/,
      ),
    });
    // Lenient mode does not relax the rule.
    expect(verifySignature(sent(input, SWAPPED), lookup, NOW, { lenient: true })).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
    // Nor does a body sent empty, or a GET.
    expect(verifySignature(sent(input, Buffer.alloc(0)), lookup, NOW)).toMatchObject({ ok: false });
    const get = { method: 'GET', headers: { 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL) } };
    expect(verifySignature(sent(get), lookup, NOW)).toMatchObject({ ok: true });
    expect(verifySignature(sent(get, SWAPPED), lookup, NOW)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  it("a signed hash that is not the body's fails even untouched: the signature would not cover what the backend gets", () => {
    const forged = { headers: { 'X-Sdk-Content-Sha256': sha256Hex(SWAPPED) } };
    expect(verifySignature(sent(forged), lookup, NOW)).toMatchObject({
      ok: false,
      bodyHash: { declared: sha256Hex(SWAPPED), received: sha256Hex(ORIGINAL) },
    });
    // Only the exact lower-case hex matches; `unsigned-payload` is not the opt-out.
    expect(
      verifySignature(sent({ headers: { 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL).toUpperCase() } }), lookup, NOW),
    ).toMatchObject({ ok: false });
    expect(
      verifySignature(sent({ headers: { 'X-Sdk-Content-Sha256': 'unsigned-payload' } }), lookup, NOW),
    ).toMatchObject({ ok: false });
  });

  it('a signed UNSIGNED-PAYLOAD leaves the body uncovered: the client opted out and signed that fact', () => {
    expect(verifySignature(sent({ unsignedPayload: true }, SWAPPED), lookup, NOW)).toMatchObject({ ok: true });
    // Removing or changing the header breaks the signature.
    const req = sent({ unsignedPayload: true });
    const h = req.headers as Record<string, string>;
    expect(
      verifySignature(
        { ...req, headers: Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'x-sdk-content-sha256')) },
        lookup,
        NOW,
      ),
    ).toMatchObject({ ok: false, reason: 'signed-header-missing' });
    expect(
      verifySignature(withHeaders(req, { 'x-sdk-content-sha256': sha256Hex(ORIGINAL) }), lookup, NOW),
    ).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  it('header name case and surrounding whitespace do not matter; a header sent twice is one joined value', () => {
    const hash = sha256Hex(ORIGINAL);
    const req = sent({ headers: { 'X-SDK-CONTENT-SHA256': ` ${hash}\t` } });
    const h = req.headers as Record<string, string>;
    expect(verifySignature(req, lookup, NOW)).toMatchObject({ ok: true });
    expect(verifySignature({ ...req, body: SWAPPED }, lookup, NOW)).toMatchObject({ ok: false });
    // SignedHeaders naming the header in capitals still counts as signed.
    const upper = {
      ...req,
      headers: { ...h, authorization: h.authorization?.replace('x-sdk-content-sha256', 'X-Sdk-Content-Sha256') ?? '' },
    };
    expect(verifySignature({ ...upper, body: SWAPPED }, lookup, NOW)).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
    // Twice: `UNSIGNED-PAYLOAD, UNSIGNED-PAYLOAD` is neither the opt-out nor a hash, even if a client signed it.
    const twice = signRequest({
      ...BASE,
      headers: [
        ['X-Sdk-Content-Sha256', 'UNSIGNED-PAYLOAD'],
        ['x-sdk-content-sha256', 'UNSIGNED-PAYLOAD'],
      ],
    });
    expect(twice.payloadHash).toBe('UNSIGNED-PAYLOAD, UNSIGNED-PAYLOAD');
    expect(verifySignature(received(twice, ORIGINAL), lookup, NOW)).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
    // Added next to a signed UNSIGNED-PAYLOAD, a second header changes the signed line.
    const opted = sent({ unsignedPayload: true }, SWAPPED);
    const pairs: Array<[string, string]> = Object.entries(opted.headers as Record<string, string>);
    expect(
      verifySignature({ ...opted, headers: [...pairs, ['X-Sdk-Content-Sha256', sha256Hex(SWAPPED)]] }, lookup, NOW),
    ).toMatchObject({ ok: false });
  });

  it('GET with a body: the body is hashed for every method', () => {
    expect(verifySignature(sent({ method: 'GET' }), lookup, NOW)).toMatchObject({ ok: true });
    expect(verifySignature(sent({ method: 'GET' }, SWAPPED), lookup, NOW)).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(verifySignature(sent({ method: 'GET', body: '' }, SWAPPED), lookup, NOW)).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
  });
});

describe('the unsigned-content-sha256 client variant (--lenient-signatures)', () => {
  it("an unsigned header holding the body's own hash gives the strict canonical request: accepted, no variant", () => {
    const r = verifySignature(naive(sha256Hex(ORIGINAL)), lookup, NOW);
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.variant).toBeFalsy();
  });

  it('an unsigned UNSIGNED-PAYLOAD: strict mode refuses and names the variant; lenient mode accepts it by name, whatever the body', () => {
    // The client signed UNSIGNED-PAYLOAD in its payload line, so only it could have made this signature.
    for (const body of [ORIGINAL, SWAPPED]) {
      expect(verifySignature(naive('UNSIGNED-PAYLOAD', body), lookup, NOW)).toMatchObject({
        ok: false,
        reason: 'signature-mismatch',
        wouldMatch: 'unsigned-content-sha256',
      });
      expect(verifySignature(naive('UNSIGNED-PAYLOAD', body), lookup, NOW, { lenient: true })).toMatchObject({
        ok: true,
        variant: 'unsigned-content-sha256',
      });
    }
  });

  it("the declared value is still in the signed canonical request, so it must still be the body's hash", () => {
    const swapped = naive(sha256Hex(ORIGINAL), SWAPPED);
    for (const lenient of [false, true]) {
      expect(verifySignature(swapped, lookup, NOW, { lenient })).toMatchObject({
        ok: false,
        reason: 'signature-mismatch',
        bodyHash: { declared: sha256Hex(ORIGINAL), received: sha256Hex(SWAPPED) },
      });
    }
  });

  it('lenient mode keeps the APIG JS reading of a GET: its body is not covered, and the variant is named', () => {
    const get = sent({ method: 'GET', body: '' }, SWAPPED);
    expect(verifySignature(get, lookup, NOW, { lenient: true })).toMatchObject({ ok: true, variant: 'apig-js' });
  });
});

describe('verifyNeedsBody', () => {
  const auth = (names: string): string => `SDK-HMAC-SHA256 Access=k, SignedHeaders=${names}, Signature=00`;
  it('is false only for a signed UNSIGNED-PAYLOAD', () => {
    expect(verifyNeedsBody({ authorization: auth('host;x-sdk-date') })).toBe(true);
    expect(
      verifyNeedsBody({
        authorization: auth('host;x-sdk-content-sha256;x-sdk-date'),
        'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD',
      }),
    ).toBe(false);
    expect(
      verifyNeedsBody({
        Authorization: auth('X-Sdk-Content-Sha256;x-sdk-date'),
        'X-SDK-CONTENT-SHA256': ' UNSIGNED-PAYLOAD ',
      }),
    ).toBe(false);
    expect(
      verifyNeedsBody({ authorization: auth('host;x-sdk-date'), 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }),
    ).toBe(true);
    expect(
      verifyNeedsBody({
        authorization: auth('x-sdk-content-sha256;x-sdk-date'),
        'x-sdk-content-sha256': sha256Hex(ORIGINAL),
      }),
    ).toBe(true);
    expect(verifyNeedsBody({ authorization: 'garbage', 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' })).toBe(true);
  });
});

describe('the signer follows the same rule', () => {
  it('hashes the body when X-Sdk-Content-Sha256 is sent unsigned, and warns', () => {
    const t = signRequest({ ...BASE, unsignedHeaders: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' } });
    expect(t.payloadHash).toBe(sha256Hex(ORIGINAL));
    expect(t.warnings.join('\n')).toMatch(/X-Sdk-Content-Sha256 is sent but not signed/);
    expect(verifySignature(received(t, ORIGINAL), lookup, NOW)).toMatchObject({ ok: true });
  });

  it("warns when a signed hash is not the body's, and not otherwise", () => {
    expect(
      signRequest({ ...BASE, headers: { 'X-Sdk-Content-Sha256': sha256Hex(SWAPPED) } }).warnings.join('\n'),
    ).toMatch(/is not the SHA-256 of the body/);
    expect(signRequest({ ...BASE, headers: { 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL) } }).warnings).toEqual([]);
    expect(signRequest({ ...BASE, unsignedPayload: true }).warnings).toEqual([]);
  });

  it('--explain names a declared hash the body that arrived does not have', () => {
    const declared = { ...BASE, headers: { 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL) } };
    const r = verifySignature(sent(declared, SWAPPED), lookup, NOW);
    if (r.ok) throw new Error('expected a refusal');
    const e = explainGatewayError(JSON.stringify({ error_code: r.code, error_msg: r.message }), signRequest(declared));
    expect(e.lines.filter((l) => !l.same).map((l) => l.part)).toEqual(['payloadHash']);
    expect(e.causes.join('\n')).toMatch(/signed X-Sdk-Content-Sha256 is not the hash of the body that arrived/);
  });
});
