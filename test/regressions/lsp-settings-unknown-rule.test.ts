/**
 * Regression (issue 17, apig lsp): the `rules` setting took any id silently: a misspelt one
 * (`"extension-schem": "off"`) changed nothing and said nothing, so the user believed the rule was off, where
 * `apig lint --rule` and .apiglint.yaml refuse an unknown rule. Settings of the wrong type were dropped as
 * silently. Now what the server ignores in its settings is shown to the user (window/showMessage, a warning).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ShowMessageNotification } from 'vscode-languageserver-protocol/node';
import { fixtureCopy, inProcess, type LspClient } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('says which settings it ignores, and why', async () => {
  const dir = fixtureCopy('demo');
  client = inProcess({});
  const shown: Array<{ type: number; message: string }> = [];
  client.rpc.onNotification(ShowMessageNotification.type, (p) => {
    shown.push(p);
  });
  await client.initialize(dir, { debounceMs: '20', rules: { 'extension-schem': 'off', 'unused-policy': 'loud' } });
  const file = join(dir, 'demo.yaml');
  const uri = await client.open(file, readFileSync(file, 'utf8'));
  // Diagnostics come after the warning (it is sent when the client says it is initialized).
  await client.fresh(uri);
  expect(shown).toEqual([
    {
      type: 2,
      message:
        'apig: settings ignored: debounceMs must be a number of milliseconds, 0 or more; ' +
        'rules: unknown rule "extension-schem" (did you mean extension-schema?); ' +
        'rules: unused-policy: the severity must be one of off, hint, info, warn, error.',
    },
  ]);
});
