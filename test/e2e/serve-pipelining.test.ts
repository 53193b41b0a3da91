/**
 * HTTP/1.1 pipelining (RFC 9112 §9.3): a client may write several requests on one connection before reading
 * the answers, and the answers come back in the order of the requests. bench/serve measures `--workers 2`
 * with pipelined requests, and some clients pipeline; here one connection carries a mix of APIs (a throttled
 * one that runs out, an open one, an unknown path) to one process and to `apig serve --workers 2`: each answer
 * is the one its request would get alone, in order, with a request id of its own.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/gateway/clock.js';
import { raw, spawnServe, startGateway, type CliServer, type InProcess } from './serve-helpers.js';
import { LIMIT, workersWorkspace } from './serve-workers-kit.js';

const T0 = '2024-01-01T00:00:00Z';
const dirs: string[] = [];
const open: Array<InProcess | CliServer> = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    if ('launched' in s) await s.close();
    else s.child.kill('SIGKILL');
  }
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const dir = workersWorkspace();
  dirs.push(dir);
  return dir;
}

/** LIMIT + 10 requests to the throttled API, each followed by one to the open API; every 20th to no API. */
function requests(): string[] {
  const paths: string[] = [];
  for (let i = 0; i < LIMIT + 10; i++) {
    paths.push(`/fifty?n=${i}`, `/open?n=${i}`);
    if (i % 20 === 19) paths.push(`/nowhere?n=${i}`);
  }
  return paths;
}

/** What each request gets alone, in order: the first LIMIT to /fifty pass, the rest are throttled. */
function expected(paths: readonly string[]): string[] {
  let fifty = 0;
  return paths.map((p) => {
    if (p.startsWith('/open')) return '200 {"api":"open"}';
    if (p.startsWith('/nowhere')) return '404 APIG.0101';
    return ++fifty <= LIMIT ? '200 {"api":"fifty"}' : '429 APIG.0308';
  });
}

interface Parsed {
  summary: string;
  requestId: string;
}

/** The answers of one connection, split by Content-Length; each as `status body` or `status error_code`. */
function answers(text: string): Parsed[] {
  const out: Parsed[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.indexOf('\r\n\r\n', at);
    expect(head).toBeGreaterThan(-1);
    const lines = text.slice(at, head).split('\r\n');
    const header = (name: string): string =>
      lines.find((l) => l.toLowerCase().startsWith(`${name}:`))?.replace(/^[^:]*:\s*/, '') ?? '';
    const length = Number(header('content-length'));
    const body = text.slice(head + 4, head + 4 + length);
    const status = (lines[0] ?? '').split(' ')[1] ?? '';
    const code = status === '200' ? body : (JSON.parse(body) as { error_code: string }).error_code;
    out.push({ summary: `${status} ${code}`, requestId: header('x-request-id') });
    at = head + 4 + length;
  }
  return out;
}

async function pipelined(port: number, paths: readonly string[]): Promise<Parsed[]> {
  const bytes = paths
    .map(
      (p, i) =>
        `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${i === paths.length - 1 ? 'Connection: close\r\n' : ''}\r\n`,
    )
    .join('');
  return answers(await raw(port, bytes));
}

describe('pipelined requests on one connection', () => {
  it('one process answers each in order, as it would alone', async () => {
    const g = await startGateway(workspace(), undefined, { clock: manualClock(Date.parse(T0)) });
    open.push(g);
    const paths = requests();
    const got = await pipelined(g.port, paths);
    expect(got.map((a) => a.summary)).toEqual(expected(paths));
    expect(new Set(got.map((a) => a.requestId)).size).toBe(paths.length);
  });

  it('apig serve --workers 2 answers each in order, counted with the other worker', async () => {
    const s = await spawnServe([workspace(), '--port', '0', '--workers', '2', '--clock', T0]);
    open.push(s);
    const port = Number(new URL(s.url).port);
    // Half the limit is used up first on connections of their own (spread over both workers).
    const first = await Promise.all(Array.from({ length: LIMIT / 2 }, () => pipelined(port, ['/fifty'])));
    expect(first.flat().map((a) => a.summary)).toEqual(Array(LIMIT / 2).fill('200 {"api":"fifty"}'));
    const paths = requests();
    const got = await pipelined(port, paths);
    const want = expected([...Array(LIMIT / 2).fill('/fifty'), ...paths]).slice(LIMIT / 2);
    expect(got.map((a) => a.summary)).toEqual(want);
    expect(new Set(got.map((a) => a.requestId)).size).toBe(paths.length);
  });
});
