/**
 * Differential property tests of the single-pass readers (src/oas/yaml-scan.ts, src/oas/json-spans.ts)
 * against the js-yaml path they stand in for (the oracle in test/unit/oas/scan-oracle.ts): generated YAML
 * documents in and around the subset the reader follows (every scalar style, tricky scalars, comments, flow
 * and block collections, CRLF, a BOM, `---`, then random edits that break or leave the subset), and generated
 * JSON (every indentation, with duplicate keys, `:` on a later line, -0, 1e999 put in). Each time the reader
 * either gives up or answers exactly as js-yaml does: the same value, the same span for every pointer.
 * Seeds as in importer-linter.property.test.ts (`FUZZ_SEED`, `FUZZ_RUNS`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonVerdict, linesVerdict, yamlVerdict } from '../unit/oas/scan-oracle.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261122);
const OPTIONS = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
});

const TRICKY = [
  '0o17',
  '1e3',
  '.5',
  'yes',
  'on',
  'off',
  '~',
  '-',
  ':',
  '#',
  '?',
  'a: b',
  'a #b',
  'a#b',
  '- a',
  '? a',
  ': a',
  '[a]',
  '{a: b}',
  'a, b',
  '*a',
  '&a',
  '!a',
  '%a',
  '@a',
  '`a',
  '|',
  '>',
  '"q"',
  "'q'",
  '\\',
  '0x1F',
  '0X1F',
  '+1',
  '-0',
  '-0.0',
  '.inf',
  '-.Inf',
  '.NaN',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'FALSE',
  '1_000',
  '0b101',
  '012',
  '1.',
  '1e999',
  '99999999999999999999',
  '---',
  '...',
  'a\tb',
  ' a',
  'a ',
  '',
  'é',
  '中文',
  '😀',
  '\u00a0',
  'a\u00a0',
  '\u2028',
  '\u0085',
  '\uFEFF',
  '200',
  '1.0',
  '__proto__',
  'constructor',
  'x:y',
  'a\nb',
  'a\n\nb',
  'a \n b',
  '  ',
  '-1',
  'http://x/y?a=b#c',
  '{{x}}',
  '$ref',
  '#/definitions/a',
  'a: b: c',
];
// biome-ignore format: one table
const EDITS = [' ', '\t', '\n', '\r\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!t ', '? ', '|', '>', '---\n', '...\n', '\\', '\u0001', '\uD800', '%'];

const scalarText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[a-zA-Z$/][-\w./{} ]{0,12}$/),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer().map(String),
  fc.double().map(String),
);

type Node =
  | { t: 's'; text: string; style: number; chomp: number; comment: boolean }
  | { t: 'm'; entries: [string, number, Node][]; flow: boolean }
  | { t: 'q'; items: Node[]; flow: boolean };

const { node: nodeArb } = fc.letrec<{ node: Node; scalar: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('map'), tie('map'), tie('seq')),
  scalar: fc.record({
    t: fc.constant('s'),
    text: scalarText,
    style: fc.nat(5),
    chomp: fc.nat(2),
    comment: fc.boolean(),
  }),
  map: fc.record({
    t: fc.constant('m'),
    entries: fc.array(fc.tuple(scalarText, fc.nat(3), tie('node')), { maxLength: 4 }),
    flow: fc.nat(3).map((n) => n === 0),
  }),
  seq: fc.record({
    t: fc.constant('q'),
    items: fc.array(tie('node'), { maxLength: 4 }),
    flow: fc.nat(3).map((n) => n === 0),
  }),
})) as { node: fc.Arbitrary<Node> };

/** A small deterministic generator for the layout choices of one case. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s % n;
  };
}

function quoted(text: string, style: number): string {
  if (style === 1) return `'${text.replace(/'/g, "''")}'`;
  if (style === 2) return JSON.stringify(text);
  return text;
}

function flowText(n: Node, pick: (n: number) => number): string {
  if (n.t === 's') return quoted(n.text, n.style % 3);
  const sep = pick(4) === 0 ? ',\n  ' : ', ';
  if (n.t === 'q') return `[${n.items.map((i) => flowText(i, pick)).join(sep)}${pick(5) === 0 ? ',' : ''}]`;
  return `{${n.entries.map(([k, ks, v]) => `${quoted(k, ks % 3)}: ${flowText(v, pick)}`).join(sep)}}`;
}

/** The node as it follows `key:` or `- ` at the given indentation (its own text starts with a space or a break). */
function blockText(n: Node, indent: number, step: number, pick: (n: number) => number): string {
  const pad = ' '.repeat(indent + step);
  if (n.t === 's') {
    const note = n.comment ? ' # note' : '';
    if (n.style < 3) return ` ${quoted(n.text, n.style)}${note}`;
    const head = `${n.style === 3 ? '|' : '>'}${['', '-', '+'][n.chomp]}`;
    return ` ${head}${note}\n${n.text
      .split('\n')
      .map((l) => (l === '' ? '' : pad + l))
      .join('\n')}`;
  }
  if (n.flow || (n.t === 'm' ? n.entries.length === 0 : n.items.length === 0)) return ` ${flowText(n, pick)}`;
  const lines =
    n.t === 'm'
      ? n.entries.map(([k, ks, v]) => `${pad}${quoted(k, ks)}:${blockText(v, indent + step, step, pick)}`)
      : n.items.map((v) => `${pad}-${blockText(v, indent + step, step, pick)}`);
  if (pick(6) === 0) lines.splice(pick(lines.length + 1), 0, pick(2) ? '' : `${' '.repeat(pick(8))}# comment`);
  return `\n${lines.join('\n')}`;
}

