/**
 * Route precedence as a written contract (ruling 3; STYLE habit 7): every rule has a row, and a property
 * test checks that the trie always picks what the comparator (route-pattern.ts) ranks first.
 */
import { describe, expect, it } from 'vitest';
import type { ApiMethod, MatchMode } from '../../../src/core/model.js';
import { comparePrecedence, parsePattern } from '../../../src/gateway/compile/route-pattern.js';
import { Router } from '../../../src/gateway/compile/router.js';

type Def = [method: ApiMethod, path: string, mode: MatchMode];

function router(defs: Def[]): Router<string> {
  return new Router(defs.map(([m, p, mode]) => ({ pattern: parsePattern(p, m, mode), value: `${m} ${p} ${mode}` })));
}

function winner(defs: Def[], method: string, path: string): string {
  const m = router(defs).match(method, path);
  return m.kind === 'match' ? m.route.value : m.kind;
}

describe('route precedence (ruling 3)', () => {
  const documented: Def[] = [
    ['GET', '/a/b/c', 'NORMAL'],
    ['GET', '/a', 'SWA'],
    ['GET', '/a/b', 'SWA'],
  ];
  it.each([
    // The documented example: /a/b/c exact > /a/b prefix > /a prefix.
    ['exact before any prefix', documented, 'GET', '/a/b/c', 'GET /a/b/c NORMAL'],
    ['the longest prefix', documented, 'GET', '/a/b/c/d', 'GET /a/b SWA'],
    ['the shortest prefix last', documented, 'GET', '/a/x', 'GET /a SWA'],
    [
      'static before {param}',
      [
        ['GET', '/u/{id}', 'NORMAL'],
        ['GET', '/u/me', 'NORMAL'],
      ],
      'GET',
      '/u/me',
      'GET /u/me NORMAL',
    ],
    [
      '{param} before {param+}',
      [
        ['GET', '/f/{p+}', 'NORMAL'],
        ['GET', '/f/{n}', 'NORMAL'],
      ],
      'GET',
      '/f/x',
      'GET /f/{n} NORMAL',
    ],
    [
      '{param+} takes several segments',
      [
        ['GET', '/f/{p+}', 'NORMAL'],
        ['GET', '/f/{n}', 'NORMAL'],
      ],
      'GET',
      '/f/x/y',
      'GET /f/{p+} NORMAL',
    ],
    [
      'the leftmost difference decides',
      [
        ['GET', '/{a}/b/c', 'NORMAL'],
        ['GET', '/x/{b}/{c}', 'NORMAL'],
      ],
      'GET',
      '/x/b/c',
      'GET /x/{b}/{c} NORMAL',
    ],
    [
      'a specific method before ANY',
      [
        ['ANY', '/m', 'NORMAL'],
        ['GET', '/m', 'NORMAL'],
      ],
      'GET',
      '/m',
      'GET /m NORMAL',
    ],
    [
      'ANY for the other methods',
      [
        ['ANY', '/m', 'NORMAL'],
        ['GET', '/m', 'NORMAL'],
      ],
      'PATCH',
      '/m',
      'ANY /m NORMAL',
    ],
    [
      'the path before the method',
      [
        ['ANY', '/u/me', 'NORMAL'],
        ['GET', '/u/{id}', 'NORMAL'],
      ],
      'GET',
      '/u/me',
      'ANY /u/me NORMAL',
    ],
    [
      'a better path without the method gives way',
      [
        ['GET', '/u/me', 'NORMAL'],
        ['POST', '/u/{id}', 'NORMAL'],
      ],
      'POST',
      '/u/me',
      'POST /u/{id} NORMAL',
    ],
    [
      'among prefixes of equal length, static first',
      [
        ['GET', '/p/{x}', 'SWA'],
        ['GET', '/p/q', 'SWA'],
      ],
      'GET',
      '/p/q/r',
      'GET /p/q SWA',
    ],
    [
      'a longer prefix with a {param} beats a shorter static one',
      [
        ['GET', '/p/q', 'SWA'],
        ['GET', '/p/{x}/r', 'SWA'],
      ],
      'GET',
      '/p/q/r/s',
      'GET /p/{x}/r SWA',
    ],
    [
      'a prefix with a trailing slash is longer than without',
      [
        ['GET', '/t', 'SWA'],
        ['GET', '/t/', 'SWA'],
      ],
      'GET',
      '/t/x',
      'GET /t/ SWA',
    ],
    ['a prefix matches its own path', [['GET', '/t', 'SWA']], 'GET', '/t', 'GET /t SWA'],
    ['the root prefix matches everything', [['ANY', '/', 'SWA']], 'DELETE', '/any/thing', 'ANY / SWA'],
  ] as Array<[string, Def[], string, string, string]>)('%s', (_rule, defs, method, path, expected) => {
    expect(winner(defs, method, path)).toBe(expected);
  });

  it.each([
    ['whole segments only', [['GET', '/test/AA', 'SWA']], '/test/AACC'],
    ['a trailing-slash prefix needs the slash', [['GET', '/t/', 'SWA']], '/t'],
    ['the trailing slash is significant (exact)', [['GET', '/t', 'NORMAL']], '/t/'],
    ['the trailing slash is significant (exact, the other way)', [['GET', '/t/', 'NORMAL']], '/t'],
    ['case-sensitive', [['GET', '/Case', 'NORMAL']], '/case'],
    ['{param} needs a non-empty segment', [['GET', '/u/{id}', 'NORMAL']], '/u/'],
    ['{param+} needs a non-empty rest', [['GET', '/f/{p+}', 'NORMAL']], '/f/'],
  ] as Array<[string, Def[], string]>)('no match: %s', (_rule, defs, path) => {
    expect(winner(defs, 'GET', path)).toBe('none');
  });

  it('tells a path that exists for another method apart from no path at all', () => {
    expect(winner([['POST', '/p', 'NORMAL']], 'GET', '/p')).toBe('method');
    expect(winner([['POST', '/p', 'SWA']], 'GET', '/p/x')).toBe('method');
  });

  it('captures parameters (decoded) and the prefix remainder (raw)', () => {
    const r = router([
      ['GET', '/u/{id}/f/{rest+}', 'NORMAL'],
      ['GET', '/test/', 'SWA'],
      ['GET', '/seg/AA', 'SWA'],
    ]);
    expect(r.match('GET', '/u/a%20b/f/x/y%2Fz')).toMatchObject({ params: { id: 'a b', rest: 'x/y/z' }, remainder: '' });
    expect(r.match('GET', '/test/AA/C%20C')).toMatchObject({ remainder: 'AA/C%20C' });
    expect(r.match('GET', '/test/')).toMatchObject({ remainder: '' });
    expect(r.match('GET', '/seg/AA/CC')).toMatchObject({ remainder: '/CC' });
    expect(r.match('GET', '/seg/AA')).toMatchObject({ remainder: '' });
  });

  it('refuses two APIs with the same method, path shape and match mode, naming both', () => {
    const r = router([
      ['GET', '/u/{id}', 'NORMAL'],
      ['GET', '/u/{name}', 'NORMAL'],
      ['GET', '/u/{name}', 'SWA'],
      ['POST', '/u/{name}', 'NORMAL'],
    ]);
    expect(r.conflicts.map((c) => [c.first.value, c.second.value])).toEqual([
      ['GET /u/{id} NORMAL', 'GET /u/{name} NORMAL'],
    ]);
  });
});

