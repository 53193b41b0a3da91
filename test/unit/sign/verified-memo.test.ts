// The verifier remembers the requests it accepted (src/sign/verified-memo.ts): a repeat is accepted without
// hashing again. These tests hold the memo to the rule that it never changes a verdict: after a request is
// accepted, the same Authorization over anything that differs in a signed input is refused exactly as it would
// be without the memo, and the clock-skew and secret checks are made every time.
import { describe, expect, it } from 'vitest';
import { parseSdkDate, signRequest, verifySignature, type ReceivedRequest } from '../../../src/sign/index.js';
import { VERIFIED_MEMO_SIZE, verifiedMemoSize } from '../../../src/sign/verified-memo.js';
import { pick, request, rng } from './gen.js';
import { received } from './receive.js';

const KEY = 'memo-key-0001';
const SECRET = 'memo-secret-0001';
const DATE = '20261206T120000Z';
const NOW = parseSdkDate(DATE) as Date;
const secrets = (k: string): string | undefined => (k === KEY ? SECRET : undefined);

function signed(url = 'http://api.example.com/v1/items?a=1', headers: Record<string, string> = {}): ReceivedRequest {
  return received(signRequest({ method: 'GET', url, headers, key: KEY, secret: SECRET, date: DATE }));
}

function withHeaders(r: ReceivedRequest, changes: Record<string, string>): ReceivedRequest {
  return { ...r, headers: { ...(r.headers as Record<string, string>), ...changes } };
}

describe('the memo of accepted requests', () => {
  it('accepts an exact repeat with the same verdict, frozen so that no caller can change it', () => {
    const req = signed();
    const first = verifySignature(req, secrets, NOW);
    const again = verifySignature({ ...req, headers: { ...(req.headers as Record<string, string>) } }, secrets, NOW);
    expect(first).toMatchObject({ ok: true, key: KEY });
    expect(again).toEqual(first);
    expect(Object.isFrozen(again)).toBe(true);
  });

  it('refuses the same Authorization over another path, query, method or signed header value', () => {
    const req = signed('http://api.example.com/v1/items?a=1', { 'X-Extra': 'one' });
    expect(verifySignature(req, secrets, NOW).ok).toBe(true);
    const changed: ReceivedRequest[] = [
      { ...req, rawPath: '/v1/other' },
      { ...req, rawQuery: 'a=2' },
      { ...req, method: 'DELETE' },
      withHeaders(req, { 'x-extra': 'two' }),
      withHeaders(req, { host: 'other.example.com' }),
    ];
    for (const r of changed) {
      const v = verifySignature(r, secrets, NOW);
      expect(v.ok).toBe(false);
      expect(!v.ok && v.reason).toBe('signature-mismatch');
    }
    // An unsigned header is not part of the signature: the verdict stays.
    expect(verifySignature(withHeaders(req, { 'x-unsigned': 'anything' }), secrets, NOW).ok).toBe(true);
  });

  it('verifies a body in full: the same Authorization over a GET with a body is a mismatch', () => {
    const req = signed('http://api.example.com/v1/body-check');
    expect(verifySignature(req, secrets, NOW).ok).toBe(true);
    const v = verifySignature({ ...req, method: 'POST', body: Buffer.from('{}') }, secrets, NOW);
    expect(v.ok).toBe(false);
  });

  it('checks the clock and the secret on every repeat', () => {
    const req = signed('http://api.example.com/v1/clock');
    expect(verifySignature(req, secrets, NOW).ok).toBe(true);
    const later = new Date(NOW.getTime() + 15 * 60_000 + 1000);
    const expired = verifySignature(req, secrets, later);
    expect(!expired.ok && expired.reason).toBe('expired');
    const rotated = verifySignature(req, (k) => (k === KEY ? 'another-secret' : undefined), NOW);
    expect(!rotated.ok && rotated.reason).toBe('signature-mismatch');
    const gone = verifySignature(req, () => undefined, NOW);
    expect(!gone.ok && gone.reason).toBe('unknown-key');
    expect(verifySignature(req, secrets, NOW).ok).toBe(true);
  });

  it('keeps at most VERIFIED_MEMO_SIZE requests however many distinct ones are accepted', () => {
    for (let i = 0; i < VERIFIED_MEMO_SIZE + 50; i++) {
      expect(verifySignature(signed(`http://api.example.com/v1/n${i}`), secrets, NOW).ok).toBe(true);
    }
    expect(verifiedMemoSize()).toBe(VERIFIED_MEMO_SIZE);
  });

  it('gives, after the original was accepted, every changed request the verdict the full verifier gives', () => {
    const r = rng(16);
    for (let i = 0; i < 300; i++) {
      // Mostly bodiless: the memo keeps only requests with an empty body.
      const generated = request(r);
      const req = r() < 0.8 ? { ...generated, body: Buffer.alloc(0) } : generated;
      const rec = received(signRequest(req), req.body);
      const lookup = (k: string): string | undefined => (k === req.key ? req.secret : undefined);
      const now = parseSdkDate(req.date ?? DATE) ?? NOW;
      expect(verifySignature(rec, lookup, now).ok).toBe(true);
      const headers = rec.headers as Record<string, string>;
      const changed = pick(r, [
        rec,
        { ...rec, method: rec.method === 'GET' ? 'POST' : 'GET' },
        { ...rec, rawPath: `${rec.rawPath}x` },
        { ...rec, rawQuery: `${rec.rawQuery}&zz=1` },
        { ...rec, body: Buffer.concat([Buffer.from(rec.body), Buffer.from('!')]) },
        { ...rec, headers: { ...headers, host: 'evil.example.com' } },
        { ...rec, headers: { ...headers, 'x-sdk-date': '20240315T083001Z' } },
      ]);
      // A trailing space makes another memo key for the same Authorization (the verifier trims it): the verdict
      // of the full verifier, to compare with.
      const bypass = { ...changed, headers: { ...(changed.headers as Record<string, string>) } };
      const auth = (bypass.headers as Record<string, string>).authorization;
      (bypass.headers as Record<string, string>).authorization = `${auth} `;
      expect(verifySignature(changed, lookup, now), `${req.method} ${req.url}`).toEqual(
        verifySignature(bypass, lookup, now),
      );
    }
  });
});
