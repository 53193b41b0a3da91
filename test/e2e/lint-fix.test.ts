/**
 * `apig lint --fix` and `--fix-dry-run` end to end, through `run(argv, io)`: what is written (comments kept, atomic),
 * what is printed, the exit codes, standard input, what is never fixed (suppressed, baselined), and that fixed files
 * still import, export losslessly and serve the preflight the fix added.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIo } from '../../src/cli/io.js';
import { runFixes } from '../../src/cli/commands/lint-fix.js';
import type { Linted } from '../../src/cli/commands/lint-linted.js';
import { DEFAULT_QUOTAS } from '../../src/lint/quotas.js';
import { lintWorkspace, sortFindings } from '../../src/lint/run.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { ROOT, runCli } from './run-cli.js';
import { call, startGateway } from './serve-helpers.js';

const MIXED = join(ROOT, 'fixtures/lint/mixed');

/** A folder of its own holding these files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-lint-fix-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function mixed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-lint-fix-'));
  cpSync(MIXED, dir, { recursive: true });
  return dir;
}

/** Every problem fixable: an info, a warning and an error, several fixes in one file, two at one place. */
const FIXABLE = `# The orders API (comments stay)
swagger: "2.0"
info: {title: orders_api, version: "1"}
paths:
  /orders/{orderId}:
    put:
      operationId: putOrder
      parameters:
        - {name: orderId, in: Path, type: string}   # in: Path, no required
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: "10.0.0.8:8080", scheme: HTTP, method: PUT, path: /orders, timeout: "5000"}
    delete:
      operationId: deleteOrder
      parameters:
        - {name: orderId, in: path, type: string, required: true}
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: deleted}}
`;

const FIXED = `# The orders API (comments stay)
swagger: "2.0"
info: {title: orders_api, version: "1"}
paths:
  /orders/{orderId}:
    put:
      operationId: putOrder
      parameters:
        - {name: orderId, in: path, type: string, required: true}   # in: Path, no required
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: "10.0.0.8:8080", scheme: http, method: PUT, path: /orders, timeout: 5000}
    delete:
      operationId: deleteOrder
      parameters:
        - {name: orderId, in: path, type: string, required: true}
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: deleted}}
    options:
      operationId: preflight_orders_orderId
      parameters:
        - name: orderId
          in: path
          required: true
          type: string
      responses:
        "200":
          description: CORS preflight
      x-apigateway-cors: true
      x-apigateway-backend:
        type: MOCK
        mockEndpoints:
          result-content: ""
`;

