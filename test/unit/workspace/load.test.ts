import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../../src/workspace/load.js';
import { isPublished, environmentsOf } from '../../../src/workspace/publish.js';
import { resolveSecret } from '../../../src/workspace/secrets.js';
import { maskSecret } from '../../../src/core/mask.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;

function tempWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-ws-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('workspace', () => {
  it('loads the demo workspace with every documented key', async () => {
    const { workspace, diagnostics } = await loadWorkspace(join(FIXTURES, 'demo'), {
      cwd: FIXTURES,
      env: { APP1_SECRET: 's3cret', APP1_APPCODE: 'code' },
    });
    expect(diagnostics).toEqual([]);
    expect(workspace?.groups.map((g) => [g.ref.name, g.ref.spec, g.ref.domains, g.model.apis.length])).toEqual([
      ['demo', 'demo.yaml', ['demo.example.com'], 3],
    ]);
    expect(workspace?.environments.find((e) => e.name === 'test')?.variables).toEqual({
      backend: '127.0.0.1:9000',
      basePath: '/v1',
    });
    expect(workspace?.apps[0]).toMatchObject({
      name: 'app1',
      key: '6cc7e0042e1645c4bc954368d3b495a8',
      secret: { value: 's3cret', fromEnv: 'APP1_SECRET' },
    });
    expect(workspace?.instance).toMatchObject({
      ratelimit_api_limits: 200,
      request_body_size: 12,
      backend_timeout: 60000,
    });
  });

  it("warns when a secret's environment variable is missing", async () => {
    const { workspace, diagnostics } = await loadWorkspace(join(FIXTURES, 'demo'), { cwd: FIXTURES, env: {} });
    expect(workspace).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['unset-secret', 'warn', '/apps/0/secret'],
      ['unset-secret', 'warn', '/apps/0/appCodes/0'],
    ]);
    expect(diagnostics[0]?.range?.start.line).toBe(17);
  });

  it('treats a single Swagger file as a workspace of one group in RELEASE', async () => {
    const { workspace } = await loadWorkspace(join(FIXTURES, 'examples/otc-four-backends.yaml'), {
      cwd: FIXTURES,
      env: {},
    });
    expect(workspace?.implicit).toBe(true);
    expect(workspace?.groups[0]?.ref.name).toBe('importHttpEndpoint10');
    const api = workspace?.groups[0]?.model.apis[0];
    expect(workspace && api && isPublished(workspace, 'RELEASE', api)).toBe(true);
    expect(workspace && api && environmentsOf(workspace, api)).toEqual(['RELEASE']);
  });

  it('reports schema errors with positions', async () => {
    const dir = tempWorkspace({
      'apig.yaml': 'groups:\n  - name: g\n    spec: g.yaml\ninstance:\n  backend_timeout: 900000\n  nonsense: 1\n',
    });
    const { workspace, diagnostics } = await loadWorkspace(dir, { cwd: dir, env: {} });
    expect(workspace).toBeUndefined();
    expect(diagnostics.map((d) => [d.path, d.range?.start.line, d.message])).toEqual([
      ['/instance/backend_timeout', 4, 'instance.backend_timeout must be <= 600000'],
      ['/instance/nonsense', 5, "instance must not have property 'nonsense'"],
    ]);
  });

  it('names a missing group file', async () => {
    const dir = tempWorkspace({ 'apig.yaml': 'groups:\n  - name: g\n    spec: missing.yaml\n' });
    const { diagnostics } = await loadWorkspace(dir, { cwd: dir, env: {} });
    expect(diagnostics[0]).toMatchObject({ path: '/groups/0/spec', message: 'cannot read missing.yaml: no such file' });
  });

  it('explains a missing workspace', async () => {
    const dir = tempWorkspace({});
    await expect(loadWorkspace(undefined, { cwd: dir, env: {} })).rejects.toThrow(/no apig.yaml in/);
  });
});

describe('publish and secrets', () => {
  it('publish map: names or *', () => {
    const ws = { publish: { RELEASE: ['a'], test: ['*'] } };
    expect(isPublished(ws, 'RELEASE', { name: 'a' })).toBe(true);
    expect(isPublished(ws, 'RELEASE', { name: 'b' })).toBe(false);
    expect(isPublished(ws, 'test', { name: 'b' })).toBe(true);
    expect(isPublished(ws, 'dev', { name: 'a' })).toBe(false);
  });

  it('resolves ${ENV} and masks secrets', () => {
    expect(resolveSecret('${X}', { X: 'abc' }).value).toBe('abc');
    expect(resolveSecret('${X}', {})).toEqual({ written: '${X}', value: undefined, problem: 'unset', fromEnv: 'X' });
    expect(resolveSecret('${X}', { X: '' })).toEqual({
      written: '${X}',
      value: undefined,
      problem: 'empty',
      fromEnv: 'X',
    });
    expect(resolveSecret('', {})).toEqual({ written: '', value: undefined, problem: 'empty' });
    expect(resolveSecret('literal', {}).value).toBe('literal');
    expect(maskSecret('supersecretvalue')).toBe('sup***');
    expect(maskSecret('abc')).toBe('***');
  });
});
