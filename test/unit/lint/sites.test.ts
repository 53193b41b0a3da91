/**
 * Helpers of the lint walk that were rewritten for speed keep their meaning: `pathParams` scans by hand what
 * the regular expression /\{([^{}]+?)\+?\}/g captured, and `suppressionFor` compares pointer strings where it
 * compared parsed segments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join, parsePointer } from '../../../src/core/pointer.js';
import { pathParams } from '../../../src/lint/sites.js';
import { type Suppression, suppressionFor } from '../../../src/lint/suppress.js';

const byRegex = (path: string): string[] => [...path.matchAll(/\{([^{}]+?)\+?\}/g)].map((m) => m[1] as string);

describe('pathParams', () => {
  it.each([
    ['/users/{id}', ['id']],
    ['/a/{p+}', ['p']],
    ['/a/{+}', ['+']],
    ['/a/{a++}', ['a+']],
    ['/{a}{b}', ['a', 'b']],
    ['/{{a}', ['a']],
    ['/{}/{x', []],
    ['/plain', []],
  ])('%s', (path, expected) => {
    expect(pathParams(path)).toEqual(expected);
    expect(byRegex(path)).toEqual(expected);
  });

  it('captures what the regular expression captures', () => {
    const path = fc.string({ unit: fc.constantFrom('{', '}', '+', 'a', 'b', '/', '-'), maxLength: 16 });
    fc.assert(
      fc.property(path, (p) => {
        expect(pathParams(p)).toEqual(byRegex(p));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });
});

describe('suppressionFor', () => {
  const bySegments = (list: readonly Suppression[], rule: string, path: string): Suppression | undefined => {
    const segs = parsePointer(path);
    return list.find((s) => s.rule === rule && parsePointer(s.scope).every((x, i) => segs[i] === x));
  };

  it('covers a pointer inside its scope and not one that only starts with the same characters', () => {
    const list: Suppression[] = [{ rule: 'api-name', reason: 'r', scope: join('', 'paths', '/a', 'get') }];
    expect(suppressionFor(list, 'api-name', '/paths/~1a/get/operationId')).toBe(list[0]);
    expect(suppressionFor(list, 'api-name', '/paths/~1a/get')).toBe(list[0]);
    expect(suppressionFor(list, 'api-name', '/paths/~1a/getx')).toBeUndefined();
    expect(suppressionFor(list, 'api-name', '/paths/~1a~1b/get')).toBeUndefined();
    expect(suppressionFor(list, 'security', '/paths/~1a/get')).toBeUndefined();
  });

  it('agrees with a comparison of parsed segments', () => {
    const seg = fc.constantFrom('paths', '/a', '/a/b', 'get', 'a~b', '~1', 'x', '');
    const pointer = fc.array(seg, { maxLength: 4 }).map((s) => join('', ...s));
    const rule = fc.constantFrom('api-name', 'security');
    const list = fc.array(fc.record({ rule, reason: fc.constant('r'), scope: pointer }), { maxLength: 3 });
    fc.assert(
      fc.property(list, rule, pointer, (l, r, p) => {
        expect(suppressionFor(l, r, p)).toBe(bySegments(l, r, p));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });
});
