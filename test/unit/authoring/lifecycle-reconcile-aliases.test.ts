/**
 * reconcileText with YAML anchors and aliases: an edit that reaches an anchored node gives its aliases their own
 * copy first, so that only the edited place changes; whatever the change, the result reads back as the target or
 * the change is refused (never written with other places changed through an alias). And the one-line flow
 * rendering those copies and flow edits use reads back as what it renders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ApigError } from '../../../src/core/errors.js';
import { reconcileText } from '../../../src/workspace/authoring/reconcile.js';
import { oneLineFlow } from '../../../src/workspace/authoring/reconcile-render.js';

const TEXT = `defaults: &d
  timeout: &t 5000
  scheme: http
a:
  backend: *d
  list:
    - &item { name: x, value: 1 }
    - *item
b:
  backend: { inline: *d }
  timeout: *t
  items: [*item, { name: y }]
`;

// A copy: `parse` gives an alias the very object of its anchor (so would structuredClone), which shares every change.
const value = (text: string): Record<string, unknown> =>
  JSON.parse(JSON.stringify(parse(text))) as Record<string, unknown>;

describe('reconcileText and anchors', () => {
  it('an edit of an anchored map: its aliases, and those of a scalar anchored in it, keep the old value', () => {
    const next = value(TEXT);
    (next.defaults as Record<string, unknown>).timeout = 8000;
    const out = reconcileText(TEXT, 'yaml', next);
    expect(value(out)).toEqual(next);
    expect(out).toContain('defaults: &d\n  timeout: &t 8000\n');
    expect(out).toContain('b:\n  backend: { inline: { timeout: 5000, scheme: http } }\n  timeout: 5000\n');
  });

  it('an edit of an anchored list item', () => {
    const next = value(TEXT);
    ((next.a as Record<string, unknown[]>).list as Array<Record<string, unknown>>)[0] = { name: 'x', value: 2 };
    const out = reconcileText(TEXT, 'yaml', next);
    expect(value(out)).toEqual(next);
  });

  it('an anchor used as a key cannot be copied out: refused, not written wrong', () => {
    const text = 'k: &k key\nm:\n  *k : 1\n';
    expect(() => reconcileText(text, 'yaml', { k: 'other', m: { key: 1 } })).toThrow(ApigError);
  });

  it('whatever the change, the result reads back as the target, or the change is refused (fixed seed)', () => {
    const paths = [
      ['defaults', 'timeout'],
      ['defaults', 'scheme'],
      ['a', 'backend', 'timeout'],
      ['a', 'list', 0, 'value'],
      ['a', 'list', 1, 'name'],
      ['b', 'timeout'],
      ['b', 'backend', 'inline', 'scheme'],
      ['b', 'items', 0, 'value'],
    ] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(paths.length - 1), fc.oneof(fc.integer(), fc.string(), fc.constant(undefined))), {
          minLength: 1,
          maxLength: 4,
        }),
        (changes) => {
          const next = value(TEXT);
          for (const [i, v] of changes) {
            const path = paths[i] ?? paths[0];
            let holder = next as Record<string | number, unknown>;
            for (const k of path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
            const last = path[path.length - 1] as string | number;
            if (v === undefined && !Array.isArray(holder)) delete holder[last];
            else holder[last] = v ?? 0;
          }
          let out: string | undefined;
          try {
            out = reconcileText(TEXT, 'yaml', next);
          } catch (err) {
            expect(err).toBeInstanceOf(ApigError);
            return;
          }
          expect(value(out)).toEqual(next);
        },
      ),
      { numRuns: 200, seed: 20261215 },
    );
  });
});

describe('a value written on one line in flow style', () => {
  it('reads back as itself, whatever it holds (fixed seed)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const text = oneLineFlow(v);
        if (text === undefined) return;
        expect(text).not.toContain('\n');
        expect(parse(`k: ${text}\n`)).toEqual({ k: v });
      }),
      { numRuns: 500, seed: 20261215 },
    );
  });
});
