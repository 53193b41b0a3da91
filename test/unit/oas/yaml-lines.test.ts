/**
 * The line reader (src/oas/yaml-lines.ts) against the js-yaml path: on each construct it reads, the same value
 * and the same span for every pointer; on everything else it gives up, and the full reader (yaml-scan.ts) or
 * js-yaml answers as before. The generated bench file is read by it, not handed on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/oas/yaml-lines.js';
import { linesVerdict, yamlVerdict } from './scan-oracle.js';

const READS: Record<string, string> = {
  'block mapping': 'a: 1\nb: two\nc:\n  d: x\n  e: y\n',
  'block sequence, also at the key indentation': 'a:\n  - 1\n  - 2\nb:\n- x\n- y\nc: 3\n',
  'sequence of mappings': 'a:\n  - name: id\n    in: path\n  - name: q\n    in: query\n',
  'mapping in an entry, nested below its key': 'a:\n  - b:\n      c: 1\n    d:\n    - e\n',
  'null values': 'a:\nb: ~\nc: null\nd:\n  e:\nf: NULL\n',
  'null value at the end, no line break': 'a: 1\nb:',
  'core schema scalars': 'a: true\nb: False\nc: -0\nd: 0x1F\ne: 0o17\nf: 1_000\ng: .inf\nh: .NaN\ni: 1e999\nj: -0.0\n',
  'keys the way js-yaml makes them': '1: a\n1.5: b\n0x10: c\ntrue: d\nnull: e\n~x: f\n-0.0: h\n',
  'keys that are array indices': 'r:\n  "200": a\n  4294967290: b\n  "0": c\n  404: d\n  01: e\n',
  'quoted keys and values': '"a b": \'c d\'\n"": empty\n"200":\n  description: ok\nq: \'{"x": 1}\'\n',
  'plain scalars with indicators inside': 'a: b:c\nb: x#y\nc: -1\nd: ?x\ne: a - b\nf: "#"\ng: a]b\nh: x :y\n',
  comments: '# head\na: 1 # one\n# between\nb:   # none\n  c: 2\n  # trailing\n      # deeper\nd: 3 #\n',
  'empty flow collections': 'a: []\nb: {}\nc:\n  - []\n  - {}\n  - x: []\n',
  'spaces before the colon and at line ends': 'a  : 1   \nb:  \n  - x  \n',
  BOM: '\uFEFFa: 1\nb:\n  c: 2\n',
  'indented document': '  a: 1\n  b: 2\n',
  'root sequence': '- a\n- b: c\n  d: e\n-   f: g\n',
  'unicode and special keys': 'é: ü\nconstructor: c\n中文: "x"\n__proto__: p\n',
  'comments and blank lines at the end': 'a:\n  b: 1\n\n# end\n  \n',
  // Nodes handed to the full reader, the lines read on after them:
  'block scalars': 'a: |\n  one\n\n  two\nb: >-\n  x\n  # not a comment\n# a comment\nc:\n  - |+\n    y\n\n  - z\nd: |',
  'flow collections': 'a: [1, {b: c}] # note\nd:\n  - {name: id, in: path}\n  - [x,\n     y]\ne: {f: [g]}#c\nh: 1\n',
  'quoted scalars with escapes or breaks': 'a: "x\\ty"\nb: \'it\'\'s\'\nc: "one\n  two"\nd:\n  - "\\u00e9"\n',
  'a mapping in an entry whose first key has an escape': 'a:\n  - "k\\x41": 1\n    l: 2\n  - m\n',
};

const GIVES_UP: Record<string, string> = {
  CRLF: 'a: 1\r\nb: 2\r\n',
  'multi-line plain scalar': 'a: one\n  two\n',
  'tab as separation': 'a:\tb\n',
  'tab in indentation': 'a:\n\tb: 1\n',
  anchor: 'a: &x 1\n',
  tag: 'a: !!str 1\n',
  'document start': '---\na: 1\n',
  'content right after --- at the start': '---a: 1\n',
  'document end': 'a: 1\n...\n',
  'duplicate key': 'a: 1\na: 2\n',
  'duplicate key after resolution': '1: a\n1.0: b\n',
  'bad indentation': 'a: 1\n  b: 2\n',
  'entry with its node on the next line': 'a:\n  -\n    b: 1\n',
  'nested compact sequence': '- - 1\n',
  'scalar root': 'just text\n',
  'explicit key': '? a\n: 1\n',
  'two keys on a line': 'a: b: c\n',
  'BOM past the start': 'a: \uFEFF\n',
};

describe('yaml-lines: constructs it reads', () => {
  it.each(Object.entries(READS))('%s', (_name, text) => {
    expect(linesVerdict(text)).toBe('agree');
  });

  it('reads the generated bench file', () => {
    const text = readFileSync(new URL('../../../fixtures/generated/apis-500.yaml', import.meta.url), 'utf8');
    expect(linesVerdict(text)).toBe('agree');
  });
});

describe('yaml-lines: constructs it leaves to the full reader', () => {
  it.each(Object.entries(GIVES_UP))('%s', (_name, text) => {
    expect(readLines(text)).toBeUndefined();
    expect(['agree', 'gave up']).toContain(yamlVerdict(text));
  });
});
