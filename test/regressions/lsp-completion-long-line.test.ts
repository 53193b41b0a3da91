/**
 * Regression (issue 17, apig lsp): completion found the word before the cursor, and the last entry of a flow
 * list, with regular expressions anchored at the end of the line (`/[\w.$*+/-]*$/`, `/[[{,]\s*([^...]*)$/`),
 * which try every start when the match fails: quadratic in the length of a run, so completing after a space typed
 * behind a long Base64 mock body (200,000 characters), or behind a flow list with a long run of spaces, froze the
 * whole server for most of a minute (one thread: no diagnostics, no other answer). Now both are read backwards
 * from the cursor, in one pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-protocol/node';
import { fixtureCopy, inProcess, type LspClient } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

const LONG = 200_000;

async function completeAtEndOf(needle: string, replacement: string): Promise<CompletionItem[]> {
  const dir = fixtureCopy('demo');
  client = inProcess({});
  await client.initialize(dir);
  const file = join(dir, 'demo.yaml');
  const text = readFileSync(file, 'utf8').replace(needle, replacement);
  const uri = await client.open(file, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.length > LONG);
  return client.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character: (lines[line] as string).length },
  });
}

it('completes after a space typed behind a very long word (a Base64 mock body)', async () => {
  const items = await completeAtEndOf(
    `result-content: '{"message": "hello from apig"}'`,
    `result-content: ${'QUJD'.repeat(LONG / 4)} `,
  );
  expect(items).toEqual([]);
});

it('completes behind a flow list with a very long run of spaces', async () => {
  const items = await completeAtEndOf(
    'x-apigateway-match-mode: NORMAL',
    `x-apigateway-match-mode: [${' '.repeat(LONG)}] `,
  );
  expect(items.map((i) => i.label)).toEqual(['SWA', 'NORMAL']);
});
