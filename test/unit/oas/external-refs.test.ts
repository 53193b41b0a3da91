/** External $refs: files inside the workspace folder are bundled in, files outside and URLs are refused. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGroupFile } from '../../../src/oas/load-group.js';

const spec = (ref: string): string =>
  `swagger: "2.0"\ninfo: {title: refs, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - $ref: "${ref}"\n      responses: {200: {description: ok}}\n      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n`;
const PARAM = 'name: q\nin: query\ntype: string\n';

function workspace(ref: string): { root: string; file: string } {
  const base = mkdtempSync(join(tmpdir(), 'apig-refs-'));
  const root = join(base, 'ws');
  mkdirSync(join(root, 'common'), { recursive: true });
  writeFileSync(join(root, 'common', 'params.yaml'), `q:\n  ${PARAM.trim().split('\n').join('\n  ')}\n`);
  writeFileSync(join(root, 'common', 'nested.yaml'), 'p:\n  $ref: "../../secret.yaml#/x"\n');
  writeFileSync(join(base, 'secret.yaml'), 'x: {name: s, in: query, type: string}\n');
  writeFileSync(join(root, 'api.yaml'), spec(ref));
  return { root, file: join(root, 'api.yaml') };
}

describe('external $refs', () => {
  it('a file inside the workspace folder is bundled in', async () => {
    const { root, file } = workspace('common/params.yaml#/q');
    const r = await loadGroupFile(file, 'api.yaml', { root, allowRemote: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.group?.apis[0]?.params.map((p) => p.name)).toEqual(['q']);
  });

  it('a file outside the workspace folder is refused, also through another file', async () => {
    const outside = workspace('../secret.yaml#/x');
    const r = await loadGroupFile(outside.file, 'api.yaml', { root: outside.root, allowRemote: false });
    expect(r.group).toBeUndefined();
    expect(r.diagnostics[0]?.message).toContain('outside the workspace folder');
    const nested = workspace('common/nested.yaml#/p');
    const n = await loadGroupFile(nested.file, 'api.yaml', { root: nested.root, allowRemote: false });
    expect(n.group).toBeUndefined();
    expect(n.diagnostics[0]?.message).toContain('outside the workspace folder');
  });

  it('a URL is refused offline, and fetched with --allow-remote-refs', async () => {
    const server = createServer((_req, res) => res.end(`q:\n  name: q\n  in: query\n  type: string\n`));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/params.yaml#/q`;
    try {
      const { root, file } = workspace(url);
      const refused = await loadGroupFile(file, 'api.yaml', { root, allowRemote: false });
      expect(refused.diagnostics[0]?.message).toContain('--allow-remote-refs');
      const fetched = await loadGroupFile(file, 'api.yaml', { root, allowRemote: true });
      expect(fetched.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(fetched.group?.apis[0]?.params.map((p) => p.name)).toEqual(['q']);
    } finally {
      server.close();
    }
  });
});
