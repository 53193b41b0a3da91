/**
 * `apig lsp`'s quick fixes write what `apig lint --fix` always wrote: for every finding with a fix in the Huawei
 * examples (fixtures/huawei-docs) and the demo workspace (fixtures/demo), the resolved quick fix, and "fix every
 * fixable finding in this file", applied to the text, give byte for byte the text the fix machinery gives when it
 * reads and reconciles the whole file for that one request (applyFixes with wholeFile), as it did before the
 * server kept the text read per document version and wrote only the changed entries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyFixes } from '../../src/lint/fix/apply.js';
import type { Fix } from '../../src/lint/fix/types.js';
import { lintTarget } from '../../src/lsp/lint-target.js';
import { detectFormat } from '../../src/oas/source.js';
import { applyEdits, fixtureCopy, inProcess, type LspClient } from './lsp-kit.js';

const RESOLVES = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };

let client: LspClient;
let docs: string;
let demo: string;

beforeAll(async () => {
  docs = fixtureCopy('huawei-docs');
  demo = fixtureCopy('demo');
  client = inProcess({});
  await client.initialize(docs, { debounceMs: 20 }, RESOLVES);
});

afterAll(() => client.dispose());

function yamlFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : n.endsWith('.yaml') ? [p] : [];
  });
}

/** The text with the fixes applied as `apig lint --fix` applied them (the whole file read and reconciled). */
function wholeFile(file: string, text: string, fixes: readonly Fix[]): string {
  return applyFixes(text, detectFormat(file, text), fixes, { wholeFile: true }).text;
}

async function resolved(action: CodeAction): Promise<CodeAction> {
  return action.edit ? action : client.request<CodeAction>('codeAction/resolve', action);
}

it('every quick fix and every fix-all writes the bytes the whole-file path writes', async () => {
  const targets = [
    ...yamlFiles(docs).map((file) => ({ file, entry: file })),
    { file: join(demo, 'demo.yaml'), entry: join(demo, 'apig.yaml') },
  ];
  let compared = 0;
  for (const { file, entry } of targets) {
    const name = relative(docs, file);
    const text = readFileSync(file, 'utf8');
    const lint = await lintTarget(entry, { texts: new Map(), env: {}, rules: {}, allowRemoteRefs: false });
    const found = lint.byFile.get(file) ?? [];
    const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) continue;
    const uri = await client.open(file);
    const diagnostics: Diagnostic[] = await client.fresh(uri);
    let all: CodeAction | undefined;
    for (const f of found) {
      if (!f.fix) continue;
      const at = JSON.stringify(f.range);
      const d = diagnostics.find((x) => x.code === f.code && x.message === f.message && JSON.stringify(x.range) === at);
      expect({ name, finding: f.message, shown: d !== undefined }).toEqual({ name, finding: f.message, shown: true });
      if (!d) continue;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      const quick = actions.find(
        (a) =>
          a.title === `Fix: ${f.fix?.description} (${f.code})` &&
          a.diagnostics?.[0]?.message === f.message &&
          JSON.stringify(a.diagnostics[0].range) === at,
      );
      expect({ name, finding: f.message, offered: quick !== undefined }).toEqual({
        name,
        finding: f.message,
        offered: true,
      });
      if (!quick) continue;
      const edit = (await resolved(quick)).edit?.changes?.[uri] ?? [];
      expect({ name, finding: f.message, text: applyEdits(text, edit) }).toEqual({
        name,
        finding: f.message,
        text: wholeFile(file, text, [f.fix]),
      });
      compared++;
      all ??= actions.find((a) => a.kind === 'source.fixAll');
    }
    if (all) {
      const edit = (await resolved(all)).edit?.changes?.[uri] ?? [];
      expect({ name, all: applyEdits(text, edit) }).toEqual({ name, all: wholeFile(file, text, fixes) });
      compared++;
    }
    await client.close(uri);
  }
  expect(compared).toBeGreaterThan(10);
}, 120_000);
