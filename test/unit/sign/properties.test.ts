/** Property tests with a seeded generator: the invariants of signing.md §3 over many generated requests. */
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalUri,
  parseRawUrl,
  parseSdkDate,
  signRequest,
  verifySignature,
  wirePath,
} from '../../../src/sign/index.js';
import { int, pick, rawPath, rawQuery, request, rng } from './gen.js';
import { received } from './receive.js';

const RUNS = 300;
const NOW = parseSdkDate('20240315T083000Z') as Date;

function shuffle<T>(r: () => number, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function recase(r: () => number, name: string): string {
  return [...name].map((c) => (r() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
}

describe('signing properties', () => {
  it('header order and name case never change the signature', () => {
    const r = rng(1);
    for (let i = 0; i < RUNS; i++) {
      const req = request(r);
      const again = { ...req, headers: shuffle(r, req.headers).map(([n, v]): [string, string] => [recase(r, n), v]) };
      expect(signRequest(again).authorization).toBe(signRequest(req).authorization);
    }
  });

  it('a one-byte body change always changes the signature', () => {
    const r = rng(2);
    for (let i = 0; i < RUNS; i++) {
      const req = request(r);
      const body = Buffer.concat([req.body, Buffer.from('x')]);
      const changed = Buffer.from(body);
      const at = int(r, 0, changed.length - 1);
      changed[at] = ((changed[at] ?? 0) + int(r, 1, 255)) % 256;
      expect(signRequest({ ...req, body: changed }).signature).not.toBe(signRequest({ ...req, body }).signature);
    }
  });

  it('verify(sign(x)) holds for generated requests, strictly', () => {
    const r = rng(3);
    for (let i = 0; i < RUNS; i++) {
      const req = request(r);
      const trace = signRequest(req);
      const result = verifySignature(received(trace, req.body), (k) => (k === req.key ? req.secret : undefined), NOW);
      expect(result, `${req.method} ${req.url}`).toMatchObject({ ok: true, key: req.key });
      expect(result.ok && result.variant).toBeFalsy();
    }
  });

  it('verify fails after any change to a signed part', () => {
    const r = rng(4);
    for (let i = 0; i < 100; i++) {
      const req = request(r);
      const rec = received(signRequest(req), req.body);
      const tampered = pick(r, [
        { ...rec, method: rec.method === 'GET' ? 'POST' : 'GET' },
        { ...rec, rawPath: `${rec.rawPath}x` },
        { ...rec, rawQuery: `${rec.rawQuery}&zz=1` },
        { ...rec, body: Buffer.concat([Buffer.from(rec.body), Buffer.from('!')]) },
        { ...rec, headers: { ...rec.headers, host: 'evil.example.com' } },
      ]);
      expect(verifySignature(tampered, () => req.secret, NOW)).toMatchObject({
        ok: false,
        reason: 'signature-mismatch',
      });
    }
  });

  it('canonical path and query are idempotent, and the wire path canonicalises like the raw one', () => {
    const r = rng(5);
    for (let i = 0; i < RUNS; i++) {
      const p = rawPath(r);
      const q = rawQuery(r);
      expect(canonicalUri(canonicalUri(p))).toBe(canonicalUri(p));
      expect(canonicalUri(wirePath(p))).toBe(canonicalUri(p));
      expect(wirePath(p)).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
      expect(canonicalQuery(canonicalQuery(q))).toBe(canonicalQuery(q));
    }
  });

  it('signs the authority verbatim as Host', () => {
    for (const url of ['https://apig.example.com:443/', 'http://[::1]:8080/x', 'https://h.example.com']) {
      const t = signRequest({ method: 'GET', url, key: 'k', secret: 's', date: '20240315T083000Z' });
      expect(t.canonicalHeaders).toContain(`host:${parseRawUrl(url).authority}\n`);
    }
  });
});
