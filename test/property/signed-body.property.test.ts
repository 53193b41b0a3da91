/**
 * Property test (fast-check) of the signed-body rule (src/sign/payload.ts; docs/serve.md "Signed bodies"):
 * random bodies and methods, a random subset of signed headers that may or may not include
 * X-Sdk-Content-Sha256, a header holding nothing, UNSIGNED-PAYLOAD, the body's hash or a forged one, signed by
 * a strict client (signRequest) or by one that takes an unsigned header's value anyway; then random tampering
 * (body replaced, header dropped, changed, sent twice, padded with whitespace, name re-cased). The verdict is
 * computed independently of src/sign:
 * - strict: ok exactly when the body is covered and untampered (the client's payload line is the SHA-256 of
 *   the body received, and a signed header arrived unchanged) or the client signed UNSIGNED-PAYLOAD;
 * - lenient: also when the client hashed from an unsigned header that arrived with the same value and that
 *   value is UNSIGNED-PAYLOAD or the body's hash (variant `unsigned-content-sha256`), or when an APIG JS
 *   client blanked the body of a method other than POST/PUT/PATCH (variant `apig-js`).
 * The body the gateway hands the verifier (`verifyNeedsBody`: none for a signed UNSIGNED-PAYLOAD) never changes
 * the verdict. Seeds as in importer-linter.property.test.ts (`FUZZ_SEED`, `FUZZ_RUNS`).
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAuthorization,
  parseSdkDate,
  signRequest,
  verifyNeedsBody,
  verifySignature,
  type ReceivedRequest,
} from '../../src/sign/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150) * 2;
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261122);
const OPTIONS = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
});

const KEY = 'AKPROPERTY';
const SECRET = 'property-secret';
const DATE = '20240315T083000Z';
const NOW = parseSdkDate(DATE) as Date;
const UNSIGNED = 'UNSIGNED-PAYLOAD';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Independent of src/sign: Node's crypto directly. */
const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const OPTIONAL = ['content-type', 'host', 'x-extra'] as const;

