/**
 * Property test (fast-check) of `apig lsp`: random edits to real files (a copy of fixtures/huawei-docs and of the
 * demo workspace, YAML and JSON) never crash the server; after every edit, hover, completion, definition, references and code
 * actions at random places all answer, and the diagnostics of the last version arrive.
 */
import fc from 'fast-check';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Position, Range } from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import { fixtureCopy, inProcess, type LspClient } from '../e2e/lsp-kit.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261206);

/** Pieces of YAML and JSON syntax, and of what is typed in these files, that break documents in many ways. */
const FRAGMENTS = [
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '#var#',
  '&a ',
  '*a',
  '!!str ',
  '\t',
  '? ',
  '|\n',
  '$ref: ',
  "'#/nowhere'",
  'x-apigateway-',
  'x-apigateway-backend:\n  type: ',
  'x-apigateway-ratelimit: ',
  'type: HTTP',
  '{p+}',
  '\u0000',
  '😀',
  '%',
];

type Edit = { at: number; remove: number; insert: string };

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })),
});

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

function positionAt(text: string, n: number): Position {
  const at = text.length === 0 ? 0 : n % (text.length + 1);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

let client: LspClient;
let dir: string;

beforeAll(async () => {
  dir = fixtureCopy('demo');
  const full = new URL('../../fixtures/huawei-docs/full-featured.yaml', import.meta.url);
  copyFileSync(full, join(dir, 'full-featured.yaml'));
  writeFileSync(join(dir, 'full-featured.json'), JSON.stringify(parse(readFileSync(full, 'utf8')), null, 2));
  client = inProcess({});
  await client.initialize(dir, { debounceMs: 0 });
});

afterAll(() => client.dispose());

const FILES = ['demo.yaml', 'apig.yaml', 'full-featured.yaml', 'full-featured.json'].map((f) => () => join(dir, f));

it('random edits never crash the server, and every request still answers', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: FILES.length - 1 }),
      fc.array(edit, { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      async (which, edits, places) => {
        const file = (FILES[which] as () => string)();
        const original = readFileSync(file, 'utf8');
        const uri = await client.open(file, original);
        let text = original;
        for (const e of edits) {
          text = apply(text, e);
          await client.change(uri, text);
        }
        const [a, b, c, d, e] = places.map((n) => positionAt(text, n)) as [
          Position,
          Position,
          Position,
          Position,
          Position,
        ];
        const range: Range =
          a.line < b.line || (a.line === b.line && a.character <= b.character)
            ? { start: a, end: b }
            : { start: b, end: a };
        const doc = { textDocument: { uri } };
        const answers = await Promise.all([
          client.request('textDocument/hover', { ...doc, position: c }),
          client.request('textDocument/completion', { ...doc, position: d }),
          client.request('textDocument/definition', { ...doc, position: e }),
          client.request('textDocument/references', { ...doc, position: e, context: { includeDeclaration: true } }),
          client.request('textDocument/codeAction', { ...doc, range, context: { diagnostics: [] } }),
        ]);
        expect(answers).toHaveLength(5);
        await client.fresh(uri);
        await client.close(uri);
      },
    ),
    { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
  );
  // Still serving: a request on a sound document answers as before.
  const uri = await client.open(join(dir, 'demo.yaml'));
  expect(await client.fresh(uri)).toEqual([]);
  expect(client.stderr.filter((m) => m.includes('failed'))).toEqual([]);
});