function render(root: Node, seed: number): string {
  const pick = random(seed);
  const step = 1 + pick(4);
  const body = root.t === 's' ? `key:${blockText(root, 0, step, pick)}` : blockText(root, -step, step, pick).slice(1);
  let text = body + (pick(5) === 0 ? '' : '\n');
  if (pick(6) === 0) text = `---\n${text}`;
  if (pick(8) === 0) text = `# head\n${text}`;
  if (pick(6) === 0) text = text.replace(/\n/g, '\r\n');
  if (pick(10) === 0) text = `\uFEFF${text}`;
  for (let edits = pick(4) === 0 ? 1 + pick(3) : 0; edits > 0; edits--) {
    const at = pick(text.length + 1);
    text =
      pick(3) === 0
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) + EDITS[pick(EDITS.length)] + text.slice(at);
  }
  return text;
}

describe('the single-pass readers agree with the js-yaml path', () => {
  it('YAML: gives up or answers as js-yaml does', () => {
    const seen = { agree: 0, 'gave up': 0 };
    let readByLines = 0;
    fc.assert(
      fc.property(nodeArb, fc.nat(), (root, seed) => {
        const text = render(root, seed);
        const verdict = yamlVerdict(text);
        if (verdict !== 'agree' && verdict !== 'gave up') throw new Error(`${verdict}\n${JSON.stringify(text)}`);
        seen[verdict]++;
        if (linesVerdict(text) === 'agree') readByLines++;
      }),
      OPTIONS(RUNS),
    );
    // Not vacuous: most generated documents are read, a good part of them by the line reader too.
    expect(seen.agree).toBeGreaterThan(RUNS / 3);
    expect(readByLines).toBeGreaterThan(RUNS / 20);
  });

  it('JSON: gives up or answers as js-yaml does', () => {
    const seen = { agree: 0, 'gave up': 0 };
    const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => typeof v === 'object' && v !== null);
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, '\t', ' \t'), fc.nat(), (value, indent, seed) => {
        const pick = random(seed);
        let text = JSON.stringify(value, null, indent);
        const edit = pick(8);
        if (edit === 0) text = text.replace(/("[^"\\]*")(\s*:\s*)([^,}]*)/, '$1$2$3, $1$2$3');
        else if (edit === 1) text = text.replace(/"(\s*):/, '"\n$1:');
        else if (edit === 2) text = text.replace(/(:\s*)-?\d+(\.\d+)?(e[+-]?\d+)?/i, pick(2) ? '$1-0' : '$11e999');
        else if (edit === 3) text = `\uFEFF${text}`;
        const verdict = jsonVerdict(text);
        if (verdict !== 'agree' && verdict !== 'gave up') throw new Error(`${verdict}\n${JSON.stringify(text)}`);
        seen[verdict]++;
      }),
      OPTIONS(RUNS),
    );
    expect(seen.agree).toBeGreaterThan(RUNS / 3);
  });
});
