/**
 * Regression (issue 17, apig lsp): code actions were worked out from the findings of the last lint, however old:
 * a quick fix asked for after an edit, before the edit was linted, used the finding's old JSON pointer on the new
 * text. A parameter inserted above the one the finding was about shifted the list, and "Fix: required: true"
 * set `required: true` on the new parameter instead. Now a code action (and a finding hover) waits for the pending
 * lint, and uses only findings of the document's current version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { applyEdits, fixtureCopy, inProcess, type LspClient } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

const FIRST = '        - name: userId\n          in: path\n          type: string\n          required: true\n';
const NEW_FIRST = '        - name: trace\n          in: header\n          type: string\n';

it('fixes what the current text says, not what the last lint saw', async () => {
  const dir = fixtureCopy('demo');
  client = inProcess({});
  // A long pause before linting: the edit below is not linted yet when the code action is asked for.
  await client.initialize(dir, { debounceMs: 400 });
  const file = join(dir, 'demo.yaml');
  const good = readFileSync(file, 'utf8');
  expect(good).toContain(FIRST);
  const broken = good.replace(FIRST, FIRST.replace('required: true', 'required: false'));
  const uri = await client.open(file, broken);
  const found = await client.fresh(uri);
  expect(found.map((d) => d.code)).toEqual(['swagger-schema']);

  const edited = broken.replace(FIRST.replace('required: true', 'required: false'), (m) => NEW_FIRST + m);
  await client.change(uri, edited);
  const whole = { start: { line: 0, character: 0 }, end: { line: edited.split('\n').length, character: 0 } };
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: whole,
    context: { diagnostics: [], only: ['quickfix'] },
  });
  const fix = actions.find((a) => a.title.startsWith('Fix:'));
  const fixed = applyEdits(edited, fix?.edit?.changes?.[uri] ?? []);
  expect(fixed).toBe(good.replace(FIRST, NEW_FIRST + FIRST));
});
