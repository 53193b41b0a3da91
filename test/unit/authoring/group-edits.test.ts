import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/core/line-diff.js';
import type { Api, SecurityScheme } from '../../../src/core/model.js';
import { loadGroupText } from '../../../src/oas/load-group.js';
import { addApi, addBackendPolicy, addThrottle, bindPolicy } from '../../../src/workspace/authoring/group-edits.js';
import { addApp, addEnvironment, publishApi } from '../../../src/workspace/authoring/workspace-edits.js';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures');
const read = (p: string): string => readFileSync(resolve(FIXTURES, p), 'utf8');

const API: Api = {
  name: 'addedApi',
  nameGenerated: false,
  method: 'POST',
  path: '/added/{id}',
  security: [['apig-auth-app']],
  params: [
    { name: 'id', location: 'PATH', swaggerType: 'string', required: true },
    { name: 'limit', location: 'QUERY', swaggerType: 'number', required: false },
  ],
  responses: { 200: { description: 'OK' } },
  requestType: 'public',
  matchMode: 'NORMAL',
  backend: {
    type: 'HTTP',
    http: { address: ['#backend#'], scheme: 'http', method: 'POST', path: '/added/{id}', timeout: 5000 },
  },
};
const APP_SCHEME: SecurityScheme = {
  name: 'apig-auth-app',
  type: 'apiKey',
  paramName: 'Authorization',
  in: 'header',
  authType: 'AppSigv1',
};

/** Every line of `before` is still in `after`, in order. */
function onlyInserted(before: string, after: string): boolean {
  const a = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < a.length && a[i] !== line) i++;
    if (i++ === a.length) return false;
  }
  return true;
}

describe('group edits read back as the model they were made from', () => {
  it.each([
    'demo/demo.yaml',
    'examples/full-featured.yaml',
    'examples/otc-four-backends.yaml',
    'variants/real-exports.yaml',
    'lint/mixed/shop.yaml',
  ])('%s: adds an API and keeps every line', async (file) => {
    const text = read(file);
    const before = await loadGroupText(file, text);
    const out = addApi(
      { text, format: 'yaml', spec: 'swagger2' },
      API,
      before.group?.securitySchemes.some((s) => s.name === 'apig-auth-app') ? undefined : APP_SCHEME,
    );
    expect(onlyInserted(text, out)).toBe(true);
    const after = await loadGroupText(file, out);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { kept: _k, ...added } = after.group?.apis.find((a) => a.name === 'addedApi') ?? { kept: undefined };
    expect(added).toMatchObject({ ...API, params: API.params.map((p) => expect.objectContaining(p)) });
    expect(after.group?.apis.length).toBe((before.group?.apis.length ?? 0) + 1);
  });

  it('writes OpenAPI 3.0 operations and schemes in 3.0 form', async () => {
    const text = read('oas3/otc-export.yaml');
    const out = addApi({ text, format: 'yaml', spec: 'oas3' }, { ...API, security: [['apig-auth-iam']] });
    expect(onlyInserted(text, out)).toBe(true);
    expect(out).toContain('          schema:\n            type: number\n');
    const after = await loadGroupText('otc-export.yaml', out);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(after.group?.apis.find((a) => a.name === 'addedApi')?.security).toEqual([['apig-auth-iam']]);
    expect(after.group?.apis.find((a) => a.name === 'addedApi')?.params.map((p) => p.swaggerType)).toEqual([
      'string',
      'number',
    ]);
  });

  it('edits a JSON group file as JSON', async () => {
    const json = `${JSON.stringify((await loadGroupText('demo.yaml', read('demo/demo.yaml'))).doc?.value, null, 2)}\n`;
    const withPolicy = addThrottle(
      { text: json, format: 'json', spec: 'swagger2' },
      { name: 'tier1', apiLimit: 10, interval: 1, unit: 'SECOND' },
    );
    const bound = bindPolicy(
      { text: withPolicy, format: 'json', spec: 'swagger2' },
      [{ method: 'GET', path: '/hello' }],
      'throttle',
      'tier1',
    );
    const out = addBackendPolicy(
      { text: bound, format: 'json', spec: 'swagger2' },
      { method: 'GET', path: '/hello' },
      {
        type: 'MOCK',
        mock: { resultContent: 'x' },
        name: 'p1',
        effectMode: 'ANY',
        conditions: [{ origin: 'source', value: '10.0.0.0/8' }],
      },
    );
    const after = await loadGroupText('demo.json', out);
    const hello = after.group?.apis.find((a) => a.name === 'hello');
    expect(hello?.throttle).toBe('tier1');
    expect(hello?.policies?.[0]).toMatchObject({
      name: 'p1',
      type: 'MOCK',
      conditions: [{ origin: 'source', value: '10.0.0.0/8' }],
    });
    expect(JSON.parse(out)).toBeTruthy();
  });
});

describe('apig.yaml edits', () => {
  it('add an app, an environment and a publication, keeping comments and flow maps', () => {
    const text = read('demo/apig.yaml');
    let out = addApp(text, { name: 'web', key: 'k', secret: '${WEB_SECRET}', authorize: { RELEASE: ['*'] } });
    out = addEnvironment(out, { name: 'staging', variables: { backend: '10.0.0.1:80' } });
    out = publishApi(out, 'staging', 'hello');
    expect(publishApi(out, 'test', 'hello')).toBe(out); // test publishes "*" already
    expect(onlyInserted(text, out)).toBe(true);
    expect(out).toContain(
      '  - name: web\n    key: k\n    secret: ${WEB_SECRET}\n    authorize:\n      RELEASE:\n        - "*"\n',
    );
    expect(out).toContain('  staging:\n    variables:\n      backend: 10.0.0.1:80\n');
    expect(out).toContain('  staging:\n    - hello\n');
  });
});

describe('the dry-run diff', () => {
  it('shows insertions as a unified diff with context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const after = 'a\nb\nc\nd\nX\nY\ne\nf\ng\n';
    expect(unifiedDiff('f.yaml', before, after)).toBe(
      '--- f.yaml\n+++ f.yaml\n@@ -2,6 +2,8 @@\n b\n c\n d\n+X\n+Y\n e\n f\n g\n',
    );
    expect(unifiedDiff('f.yaml', before, before)).toBe('');
    expect(unifiedDiff('n.yaml', '', 'x\n')).toBe('--- /dev/null\n+++ n.yaml\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('f', 'a\nb\n', 'a\nc\n')).toBe('--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });
});
