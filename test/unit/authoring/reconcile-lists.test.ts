/**
 * reconcileText with lists and flow collections (what apig remove, rename, publish and edit change): a list
 * item removed, appended or changed keeps the other items' bytes, and a flow map keeps its style; whatever the
 * change, the result parses to exactly the target.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reconcileText } from '../../../src/workspace/authoring/reconcile.js';

const APPS = `apps:
  # the shop's own app
  - name: app1
    key: k1 # rotated in May
    authorize: { RELEASE: ["*"], test: [getUser] }
  - name: app2
    key: k2
  - name: app3
    key: k3
`;

describe('reconcileText on lists', () => {
  it('removes one item: its lines go, the others keep their bytes and comments', () => {
    const next = parse(APPS) as { apps: unknown[] };
    next.apps.splice(1, 1);
    expect(reconcileText(APPS, 'yaml', next)).toBe(APPS.replace('  - name: app2\n    key: k2\n', ''));
  });

  it('changes a field of one item in place', () => {
    const next = parse(APPS) as { apps: Array<Record<string, unknown>> };
    (next.apps[2] as Record<string, unknown>).key = 'k9';
    expect(reconcileText(APPS, 'yaml', next)).toBe(APPS.replace('key: k3', 'key: k9'));
  });

  it('appends an item after the last', () => {
    const next = parse(APPS) as { apps: unknown[] };
    next.apps.push({ name: 'app4', key: 'k4' });
    expect(reconcileText(APPS, 'yaml', next)).toBe(`${APPS}  - name: app4\n    key: k4\n`);
  });

  it('a flow map keeps its style, and a quoted value its quotes', () => {
    const next = parse(APPS) as { apps: Array<{ authorize: Record<string, unknown> }> };
    (next.apps[0] as { authorize: Record<string, unknown> }).authorize = { RELEASE: ['*'] };
    expect(reconcileText(APPS, 'yaml', next)).toBe(
      APPS.replace('{ RELEASE: ["*"], test: [getUser] }', '{ RELEASE: ["*"] }'),
    );
    const text = 'vars: { backend: "127.0.0.1:9000", path: /v1 }\n';
    expect(reconcileText(text, 'yaml', { vars: { backend: '10.0.0.5:80', path: '/v1' } })).toBe(
      'vars: { backend: "10.0.0.5:80", path: /v1 }\n',
    );
  });

  it('whatever the list change, the result parses to exactly the target (fixed seed)', () => {
    const bases = [APPS, readFileSync(new URL('../../../fixtures/serve/auth/auth.yaml', import.meta.url), 'utf8')];
    /** Paths to every list in a value. */
    function lists(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
      if (Array.isArray(v)) {
        out.push(at);
        v.forEach((x, i) => {
          lists(x, [...at, i], out);
        });
      } else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) lists(x, [...at, k], out);
      return out;
    }
    const json = fc.jsonValue({ maxDepth: 2 });
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'push', 'set', 'field'), json), {
          minLength: 1,
          maxLength: 4,
        }),
        (base, changes) => {
          const next = parse(base) as unknown;
          for (const [where, index, op, v] of changes) {
            const all = lists(next);
            const path = all[where % Math.max(all.length, 1)];
            if (path === undefined) return;
            let list: unknown = next;
            for (const k of path) list = (list as Record<string | number, unknown>)[k];
            if (!Array.isArray(list)) return;
            const i = list.length === 0 ? 0 : index % list.length;
            if (op === 'drop') list.splice(i, 1);
            else if (op === 'push') list.push(v);
            else if (op === 'set') list[i] = v;
            else if (typeof list[i] === 'object' && list[i] !== null && !Array.isArray(list[i]))
              (list[i] as Record<string, unknown>).field = v;
          }
          expect(parse(reconcileText(base, 'yaml', next))).toEqual(next);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20261206) },
    );
  });
});
