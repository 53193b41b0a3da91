/**
 * `apig lsp` against Huawei's documented examples (fixtures/huawei-docs, a copy): each file opened alone gets
 * exactly the findings `apig lint <file>` prints (rule ids, messages and ranges), and every fix the server offers
 * leaves a file in which lint finds that finding no more.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CodeAction, Range } from 'vscode-languageserver-protocol/node';
import { applyEdits, fixtureCopy, inProcess, type LspClient } from './lsp-kit.js';
import { runCli } from './run-cli.js';

let dir: string;
let client: LspClient;

beforeAll(async () => {
  dir = fixtureCopy('huawei-docs');
  client = inProcess({});
  await client.initialize(dir);
});

afterAll(() => client.dispose());

function yamlFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : n.endsWith('.yaml') ? [p] : [];
  });
}

it('every documented example gets the findings apig lint prints', async () => {
  const files = yamlFiles(dir);
  expect(files.length).toBeGreaterThan(30);
  let fixed = 0;
  for (const file of files) {
    const name = relative(dir, file);
    const uri = await client.open(file);
    const found = await client.fresh(uri);
    const cli = await runCli(['lint', name, '-f', 'json'], { cwd: dir, env: {} });
    const results = (JSON.parse(cli.stdout) as { results: Array<{ code: string; message: string; range: Range }> })
      .results;
    expect({ name, found: found.map((d) => ({ code: d.code, message: d.message, range: d.range })) }).toEqual({
      name,
      found: results.map((f) => ({ code: f.code, message: f.message, range: f.range })),
    });
    // Each quick fix, applied to the text, and linted again: that finding is gone.
    for (const d of found) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      const same = (a: CodeAction): boolean =>
        a.diagnostics?.[0]?.message === d.message &&
        JSON.stringify(a.diagnostics?.[0]?.range) === JSON.stringify(d.range);
      const fix = actions.find((a) => a.title.startsWith('Fix:') && same(a));
      if (!fix) continue;
      fixed++;
      const text = readFileSync(file, 'utf8');
      await client.change(uri, applyEdits(text, fix.edit?.changes?.[uri] ?? []));
      const after = await client.fresh(uri);
      expect({
        name,
        fixed: d.message,
        after: after.filter(
          (a) => a.code === d.code && a.message === d.message && a.range.start.line === d.range.start.line,
        ),
      }).toEqual({ name, fixed: d.message, after: [] });
      await client.change(uri, text);
      await client.fresh(uri);
    }
    await client.close(uri);
  }
  expect(fixed).toBeGreaterThan(5);
});