const scenario = fc.record({
  method: fc.constantFrom('POST', 'PUT', 'PATCH', 'GET', 'DELETE'),
  body: fc.uint8Array({ maxLength: 48 }),
  declare: fc.constantFrom('none', 'unsigned-payload', 'body-hash', 'forged'),
  forged: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  headerName: fc.constantFrom('X-Sdk-Content-Sha256', 'x-sdk-content-sha256', 'X-SDK-CONTENT-SHA256'),
  signSha: fc.boolean(),
  signedOptional: fc.subarray([...OPTIONAL]),
  client: fc.constantFrom('strict', 'naive'),
  tamper: fc.record({
    body: fc.option(fc.uint8Array({ maxLength: 48 }), { nil: undefined }),
    header: fc.constantFrom('keep', 'keep', 'drop', 'set', 'twice', 'pad', 'add-when-absent'),
    value: fc.oneof(
      fc.constant(UNSIGNED),
      fc.constant('body'),
      fc.constant('new-body'),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map(hex),
    ),
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  req: ReceivedRequest;
  /** The client's payload line. */
  payload: string;
  /** The X-Sdk-Content-Sha256 value the client sent, if any, and whether it signed it. */
  declared: string | undefined;
  signedSha: boolean;
  /** The header's value as received (trimmed, as a server compares it), if any. */
  receivedValue: string | undefined;
}

function build(s: Scenario): Built {
  const declared =
    s.declare === 'none'
      ? undefined
      : s.declare === 'unsigned-payload'
        ? UNSIGNED
        : s.declare === 'body-hash'
          ? sha(s.body)
          : hex(s.forged);
  const signedSha = declared !== undefined && s.signSha;
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'X-Extra': 'e' };
  if (declared !== undefined) headers[s.headerName] = declared;
  const names = ['x-sdk-date', ...s.signedOptional, ...(signedSha ? ['x-sdk-content-sha256'] : [])];
  const t = signRequest({
    method: s.method,
    url: 'https://apig.example.com/v1/pay',
    headers,
    body: s.body,
    key: KEY,
    secret: SECRET,
    date: DATE,
    signedHeaders: names,
  });
  // The client's payload line: a strict client hashes the body unless it signed the header; a naive one uses
  // the header whenever it sends one (then signs its own canonical request).
  const payload = declared !== undefined && (signedSha || s.client === 'naive') ? declared : sha(s.body);
  const lines = t.canonicalRequest.split('\n');
  lines[lines.length - 1] = payload;
  const cr = lines.join('\n');
  const signature = createHmac('sha256', SECRET)
    .update(`SDK-HMAC-SHA256\n${DATE}\n${sha(cr)}`)
    .digest('hex');
  const sent: Array<[string, string]> = t.headers.filter(([n]) => n.toLowerCase() !== 'authorization');
  sent.push(['Authorization', formatAuthorization(KEY, t.signedHeaders.join(';'), signature)]);

  // Tampering, on the wire.
  const body = s.tamper.body ?? s.body;
  const newValue = s.tamper.value === 'body' ? sha(s.body) : s.tamper.value === 'new-body' ? sha(body) : s.tamper.value;
  const isSha = ([n]: [string, string]): boolean => n.toLowerCase() === 'x-sdk-content-sha256';
  let wire = sent;
  if (s.tamper.header === 'drop') wire = sent.filter((h) => !isSha(h));
  else if (s.tamper.header === 'set') wire = [...sent.filter((h) => !isSha(h)), ['X-Sdk-Content-Sha256', newValue]];
  else if (s.tamper.header === 'twice') wire = [...sent, ['X-Sdk-Content-Sha256', newValue]];
  else if (s.tamper.header === 'pad')
    wire = sent.map(([n, v]): [string, string] => (isSha([n, v]) ? [n, ` ${v}\t`] : [n, v]));
  else if (s.tamper.header === 'add-when-absent' && !sent.some(isSha))
    wire = [...sent, ['X-Sdk-Content-Sha256', newValue]];
  // As Node hands them over: names lower-cased, a repeated header comma-joined.
  const record: Record<string, string> = {};
  for (const [n, v] of wire) {
    const k = n.toLowerCase();
    record[k] = record[k] === undefined ? v : `${record[k]}, ${v}`;
  }
  const rv = record['x-sdk-content-sha256'];
  return {
    req: { method: s.method, rawPath: t.wire.path, rawQuery: t.wire.query, headers: record, body },
    payload,
    declared,
    signedSha,
    receivedValue: rv?.replace(/^[ \t]+|[ \t]+$/g, ''),
  };
}

/** The verdict the rule demands, computed from the scenario alone. */
function expected(b: Built, lenient: boolean): { ok: boolean; variant?: string } {
  const bodyHash = sha(b.req.body);
  if (b.signedSha) {
    // The header line is signed: it must arrive unchanged; then the declared value must cover the body.
    return { ok: b.receivedValue === b.declared && (b.declared === UNSIGNED || b.declared === bodyHash) };
  }
  if (b.payload === bodyHash) return { ok: true };
  if (!lenient) return { ok: false };
  if (
    b.receivedValue !== undefined &&
    b.receivedValue === b.payload &&
    (b.payload === UNSIGNED || b.payload === bodyHash)
  ) {
    return { ok: true, variant: 'unsigned-content-sha256' };
  }
  if (!BODY_METHODS.has(b.req.method) && b.payload === sha('')) return { ok: true, variant: 'apig-js' };
  return { ok: false };
}

const lookup = (k: string): string | undefined => (k === KEY ? SECRET : undefined);

describe('the signed-body rule, over random bodies, signed-header subsets and tampering', () => {
  for (const lenient of [false, true]) {
    it(`${lenient ? 'lenient' : 'strict'}: ok exactly when the body is covered and untampered, or the client signed UNSIGNED-PAYLOAD`, () => {
      const seen = { ok: 0, refused: 0, unsignedPayload: 0, variant: 0 };
      fc.assert(
        fc.property(scenario, (s) => {
          const b = build(s);
          const want = expected(b, lenient);
          const got = verifySignature(b.req, lookup, NOW, { lenient });
          expect(got.ok, JSON.stringify({ s, want, got })).toBe(want.ok);
          if (got.ok) expect(got.variant).toBe(want.variant);
          else expect(got).toMatchObject({ status: 401, code: 'APIG.0303' });
          // The gateway skips reading the body only where no verdict depends on it.
          const gatewayBody = verifyNeedsBody(b.req.headers) ? b.req.body : Buffer.alloc(0);
          expect(verifySignature({ ...b.req, body: gatewayBody }, lookup, NOW, { lenient }).ok).toBe(got.ok);
          seen[got.ok ? 'ok' : 'refused']++;
          if (got.ok && b.signedSha && b.declared === UNSIGNED) seen.unsignedPayload++;
          if (got.ok && got.variant !== undefined) seen.variant++;
        }),
        OPTIONS(RUNS),
      );
      // The generator reaches every kind of verdict (a check on the test, for the fixed seed).
      if (SEED !== undefined) {
        expect(seen.ok).toBeGreaterThan(0);
        expect(seen.refused).toBeGreaterThan(0);
        expect(seen.unsignedPayload).toBeGreaterThan(0);
        if (lenient) expect(seen.variant).toBeGreaterThan(0);
      }
    });
  }
});
