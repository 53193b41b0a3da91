import { describe, expect, it } from 'vitest';
import { bool, csv, int, list, oneOf, str, stringOrList, type DecodeCtx } from '../../../src/oas/codec.js';
import { object, opt, orderEntries, req } from '../../../src/oas/object-codec.js';
import type { Kept } from '../../../src/core/kept.js';

const ctx = (): DecodeCtx => ({ source: 't.yaml', diagnostics: [] });

describe('scalar codecs', () => {
  it('accept documented variants and report the rest', () => {
    const c = ctx();
    expect(int.decode('200', '/a', c)).toBe(200);
    expect(int.decode(1.5, '/b', c)).toBeUndefined();
    expect(bool.decode('true', '/c', c)).toBe(true);
    expect(oneOf(['http', 'https'] as const).decode('HTTPS', '/d', c)).toBe('https');
    expect(oneOf(['exact', 'enum'] as const, { equal: 'exact' }).decode('equal', '/e', c)).toBe('exact');
    expect(oneOf(['SWA', 'NORMAL'] as const).decode('FOO', '/f', c)).toBeUndefined();
    expect(c.diagnostics.map((d) => d.path)).toEqual(['/b', '/f']);
    expect(c.diagnostics[1]?.message).toContain('must be one of SWA, NORMAL, got "FOO"');
  });

  it('stringOrList and csv encode canonically', () => {
    expect(stringOrList.decode('a:1', '', ctx())).toEqual(['a:1']);
    expect(stringOrList.encode(['a:1'])).toBe('a:1');
    expect(stringOrList.encode(['a', 'b'])).toEqual(['a', 'b']);
    expect(csv.decode('1.1.1.1, 2.2.2.0/24,', '', ctx())).toEqual(['1.1.1.1', '2.2.2.0/24']);
    expect(list(str).decode('x', '/l', ctx())).toBeUndefined();
  });
});

interface Thing extends Kept {
  name: string;
  size?: number;
  mode?: 'a' | 'b';
}
const thing = object<Thing>({
  name: req('name', str, ['title']),
  size: opt('size', int),
  mode: opt('mode', oneOf(['a', 'b'] as const)),
});

describe('object codec', () => {
  it('round-trips written forms, aliases, unknown keys and order', () => {
    const raw = { 'x-note': 1, mode: 'A', title: 'n', size: '3' };
    const v = thing.decode(raw, '', ctx());
    expect(v).toMatchObject({ name: 'n', size: 3, mode: 'a' });
    const back = thing.encode(v as Thing);
    expect(back).toEqual(raw);
    expect(Object.keys(back as object)).toEqual(Object.keys(raw));
  });

  it('writes the canonical form once a value changes', () => {
    const v = thing.decode({ name: 'n', size: '3' }, '', ctx()) as Thing;
    expect(thing.encode({ ...v, size: 4 })).toEqual({ name: 'n', size: 4 });
  });

  it('reports a missing required property at the object', () => {
    const c = ctx();
    expect(thing.decode({ size: 1 }, '/x', c)).toBeUndefined();
    expect(c.diagnostics[0]).toMatchObject({ path: '/x', message: "object must have required property 'name'" });
  });

  it('orders new keys after the written ones', () => {
    expect(
      orderEntries(
        [
          ['c', 1],
          ['a', 2],
          ['b', 3],
        ],
        ['b', 'a'],
      ).map((e) => e[0]),
    ).toEqual(['b', 'a', 'c']);
  });
});
