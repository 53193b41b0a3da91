/**
 * `apig lsp` under random edits (issue 17: "a malformed document never crashes the server"): a group file,
 * apig.yaml and a JSON Swagger file are edited at random places with the pieces YAML and JSON are made of (and
 * emoji, CRLF, tabs, anchors, `$ref`, prototype names), as incremental changes; after each edit every request
 * the server answers is sent at a random position. No request may fail (each would be logged as a failure),
 * and the server must still answer and publish the last version's diagnostics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { CodeAction, Position } from 'vscode-languageserver-protocol/node';
import { fixtureCopy, inProcess, type LspClient } from './lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

const PIECES = [
  ':',
  '-',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  ',',
  '?',
  '|',
  '>',
  '&a',
  '*a',
  '!!str',
  '%',
  '~1',
  '$ref',
  'x-apigateway-',
  'type: ',
  'MOCK',
  'constructor',
  '__proto__',
  '😀',
  '中',
  '\u0000',
];

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }),
  line: fc.nat({ max: 150 }),
  character: fc.nat({ max: 80 }),
});

const JSON_SPEC = JSON.stringify(
  {
    swagger: '2.0',
    info: { title: 'random', version: '1' },
    paths: { '/a': { get: { responses: {}, 'x-apigateway-backend': { type: 'MOCK' } } } },
  },
  null,
  2,
);

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

it.each(['demo.yaml', 'apig.yaml', 'random.json'])(
  'survives random edits of %s',
  async (name) => {
    const dir = fixtureCopy('demo');
    const c = inProcess({});
    client = c;
    await c.initialize(
      dir,
      { debounceMs: 0 },
      { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
    );
    const file = join(dir, name);
    let text = name === 'random.json' ? JSON_SPEC : readFileSync(file, 'utf8');
    const uri = await c.open(file, text);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const end = Math.min(text.length, start + e.remove);
          const inserted = e.insert.join('');
          const range = { start: positionAt(text, start), end: positionAt(text, end) };
          text = text.slice(0, start) + inserted + text.slice(end);
          await c.edit(uri, [{ range, newText: inserted }]);
          const position = { line: e.line, character: e.character };
          const at = { textDocument: { uri }, position };
          await Promise.all([
            c.request('textDocument/hover', at),
            c.request('textDocument/completion', at),
            c.request('textDocument/definition', at),
            c.request('textDocument/references', { ...at, context: { includeDeclaration: true } }),
          ]);
          const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
            context: { diagnostics: [] },
          });
          for (const a of actions.slice(0, 2)) await c.request('codeAction/resolve', a);
        }
        expect(c.stderr.filter((m) => m.includes('failed'))).toEqual([]);
      }),
      { numRuns: 40, seed: 17 },
    );
    // Still linting, and the last version is the one published.
    await c.fresh(uri);
  },
  120_000,
);