describe('the trie agrees with the precedence comparator', () => {
  // A small deterministic generator: routes and requests over a tiny alphabet collide often.
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)] as T;
  const SEGMENTS = ['a', 'b', '{x}', '{y}'];
  const METHODS: ApiMethod[] = ['GET', 'POST', 'ANY'];

  it('on 300 random tables of 12 routes, for 40 requests each', () => {
    for (let t = 0; t < 300; t++) {
      const defs: Def[] = [];
      for (let i = 0; i < 12; i++) {
        const segs = Array.from({ length: 1 + rand(3) }, () => pick(SEGMENTS));
        const mode: MatchMode = rand(3) === 0 ? 'SWA' : 'NORMAL';
        if (mode === 'NORMAL' && rand(4) === 0) segs[segs.length - 1] = '{g+}';
        defs.push([pick(METHODS), `/${segs.join('/')}${mode === 'SWA' && rand(4) === 0 ? '/' : ''}`, mode]);
      }
      const r = router(defs);
      for (let q = 0; q < 40; q++) {
        const path = `/${Array.from({ length: 1 + rand(4) }, () => pick(['a', 'b', 'c', ''])).join('/')}`;
        const method = pick(['GET', 'POST', 'PUT']);
        const best = r.candidates(method, path)[0];
        const got = r.match(method, path);
        expect(got.kind === 'match' ? got.route.value : undefined, `${method} ${path} in ${JSON.stringify(defs)}`).toBe(
          best?.value,
        );
      }
    }
  });

  it("the comparator is a strict order on one request's candidates", () => {
    const a = parsePattern('/x/{y}', 'GET', 'NORMAL');
    const b = parsePattern('/x/y', 'ANY', 'NORMAL');
    expect(comparePrecedence(b, a)).toBeLessThan(0);
    expect(comparePrecedence(a, b)).toBeGreaterThan(0);
  });
});
