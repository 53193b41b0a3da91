/** The nesting estimate (before the yaml package parses) agrees with js-yaml's count, and flags no real file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../../src/oas/fast-yaml.js';
import { MAX_NESTING, tooDeepAt } from '../../../src/oas/nesting.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });

const lines = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');
const SHAPES: Record<string, (n: number) => string> = {
  'block maps': (n) => `${lines(n, (i) => `${' '.repeat(i)}k${i}:`)}\n${' '.repeat(n)}v\n`,
  'compact sequences': (n) => `${'- '.repeat(n)}x\n`,
  'sequences on their own lines': (n) => `${lines(n, (i) => `${' '.repeat(2 * i)}-`)}\n${' '.repeat(2 * n)}x\n`,
  'sequences of maps': (n) => `${lines(n, (i) => `${' '.repeat(2 * i)}- k${i}:`)}\n${' '.repeat(2 * n)}v\n`,
  'flow sequences': (n) => `${'['.repeat(n)}${']'.repeat(n)}\n`,
  'JSON objects': (n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
};

/** The smallest n in [lo, hi] for which `deep(n)` holds. */
function firstDeep(lo: number, hi: number, deep: (n: number) => boolean): number | undefined {
  for (let n = lo; n <= hi; n++) if (deep(n)) return n;
  return undefined;
}

describe('nesting estimate', () => {
  it.each(Object.entries(SHAPES))('%s: refused from the same depth as the fast parser (±1)', (_name, shape) => {
    const slow = firstDeep(MAX_NESTING / 2 - 10, MAX_NESTING + 10, (n) => tooDeepAt(shape(n)) !== undefined);
    const fast = firstDeep(MAX_NESTING / 2 - 10, MAX_NESTING + 10, (n) => {
      const r = fastParse(shape(n));
      return r !== undefined && 'tooDeepAt' in r;
    });
    expect(slow).toBeDefined();
    expect(Math.abs((slow ?? 0) - (fast ?? 0))).toBeLessThanOrEqual(1);
  });

  it('block scalars, quoted and plain text, comments: no nesting', () => {
    const deepText = lines(400, (i) => `${' '.repeat(2 + i)}line`);
    for (const text of [
      `a: |\n${deepText}\nb: 1\n`,
      `a: >-\n${deepText}\n`,
      `a: first\n${deepText}\n`,
      `a: "${'[{'.repeat(500)}"\nb: '${'[{'.repeat(500)}'\n`,
      `a: x${'[{'.repeat(500)}\nb: /p/{id}/{x}\n`,
      `a: 1 # ${'[{'.repeat(500)}\n`,
    ])
      expect(tooDeepAt(text)).toBeUndefined();
  });

  it.each(files(FIXTURES).map((f) => [f.slice(FIXTURES.length), f]))('%s is not flagged', (_n, file) => {
    expect(tooDeepAt(readFileSync(file, 'utf8'))).toBeUndefined();
  });
});
