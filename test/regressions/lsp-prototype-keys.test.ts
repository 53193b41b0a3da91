/**
 * Regression (issue 17, apig lsp): the server looked keys the user wrote up in plain objects, so `constructor`,
 * `toString` or `__proto__` found what every object inherits: completion and go to definition on a value under
 * `constructor:` failed ("flatMap is not a function"), find references failed, and a hover on `constructor:` inside
 * an extension showed "function Object() { [native code] }" as its meaning. Now only a table's own entries count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { fixtureCopy, inProcess, type LspClient } from '../e2e/lsp-kit.js';

let client: LspClient | undefined;
afterEach(() => client?.dispose());

it('answers on keys named like what every object inherits', async () => {
  const dir = fixtureCopy('demo');
  client = inProcess({});
  await client.initialize(dir);
  const file = join(dir, 'demo.yaml');
  const text = readFileSync(file, 'utf8')
    .replace(
      'x-apigateway-match-mode: NORMAL',
      'x-apigateway-match-mode: NORMAL\n      constructor: x\n      toString: y',
    )
    .replace('        type: MOCK\n', '        type: MOCK\n        constructor: 1\n');
  const uri = await client.open(file, text);
  await client.fresh(uri);
  const lines = text.split('\n');
  const at = (needle: string, shift: number) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: (lines[line] as string).indexOf(needle) + shift };
  };
  const places = [
    { position: at('constructor: x', 14), onValue: true },
    { position: at('toString: y', 11), onValue: true },
    { position: at('constructor: x', 3), onValue: false },
  ];
  for (const { position, onValue } of places) {
    const params = { textDocument: { uri }, position, context: { includeDeclaration: true } };
    expect(await client.request('textDocument/definition', params)).toEqual([]);
    expect(await client.request('textDocument/references', params)).toEqual([]);
    // On a value: nothing to complete (on the key, the operation's extensions are).
    if (onValue) expect(await client.request('textDocument/completion', params)).toEqual([]);
  }
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: at('constructor: 1', 3),
  });
  expect(JSON.stringify(hover)).not.toContain('native code');
  expect(client.stderr.join('\n')).not.toContain('failed');
});
