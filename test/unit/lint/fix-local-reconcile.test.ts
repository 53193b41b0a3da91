/**
 * local-reconcile.ts writes fixed data entry by entry: every text it writes must be byte for byte what authoring's
 * reconcileText writes for the whole text, and where it cannot be sure it must leave the text to that path
 * (undefined). Each case changes a copy of the text's data and compares the two.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileLocally } from '../../../src/lint/fix/local-reconcile.js';
import { readSource } from '../../../src/lint/fix/source.js';
import { dataOf } from '../../../src/workspace/authoring/data-edit.js';
import { reconcileText } from '../../../src/workspace/authoring/reconcile.js';

type Obj = Record<string, unknown>;

/** The local result and the whole-text one, for the data `change` leaves. */
function both(text: string, change: (root: Obj) => void): { local: string | undefined; whole: string } {
  const source = readSource(text, 'yaml');
  const next = structuredClone(dataOf(text, 'yaml')) as Obj;
  change(next);
  return { local: reconcileLocally(source, next), whole: reconcileText(text, 'yaml', next) };
}

const SPEC = `swagger: "2.0"
info:
  title: shop   # the shop's API
  version: "1"
paths:
  /users:
    get:
      operationId: list_users
      x-apigateway-cors: true
      responses:
        "404":
          description: none
        "200":
          description: ok
      # about the backend
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: { address: example.com, scheme: http, method: GET, path: /users, timeout: 5000 }

    # a comment below the operation

  /orders/{id}:
    post:
      operationId: order
      description: |
        Places an order.
          Indented line.

      parameters:
        - name: id
          in: path
          type: string
      responses:
        default:
          description: ok
  /last:
    get:
      operationId: last
      responses: {}
definitions:
  Thing:
    type: object
`;

const paths = (root: Obj): Obj => root.paths as Obj;
const op = (root: Obj, path: string, method: string): Obj => (paths(root)[path] as Obj)[method] as Obj;

describe('reconcileLocally', () => {
  const cases: Array<[string, (root: Obj) => void]> = [
    ['adds an operation to a Path Item', (r) => void ((paths(r)['/users'] as Obj).options = { responses: {} })],
    ['sets a scalar deep down', (r) => void (op(r, '/users', 'get').operationId = 'users')],
    [
      'sets a value in a flow map',
      (r) => {
        const be = op(r, '/users', 'get')['x-apigateway-backend'] as Obj;
        (be.httpEndpoints as Obj).scheme = 'https';
      },
    ],
    [
      'adds to a list',
      (r) => {
        (op(r, '/orders/{id}', 'post').parameters as unknown[]).push({ name: 'q', in: 'query', type: 'string' });
      },
    ],
    [
      'changes a list entry',
      (r) => {
        ((op(r, '/orders/{id}', 'post').parameters as Obj[])[0] as Obj).required = true;
      },
    ],
    [
      'changes the last Path Item of the file',
      (r) => void (op(r, '/last', 'get').responses = { '200': { description: 'ok' } }),
    ],
    [
      'changes an entry with numeric keys',
      (r) => {
        ((op(r, '/users', 'get').responses as Obj)['404'] as Obj).description = 'not found';
      },
    ],
    ['changes a block scalar', (r) => void (op(r, '/orders/{id}', 'post').description = 'Places one order.\n')],
    ['removes a key', (r) => void delete op(r, '/users', 'get')['x-apigateway-cors']],
    ['changes a root entry', (r) => void ((r.info as Obj).title = 'store')],
    ['adds a key to the root', (r) => void (r.host = 'example.com')],
    [
      'adds keys to a map whose last entry changes too',
      (r) => {
        const get = op(r, '/users', 'get');
        (get['x-apigateway-backend'] as Obj).type = 'MOCK';
        get.summary = 'users';
        get.tags = ['a', 'b'];
      },
    ],
    [
      'changes several places',
      (r) => {
        (paths(r)['/users'] as Obj).options = { responses: {} };
        (paths(r)['/orders/{id}'] as Obj).options = { responses: {} };
        (paths(r)['/last'] as Obj).options = { responses: {} };
        ((r.definitions as Obj).Thing as Obj).type = 'string';
      },
    ],
  ];
  for (const [name, change] of cases)
    it(`${name}: the same bytes as the whole-file reconcile`, () => {
      const { local, whole } = both(SPEC, change);
      expect(local).toBeDefined();
      expect(local).toBe(whole);
    });

  it('keeps a key named like its stand-ins', () => {
    const text = 'a:\n  _z:\n    b: 1\n  _0:\n    c: 2\n';
    const { local, whole } = both(text, (r) => {
      ((r.a as Obj)._z as Obj).b = 3;
      ((r.a as Obj)._0 as Obj).c = 4;
    });
    expect(local).toBe(whole);
  });

  it('an indentation of 4: the same bytes', () => {
    const text = 'paths:\n    /a:\n        get:\n            x: 1\n';
    const { local, whole } = both(text, (r) => void ((paths(r)['/a'] as Obj).post = { y: [1, 2] }));
    expect(local).toBeDefined();
    expect(local).toBe(whole);
  });

  it('a file without a final line break, changed at its end: left to the whole-file path or the same', () => {
    const text = 'paths:\n  /a:\n    get:\n      x: 1';
    const { local, whole } = both(text, (r) => void (((paths(r)['/a'] as Obj).get as Obj).x = 2));
    expect(local === undefined || local === whole).toBe(true);
  });

  it('leaves what it cannot be sure of to the whole-file path', () => {
    // Aliases: a change may reach the places that share the node.
    expect(both('defs:\n  a: &x\n    k: 1\nuse:\n  b: *x\n', (r) => void ((r.use as Obj).c = 1)).local).toBeUndefined();
    // CRLF line breaks.
    expect(both('a:\r\n  b: 1\r\n', (r) => void ((r.a as Obj).b = 2)).local).toBeUndefined();
    // A key of the root removed.
    expect(both(SPEC, (r) => void delete r.definitions).local).toBeUndefined();
    // Two entries whose edits meet at one offset: the next entry replaced where the one before it ends.
    const adjacent = 'a:\n  b:\n    x: 1\n  c:\n    y: 1\n';
    const meet = both(adjacent, (r) => {
      ((r.a as Obj).b as Obj).z = 2;
      (r.a as Obj).c = 'scalar';
    });
    expect(meet.local === undefined || meet.local === meet.whole).toBe(true);
  });
});

