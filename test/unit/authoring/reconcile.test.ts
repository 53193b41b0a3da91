/** reconcileText: the file ends up holding exactly `next`, and everything that did not change keeps its bytes. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reconcileText } from '../../../src/workspace/authoring/reconcile.js';

const TEXT = `# Shop APIs (owned by the payments team)
swagger: "2.0"
info:
  title: shop # the group name
  version: "1.0"
paths:
  /a:
    # the old listing
    get:
      operationId: listA
      x-apigateway-request-type: public # keep it public
  /b:
    post:
      operationId: makeB
x-apigateway-ratelimits:
  rl_one: {api-limit: 10, interval: 1, unit: SECOND}
`;

const value = (text: string): unknown => parse(text);
const clone = <T>(v: T): T => structuredClone(v);

describe('reconcileText (YAML)', () => {
  it('leaves an unchanged document byte for byte', () => {
    expect(reconcileText(TEXT, 'yaml', value(TEXT))).toBe(TEXT);
  });

  it('adds a path after the last one and keeps every comment', () => {
    const next = clone(value(TEXT)) as { paths: Record<string, unknown> };
    next.paths['/c'] = { get: { operationId: 'getC' } };
    const out = reconcileText(TEXT, 'yaml', next);
    expect(value(out)).toEqual(next);
    for (const c of ['# Shop APIs', '# the group name', '# the old listing', '# keep it public'])
      expect(out).toContain(c);
    expect(out).toContain('      operationId: makeB\n  /c:\n    get:\n      operationId: getC\n');
  });

  it('changes a scalar in place: a comment after it on the line stays', () => {
    const next = clone(value(TEXT)) as { info: { title: string } };
    next.info.title = 'shop2';
    const out = reconcileText(TEXT, 'yaml', next);
    expect(out).toBe(TEXT.replace('title: shop #', 'title: shop2 #'));
  });

  it('removes a key, replaces a flow map, and adds keys to nested and outer maps at one end point', () => {
    const next = clone(value(TEXT)) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      'x-apigateway-ratelimits': Record<string, unknown>;
      x?: unknown;
    };
    delete next.paths['/a'];
    next.paths['/b'] = { post: { operationId: 'makeB', summary: 'new' }, put: { operationId: 'putB' } };
    next['x-apigateway-ratelimits'] = { rl_one: { 'api-limit': 20, interval: 1, unit: 'SECOND' } };
    next.x = { y: [1, 2] };
    const out = reconcileText(TEXT, 'yaml', next);
    expect(value(out)).toEqual(next);
    expect(out).not.toContain('# the old listing');
    expect(out).toContain('# Shop APIs');
    expect(out).toContain('# the group name');
  });

  it('rewrites a flow-style document, and a document that is not a map', () => {
    expect(value(reconcileText('{a: 1}\n', 'yaml', { a: 2 }))).toEqual({ a: 2 });
    expect(value(reconcileText('- 1\n', 'yaml', { a: 2 }))).toEqual({ a: 2 });
  });

  it('a file without a final newline still gets its new keys on their own line', () => {
    const out = reconcileText('a: 1\nb: 2', 'yaml', { a: 1, b: 2, c: 3 });
    expect(out).toBe('a: 1\nb: 2\nc: 3\n');
  });

  it('an emptied map becomes {} rather than losing its key', () => {
    const out = reconcileText('a:\n  b: 1\nc: 2\n', 'yaml', { a: {}, c: 2 });
    expect(value(out)).toEqual({ a: {}, c: 2 });
  });
});

describe('reconcileText: what the review found (BOM, CRLF, aliases, prototype-named keys)', () => {
  it('a file with a byte-order mark keeps it, and new root keys go to column 0', () => {
    const out = reconcileText('\uFEFFa: 1\nb: x\n', 'yaml', { a: 2, b: 'x', c: 1 });
    expect(out).toBe('\uFEFFa: 2\nb: x\nc: 1\n');
    expect(value(out.slice(1))).toEqual({ a: 2, b: 'x', c: 1 });
  });

  it('a CRLF file gets CRLF in what is written', () => {
    const out = reconcileText('a:\r\n  b: 1\r\nc: 2\r\n', 'yaml', { a: { b: 1, d: { e: 1 } }, c: 2 });
    expect(out).toBe('a:\r\n  b: 1\r\n  d:\r\n    e: 1\r\nc: 2\r\n');
  });

  it('an alias equals what it points to: an unchanged document keeps its anchors and aliases', () => {
    const text = 'x: &a\n  k: 1\ny: *a\n';
    expect(reconcileText(text, 'yaml', value(text))).toBe(text);
  });

  it('keys named like Object.prototype members are ordinary keys', () => {
    expect(value(reconcileText('constructor: 1\na: 1\n', 'yaml', { a: 1 }))).toEqual({ a: 1 });
    expect(JSON.parse(reconcileText('{"constructor": 1, "a": 1}', 'json', { a: 1 }))).toEqual({ a: 1 });
  });
});

describe('reconcileText (JSON)', () => {
  it('keeps the order of existing keys and the file indentation', () => {
    const text = '{\n    "z": 1,\n    "a": {"k": 1}\n}\n';
    const out = reconcileText(text, 'json', { a: { k: 2, n: 3 }, z: 1 });
    expect(out).toBe('{\n    "z": 1,\n    "a": {\n        "k": 2,\n        "n": 3\n    }\n}\n');
  });
});

describe('reconcileText under generated changes', () => {
  const bases = ['examples/full-featured.yaml', 'serve/auth/auth.yaml'].map((f) =>
    readFileSync(new URL(`../../../fixtures/${f}`, import.meta.url), 'utf8'),
  );
  const json = fc.jsonValue({ maxDepth: 3 });

  /** Every path to a map entry in a value (key lists). */
  function entries(v: unknown, at: string[] = [], out: string[][] = []): string[][] {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
    for (const [k, x] of Object.entries(v)) {
      out.push([...at, k]);
      entries(x, [...at, k], out);
    }
    return out;
  }

  it('the result always parses to exactly the target value (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases, TEXT),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'add'), json), { minLength: 1, maxLength: 6 }),
        (base, changes) => {
          const original = value(base);
          const all = entries(original);
          const next = clone(original) as Record<string, unknown>;
          for (const [where, op, v] of changes) {
            const path = all[where % all.length] ?? [];
            let holder: Record<string, unknown> = next;
            for (const k of path.slice(0, -1)) {
              const child = holder[k];
              if (typeof child !== 'object' || child === null || Array.isArray(child)) return;
              holder = child as Record<string, unknown>;
            }
            const last = path[path.length - 1] as string;
            if (op === 'delete') delete holder[last];
            else if (op === 'set') holder[last] = v;
            else holder[`${last}_new`] = v;
          }
          const out = reconcileText(base, 'yaml', next);
          expect(value(out)).toEqual(next);
        },
      ),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 150),
        ...(process.env.FUZZ_SEED === 'random' ? {} : { seed: Number(process.env.FUZZ_SEED ?? 20261122) }),
      },
    );
  });
});
