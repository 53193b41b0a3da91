/**
 * Regression (issue 17, apig lsp): reading a document for hover, completion and code actions, the server let
 * the `yaml` package warn on the process ("Keys with collection values will be stringified...") for a text with a
 * collection as a key (`? [a, b]`, easily typed by accident), so every request on such a text wrote a warning to
 * the server's stderr, the editor's log. What is wrong with the text is lint's to say (a finding), not a warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fixtureCopy, inProcess, type LspClient } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(w.message);
afterEach(() => {
  client?.dispose();
  process.off('warning', onWarning);
});

it('reads a text with a collection as a key without warning on the process', async () => {
  process.on('warning', onWarning);
  const dir = fixtureCopy('demo');
  client = inProcess({});
  await client.initialize(dir);
  const file = join(dir, 'demo.yaml');
  const text = `${readFileSync(file, 'utf8')}? [a, b]\n: c\n`;
  const uri = await client.open(file, text);
  expect((await client.fresh(uri)).map((d) => d.code)).toContain('swagger-schema');
  const position = { line: 10, character: 8 };
  await client.request('textDocument/hover', { textDocument: { uri }, position });
  await client.request('textDocument/completion', { textDocument: { uri }, position });
  await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: position, end: position },
    context: { diagnostics: [] },
  });
  // Warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  expect(warnings.filter((w) => w.includes('stringified'))).toEqual([]);
});