/** A small seeded generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every map and list in the data, with the way to it. */
function holders(v: unknown, out: Array<Obj | unknown[]> = []): Array<Obj | unknown[]> {
  if (Array.isArray(v)) {
    out.push(v);
    for (const x of v) holders(x, out);
  } else if (v !== null && typeof v === 'object') {
    out.push(v as Obj);
    for (const x of Object.values(v)) holders(x, out);
  }
  return out;
}

/** One to three random changes: a value set, a key added or removed, a list entry added or removed. */
function mutate(root: Obj, next: () => number): void {
  const all = holders(root).slice(1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const values = ['x', 42, true, null, { a: 1 }, [1, 'two'], 'multi\nline\n', { nested: { deep: [{ k: 'v' }] } }];
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
    const h = pick(all);
    const what = next();
    if (Array.isArray(h)) {
      if (what < 0.4 && h.length > 0) h.splice(Math.floor(next() * h.length), 1);
      else if (what < 0.7) h.push(pick(values));
      else if (h.length > 0) h[Math.floor(next() * h.length)] = pick(values);
    } else {
      const keys = Object.keys(h);
      if (what < 0.25 && keys.length > 1) delete h[pick(keys)];
      else if (what < 0.5) h[`k${Math.floor(next() * 5)}`] = pick(values);
      else if (keys.length > 0) h[pick(keys)] = pick(values);
    }
  }
}

describe('reconcileLocally on random changes', () => {
  const texts: Array<[string, string]> = [
    ['the spec above', SPEC],
    [
      'a Huawei example',
      readFileSync(join(import.meta.dirname, '../../../fixtures/huawei-docs/full-featured.yaml'), 'utf8'),
    ],
  ];
  for (const [name, text] of texts)
    it(`${name}: the same bytes as the whole-file reconcile, or left to it`, () => {
      const next = random(17);
      let local = 0;
      for (let i = 0; i < 150; i++) {
        const source = readSource(text, 'yaml');
        const data = structuredClone(dataOf(text, 'yaml')) as Obj;
        mutate(data, next);
        let whole: string | undefined;
        try {
          whole = reconcileText(text, 'yaml', data);
        } catch {
          whole = undefined;
        }
        const got = reconcileLocally(source, data);
        if (got === undefined) continue;
        local++;
        expect({ case: i, text: got }).toEqual({ case: i, text: whole });
      }
      expect(local).toBeGreaterThan(50);
    });
});
