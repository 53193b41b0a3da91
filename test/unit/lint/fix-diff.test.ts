/**
 * lint/fix/diff.ts: the unified diff of --fix-dry-run, in authoring's format (cli/authoring/diff.ts), from Myers'
 * algorithm: as short as authoring's table of common subsequences, and it stays small where fixes are spread over
 * a large file (a table would be lines × lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOps, unifiedDiff } from '../../../src/core/line-diff.js';
import { lineOps as tableOps, unifiedDiff as authoringDiff } from './lcs-oracle.js';

const sides = (ops: ReturnType<typeof lineOps>) => ({
  before: ops.filter((o) => o.kind !== '+').map((o) => o.line),
  after: ops.filter((o) => o.kind !== '-').map((o) => o.line),
});
const lines = (t: string): string[] => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));

describe('unifiedDiff', () => {
  it('writes what authoring writes', () => {
    const before = 'a: 1\nb: HTTPS\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: "10"\n';
    const after = 'a: 1\nb: https\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: 10\nk: 11\n';
    expect(unifiedDiff('api.yaml', before, after)).toBe(authoringDiff('api.yaml', before, after));
    expect(unifiedDiff('api.yaml', before, after)).toBe(`--- api.yaml
+++ api.yaml
@@ -1,5 +1,5 @@
 a: 1
-b: HTTPS
+b: https
 c: 3
 d: 4
 e: 5
@@ -7,4 +7,5 @@
 g: 7
 h: 8
 i: 9
-j: "10"
+j: 10
+k: 11
`);
    expect(unifiedDiff('api.yaml', before, before)).toBe('');
  });

  it('keeps both texts and is as short as the table of common subsequences', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const ops = lineOps(before, after);
        expect(sides(ops)).toEqual({ before: lines(before), after: lines(after) });
        const changes = (o: ReturnType<typeof lineOps>) => o.filter((x) => x.kind !== ' ').length;
        expect(changes(ops)).toBe(changes(tableOps(before, after)));
      }),
      { numRuns: 300 },
    );
  });

  it('a fix on the first and the last of 200,000 lines: two hunks, at once', () => {
    const body = Array.from({ length: 200_000 }, (_, i) => `  k${i}: v${i}`);
    const before = ['scheme: HTTPS', ...body, 'timeout: "5000"'].join('\n');
    const after = ['scheme: https', ...body, 'timeout: 5000'].join('\n');
    const diff = unifiedDiff('big.yaml', before, after);
    expect(diff.match(/^@@ /gm)).toHaveLength(2);
    expect(diff).toContain(
      '@@ -199999,4 +199999,4 @@\n   k199997: v199997\n   k199998: v199998\n   k199999: v199999\n' +
        '-timeout: "5000"\n+timeout: 5000\n',
    );
  });
});
