// The soak test (issue 8): a bounded, loopback-only run of mixed requests across every authentication mode
// (valid, unauthorized, throttled, bad input, not found) against `apig serve` on fixtures/soak with a
// virtual clock. Checks: zero 5xx (the configuration calls for none), every answer the expected status,
// the throttle count exact (1,000 per day on /limited), and gateway heap after GC flat within 10%.
// Then the AK/SK phase (issue 12): 100,000 failed AK/SK attempts, each with an AK nobody declared, must leave
// the gateway's heap after GC flat (within 4 MB) and its lockout table empty.
//
// Usage: node bench/soak.mjs [--phase all|mixed|aksk] [--requests 1000000] [--attempts 100000] [--connections 32]
// (needs the build: npm run build)
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const START = Date.parse('2026-01-01T00:00:00Z');
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const opt = (name, fallback) => (arg(name) === undefined ? fallback : Number(arg(name)));
const MB = 1048576;

if (process.argv[2] === '--gateway') {
  const { prepare, launch } = await import('../dist/gateway/index.js');
  const { virtualClock } = await import('../dist/gateway/clock.js');
  const prepared = await prepare({ path: `${ROOT}fixtures/soak`, cwd: ROOT, env: {}, protocolCheck: false });
  if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const launched = await launch(prepared.config, { host: '127.0.0.1', port: 0, virtualClock: virtualClock(START) });
  const state = launched.gateway.state;
  process.on('message', (m) => {
    if (m === 'memory') {
      globalThis.gc?.();
      // The lockout table's size (a private Map before it had a size getter, hence the fallback).
      const lockout = state.lockout.size ?? state.lockout.byAk?.size;
      process.send({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss, lockout });
    }
  });
  process.send({ port: Number(new URL(launched.server.urls[0]).port) });
} else {
  await main();
}

async function main() {
  const phase = arg('phase') ?? 'all';
  if (!['all', 'mixed', 'aksk'].includes(phase)) throw new Error(`--phase is all, mixed or aksk, not ${phase}`);
  const connections = opt('connections', 32);
  const child = fork(SELF, ['--gateway'], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise((r) => child.once('message', (m) => r(m.port)));
  const memory = () =>
    new Promise((r) => {
      child.once('message', r);
      child.send('memory');
    });
  const origin = `http://127.0.0.1:${port}`;
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 10_000 });
  const send = async (req) => {
    const res = await pool.request({
      path: req.path,
      method: req.method ?? 'GET',
      headers: req.headers ?? {},
      body: req.body ?? null,
    });
    await res.body.dump();
    return res.statusCode;
  };
  const g = { connections, memory, origin, send };
  let ok = true;
  try {
    if (phase !== 'aksk') ok = (await mixedPhase(g)) && ok;
    if (phase !== 'mixed') ok = (await akskPhase(g)) && ok;
  } finally {
    await pool.close();
    child.kill();
  }
  process.exitCode = ok ? 0 : 1;
}

