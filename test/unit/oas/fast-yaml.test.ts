/** The js-yaml fast path must agree with the `yaml` parse tree: same value, same start of every node. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../../src/oas/fast-yaml.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    // fixtures/**/invalid/: documents that are invalid on purpose (Huawei's own broken examples, say).
    if (statSync(p).isDirectory()) return n === 'invalid' ? [] : files(p);
    return /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });

/** Every pointer of the yaml tree with its start offset. */
function starts(node: Node | null | undefined, segs: string[], out: Array<[string[], number]>): void {
  if (!node) return;
  if (node.range) out.push([segs, node.range[0]]);
  if (isMap(node))
    for (const p of node.items) starts(p.value as Node, [...segs, String(isScalar(p.key) ? p.key.value : p.key)], out);
  else if (isSeq(node)) for (const [i, n] of node.items.entries()) starts(n as Node, [...segs, String(i)], out);
}

describe('fast YAML path', () => {
  it.each(files(FIXTURES).map((f) => [f.slice(FIXTURES.length), f]))(
    '%s agrees with the yaml parse tree',
    (_n, file) => {
      const text = readFileSync(file, 'utf8');
      const fast = fastParse(text);
      expect(fast).toBeDefined();
      if (!fast || !('value' in fast)) throw new Error(`${file}: the fast path gave up`);
      const doc = parseDocument(text, { lineCounter: new LineCounter() });
      expect(fast.value).toEqual(doc.toJS());
      const all: Array<[string[], number]> = [];
      starts(doc.contents as Node, [], all);
      for (const [segs, start] of all) {
        // A null value has no node of its own in js-yaml's events; its span is the key's neighbour.
        if (segs.length > 0 && doc.getIn(segs) === null) continue;
        expect([segs.join('/'), fast.spanOf(segs).start]).toEqual([segs.join('/'), start]);
      }
    },
  );

  it('gives up on aliases of collections, and stops at the first parse error', () => {
    expect(fastParse('a: &x [1]\nb: *x\n')).toBeUndefined();
    expect(fastParse('a: &x {k: 1}\nb: *x\n')).toBeUndefined();
    expect(fastParse('a: [1, 2\n')).toHaveProperty('error');
    expect(fastParse('a: 1\na: 2\n')).toMatchObject({ error: { reason: 'duplicated mapping key', offset: 5 } });
  });
});
