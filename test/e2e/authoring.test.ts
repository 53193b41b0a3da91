/**
 * `apig init` and `apig add` through the CLI (in-process `run`) without a terminal (flags, --yes, refusals, exit
 * codes), and the round trip of what they write: it imports losslessly (export --check), lints clean,
 * and serves (the gateway on port 0, called over HTTP).
 */
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, prepare, type Launched } from '../../src/gateway/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runCli } from './run-cli.js';
import { call, startBackend, type Backend } from './serve-helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'apig-authoring-'));

async function serve(dir: string, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; launched: Launched }> {
  const prepared = await prepare({ path: dir, cwd: dir, env, protocolCheck: false });
  if (!prepared.config) throw new Error(`does not serve: ${prepared.diagnostics.map((d) => d.message).join('; ')}`);
  const launched = await launch(prepared.config, { host: '127.0.0.1', port: 0, healthTimers: false });
  return { url: launched.server.urls[0] as string, launched };
}

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend('shop-backend');
});
afterAll(async () => {
  await backend.close();
});

describe('apig init', () => {
  it.each(['mock', 'http', 'app-auth'] as const)(
    'the %s template lints clean, exports losslessly and serves',
    async (template) => {
      const dir = tmp();
      // --backend is for the http template only: given with another it is refused, not dropped.
      const init = await runCli(
        [
          'init',
          'shop',
          '--template',
          template,
          ...(template === 'http' ? ['--backend', backend.address] : []),
          '--yes',
        ],
        { cwd: dir },
      );
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      expect(init.stdout).toContain(
        `created shop/apig.yaml and shop/shop.yaml (${template} template)\nlint: no findings\n\nnext:\n  cd shop\n`,
      );
      const ws = join(dir, 'shop');
      expect((await runCli(['lint'], { cwd: ws })).code).toBe(0);
      expect((await runCli(['export', '--check'], { cwd: ws })).stdout).toContain('nothing is lost by this export');

      const secret = /export APP1_SECRET=([0-9a-f]{32})/.exec(init.stdout)?.[1];
      const env = secret ? { APP1_SECRET: secret } : {};
      const { url, launched } = await serve(ws, env);
      try {
        if (template === 'mock') expect((await call(`${url}/hello`)).json()).toEqual({ message: 'hello from apig' });
        if (template === 'http')
          expect((await call(`${url}/users/7`)).json()).toMatchObject({ backend: 'shop-backend', url: '/users/7' });
        if (template === 'app-auth') {
          // The command init prints, as the user would run it.
          const signed = await runCli(['sign', '--app', 'app1', '--send', `${url}/orders`], { cwd: ws, env });
          expect(signed.stdout).toContain('{"orders": []}');
          expect(signed.code).toBe(0);
        }
      } finally {
        await launched.close(1000);
      }
    },
  );

  it('without a terminal asks nothing: every question without a flag is listed, exit 2; an existing workspace is refused', async () => {
    const dir = tmp();
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'apig: missing flags (there is no terminal to ask on):',
        '  --template  mock, http (HTTP backend with an environment variable) or app-auth (APP auth and a throttling policy)',
        "  --group     the first group's name (default: from the folder name)",
        'give them, or add --yes to take their defaults\n',
      ].join('\n'),
    );
    expect((await runCli(['init', '--template', 'mock'], { cwd: dir })).stderr).toMatch(
      /^apig: missing flag \(there is no terminal to ask on\):\n {2}--group .*\ngive it, or add --yes to take its default\n$/,
    );
    expect((await runCli(['init', '--template', 'mock', '--group', '9x'], { cwd: dir })).stderr).toMatch(
      /^apig: --group: group name "9x" must be 3–64 letters, digits or underscores, starting with a letter .*group-name\)\n$/,
    );
    expect((await runCli(['init', '--yes'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['init', '--yes'], { cwd: dir })).stderr).toBe(
      'apig: . already has apig.yaml; add to it with apig add\n',
    );
  });

  it('--dry-run prints the files and writes nothing', async () => {
    const dir = tmp();
    const r = await runCli(['init', 'w', '--template', 'mock', '--group', 'shop', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- /dev/null\n+++ w/apig.yaml\n@@ -0,0 +1,4 @@\n+# apig workspace');
    expect(r.stdout).toContain('+++ w/shop.yaml\n');
    expect(r.stdout.endsWith('(dry run: nothing was written)\n')).toBe(true);
    expect(() => readFileSync(join(dir, 'w', 'apig.yaml'))).toThrow();
  });
});

