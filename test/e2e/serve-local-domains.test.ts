/**
 * Every group answers at its local domain, `LABEL.localhost` (docs/serve.md, Local domains), and the route table
 * prints for each API a URL that works when pasted after `curl`: the workspace of issue 15's report (`init`, then
 * two imports; no DEFAULT group, no domains), served by the real binary. The URLs are requested as printed, over
 * a raw socket with their Host (Node's clients may not resolve `*.localhost`), and with curl through a shell when
 * curl is installed (curl resolves `*.localhost` to the loopback address itself since 7.78).
 */
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWithHost, initWithImports, type ThreeGroups } from './local-domains-kit.js';
import { spawnServe, until, type CliServer } from './serve-helpers.js';

/** The route table's rows: METHOD, PATH, ..., and the URL as printed (a shell word) last. */
function printedUrls(stdout: string): Array<{ path: string; group: string; word: string }> {
  const lines = stdout.split('\n');
  const head = lines.findIndex((l) => l.startsWith('METHOD'));
  const rows: Array<{ path: string; group: string; word: string }> = [];
  for (const line of lines.slice(head + 1)) {
    if (!/^[A-Z]+ {2}/.test(line)) break;
    const cells = line.split(/ {2,}/);
    rows.push({ path: cells[1] ?? '', group: cells[3] ?? '', word: cells[cells.length - 1] ?? '' });
  }
  return rows;
}

/** A shell word as the shell reads it (only the quoting apig prints: '...' with '\'' inside). */
const unquote = (word: string): string => (word.startsWith("'") ? word.slice(1, -1).replaceAll("'\\''", "'") : word);

const hasCurl = ((): boolean => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let ws: ThreeGroups;
let s: CliServer;
let port: number;
beforeAll(async () => {
  ws = await initWithImports();
  s = await spawnServe([ws.dir, '--port', '0']);
  port = Number(new URL(s.url).port);
  await until(s.stdout, (t) => t.includes('fidelity'), 'the route table');
});
afterAll(async () => {
  s.child.kill('SIGTERM');
  await s.exited;
  ws.remove();
});

describe('a workspace of three groups, none DEFAULT, none binding a domain', () => {
  it('prints one URL per API, each on its group’s local domain, with a value in place of {userId}', () => {
    const rows = printedUrls(s.stdout());
    expect(rows.map((r) => [r.group, r.word])).toEqual([
      ['shop', `http://shop.localhost:${port}/hello`],
      ['APIGroup_docs', `http://apigroup-docs.localhost:${port}/users/userId`],
      ['orders_V2', `http://orders-v2.localhost:${port}/users/userId`],
    ]);
    expect(s.stdout()).toContain('calls by IP reach no group (3 groups, none named DEFAULT)');
  });

  it('each printed URL reaches its own group', async () => {
    for (const row of printedUrls(s.stdout())) {
      const url = new URL(unquote(row.word));
      const r = await getWithHost(port, url.host, `${url.pathname}${url.search}`);
      expect(r.status, row.word).toBe(200);
      expect(r.group).toBe(row.group);
    }
  });

  it('the Host is read without case, with its port or none, and with a trailing dot', async () => {
    for (const host of [`ORDERS-V2.localhost:${port}`, 'orders-v2.localhost', `orders-v2.localhost.:${port}`]) {
      const r = await getWithHost(port, host, '/users/7');
      expect([r.status, r.group], host).toEqual([200, 'orders_V2']);
    }
  });

  it('a call by IP still reaches no group, and the log names the local domains', async () => {
    const r = await getWithHost(port, `127.0.0.1:${port}`, '/hello');
    expect(r.status).toBe(404);
    expect(r.body).toContain('APIG.0101');
    await until(
      s.stderr,
      (t) => t.includes('each group answers at its local domain: shop.localhost, apigroup-docs.localhost'),
      'the 404 log line',
    );
  });

  it.skipIf(!hasCurl)('curl, given each URL as printed through a shell, reaches its group', async () => {
    for (const row of printedUrls(s.stdout())) {
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          'sh',
          ['-c', `curl -s -i -H 'X-Auth-Token: t' -H 'X-Apig-Emulator-Trace: 1' ${row.word}`],
          (err, stdout) => (err ? reject(err) : resolve(stdout)),
        ),
      );
      expect(out, row.word).toMatch(/^HTTP\/1\.1 200/);
      expect(out).toContain(`"decision":"${row.group}"`);
    }
  });
});

describe('--log-format json', () => {
  it('gives each route its url and each group its local domain', async () => {
    const j = await spawnServe([ws.dir, '--port', '0', '--log-format', 'json']);
    try {
      const text = await until(j.stdout, (t) => t.includes('"type":"fidelity"'), 'the fidelity line');
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const routes = lines.find((l) => l.type === 'routes') as {
        routes: Array<{ group: string; url: string }>;
        groups: Array<{ name: string; localDomain: string; byIp: boolean }>;
      };
      const p = new URL(j.url).port;
      expect(routes.routes.map((r) => r.url)).toEqual([
        `http://shop.localhost:${p}/hello`,
        `http://apigroup-docs.localhost:${p}/users/userId`,
        `http://orders-v2.localhost:${p}/users/userId`,
      ]);
      expect(routes.groups.map((g) => [g.name, g.localDomain, g.byIp])).toEqual([
        ['shop', 'shop.localhost', false],
        ['APIGroup_docs', 'apigroup-docs.localhost', false],
        ['orders_V2', 'orders-v2.localhost', false],
      ]);
    } finally {
      j.child.kill('SIGTERM');
      await j.exited;
    }
  });
});

describe('one group', () => {
  it('is reached by IP as before, and its URLs use the listening address', async () => {
    const one = await spawnServe(['fixtures/demo', '--port', '0']);
    try {
      await until(one.stdout, (t) => t.includes('fidelity'), 'the route table');
      const hello = printedUrls(one.stdout()).find((r) => r.path === '/hello');
      expect(hello?.word).toBe(`${one.url}/hello`);
      expect(one.stdout()).not.toContain('calls by IP reach no group');
      const p = Number(new URL(one.url).port);
      expect((await getWithHost(p, `127.0.0.1:${p}`, '/hello')).status).toBe(200);
      expect((await getWithHost(p, `demo.localhost:${p}`, '/hello')).status).toBe(200);
    } finally {
      one.child.kill('SIGTERM');
      await one.exited;
    }
  });
});