/** The original soak: every kind of request in turn, `--requests` of them. */
async function mixedPhase({ connections, memory, origin, send }) {
  const total = opt('requests', 1_000_000);
  const { signRequest } = await import('../dist/sign/index.js');
  const date = new Date(START)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const body = '{"soak":true}';
  const signed = (secret) =>
    signRequest({
      method: 'POST',
      url: `${origin}/app`,
      headers: { 'content-type': 'application/json' },
      body,
      key: 'soak-app-key',
      secret,
      date,
    });
  const good = signed('soak-app-secret');
  const bad = signed('not-the-secret');
  const headersOf = (trace) => Object.fromEntries(trace.headers);
  const basic = Buffer.from('soak-app-key:soak-app-secret').toString('base64');
  // Each kind: a request and the one status it must get.
  const KINDS = [
    ['none', { path: '/none' }, 200],
    ['app signature', { path: '/app', method: 'POST', headers: headersOf(good), body }, 200],
    ['app signature, wrong secret', { path: '/app', method: 'POST', headers: headersOf(bad), body }, 401],
    ['appcode', { path: '/app', method: 'POST', headers: { 'x-apig-appcode': 'soak-appcode-0123456789' }, body }, 200],
    ['appcode, wrong', { path: '/app', method: 'POST', headers: { 'x-apig-appcode': 'nope' }, body }, 401],
    [
      'app_secret headers',
      { path: '/app', method: 'POST', headers: { 'x-hw-id': 'soak-app-key', 'x-hw-appkey': 'soak-app-secret' }, body },
      200,
    ],
    ['app_basic', { path: '/app', method: 'POST', headers: { authorization: `Basic ${basic}` }, body }, 200],
    ['no credentials', { path: '/app', method: 'POST', body }, 401],
    ['iam token', { path: '/iam', headers: { 'x-auth-token': 'soak-token-value' } }, 200],
    ['iam, unknown token', { path: '/iam', headers: { 'x-auth-token': 'wrong' } }, 401],
    ['bad input', { path: '/param?q=far-too-long-value' }, 400],
    ['missing parameter', { path: '/param' }, 400],
    ['not found', { path: '/nowhere' }, 404],
    ['throttled API', { path: '/limited' }, null],
  ];
  const counts = KINDS.map(() => new Map());
  let next = 0;
  let fiveXX = 0;
  // The baseline is taken once a tenth of the run is done, when caches and pools have their working size;
  // then a sample every 5 s, and one at the end.
  let before;
  const samples = [];
  const started = performance.now();
  let lastSample = started;
  let sampling = false;
  const sample = async () => {
    if (sampling) return;
    sampling = true;
    samples.push(await memory());
    sampling = false;
  };
  const worker = async () => {
    while (next < total) {
      const i = next++ % KINDS.length;
      const status = await send(KINDS[i][1]);
      counts[i].set(status, (counts[i].get(status) ?? 0) + 1);
      if (status >= 500) fiveXX++;
      if (before === undefined && !sampling && next >= total / 10) {
        sampling = true;
        before = await memory();
        samples.push(before);
        sampling = false;
        lastSample = performance.now();
      } else if (before !== undefined && performance.now() - lastSample > 5000) {
        lastSample = performance.now();
        await sample();
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const after = await memory();
  samples.push(after);

  let unexpected = 0;
  console.log(
    `soak: ${total.toLocaleString('en-US')} requests in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en-US')} req/s, ${connections} connections)`,
  );
  KINDS.forEach(([name, , expected], i) => {
    const got = [...counts[i].entries()].map(([s, n]) => `${s}×${n}`).join(' ');
    if (expected !== null)
      unexpected += [...counts[i].entries()].filter(([s]) => s !== expected).reduce((n, [, c]) => n + c, 0);
    console.log(`  ${name.padEnd(30)} ${got}${expected === null ? '' : `  (expected ${expected})`}`);
  });
  const limited = counts[KINDS.length - 1];
  const exact =
    limited.get(200) ===
      Math.min(
        1000,
        [...limited.values()].reduce((a, b) => a + b, 0),
      ) && [...limited.keys()].every((s) => s === 200 || s === 429);
  const growth = (after.heapUsed - before.heapUsed) / before.heapUsed;
  const peak = Math.max(...samples.map((s) => s.heapUsed));
  console.log(
    `  5xx: ${fiveXX}  unexpected statuses: ${unexpected}  throttle count exact (1,000 of ${[...limited.values()].reduce((a, b) => a + b, 0)}): ${exact ? 'yes' : 'NO'}`,
  );
  console.log(
    `  gateway heap after GC: ${(before.heapUsed / 1048576).toFixed(1)} MB -> ${(after.heapUsed / 1048576).toFixed(1)} MB (${(growth * 100).toFixed(1)}%, peak ${(peak / 1048576).toFixed(1)} MB, ${samples.length} samples); within 10%: ${Math.abs(growth) <= 0.1 ? 'yes' : 'NO'}`,
  );
  return fiveXX === 0 && unexpected === 0 && exact && Math.abs(growth) <= 0.1;
}

/**
 * `--attempts` AK/SK requests to /iam, each signed with an AK nobody declared (AKSOAK0, AKSOAK1, ...): all 401,
 * and the gateway keeps nothing per AK. The baseline is taken after a warm-up of 2,000 such attempts.
 */
async function akskPhase({ connections, memory, origin, send }) {
  const total = opt('attempts', 100_000);
  const warmUp = 2000;
  const { signRequest } = await import('../dist/sign/index.js');
  const date = new Date(START)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const attempt = (i) =>
    send({
      path: '/iam',
      headers: Object.fromEntries(
        signRequest({ method: 'GET', url: `${origin}/iam`, key: `AKSOAK${i}`, secret: 'no-such-sk', date }).headers,
      ),
    });
  const statuses = new Map();
  let next = 0;
  const run = async (end) => {
    const worker = async () => {
      while (next < end) {
        const status = await attempt(next++);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
  };
  await run(warmUp);
  const before = await memory();
  const started = performance.now();
  await run(warmUp + total);
  const seconds = (performance.now() - started) / 1000;
  const after = await memory();
  const growth = after.heapUsed - before.heapUsed;
  const flat = Math.abs(growth) <= 4 * MB;
  const all401 = statuses.size === 1 && statuses.get(401) === warmUp + total;
  console.log(
    `soak, AK/SK phase: ${total.toLocaleString('en-US')} failed AK/SK attempts with unique unknown AKs in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en-US')} req/s, after ${warmUp.toLocaleString('en-US')} to warm up)`,
  );
  console.log(
    `  statuses: ${[...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(' ')}  (expected 401 only): ${all401 ? 'yes' : 'NO'}`,
  );
  console.log(`  lockout entries: ${before.lockout} -> ${after.lockout}`);
  console.log(
    `  gateway heap after GC: ${(before.heapUsed / MB).toFixed(1)} MB -> ${(after.heapUsed / MB).toFixed(1)} MB (${growth >= 0 ? '+' : ''}${(growth / MB).toFixed(1)} MB); flat within 4 MB: ${flat ? 'yes' : 'NO'}`,
  );
  return flat && all401 && after.lockout === 0;
}