describe('apig add', () => {
  let ws = '';
  beforeAll(async () => {
    const dir = tmp();
    expect(
      (await runCli(['init', 'shop', '--template', 'http', '--backend', backend.address, '--yes'], { cwd: dir })).code,
    ).toBe(0);
    ws = join(dir, 'shop');
  });

  it("refuses invalid flags with the rule's message (exit 2) and lists missing flags without a terminal", async () => {
    const before = readFileSync(join(ws, 'shop.yaml'), 'utf8');
    const cases: Array<[string[], unknown]> = [
      [
        ['add', 'api', '--yes'],
        'apig: missing flags (nothing is asked with --yes, and these have no default):\n  --path  request path, e.g. /users/{id}\n  --name  the API name (operationId); --yes derives one from the method and path\n',
      ],
      [
        ['add', 'api', '--path', '/o', '--name', 'oApi', '--backend-type', 'HTTP', '--backend-address', '#backend#'],
        expect.stringMatching(
          /^apig: missing flags \(there is no terminal to ask on\):\n {2}--method .*\n {2}--backend-timeout .*\n {2}--\[no-\]cors .*\ngive them, or add --yes to take their defaults\n$/s,
        ),
      ],
      [
        ['add', 'api', '--path', '/a b', '--name', 'ab1'],
        'apig: --path: request path "/a b" has characters outside the URI set (spaces, quotes, ?, #, <, >, \\, ^ and | are not allowed) (path-syntax)\n',
      ],
      [
        ['add', 'api', '--path', '/x', '--name', 'xApi', '--param', 'X-Stage:header'],
        'apig: --param: "X-Stage:header": parameter "X-Stage": x-stage selects the environment and is reserved (case-insensitive) (reserved-name)\n',
      ],
      [
        ['add', 'throttle', '--name', 'tier1', '--api-limit', '10', '--user-limit', '11'],
        'apig: --user-limit: tier1: user-limit 11 is above api-limit 10 (throttle-policy)\n',
      ],
      [
        ['add', 'api', '--path', '/users/{id}', '--name', 'dup'],
        'apig: --path: route conflict: shop.yaml GET /users/{id} (the new API) matches the same requests as shop.yaml GET /users/{userId} (getUser) (route-conflict)\n',
      ],
      [
        ['add'],
        'apig: say what to add: apig add api, apig add app, apig add env, apig add throttle, apig add acl, apig add backend-policy\n',
      ],
      [['add', 'thing'], 'apig: unknown kind "thing"; choose api, app, env, throttle, acl, backend-policy\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await runCli(args, { cwd: ws });
      expect([args.join(' '), r.stderr, r.code]).toEqual([args.join(' '), stderr, 2]);
    }
    expect(readFileSync(join(ws, 'shop.yaml'), 'utf8')).toBe(before);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const before = readFileSync(join(ws, 'shop.yaml'), 'utf8');
    const r = await runCli(['add', 'api', '--path', '/ping', '--name', 'ping', '--yes', '--dry-run'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- shop.yaml\n\+\+\+ shop.yaml\n@@ -(\d+),3 \+\1,15 @@\n/);
    expect(r.stdout).toContain('+  /ping:\n+    get:\n+      operationId: ping\n');
    expect(
      r.stdout.endsWith('would add API ping (GET /ping, MOCK backend) in group shop (dry run: nothing was written)\n'),
    ).toBe(true);
    expect(readFileSync(join(ws, 'shop.yaml'), 'utf8')).toBe(before);
  });

  it("round trip: what it writes keeps the file's lines, imports losslessly, lints clean and serves", async () => {
    const before = readFileSync(join(ws, 'shop.yaml'), 'utf8');
    const steps: string[][] = [
      ['add', 'env', '--name', 'staging', '--var', `backend=${backend.address}`, '--description', 'pre-production'], // every question answered
      [
        'add',
        'api',
        '--path',
        '/orders/{orderId}',
        '--name',
        'getOrder',
        '--method',
        'GET',
        '--param',
        'expand:query',
        '--param',
        'X-Tenant:header:string:required',
        '--backend-type',
        'HTTP',
        '--backend-address',
        '#backend#',
        '--backend-path',
        '/v1/orders/{orderId}',
        '--cors',
        '--auth',
        'APP',
        '--yes',
      ],
      [
        'add',
        'throttle',
        '--name',
        'perTenant',
        '--api-limit',
        '100',
        '--user-limit',
        '50',
        '--unit',
        'MINUTE',
        '--apis',
        'getOrder',
        '--yes',
      ],
      [
        'add',
        'acl',
        '--name',
        'partners',
        '--type',
        'PERMIT',
        '--entity',
        'IP',
        '--values',
        '127.0.0.1,10.0.0.0/8',
        '--apis',
        'getOrder',
      ], // every question answered
      [
        'add',
        'backend-policy',
        '--api',
        'getOrder',
        '--name',
        'expanded',
        '--condition',
        'param:expand:exact:all',
        '--backend-type',
        'HTTP',
        '--backend-address',
        '#backend#',
        '--backend-path',
        '/v2/orders/{orderId}',
        '--yes',
      ],
      ['add', 'api', '--path', '/health', '--name', 'health', '--mock-body', '{"ok": true}', '--yes'],
      ['add', 'app', '--name', 'partner', '--key', 'a'.repeat(32), '--secret', 'partner-secret', '--yes'],
    ];
    const outputs: string[] = [];
    for (const args of steps) {
      const r = await runCli(args, { cwd: ws });
      expect([args.slice(0, 2).join(' '), r.stderr, r.code]).toEqual([args.slice(0, 2).join(' '), '', 0]);
      expect(r.stdout).toMatch(/^added .*\n {2}wrote /);
      outputs.push(r.stdout);
    }
    // The linter runs on what changed: CORS on an APP-auth API without an OPTIONS API is worth a warning.
    expect(outputs[1]).toMatch(
      /lint: 1 new finding\(s\):\n {2}shop.yaml:\d+:\d+ {2}warn {2}CORS is on and browsers will send a preflight .* {2}cors-preflight at #\/paths\/~1orders~1\{orderId\}\/get\/x-apigateway-cors\n$/,
    );
    expect(outputs[0]).toContain('lint: no new findings\n');
    const after = readFileSync(join(ws, 'shop.yaml'), 'utf8');
    expect(after.startsWith(before.slice(0, before.indexOf('\n  /users/{userId}:')))).toBe(true);

    const lint = await runCli(['lint'], { cwd: ws });
    expect([lint.stdout, lint.code]).toEqual([
      expect.stringContaining('✖ 1 problem (0 errors, 1 warning, 0 info, 0 hints) in 2 files'),
      0,
    ]);
    const check = await runCli(['export', '--check'], { cwd: ws });
    expect(check.stdout).toBe('shop.yaml: nothing is lost by this export (scope extended)\n');

    const loaded = await loadWorkspace(ws, { cwd: ws, env: {} });
    const api = loaded.workspace?.groups[0]?.model.apis.find((a) => a.name === 'getOrder');
    expect(api).toMatchObject({
      throttle: 'perTenant',
      acl: 'partners',
      cors: true,
      security: [['apig-auth-app']],
      policies: [{ name: 'expanded', conditions: [{ origin: 'param', parameter: 'expand', value: 'all' }] }],
    });
    expect(loaded.workspace?.environments.map((e) => e.name)).toEqual(['RELEASE', 'staging']);

    const { url, launched } = await serve(ws);
    try {
      expect((await call(`${url}/health`)).json()).toEqual({ ok: true });
      // Signed with the added app, from an address the added ACL permits, within the added throttle: the call
      // stays right once the emulator enforces them (auth, ACL, throttling and policy backends are issue 6).
      const signed = await runCli(['sign', '--app', 'partner', '--send', '-H', 'X-Tenant: t1', `${url}/orders/42`], {
        cwd: ws,
      });
      expect(signed.code).toBe(0);
      expect(signed.stdout).toContain('"url":"/v1/orders/42"');
    } finally {
      await launched.close(1000);
    }
  });

  it('publishes a new API to the environments chosen with --publish when apig.yaml has a publish: map', async () => {
    const dir = tmp();
    expect((await runCli(['init', '--template', 'mock', '--group', 'pub', '--yes'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['add', 'env', '--name', 'staging', '--yes'], { cwd: dir })).code).toBe(0);
    appendFileSync(join(dir, 'apig.yaml'), 'publish:\n  RELEASE: ["*"]\n  staging: [hello]   # only what is ready\n');
    const refused = await runCli(['add', 'api', '--path', '/p', '--name', 'pApi', '--publish', 'RELEASE', '--yes'], {
      cwd: dir,
    });
    expect([refused.stderr, refused.code]).toEqual(['apig: --publish: "RELEASE" is not one of staging\n', 2]);
    const r = await runCli(['add', 'api', '--path', '/p', '--name', 'pApi', '--publish', 'staging', '--yes'], {
      cwd: dir,
    });
    expect(r.stdout).toBe(
      'added API pApi (GET /p, MOCK backend) in group pub\n  wrote pub.yaml\n  wrote apig.yaml\nlint: no new findings\n',
    );
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toContain(
      'publish:\n  RELEASE: ["*"]\n  staging: [ hello, pApi ]   # only what is ready\n',
    );
    expect((await runCli(['lint'], { cwd: dir })).code).toBe(0);
  });
});
