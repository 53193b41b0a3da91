/**
 * The single-pass YAML reader (src/oas/yaml-scan.ts) against the js-yaml path it stands in for: on each
 * construct it reads, the same value and the same span for every pointer; on each it does not, it gives up
 * (and the js-yaml path answers as before). Every YAML and JSON file under fixtures/ and test/ is checked too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/oas/source.js';
import { scanYaml } from '../../../src/oas/yaml-scan.js';
import { jsonVerdict, yamlVerdict } from './scan-oracle.js';

const READ: Record<string, string> = {
  'block mapping': 'a: 1\nb: two\nc:\n  d: x\n  e: y\n',
  'block sequence, also at the key indentation': 'a:\n  - 1\n  - 2\nb:\n- x\n- y\nc: 3\n',
  'sequence of mappings': 'a:\n  - name: id\n    in: path\n  - name: q\n    in: query\n',
  'compact nested sequences': 'a:\n  - - 1\n    - 2\n  - - 3\n',
  'null values': 'a:\nb: ~\nc: null\nd:\n  e:\nf: NULL\n',
  'null value at the end, no line break': 'a: 1\nb:',
  'core schema booleans': 'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: yes\nh: on\ni: tRUE\n',
  'core schema integers':
    'a: 0\nb: -0\nc: +12\nd: 0x1F\ne: 0o17\nf: 0b101\ng: 012\nh: 1_000\ni: 0x\nj: 99999999999999999999\n',
  'core schema floats':
    'a: 1.5\nb: .5\nc: 1e3\nd: -1.5E-3\ne: .inf\nf: -.Inf\ng: +.INF\nh: .nan\ni: .NaN\nj: 1.\nk: 1e999\nl: -0.0\n',
  'keys the way js-yaml makes them': '1: a\n1.5: b\n0x10: c\ntrue: d\nnull: e\n~x: f\n.inf: g\n-0.0: h\n',
  'keys that are array indices':
    'r:\n  "200": a\n  4294967290: b\n  "0": c\n  404: d\n  01: e\nq: {4294967290: x, 7: y}\n',
  'quoted keys and values': '"a b": \'c d\'\n\'it\'\'s\': "x\\ty"\n"": empty\n"200":\n  description: ok\n',
  'double-quoted escapes': 'a: "\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600"\n',
  'multi-line quoted scalars': 'a: "one\n  two\n\n  three"\nb: \'x\n  y\'\nc: "end \\\n  joined"\n',
  'multi-line plain scalars': 'a: one\n  two\n\n  three\nb:\n  four\n  five\n',
  'plain scalars with indicators inside': 'a: b:c\nb: x#y\nc: -1\nd: ?x\ne: a - b\nf: "#"\ng: a]b\n',
  comments: '# head\na: 1 # one\n# between\nb:   # none\n  c: 2\n  # trailing\nd: 3\n',
  'literal block scalars': 'a: |\n  one\n    two\n\n  three\nb: |-\n  x\nc: |+\n  y\n\nd: |2\n   z\n',
  'folded block scalars': 'a: >\n  one\n  two\n\n  three\n    more\n  four\nb: >-\n  x\n  y\nc: >+\n  z\n\n',
  'block scalar at the end': 'a: |\n  text',
  'flow sequences and mappings': 'a: [1, two, "3", {b: c}]\nd: {e: [], f: {}, g: ~, h: }\ni: [ ]\nj: [a, ]\n',
  'flow collections over lines': 'a: [\n  1,\n  2\n]\nb: {\n  c: d, # note\n  e: f\n}\n',
  'flow collections as items and as values on the next line': 'a:\n  - {name: id, in: path}\n  - [x]\nb:\n  [1, 2]\n',
  'JSON text': '{"swagger": "2.0", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}',
  'document start': '---\na: 1\n',
  'document start with a comment': '--- # c\na: 1\n',
  CRLF: 'a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  t\r\n',
  BOM: '\uFEFFa: 1\nb:\n  c: 2\n',
  'indented document': '  a: 1\n  b: 2\n',
  'root sequence': '- a\n- b: c\n',
  'unicode and special keys': 'é: ü\n"\\u00e9x": 中文\n__proto__: p\nconstructor: c\n😀: "😀"\n',
  'no line break at the end': 'a:\n  b: 1',
  'trailing spaces': 'a: 1   \nb:  \n  - x  \n',
  'tabs inside scalars': 'a: x\ty\nb: "x\ty"\n',
  'tabs as separation': 'a:\tb\nc: [1,\t2]\nd: {e:\t1}\nf:\n  - \tg\nh: i\t# note\n',
};

const GIVES_UP: Record<string, string> = {
  anchor: 'a: &x 1\nb: 2\n',
  alias: 'a: &x 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  'explicit key': '? a\n: 1\n',
  'complex key': '[a, b]: 1\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  'document end': 'a: 1\n...\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'duplicate key': 'a: 1\na: 2\n',
  'duplicate key after resolution': '1: a\n1.0: b\n',
  'bad indentation': 'a: 1\n  b: 2\n',
  'unclosed flow': 'a: [1, 2\n',
  'empty sequence entry': 'a:\n  -\n  - 1\n',
  'flow mapping key without value': 'a: {b, c: 1}\n',
  'pair in a flow sequence': 'a: [b: 1]\n',
  'scalar root': 'just text\n',
  'content on the --- line': '--- a\n',
  'flow collection followed by text': 'g: [a]b\n',
  'non-printable character': 'a: b\u0001c\n',
  'unpaired surrogate': 'a: b\uD800c\n',
  'unknown escape': 'a: "\\q"\n',
};

describe('yaml-scan: constructs it reads', () => {
  it.each(Object.entries(READ))('%s', (_name, text) => {
    expect(yamlVerdict(text)).toBe('agree');
  });
});

describe('yaml-scan: constructs it gives up on', () => {
  it.each(Object.entries(GIVES_UP))('%s', (_name, text) => {
    expect(scanYaml(text)).toBeUndefined();
    expect(yamlVerdict(text)).toBe('gave up');
  });

  it('gives up past the nesting the js-yaml path words a diagnostic for', () => {
    const deep = Array.from({ length: 250 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    expect(scanYaml(deep)).toBeUndefined();
    const deepest = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    expect(yamlVerdict(deepest)).toBe('agree');
    const flow = `a: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    expect(scanYaml(flow)).toBeUndefined();
    const diag = parseSource('deep.yaml', flow).diagnostics[0];
    expect(diag?.message).toContain('nests deeper than');
  });

  it('stops at the first problem of a large malformed file', () => {
    const junk = `a: 1\n${'b: [\n'.repeat(10)}${'x: y\n'.repeat(200_000)}`;
    expect(scanYaml(junk)).toBeUndefined();
  });
});

const ROOT = new URL('../../../', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'node_modules' ? [] : files(p);
    return /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });

describe('yaml-scan and json-spans on every YAML and JSON file of the repository', () => {
  it.each([...files(join(ROOT, 'fixtures')), ...files(join(ROOT, 'test'))].map((f) => [f.slice(ROOT.length), f]))(
    '%s',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(['agree', 'gave up']).toContain(yamlVerdict(text));
      if (file.endsWith('.json')) expect(['agree', 'gave up']).toContain(jsonVerdict(text));
    },
  );
});
