/**
 * The authoring life cycle through the CLI (in-process `run`, no terminal): `edit`, `remove`, `rename`,
 * `bind`, `unbind`, `publish`, `unpublish` on a copy of the demo workspace. Each change touches only its own
 * bytes (comments and formatting elsewhere stay), is refused (exit 2, nothing written) when it would bring a
 * lint error or leave a reference dangling, prints a diff with --dry-run, and leaves a workspace that lints
 * clean and exports losslessly.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

function demo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-lifecycle-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  return dir;
}

const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');
const original = (f: string): string => readFileSync(join(ROOT, 'fixtures/demo', f), 'utf8');

/** The lines of `after` that are not in `before`, and the reverse: what the change touched. */
function changed(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

async function sound(dir: string): Promise<void> {
  const lint = await runCli(['lint'], { cwd: dir });
  expect(lint.stdout).toContain('(0 errors,');
  expect(lint.code).toBe(0);
  expect((await runCli(['export', '--check'], { cwd: dir })).stdout).toContain('nothing is lost by this export');
}

describe('apig edit', () => {
  it('--backend-timeout 8000 --yes changes that one value and nothing else', async () => {
    const dir = demo();
    const r = await runCli(['edit', 'api', 'getUser', '--backend-timeout', '8000', '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('changed API getUser in group demo\n  wrote demo.yaml\nlint: no new findings\n');
    expect(changed(original('demo.yaml'), read(dir, 'demo.yaml'))).toEqual({
      added: ['          timeout: 8000'],
      removed: ['          timeout: 5000'],
    });
    expect(read(dir, 'apig.yaml')).toBe(original('apig.yaml'));
    await sound(dir);
  });

  it('takes --timeout as the issue writes it, and without a terminal keeps what no flag changes', async () => {
    const dir = demo();
    const r = await runCli(['edit', 'api', 'getUser', '--timeout', '9000'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(changed(original('demo.yaml'), read(dir, 'demo.yaml')).added).toEqual(['          timeout: 9000']);
  });

  it('moves an API to a new path and adds the security scheme a new auth type needs', async () => {
    const dir = demo();
    const r = await runCli(['edit', 'api', 'hello', '--path', '/hi', '--auth', 'IAM', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = read(dir, 'demo.yaml');
    expect(text).not.toContain('  /hello:');
    expect(text).toContain(
      '  /hi:\n    get:\n      operationId: hello\n      description: A mock that answers right away',
    );
    expect(text).toContain('apig-auth-iam:');
    await sound(dir);
  });

  it('with nothing changed, says so and writes nothing', async () => {
    const dir = demo();
    const r = await runCli(['edit', 'env', 'test', '--yes'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'nothing to change: environment test\n', stderr: '' });
  });

  it('an env, an app, a throttle and an acl: one field each, the flow style and quotes kept', async () => {
    const dir = demo();
    expect(
      (await runCli(['edit', 'env', 'test', '--var', 'backend=10.0.0.5:80', '--var', 'basePath=/v1'], { cwd: dir }))
        .code,
    ).toBe(0);
    expect(changed(original('apig.yaml'), read(dir, 'apig.yaml')).added).toEqual([
      '    variables: { backend: "10.0.0.5:80", basePath: "/v1" }',
    ]);
    expect((await runCli(['edit', 'throttle', 'perApp', '--api-limit', '50'], { cwd: dir })).code).toBe(0);
    expect(changed(original('demo.yaml'), read(dir, 'demo.yaml')).added).toEqual(['    api-limit: 50']);
    const app = await runCli(['edit', 'app', 'app1', '--authorize-envs', 'RELEASE', '--dry-run'], { cwd: dir });
    expect(app.stdout).toContain(
      '-    authorize: { RELEASE: ["*"], test: ["*"] }\n+    authorize: { RELEASE: ["*"] }\n',
    );
    expect(app.stdout).toContain('would have changed app app1 (dry run: nothing was written)');
  });

  it('refuses an answer the rules refuse, with the rule, and writes nothing', async () => {
    const dir = demo();
    const r = await runCli(['edit', 'api', 'getUser', '--backend-timeout', '600000', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apig: --backend-timeout: .*\(backend-timeout\)/);
    expect(read(dir, 'demo.yaml')).toBe(original('demo.yaml'));
  });

  it('names what it does not know, with the nearest name', async () => {
    const r = await runCli(['edit', 'api', 'getUsr', '--yes'], { cwd: demo() });
    expect(r).toMatchObject({ code: 2, stderr: 'apig: no API named getUsr (did you mean getUser?)\n' });
    const none = await runCli(['edit', 'api'], { cwd: demo() });
    expect(none.stderr).toBe('apig: say which API: apig edit api NAME (the workspace has hello, getUser, files)\n');
  });
});

describe('apig remove', () => {
  it('refuses while something refers to the thing, naming each reference; --force removes them too', async () => {
    const dir = demo();
    const refused = await runCli(['remove', 'env', 'test', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'apig: environment test is still referred to by:\n' +
        '  publish.test (apig.yaml)\n' +
        '  app app1: authorize.test (apig.yaml)\n' +
        'remove those references first, or add --force to remove them with it\n',
    );
    expect(read(dir, 'apig.yaml')).toBe(original('apig.yaml'));
    const r = await runCli(['remove', 'env', 'test', '--force', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: removed 2 reference(s) too: publish.test; app app1: authorize.test');
    expect(changed(original('apig.yaml'), read(dir, 'apig.yaml'))).toEqual({
      added: ['    authorize: { RELEASE: ["*"] }'],
      removed: [
        '  test:',
        '    description: integration tests',
        '  test: ["*"]',
        '    authorize: { RELEASE: ["*"], test: ["*"] }',
      ],
    });
    await sound(dir);
  });

  it('a throttling policy its API names: refused, then removed with the reference', async () => {
    const dir = demo();
    const refused = await runCli(['remove', 'throttle', 'perApp', '--yes'], { cwd: dir });
    expect(refused.stderr).toContain('  x-apigateway-ratelimit of getUser (demo.yaml)\n');
    expect((await runCli(['remove', 'throttle', 'perApp', '--force', '--yes'], { cwd: dir })).code).toBe(0);
    const text = read(dir, 'demo.yaml');
    expect(text).not.toContain('perApp');
    expect(text).not.toContain('x-apigateway-ratelimits');
    await sound(dir);
  });

  it('an API: the operation goes, and the path item when it held nothing else', async () => {
    const dir = demo();
    const r = await runCli(['remove', 'api', 'files', '--yes'], { cwd: dir });
    expect(r.stdout).toContain('removed API files in group demo');
    expect(read(dir, 'demo.yaml')).not.toContain('/files');
    await sound(dir);
  });

  it('without a terminal asks for --yes; --dry-run prints the diff and needs none', async () => {
    const dir = demo();
    const r = await runCli(['remove', 'api', 'files'], { cwd: dir });
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toBe(
      'apig: Remove API files in group demo? There is no terminal to ask on: add --yes to confirm\n',
    );
    const dry = await runCli(['remove', 'api', 'files', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toContain('-  /files:\n');
    expect(read(dir, 'demo.yaml')).toBe(original('demo.yaml'));
  });

  it('RELEASE stays: it is the gateway’s own environment', async () => {
    const r = await runCli(['remove', 'env', 'RELEASE', '--yes'], { cwd: demo() });
    expect(r.stderr).toBe("apig: RELEASE is the gateway's own environment: it cannot be removed\n");
  });
});

describe('apig rename', () => {
  it('an environment: its key and every key naming it keep their place', async () => {
    const dir = demo();
    const r = await runCli(['rename', 'env', 'test', 'staging'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: updated 2 reference(s): publish.test; app app1: authorize.test');
    expect(read(dir, 'apig.yaml')).toBe(
      original('apig.yaml')
        .replace('  test:\n', '  staging:\n')
        .replace('  test: ["*"]', '  staging: ["*"]')
        .replace('test: ["*"] }', 'staging: ["*"] }'),
    );
    await sound(dir);
  });

  it('an API: its operationId, and the lists that name it', async () => {
    const dir = demo();
    writeFileSync(join(dir, 'apig.yaml'), read(dir, 'apig.yaml').replace('  test: ["*"]', '  test: [getUser, hello]'));
    const r = await runCli(['rename', 'api', 'getUser', 'fetchUser'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read(dir, 'demo.yaml')).toContain('operationId: fetchUser');
    expect(read(dir, 'apig.yaml')).toContain('  test: [fetchUser, hello]');
    await sound(dir);
  });

  it('a throttling policy: the definition and the operations that name it', async () => {
    const dir = demo();
    expect((await runCli(['rename', 'throttle', 'perApp', 'perClient'], { cwd: dir })).code).toBe(0);
    const text = read(dir, 'demo.yaml');
    expect(text).toContain('x-apigateway-ratelimit: perClient');
    expect(text).toContain('  perClient:\n    api-limit: 100');
    await sound(dir);
  });

  it('refuses a taken name, and a name the rules refuse', async () => {
    const dir = demo();
    expect((await runCli(['rename', 'api', 'hello', 'files'], { cwd: dir })).stderr).toBe(
      'apig: there is already an API named files\n',
    );
    const bad = await runCli(['rename', 'throttle', 'perApp', 'x'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not written: .*\(policy-name\)/s);
    expect(read(dir, 'demo.yaml')).toBe(original('demo.yaml'));
  });
});

describe('apig bind and unbind', () => {
  it('binds a policy to APIs in every environment, then takes it off', async () => {
    const dir = demo();
    const r = await runCli(['bind', 'throttle', 'perApp', '--api', 'hello,files'], { cwd: dir });
    expect(r.stdout).toContain('bound perApp to hello, files in every environment');
    expect(read(dir, 'demo.yaml').match(/x-apigateway-ratelimit: perApp/g)).toHaveLength(3);
    await sound(dir);
    expect((await runCli(['unbind', 'throttle', 'perApp', '--api', 'hello'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'demo.yaml').match(/x-apigateway-ratelimit: perApp/g)).toHaveLength(2);
    const not = await runCli(['unbind', 'throttle', 'perApp', '--api', 'hello'], { cwd: dir });
    expect(not.stderr).toBe('apig: API hello does not name perApp in x-apigateway-ratelimit\n');
  });

  it('--env binds in apig.yaml bindings for that environment only; unbinding an inherited one writes null', async () => {
    const dir = demo();
    expect((await runCli(['bind', 'throttle', 'perApp', '--api', 'hello', '--env', 'test'], { cwd: dir })).code).toBe(
      0,
    );
    expect(read(dir, 'apig.yaml')).toContain('bindings:\n  test:\n    hello:\n      throttle: perApp\n');
    expect(
      (await runCli(['unbind', 'throttle', 'perApp', '--api', 'getUser', '--env', 'test'], { cwd: dir })).code,
    ).toBe(0);
    expect(read(dir, 'apig.yaml')).toContain('    getUser:\n      throttle: null\n');
    expect((await runCli(['unbind', 'throttle', 'perApp', '--api', 'hello', '--env', 'test'], { cwd: dir })).code).toBe(
      0,
    );
    expect(read(dir, 'apig.yaml')).not.toContain('hello:');
    await sound(dir);
  });

  it('refuses an API of another group, an unknown environment, and --env for policy backends', async () => {
    const dir = demo();
    expect((await runCli(['bind', 'throttle', 'perApp', '--api', 'helo'], { cwd: dir })).stderr).toBe(
      'apig: no API named helo in group demo (did you mean hello?) (a policy is bound to APIs of its own group)\n',
    );
    expect((await runCli(['bind', 'throttle', 'perApp', '--api', 'hello', '--env', 'tset'], { cwd: dir })).stderr).toBe(
      'apig: no environment named tset (did you mean test?); add it with apig add env\n',
    );
    expect((await runCli(['bind', 'throttle', 'perApp'], { cwd: dir })).stderr).toBe(
      'apig: say which APIs: --api NAME (comma-separated for several)\n',
    );
  });
});

describe('apig publish and unpublish', () => {
  it('without a publish: map, writes one that keeps RELEASE as it was', async () => {
    const dir = demo();
    const ws = read(dir, 'apig.yaml').replace(/publish:\n {2}RELEASE: \["\*"\]\n {2}test: \["\*"\]\n/, '');
    writeFileSync(join(dir, 'apig.yaml'), ws);
    const r = await runCli(['publish', 'test', 'getUser'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'note: apig.yaml had no publish: map (every API in RELEASE): it now has one, with RELEASE: ["*"]',
    );
    expect(read(dir, 'apig.yaml')).toContain('publish:\n  RELEASE:\n    - "*"\n  test:\n    - getUser\n');
    await sound(dir);
  });

  it('unpublishing one API from "*" lists the others by name; without APIs, empties the environment', async () => {
    const dir = demo();
    const r = await runCli(['unpublish', 'test', 'getUser', '--yes'], { cwd: dir });
    expect(r.stdout).toContain('note: publish.test was "*" (every API): it now lists the other APIs by name');
    expect(read(dir, 'apig.yaml')).toContain('  test: [hello, files]\n');
    expect((await runCli(['unpublish', 'test', '--yes'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'apig.yaml')).toContain('publish:\n  RELEASE: ["*"]\napps:');
    expect((await runCli(['unpublish', 'test', '--yes'], { cwd: dir })).stderr).toBe(
      'apig: nothing is published to test\n',
    );
    expect((await runCli(['publish', 'test'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'apig.yaml')).toContain('  test:\n    - "*"\n');
  });

  it('refuses an environment or API that does not exist', async () => {
    const dir = demo();
    expect((await runCli(['publish', 'prod'], { cwd: dir })).stderr).toBe(
      'apig: no environment named prod; add it with apig add env\n',
    );
    expect((await runCli(['publish', 'test', 'getUsers'], { cwd: dir })).stderr).toBe(
      'apig: no API named getUsers (did you mean getUser?)\n',
    );
  });
});