describe('apig lint --fix', () => {
  it('fixes every fixable problem of a file in one run, keeps its comments, lints again: exit 0', async () => {
    const dir = folder({ 'orders.yaml': FIXABLE });
    const before = await runCli(['lint', 'orders.yaml', '-f', 'json'], { cwd: dir });
    const codes = (JSON.parse(before.stdout) as { results: Array<{ code: string }> }).results.map((r) => r.code);
    // The PUT is left out of the model for its Swagger error: its CORS finding shows once it is fixed, and the
    // OPTIONS API the DELETE's fix adds covers it.
    expect(codes.sort()).toEqual([
      'canonical-spelling',
      'canonical-spelling',
      'canonical-spelling',
      'cors-preflight',
      'swagger-schema',
    ]);
    const r = await runCli(['lint', 'orders.yaml', '--fix'], { cwd: dir });
    expect(r.stderr).toBe('apig lint: fixed 5 problems in 1 file\n');
    expect(r.stdout).toBe('✔ 0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 1 file\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'orders.yaml'), 'utf8')).toBe(FIXED);
    const again = await runCli(['lint', 'orders.yaml', '--fix'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([0, 'apig lint: fixed 0 problems in 0 files\n']);
  });

  it('fixes again what the fixes bring to light, in the same run', async () => {
    // The PUT alone: lint leaves it out for its Swagger error, so its CORS finding shows only once that is fixed.
    const put = FIXABLE.slice(0, FIXABLE.indexOf('    delete:'));
    const dir = folder({ 'orders.yaml': put });
    const r = await runCli(['lint', 'orders.yaml', '--fix'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, 'apig lint: fixed 5 problems in 1 file\n']);
    expect(readFileSync(join(dir, 'orders.yaml'), 'utf8')).toBe(
      FIXED.slice(0, FIXED.indexOf('    delete:')) + FIXED.slice(FIXED.indexOf('    options:')),
    );
    const dry = await runCli(['lint', 'orders.yaml', '--fix-dry-run'], { cwd: folder({ 'orders.yaml': put }) });
    expect(dry.stderr).toBe('apig lint: --fix-dry-run: 5 problems would be fixed in 1 file; nothing was written\n');
    expect(dry.stdout).toContain('+    options:\n');
  });

  it('reports what remains, with the usual exit code: 1 while errors remain', async () => {
    const dir = mixed();
    const apig = readFileSync(join(dir, 'apig.yaml'), 'utf8');
    const r = await runCli(['lint', '--fix'], { cwd: dir });
    expect(r.stderr).toBe('apig lint: fixed 3 problems in 2 files\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ 3 problems (3 errors, 0 warnings, 0 info, 0 hints) in 2 files');
    expect(r.stdout).not.toMatch(/cors-preflight|canonical-spelling/);
    // The new OPTIONS API is published where listOrders is; the rest of apig.yaml (its comments) stays.
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toBe(
      apig.replace('test: [listOrders, getOrdr]', 'test: [listOrders, getOrdr, preflight_orders]'),
    );
    const shop = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    expect(shop).toContain('          scheme: http\n');
    expect(shop).toContain('    options:\n      operationId: preflight_orders\n');
  });

  it('writes atomically: the file is replaced whole (a new inode), keeps its mode, and no temporary file stays', async () => {
    const dir = folder({ 'orders.yaml': FIXABLE, 'other.yaml': 'not: linted\n' });
    const file = join(dir, 'orders.yaml');
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    expect((await runCli(['lint', 'orders.yaml', '--fix'], { cwd: dir })).code).toBe(0);
    expect(statSync(file).ino).not.toBe(inode);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['orders.yaml', 'other.yaml']);
  });

  it('leaves suppressed findings and those the baseline lists as they are', async () => {
    const spec = FIXABLE.replace(
      '      x-apigateway-cors: true\n      x-apigateway-backend:\n        type: HTTP',
      '      x-apigateway-cors: true\n      x-apig-lint-disable: [{rule: canonical-spelling, reason: "as exported"}]\n' +
        '      x-apigateway-backend:\n        type: HTTP',
    );
    const dir = folder({
      'orders.yaml': spec,
      'baseline.yaml':
        'orders.yaml:\n  cors-preflight:\n    - /paths/~1orders~1{orderId}/put/x-apigateway-cors\n' +
        '    - /paths/~1orders~1{orderId}/delete/x-apigateway-cors\n',
    });
    const r = await runCli(['lint', 'orders.yaml', '--fix', '--baseline', 'baseline.yaml'], { cwd: dir });
    // Only the Swagger error is neither suppressed nor in the baseline.
    expect(r.stderr).toBe('apig lint: fixed 1 problem in 1 file\n');
    const text = readFileSync(join(dir, 'orders.yaml'), 'utf8');
    expect(text).toBe(
      spec.replace(
        '{name: orderId, in: Path, type: string}',
        '{name: orderId, in: Path, type: string, required: true}',
      ),
    );
    expect(r.stdout).toContain('3 suppressed, 2 hidden by the baseline');
  });

  it('the fixed files import and export without loss', async () => {
    const dir = folder({ 'orders.yaml': FIXABLE });
    cpSync(join(ROOT, 'fixtures/variants/real-exports.yaml'), join(dir, 'real-exports.yaml'));
    for (const file of ['orders.yaml', 'real-exports.yaml']) {
      await runCli(['lint', file, '--fix'], { cwd: dir });
      const check = await runCli(['export', file, '--check'], { cwd: dir });
      expect([file, check.code, check.stderr]).toEqual([file, 0, expect.any(String)]);
    }
    const imported = await runCli(['import', 'orders.yaml', '-w', 'ws/apig.yaml'], { cwd: dir });
    expect([imported.code, imported.stderr]).toEqual([0, expect.not.stringContaining('error')]);
    const real = await runCli(['import', 'real-exports.yaml', '-w', 'ws/apig.yaml'], { cwd: dir });
    expect(real.code).toBe(0);
  });

  describe('the OPTIONS API it adds answers the browser', () => {
    const dir = folder({ 'orders.yaml': FIXABLE });
    let close: (() => Promise<void>) | undefined;
    afterAll(async () => close?.());

    it('with the documented preflight headers', async () => {
      expect((await runCli(['lint', 'orders.yaml', '--fix'], { cwd: dir })).code).toBe(0);
      const gw = await startGateway(join(dir, 'orders.yaml'));
      close = gw.close;
      const before = await call(`${gw.url}/orders/42`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'PUT' },
      });
      expect(before.status).toBe(200);
      expect(before.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET,POST,PUT,DELETE,HEAD,OPTIONS,PATCH',
        'access-control-max-age': '172800',
      });
    });
  });
});

