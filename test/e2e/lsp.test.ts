/**
 * `apig lsp` end to end over JSON-RPC, as an editor talks to it: the demo workspace (a copy) opened, edited,
 * linted as `apig lint` lints it (same rule ids and ranges), hovered, completed, navigated and fixed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  Location,
  Position,
  Range,
} from 'vscode-languageserver-protocol/node';
import { runCli } from './run-cli.js';
import { applyEdits, fixtureCopy, inProcess, type LspClient, uriOf } from './lsp-kit.js';

let dir: string;
let client: LspClient;
let groupFile: string;
let groupText: string;

beforeEach(async () => {
  dir = fixtureCopy('demo');
  groupFile = join(dir, 'demo.yaml');
  groupText = readFileSync(groupFile, 'utf8');
  client = inProcess({});
  await client.initialize(dir);
});

afterEach(() => client.dispose());

/** The position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

const hoverText = (h: Hover | null): string =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

async function lintJson(): Promise<Array<{ code: string; source: string; range: Range; message: string }>> {
  const r = await runCli(['lint', '-f', 'json'], { cwd: dir, env: {} });
  return (JSON.parse(r.stdout) as { results: Array<{ code: string; source: string; range: Range; message: string }> })
    .results;
}

describe('apig lsp', () => {
  it('publishes the findings apig lint prints, at the same ranges, for open and closed files', async () => {
    const uri = await client.open(groupFile);
    expect(await client.fresh(uri)).toEqual([]);
    // apig.yaml is not open: the workspace at the root is linted from the start.
    const ws = await client.diagnostics(uriOf(join(dir, 'apig.yaml')));
    const cli = await lintJson();
    expect(ws.map((d) => ({ code: d.code, range: d.range, message: d.message }))).toEqual(
      cli.filter((f) => f.source === 'apig.yaml').map((f) => ({ code: f.code, range: f.range, message: f.message })),
    );
    expect(ws[0]?.source).toBe('apig');
    expect(ws[0]?.codeDescription?.href).toMatch(/docs\/rules\/unset-secret\.md$/);
  });

  it('lints unsaved text as it changes, and the quick fix clears the finding', async () => {
    const uri = await client.open(groupFile);
    await client.fresh(uri);
    const broken = groupText.replace(
      '          type: string\n          required: true',
      '          type: string\n          required: false',
    );
    await client.change(uri, broken);
    const found = await client.fresh(uri);
    writeFileSync(groupFile, broken);
    const cli = (await lintJson()).filter((f) => f.source === 'demo.yaml');
    expect(found.map((d) => ({ code: d.code, range: d.range }))).toEqual(
      cli.map((f) => ({ code: f.code, range: f.range })),
    );
    const finding = found.find((d) => d.code === 'swagger-schema') as Diagnostic;
    expect(finding).toBeDefined();

    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: finding.range.start,
    });
    expect(hoverText(hover)).toContain('apig swagger-schema');
    expect(hoverText(hover)).toContain('docs/rules/swagger-schema.md');

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    const fix = actions.find((a) => a.title.startsWith('Fix:'));
    expect(fix?.title).toContain('required');
    const edits = fix?.edit?.changes?.[uri] ?? [];
    const fixed = applyEdits(broken, edits);
    expect(fixed).toBe(groupText);
    await client.change(uri, fixed);
    expect(await client.fresh(uri)).toEqual([]);
  });

  it('fixes the whole file on request (source.fixAll), and resolves edits lazily for a client that can', async () => {
    const broken = groupText
      .replace('          type: string\n          required: true', '          type: string\n          required: false')
      .replace('scheme: http\n', 'scheme: HTTP\n');
    const uri = await client.open(groupFile, broken);
    const found = await client.fresh(uri);
    expect(found.map((d) => d.code)).toEqual(['swagger-schema', 'canonical-spelling']);
    const all = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll']);
    expect(applyEdits(broken, all[0]?.edit?.changes?.[uri] ?? [])).toBe(groupText);

    // A client that resolves code actions gets them without edits, and the edit when it picks one.
    const lazy = inProcess({});
    try {
      await lazy.initialize(
        dir,
        { debounceMs: 20 },
        { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
      );
      const lazyUri = await lazy.open(groupFile, broken);
      const [first] = await lazy.fresh(lazyUri);
      const actions = await lazy.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: lazyUri },
        range: (first as Diagnostic).range,
        context: { diagnostics: [first] },
      });
      expect(actions.map((a) => [a.kind, a.edit])).toEqual([
        ['quickfix', undefined],
        ['quickfix', undefined],
        ['source.fixAll', undefined],
      ]);
      const resolved = await lazy.request<CodeAction>('codeAction/resolve', actions[0]);
      const text = applyEdits(broken, resolved.edit?.changes?.[lazyUri] ?? []);
      expect(text).toBe(broken.replace('          required: false', '          required: true'));
      await lazy.change(lazyUri, text);
      expect((await lazy.fresh(lazyUri)).map((d) => d.code)).toEqual(['canonical-spelling']);
    } finally {
      lazy.dispose();
    }
  });

  it('suppresses a finding here, with a reason to write, and lint then passes it over', async () => {
    const uri = await client.open(groupFile);
    await client.fresh(uri);
    const broken = groupText.replace('x-apigateway-match-mode: SWA', 'x-apigateway-match-mode: swa');
    await client.change(uri, broken);
    const [finding] = await client.fresh(uri);
    expect(finding?.code).toBe('extension-schema');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: (finding as Diagnostic).range,
      context: { diagnostics: [finding] },
    });
    const suppress = actions.find((a) => a.title.startsWith('Suppress extension-schema'));
    const text = applyEdits(broken, suppress?.edit?.changes?.[uri] ?? []);
    expect(text).toContain('x-apig-lint-disable');
    expect(text).toContain('rule: extension-schema');
    await client.change(uri, text);
    expect(await client.fresh(uri)).toEqual([]);
  });

  it('reports a parse error as a diagnostic, and recovers when the text is fixed', async () => {
    const uri = await client.open(groupFile);
    await client.fresh(uri);
    await client.change(uri, `${groupText}\n  bad: [unclosed\n`);
    const found = await client.fresh(uri);
    expect(found.some((d) => d.code === 'parse')).toBe(true);
    await client.change(uri, groupText);
    expect(await client.fresh(uri)).toEqual([]);
  });

  it('lints a JSON Swagger file on its own as apig lint does, and hovers and completes in it', async () => {
    const jsonFile = join(dir, 'alone.json');
    const data = parse(groupText) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const op = data.paths['/files']?.get as Record<string, unknown>;
    op['x-apigateway-match-mode'] = 'swa';
    const text = JSON.stringify(data, null, 2);
    writeFileSync(jsonFile, text);
    const uri = await client.open(jsonFile);
    const found = await client.fresh(uri);
    const cli = await runCli(['lint', 'alone.json', '-f', 'json'], { cwd: dir, env: {} });
    const results = (JSON.parse(cli.stdout) as { results: Array<{ code: string; range: Range }> }).results;
    expect(found.map((d) => ({ code: d.code, range: d.range }))).toEqual(
      results.map((f) => ({ code: f.code, range: f.range })),
    );
    expect(found.map((d) => d.code)).toContain('extension-schema');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, '"x-apigateway-cors"', 3),
    });
    expect(hoverText(hover)).toContain('**x-apigateway-cors**');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(text, '"swa"', 1),
    });
    expect(items.map((i) => i.label)).toEqual(['SWA', 'NORMAL']);
  });

  it('hovers an extension key and an enum value with its meaning and source', async () => {
    const uri = await client.open(groupFile);
    const key = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(groupText, 'x-apigateway-match-mode', 3),
    });
    expect(hoverText(key)).toContain('**x-apigateway-match-mode**');
    expect(hoverText(key)).toContain('prefix match');
    expect(hoverText(key)).toContain('"API Design File Extension Definitions", page x-apigateway-match-mode');
    const value = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(groupText, 'type: MOCK', 7),
    });
    expect(hoverText(value)).toContain('type: MOCK');
    expect(hoverText(value)).toContain('no backend');
    const field = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(groupText, 'timeout: 5000', 2),
    });
    expect(hoverText(field)).toContain('milliseconds');
    const policies = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(groupText, 'x-apigateway-ratelimits:', 3),
    });
    expect(hoverText(policies)).toContain('Placed on the document root.');
    expect(hoverText(policies)).toContain('Quota: at most 30 request throttling policies by default');
  });

  it('completes extension names, enum values, policy names, #variables# and request parameters', async () => {
    const labels = async (text: string, pos: Position): Promise<string[]> => {
      const uri = uriOf(groupFile);
      await client.change(uri, text);
      const items = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: pos,
      });
      return items.map((i) => i.label);
    };
    await client.open(groupFile);
    await client.fresh(uriOf(groupFile));
    // A new key in an operation: operation extensions only.
    const opKey = groupText.replace(
      '      x-apigateway-ratelimit: perApp\n',
      '      x-apigateway-ratelimit: perApp\n      x-apig\n',
    );
    const atKey = positionOf(opKey, '      x-apig\n', 12);
    const keys = await labels(opKey, atKey);
    const uri = uriOf(groupFile);
    const chosen = async (text: string, pos: Position, label: string): Promise<string> => {
      const items = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: pos,
      });
      const edit = items.find((i) => i.label === label)?.textEdit;
      return edit && 'range' in edit ? applyEdits(text, [edit]) : text;
    };
    // The whole word typed is replaced, dashes and all.
    expect(await chosen(opKey, atKey, 'x-apigateway-backend')).toContain('\n      x-apigateway-backend: \n');
    expect(keys).toContain('x-apigateway-backend');
    expect(keys).toContain('x-apigateway-match-mode');
    expect(keys).not.toContain('x-apigateway-ratelimits');
    // A policy name the group defines.
    const policy = groupText.replace('x-apigateway-ratelimit: perApp', 'x-apigateway-ratelimit: ');
    expect(await labels(policy, positionOf(policy, 'x-apigateway-ratelimit: ', 24))).toEqual(['perApp']);
    // Backend types.
    const type = groupText.replace('        type: HTTP\n', '        type: \n');
    expect(await labels(type, positionOf(type, '        type: \n', 14))).toEqual(
      expect.arrayContaining(['HTTP', 'HTTP-VPC', 'FUNCTION', 'MOCK']),
    );
    // Environment variables of apig.yaml.
    const variable = groupText.replace('address: "#backend#"', 'address: "#');
    expect(await labels(variable, positionOf(variable, 'address: "#', 11))).toEqual(
      expect.arrayContaining(['backend', 'basePath']),
    );
    expect(await chosen(variable, positionOf(variable, 'address: "#', 11), 'backend')).toContain(
      'address: "#backend#\n',
    );
    // Request parameters in a backend mapping.
    const mapped = groupText.replace('            value: userId\n', '            value: \n');
    expect(await labels(mapped, positionOf(mapped, '            value: \n', 19))).toEqual(['userId', 'verbose']);
  });

  it('completes and explains apig.yaml from its schema, and API names where it names APIs', async () => {
    const wsFile = join(dir, 'apig.yaml');
    const wsText = readFileSync(wsFile, 'utf8');
    const typed = wsText
      .replace('  backend_timeout: 60000', '  backend_timeout: 60000\n  ')
      .replace('  test: ["*"]\n', '  test:\n    - \n');
    const wsUri = await client.open(wsFile, typed);
    const complete = async (pos: Position): Promise<string[]> =>
      (
        await client.request<CompletionItem[]>('textDocument/completion', {
          textDocument: { uri: wsUri },
          position: pos,
        })
      ).map((i) => i.label);
    expect(await complete(positionOf(typed, '60000\n  ', 8))).toEqual(
      expect.arrayContaining(['request_body_size', 'app_route', 'real_ip_from_xff']),
    );
    expect(await complete(positionOf(typed, '    - \n', 6))).toEqual(
      expect.arrayContaining(['*', 'hello', 'getUser', 'files']),
    );
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: wsUri },
      position: positionOf(typed, 'publish:', 2),
    });
    expect(hoverText(hover)).toContain('every API in RELEASE only');
  });

  it('goes to a policy definition and finds its references', async () => {
    const uri = await client.open(groupFile);
    const defs = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(groupText, 'x-apigateway-ratelimit: perApp', 26),
    });
    expect(defs).toEqual([
      { uri, range: { start: positionOf(groupText, 'perApp:'), end: positionOf(groupText, 'perApp:', 6) } },
    ]);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionOf(groupText, 'perApp:', 1),
      context: { includeDeclaration: false },
    });
    expect(refs.map((r) => r.range.start)).toEqual([positionOf(groupText, 'x-apigateway-ratelimit: perApp', 24)]);
  });

  it('goes from an API named in apig.yaml to its operation, and follows a $ref', async () => {
    const wsFile = join(dir, 'apig.yaml');
    const wsText = readFileSync(wsFile, 'utf8').replace('  RELEASE: ["*"]', '  RELEASE: [getUser]');
    const wsUri = await client.open(wsFile, wsText);
    await client.fresh(wsUri);
    const defs = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: wsUri },
      position: positionOf(wsText, '[getUser]', 2),
    });
    expect(defs).toEqual([
      {
        uri: uriOf(groupFile),
        range: { start: positionOf(groupText, 'get:', 0, 1), end: positionOf(groupText, 'get:', 3, 1) },
      },
    ]);
    const withRef = groupText
      .replace('        - name: verbose\n', "        - $ref: '#/parameters/verbose'\n        - name: verbose\n")
      .concat('parameters:\n  verbose: { name: verbose, in: query, type: string }\n');
    const uri = uriOf(groupFile);
    await client.open(groupFile, withRef);
    const target = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(withRef, "'#/parameters/verbose'", 3),
    });
    expect(target[0]?.range.start).toEqual(positionOf(withRef, '  verbose: {', 2));
  });

  it('updates cross-file findings when a closed file changes on disk', async () => {
    const wsFile = join(dir, 'apig.yaml');
    const wsText = readFileSync(wsFile, 'utf8').replace('  RELEASE: ["*"]', '  RELEASE: [getUser]');
    const wsUri = await client.open(wsFile, wsText);
    expect((await client.fresh(wsUri)).map((d) => d.code)).not.toContain('workspace-references');
    writeFileSync(groupFile, groupText.replace('operationId: getUser', 'operationId: getUser2'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(groupFile), type: 2 }],
    });
    const after = await client.diagnostics(wsUri, (p) => p.diagnostics.some((d) => d.code === 'workspace-references'));
    expect(after.find((d) => d.code === 'workspace-references')?.message).toContain('getUser');
  });

  it("follows the workspace's .apiglint.yaml, as it changes, and the editor's rules setting", async () => {
    const wsUri = uriOf(join(dir, 'apig.yaml'));
    expect((await client.diagnostics(wsUri)).map((d) => d.code)).toEqual(['unset-secret', 'unset-secret']);
    const config = join(dir, '.apiglint.yaml');
    writeFileSync(config, 'rules:\n  unset-secret: error\n');
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(config), type: 1 }],
    });
    const raised = await client.diagnostics(wsUri, (p) => p.diagnostics[0]?.severity === 1);
    expect(raised.map((d) => [d.code, d.severity])).toEqual([
      ['unset-secret', 1],
      ['unset-secret', 1],
    ]);
    writeFileSync(config, 'rules:\n  no-such-rule: error\n');
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(config), type: 2 }],
    });
    const problems = await client.diagnostics(uriOf(config), (p) => p.diagnostics.length > 0);
    expect(problems.map((d) => d.code)).toEqual(['lint-config']);
    writeFileSync(config, 'rules:\n  unset-secret: error\n');
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(config), type: 2 }],
    });
    expect(await client.diagnostics(uriOf(config), (p) => p.diagnostics.length === 0)).toEqual([]);
    await client.rpc.sendNotification('workspace/didChangeConfiguration', {
      settings: { apig: { rules: { 'unset-secret': 'off' } } },
    });
    expect(await client.diagnostics(wsUri, (p) => p.diagnostics.length === 0)).toEqual([]);
  });

  it('goes from a security requirement to its scheme', async () => {
    const uri = await client.open(groupFile);
    const defs = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(groupText, '- apig-auth-app: []', 4),
    });
    expect(defs.map((d) => d.range.start)).toEqual([positionOf(groupText, 'apig-auth-app:', 0, 1)]);
  });

  it('answers a request that fails with an error, and the session goes on', async () => {
    const uri = await client.open(groupFile);
    await expect(
      client.request('textDocument/hover', {
        textDocument: { uri: 'file:///not/open.yaml' },
        position: { line: 0, character: 0 },
      }),
    ).rejects.toThrow(/hover failed/);
    // Logged for the editor's output panel too.
    expect(client.stderr.join('\n')).toContain('apig lsp: hover failed');
    await expect(
      client.request('textDocument/completion', { textDocument: { uri }, position: null }),
    ).rejects.toThrow();
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(groupText, 'x-apigateway-cors', 3),
    });
    expect(hoverText(hover)).toContain('CORS');
  });
});
