/**
 * `apig serve` through the real binary: the listening line, the tables, --strict, the log formats and
 * --trace, --watch (reload, and an invalid edit keeping the last good configuration), and a graceful
 * shutdown that finishes the request in flight. Never asserts on timing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { call, closedPort, spawnServe, startBackend, until, type CliServer } from './serve-helpers.js';

const dirs: string[] = [];
const children: CliServer[] = [];
/** Every server a test starts is killed after it, even when an assertion failed first. */
async function serve(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliServer> {
  const s = await spawnServe(args, env);
  children.push(s);
  return s;
}
afterEach(() => {
  for (const c of children.splice(0))
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'apig-serve-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const mockApi = (path: string, name: string): string => `  ${path}:
    get:
      operationId: ${name}
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"api":"${name}"}' } }
`;
const spec = (...apis: string[]): string =>
  `swagger: "2.0"\ninfo: { title: watched, version: "1" }\npaths:\n${apis.join('')}`;

describe('apig serve (binary)', () => {
  it('prints the listening line, the route table and the fidelity table; serves; stops on SIGTERM', async () => {
    const s = await serve(['fixtures/demo', '--port', '0']);
    await until(s.stdout, (t) => t.includes('fidelity'), 'the tables');
    expect(s.stdout()).toMatch(
      /GET\s+\/users\/\{userId\}\s+exact\s+demo\s+RELEASE,test\s+HTTP GET http:\/\/#backend##basePath#\/users\/\{userId\}/,
    );
    expect(s.stdout()).toMatch(/emulated\s+APP authentication\s+demo\/getUser/);
    const r = await call(`${s.url}/hello`);
    expect(r.json()).toEqual({ message: 'hello from apig' });
    await until(s.stderr, (t) => t.includes('200 GET /hello → demo/hello RELEASE'), 'the request log line');
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('--strict refuses to start when a configured feature would be ignored', async () => {
    const r = await runCli(['serve', 'fixtures/serve/backends', '--port', '0', '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('listening');
    expect(r.stderr).toMatch(
      /--strict: \d+ configured feature\(s\) would be ignored: FUNCTION backend without a local module/,
    );
  });

  it('names both APIs of a duplicate route with file:line:col and does not start', async () => {
    const dir = tmp();
    const dup = join(dir, 'dup.yaml');
    writeFileSync(
      dup,
      `swagger: "2.0"\ninfo: { title: dup, version: "1" }\npaths:\n  /u/{x}:\n    get: { operationId: one, parameters: [{ name: x, in: path, type: string, required: true }], responses: { "200": { description: ok } } }\n  /u/{y}:\n    get: { operationId: two, parameters: [{ name: y, in: path, type: string, required: true }], responses: { "200": { description: ok } } }\n`,
    );
    const r = await runCli(['serve', dup, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /dup\.yaml:\d+:\d+ +error +APIs one \(GET \/u\/\{x\}\) and two \(GET \/u\/\{y\}\) answer the same requests/,
    );
  });

  it('--log-format json --trace: one JSON event per request, with the stages', async () => {
    const s = await serve(['fixtures/serve/routing.yaml', '--port', '0', '--log-format', 'json', '--trace']);
    await until(s.stdout, (t) => t.includes('"type":"fidelity"'), 'the tables');
    expect(s.stdout()).toContain('"type":"routes"');
    // Every line on stdout is JSON, the start-up lines included (issue 15).
    const lines = s.stdout().trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['listening', 'routes', 'fidelity']);
    await call(`${s.url}/users/me`);
    const line = await until(s.stderr, (t) => t.includes('"type":"request"'), 'a JSON request event');
    const event = JSON.parse(line.split('\n').find((l) => l.includes('"type":"request"')) ?? '{}') as {
      api: string;
      trace: Array<{ stage: string }>;
    };
    expect(event.api).toBe('usersMe');
    expect(event.trace.map((t) => t.stage)).toContain('route');
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('--watch reloads on an edit, and an invalid edit keeps the last good configuration', async () => {
    const dir = tmp();
    const file = join(dir, 'api.yaml');
    writeFileSync(file, spec(mockApi('/one', 'one')));
    const s = await serve([file, '--port', '0', '--watch']);
    expect((await call(`${s.url}/two`)).status).toBe(404);
    writeFileSync(file, spec(mockApi('/one', 'one'), mockApi('/two', 'two')));
    await until(s.stderr, (t) => t.includes('reloaded: 2 API(s)'), 'the reload');
    expect((await call(`${s.url}/two`)).json()).toEqual({ api: 'two' });
    writeFileSync(file, `${spec(mockApi('/one', 'one'))}  /broken: [\n`);
    const err = await until(s.stderr, (t) => t.includes('reload failed'), 'the failed reload');
    expect(err).toMatch(/api\.yaml:\d+:\d+ +error/);
    expect((await call(`${s.url}/two`)).json()).toEqual({ api: 'two' });
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('SIGTERM finishes the request in flight, refuses new connections, then exits 0', async () => {
    const held: ServerResponse[] = [];
    const backend = await startBackend('hold', (_req, res) => {
      held.push(res);
    });
    const dir = tmp();
    writeFileSync(
      join(dir, 'apig.yaml'),
      `groups:\n  - { name: g, spec: api.yaml }\nenvironments:\n  RELEASE: { variables: { backend: "${backend.address}" } }\n`,
    );
    writeFileSync(
      join(dir, 'api.yaml'),
      `swagger: "2.0"\ninfo: { title: g, version: "1" }\npaths:\n  /hold:\n    get:\n      operationId: hold\n      responses: { "200": { description: ok } }\n      x-apigateway-backend: { type: HTTP, httpEndpoints: { address: "#backend#", scheme: http, method: GET, path: /hold, timeout: 60000 } }\n`,
    );
    const s = await serve([dir, '--port', '0']);
    try {
      const inFlight = call(`${s.url}/hold`);
      await until(
        () => String(held.length),
        (n) => n === '1',
        'the backend to receive the request',
      );
      s.child.kill('SIGTERM');
      await until(s.stderr, (t) => t.includes('finishing requests in flight'), 'the shutdown notice');
      await expect(call(`${s.url}/hold`)).rejects.toThrow();
      held[0]?.end('{"finished":true}');
      const r = await inFlight;
      expect(r.status).toBe(200);
      expect(r.json()).toEqual({ finished: true });
      expect(await s.exited).toBe(0);
    } finally {
      await backend.close();
    }
  });

  it('prints no workspace secret, whatever the log format and --trace', async () => {
    const secret = 'apig-serve-secret-0123456789abcdef';
    for (const format of ['pretty', 'json']) {
      const s = await serve(['fixtures/demo', '--port', '0', '--trace', '--log-format', format], {
        APP1_SECRET: secret,
        APP1_APPCODE: `${secret}-code`,
      });
      await call(`${s.url}/hello`, { headers: { 'X-Apig-Emulator-Trace': '1' } });
      await until(s.stderr, (t) => t.includes('/hello'), 'the request log');
      s.child.kill('SIGTERM');
      await s.exited;
      expect(s.stdout() + s.stderr()).not.toContain(secret.slice(0, 12));
    }
  });

  it('a missing workspace is a usage error', async () => {
    const r = await runCli(['serve', 'no/such/apig.yaml', '--port', String(await closedPort())]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder');
  });
});