describe('a fix whose place changed since lint found it', () => {
  it('is skipped; lint looks again at the file as the other fixes left it, and fixes what it finds there', async () => {
    const dir = folder({ 'orders.yaml': FIXABLE });
    const file = join(dir, 'orders.yaml');
    const lintNow = async (texts?: ReadonlyMap<string, string>): Promise<Linted> => {
      const loaded = await loadWorkspace('orders.yaml', {
        cwd: dir,
        env: {},
        partial: true,
        ...(texts ? { texts } : {}),
      });
      const options = { quotas: DEFAULT_QUOTAS, fixes: true };
      const findings = sortFindings(lintWorkspace(loaded.workspace, loaded.diagnostics, options));
      return { findings, files: new Set(['orders.yaml']), paths: new Map([['orders.yaml', file]]) };
    };
    const found = await lintNow();
    // The file is edited after lint read it: the backend's scheme is now HTTPS, not the HTTP lint saw.
    writeFileSync(file, FIXABLE.replace('scheme: HTTP,', 'scheme: HTTPS,'));
    let err = '';
    const io = makeIo([], {
      out: () => undefined,
      err: (t) => {
        err += t;
      },
      readStdin: () => Promise.resolve(Buffer.alloc(0)),
      stdoutIsTTY: false,
      stdinIsTTY: false,
      env: {},
      cwd: dir,
    });
    const ctx = { io, setExit: () => undefined, allowRemoteRefs: false };
    const left = await runFixes(found, 'fix', ctx, undefined, (texts) => lintNow(texts));
    // Four fixes of the first pass, the new spelling's in the second.
    expect(err).toBe('apig lint: fixed 5 problems in 1 file\n');
    expect(left.findings).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(FIXED.replace('scheme: http,', 'scheme: https,'));
  });
});

describe('apig lint --fix-dry-run', () => {
  it('prints the diff, writes nothing, and exits as the lint of the files as they are', async () => {
    const dir = mixed();
    const shop = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    const r = await runCli(['lint', '--fix-dry-run'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('apig lint: --fix-dry-run: 3 problems would be fixed in 2 files; nothing was written\n');
    expect(r.stdout).toBe(`--- shop.yaml
+++ shop.yaml
@@ -17,7 +17,7 @@
         type: HTTP
         httpEndpoints:
           address: "#backend#"
-          scheme: HTTP
+          scheme: http
           method: GET
           path: /orders
     put:
@@ -32,3 +32,13 @@
         type: MOCK
         mockEndpoints:
           result-content: '{"ok": true}'
+    options:
+      operationId: preflight_orders
+      responses:
+        "200":
+          description: CORS preflight
+      x-apigateway-cors: true
+      x-apigateway-backend:
+        type: MOCK
+        mockEndpoints:
+          result-content: ""
--- apig.yaml
+++ apig.yaml
@@ -8,4 +8,4 @@
     variables: { backend: "127.0.0.1:9000" }
 publish:
   RELEASE: ["*"]
-  test: [listOrders, getOrdr]
+  test: [listOrders, getOrdr, preflight_orders]
`);
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toBe(shop);
  });

  it('exit 0 when what is there fails nothing; the report goes to --output files', async () => {
    const dir = folder({
      'orders.yaml': FIXABLE.replace('in: Path, type: string}', 'in: Path, type: string, required: true}'),
    });
    const r = await runCli(['lint', 'orders.yaml', '--fix-dry-run', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- orders\.yaml\n/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { results: unknown[] };
    expect(report.results).toHaveLength(5);
  });
});

describe('apig lint - --fix (standard input)', () => {
  it('prints the fixed document and nothing else on standard output; exits as its lint does', async () => {
    const r = await runCli(['lint', '-', '--fix', '--stdin-filepath', './specs/../orders.yaml'], { input: FIXABLE });
    expect(r.stdout).toBe(FIXED);
    expect(r.stderr).toBe('apig lint: fixed 5 problems in 1 file\n');
    expect(r.code).toBe(0);
  });

  it('prints the document as it was when there is nothing to fix, with the exit code of its findings', async () => {
    const text = 'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {}\n';
    const r = await runCli(['lint', '-', '--fix'], { input: text });
    expect(r.stdout).toBe(text);
    expect(r.code).toBe(1);
  });
});

describe('usage errors: exit 2', () => {
  it.each([
    [['--fix', '--fix-dry-run'], 'give --fix or --fix-dry-run, not both'],
    [['--fix', '--watch'], '--watch cannot be combined with --fix'],
    [['--fix-dry-run', '--watch'], '--watch cannot be combined with --fix-dry-run'],
    [['--fix', '--generate-baseline', 'b.yaml'], '--fix cannot be combined with --generate-baseline'],
    [['--fix-dry-run', '-f', 'json'], 'standard output holds the diff: give each --format an --output file'],
    [['-', 'shop.yaml', '--fix'], '--fix with - fixes standard input alone'],
    [['-', '--fix', '-f', 'stylish'], 'standard output holds the fixed document'],
  ])('%j', async (args, message) => {
    const dir = mixed();
    const shop = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    const r = await runCli(['lint', ...args], { cwd: dir, input: shop });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toBe(shop);
  });
});
