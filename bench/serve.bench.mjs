// apig serve throughput, latency and memory, against baselines measured in the same run (issue 5):
//   (a)  a Mock API through the gateway      vs (a') a bare node:http server returning the same body
//   (b)  an HTTP-backend API through it      vs (b') a bare undici proxy to the same backend
//   (c)  the Mock API with 5,000 APIs in the route table vs the same with 10 APIs
//   (d)  a Mock API with APP signature authentication and a throttle policy vs the no-auth Mock API (issue 6)
//   (e)  a Mock API with a throttle policy, counters in Redis (--state) vs in memory, one process each (issue 16)
//   (f)  the Mock API (instance default throttle counted) served by --workers 2 vs one process (issue 16)
//   (g)  the Mock API with the dashboard on (--ui) and no page open vs the same without it (issue 18)
//   memory of the gateway process over a bounded mixed run (heap after GC, sampled every second)
// Targets: (a)/(a') >= 0.5, (b)/(b') >= 0.6, (c) costs < 10%, (d) >= 0.7, (e) >= 0.6, (f) >= 1.4, memory flat.
// (f) loads with raw keep-alive sockets (rawLoad) instead of undici: undici's client costs about as much CPU per
// request as the gateway, and on a 2-core machine it would cap both sides at its own speed. Even raw, a client
// sending one request at a time per connection costs 9-16 µs of CPU per request on loopback, most of it the
// kernel's TCP work (wrk, written in C, measured the same here: 9-14 µs), so two workers at W µs a request
// reach at most 2 cores / (W + that), and the faster the gateway the lower the ratio. The verdict of (f) is
// therefore taken with 4 requests pipelined per connection (HTTP/1.1, as wrk's pipeline script and autocannon -p
// do), for the one process and the workers alike: the generator's share falls to 5-9 µs; one request at a time
// is shown beside it.
// (e) starts its own redis-server (bench/redis.mjs; `apt-get install redis-server`), and is skipped without one.
//
// Usage: node bench/serve.bench.mjs [--memory-seconds 10] [--seconds 2] [--rounds 3] [--connections 32] [--only a,d]
// The issue's memory figure is a 60-second run: --memory-seconds 60. Needs the build (npx tsc -p tsconfig.build.json).
//
// Each server runs in its own process (this file, forked with a role); the load generator is a small undici
// Pool loop with N concurrent in-flight requests, in this process. Rounds alternate the gateway and its
// baseline so that drift (CPU frequency, other load on the machine) hits both alike; medians are reported.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, Pool } from 'undici';
import { startRedis } from './redis.mjs';

const SELF = fileURLToPath(import.meta.url);
const BENCH_APP = { key: 'benchkey0123456789', secret: 'bench-secret-0123456789' };
const BODY = JSON.stringify({ message: 'hello from apig', items: [1, 2, 3] });

// ---------------------------------------------------------------------------------------------------------
// Roles (child processes)

async function listenOn(server) {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server.address().port;
}

/** The CPU time (µs) of other processes a role runs (the workers of (f)), read from /proc (Linux). */
let otherPids = () => [];
function cpuOfPid(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return 0;
  }
}

const ROLES = {
  /** The gateway under test, through the library the CLI uses; with a Redis URL, its counters are there (e). */
  async gateway(workspace, state) {
    const { prepare, launch } = await import('../dist/gateway/index.js');
    const prepared = await prepare({ path: workspace, cwd: process.cwd(), env: {}, protocolCheck: false });
    if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    const { openStore } = await import('../dist/gateway/store/open-store.js');
    const { parseRedisUrl } = await import('../dist/gateway/store/state-spec.js');
    const store = state ? await openStore(parseRedisUrl(state, { prefix: 'apig:bench:', fail: 'open' })) : undefined;
    const launched = await launch(prepared.config, { host: '127.0.0.1', port: 0, ...(store ? { store } : {}) });
    return Number(new URL(launched.server.urls[0]).port);
  },
  /** (f) the same gateway as `apig serve --workers N` runs it: a node:cluster primary and N workers. */
  async 'gateway-workers'(workspace, n) {
    const { startCluster } = await import('../dist/gateway/cluster/primary.js');
    const running = await startCluster({
      exec: fileURLToPath(new URL('../dist/cli/serve-worker-main.js', import.meta.url)),
      workers: Number(n),
      spec: {
        prepare: { path: workspace, cwd: process.cwd(), env: {}, protocolCheck: false },
        host: '127.0.0.1',
        port: 0,
        trace: false,
        watch: false,
      },
    });
    otherPids = running.pids;
    return Number(new URL(running.urls[0]).port);
  },
  /**
   * (g) the gateway with the dashboard on (`ui`) or off, no page open; with `log`, a request-log sink as the CLI
   * always has (its lines dropped here), so that the dashboard keeps each request's log line.
   */
  async 'gateway-ui'(workspace, ui, log) {
    const { prepare, launch } = await import('../dist/gateway/index.js');
    const { uiAccess } = await import('../dist/gateway/ui/access.js');
    const prepared = await prepare({ path: workspace, cwd: process.cwd(), env: {}, protocolCheck: false });
    if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    const launched = await launch(prepared.config, {
      host: '127.0.0.1',
      port: 0,
      ...(ui === 'ui' ? { dashboard: { access: uiAccess([]), fidelity: prepared.fidelity, cwd: process.cwd() } } : {}),
      ...(log === 'log' ? { onEvent: () => undefined } : {}),
    });
    return Number(new URL(launched.server.urls[0]).port);
  },
  /** (a') what the Mock API answers, from a bare node:http server. */
  async 'bare-http'() {
    return listenOn(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
        res.end(BODY);
      }),
    );
  },
  /** The backend of (b) and (b'). */
  async backend() {
    return listenOn(
      createServer((req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
        res.end(BODY);
      }),
    );
  },
  /** (b') a bare undici proxy: forwards method, path and headers, streams the answer back. */
  async 'bare-proxy'(backendPort) {
    const agent = new Agent({ keepAliveTimeout: 10_000 });
    const origin = `http://127.0.0.1:${backendPort}`;
    return listenOn(
      createServer(async (req, res) => {
        try {
          const { host: _host, connection: _c, ...headers } = req.headers;
          const up = await agent.request({
            origin,
            path: req.url,
            method: req.method,
            headers,
            body: req.method === 'GET' ? null : req,
          });
          const { connection: _uc, 'transfer-encoding': _te, 'keep-alive': _ka, ...out } = up.headers;
          res.writeHead(up.statusCode, out);
          up.body.pipe(res);
        } catch {
          res.writeHead(502).end();
        }
      }),
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// The run

/** `--only a,d`: run only these cases (letters as in the header; `m` is the memory run). */
function wanted(letter) {
  const i = process.argv.indexOf('--only');
  return i === -1 || process.argv[i + 1].split(',').includes(letter);
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

function start(role, ...args) {
  const child = fork(SELF, ['--role', role, ...args.map(String)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const ask = (what) =>
      new Promise((r) => {
        child.once('message', r);
        child.send(what);
      });
    child.once('message', (m) =>
      resolve({ child, port: m.port, memory: () => ask('memory'), cpu: async () => (await ask('cpu')).cpu }),
    );
    child.once('exit', (code) => reject(new Error(`${role} exited ${code}`)));
  });
}

function stop(proc) {
  proc.child.removeAllListeners('exit');
  proc.child.kill();
}

/** N concurrent request loops for `seconds`: requests per second, p99 latency (ms), non-200 answers. */
async function load(port, path, seconds, connections, headers = {}) {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections, pipelining: 1, keepAliveTimeout: 10_000 });
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        const res = await pool.request({ path, method: 'GET', headers });
        await res.body.dump();
        if (res.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return summary(latencies, errors, elapsed);
}

/** Requests per second, p99 latency, errors and count of one load run. */
function summary(latencies, errors, elapsed) {
  latencies.sort((x, y) => x - y);
  return {
    rps: latencies.length / elapsed,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    errors,
    requests: latencies.length,
  };
}

/**
 * The same measure as `load`, from raw keep-alive sockets: each writes `depth` prepared requests at once
 * (HTTP/1.1 pipelining when depth > 1) and reads their answers (Content-Length or chunked) before the next
 * batch; a latency is the time from its batch's write to its answer. A few µs of CPU per request, where undici's
 * client takes about as many as the gateway: for (f), where the load generator shares the 2 cores with the
 * servers.
 */
async function rawLoad(port, path, seconds, connections, headers = {}, depth = 1) {
  const head = Object.entries({ host: `127.0.0.1:${port}`, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\n${head.join('')}\r\n`.repeat(depth), 'latin1');
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const connection = () =>
    new Promise((resolve) => {
      // Each read lands in the same buffer (`onread`): no allocation per answer; a partial answer is kept at the
      // start of `pending` until the rest arrives.
      const read = Buffer.alloc(64 * 1024);
      let pending = Buffer.alloc(0);
      let sentAt = 0;
      let awaited = 0;
      const socket = connect({
        port,
        host: '127.0.0.1',
        noDelay: true,
        onread: {
          buffer: read,
          callback: (n) => {
            let data = read.subarray(0, n);
            if (pending.length > 0) data = Buffer.concat([pending, data]);
            let at = 0;
            for (let length = answerLength(data, at); length > 0; length = answerLength(data, at)) {
              // `HTTP/1.1 200`
              if (data[at + 9] !== 0x32 || data[at + 10] !== 0x30 || data[at + 11] !== 0x30) errors++;
              latencies.push(performance.now() - sentAt);
              at += length;
              if (--awaited === 0) send();
            }
            pending = at === data.length ? Buffer.alloc(0) : Buffer.from(data.subarray(at));
          },
        },
      });
      const send = () => {
        if (performance.now() >= end) return socket.end(resolve);
        sentAt = performance.now();
        awaited = depth;
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('error', () => {
        errors++;
        resolve();
      });
      socket.on('close', resolve);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = (performance.now() - started) / 1000;
  return summary(latencies, errors, elapsed);
}

/** The length of the whole answer at `at` in `data` (Content-Length or chunked), or 0 while it is incomplete. */
function answerLength(data, at) {
  const h = data.indexOf('\r\n\r\n', at);
  if (h === -1) return 0;
  // The servers measured write `content-length` in lower case: found without copying the head.
  let i = data.indexOf('\r\ncontent-length: ', at);
  let length = 0;
  if (i !== -1 && i < h) {
    for (i += 18; data[i] >= 0x30 && data[i] <= 0x39; i++) length = length * 10 + data[i] - 0x30;
  } else {
    const cl = /\r\ncontent-length: *(\d+)/.exec(data.toString('latin1', at, h).toLowerCase());
    if (!cl) {
      const last = data.indexOf('\r\n0\r\n\r\n', h);
      return last === -1 ? 0 : last + 7 - at;
    }
    length = Number(cl[1]);
  }
  return data.length >= h + 4 + length ? h + 4 + length - at : 0;
}

/** (f): requests written at once on each connection (see the header). */
const PIPELINE = 4;

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/**
 * Alternates rounds between the candidates; medians of req/s, p99 and the server process's CPU time per
 * request (user + system, which other load on the machine disturbs less than throughput).
 */
async function compare(candidates, { seconds, rounds, connections, loader = load }) {
  for (const c of candidates) await loader(c.port, c.path, 0.5, connections, c.headers); // warm up (JIT, pools)
  const results = candidates.map(() => ({ rps: [], p99: [], cpu: [], gen: [], errors: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of candidates.entries()) {
      const before = await c.proc.cpu();
      const generator = process.cpuUsage();
      const m = await loader(c.port, c.path, seconds, connections, c.headers);
      const { user, system } = process.cpuUsage(generator);
      const used = (await c.proc.cpu()) - before;
      results[i].rps.push(m.rps);
      results[i].p99.push(m.p99);
      results[i].cpu.push(used / m.requests);
      results[i].gen.push((user + system) / m.requests);
      results[i].errors += m.errors;
    }
  }
  return results.map((x) => ({
    rps: median(x.rps),
    p99: median(x.p99),
    cpu: median(x.cpu),
    gen: median(x.gen),
    errors: x.errors,
  }));
}

/** A workspace with `count` APIs: fillers of every shape, plus the two measured ones. */
function workspace(dir, count, backendPort) {
  const paths = {
    '/bench/mock': { get: api('benchMock', { type: 'MOCK', mockEndpoints: { 'result-content': BODY } }) },
    '/bench/items/{id}': {
      get: api('benchItem', { type: 'MOCK', mockEndpoints: { 'result-content': BODY } }, [
        { name: 'id', in: 'path', type: 'string', required: true },
      ]),
    },
    '/bench/http': {
      get: api('benchHttp', {
        type: 'HTTP',
        httpEndpoints: { address: '#backend#', scheme: 'http', method: 'GET', path: '/data', timeout: 5000 },
      }),
    },
    // (e): counted (the policy's API counter and the instance default), never refused.
    '/bench/throttled': {
      get: {
        ...api('benchThrottled', { type: 'MOCK', mockEndpoints: { 'result-content': BODY } }),
        'x-apigateway-ratelimit': 'benchLimit',
      },
    },
    // (d): every request verified (SDK-HMAC-SHA256), authorized and counted; the limits are never reached.
    '/bench/auth': {
      get: {
        ...api('benchAuth', { type: 'MOCK', mockEndpoints: { 'result-content': BODY } }),
        security: [{ 'apig-auth-app': [] }],
        'x-apigateway-ratelimit': 'benchLimit',
      },
    },
  };
  for (let i = 0; i < count - 5; i++) {
    const shape = i % 4;
    const path =
      shape === 0
        ? `/svc${i % 50}/r${i}`
        : shape === 1
          ? `/svc${i % 50}/r${i}/{id}`
          : shape === 2
            ? `/svc${i % 50}/r${i}/{id}/sub`
            : `/p${i}/files`;
    const op = api(
      `filler${i}`,
      { type: 'MOCK', mockEndpoints: { 'result-content': '{}' } },
      path.includes('{id}') ? [{ name: 'id', in: 'path', type: 'string', required: true }] : [],
    );
    if (shape === 3) op['x-apigateway-match-mode'] = 'SWA';
    paths[path] = { [['get', 'post', 'put', 'get'][shape]]: op };
  }
  const file = join(dir, `apis-${count}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      swagger: '2.0',
      info: { title: `bench${count}`, version: '1' },
      paths,
      securityDefinitions: {
        'apig-auth-app': { type: 'apiKey', name: 'Authorization', in: 'header', 'x-apigateway-auth-type': 'AppSigv1' },
      },
      'x-apigateway-ratelimits': {
        benchLimit: {
          'api-limit': 2147483647,
          'app-limit': 2147483647,
          'user-limit': 2147483647,
          interval: 1,
          unit: 'SECOND',
        },
      },
    }),
  );
  const ws = join(dir, `ws-${count}`);
  writeFileSync(
    `${ws}.yaml`,
    `groups:\n  - { name: bench, spec: apis-${count}.json }\nenvironments:\n  RELEASE: { variables: { backend: "127.0.0.1:${backendPort}" } }\n` +
      `apps:\n  - { name: bench, key: ${BENCH_APP.key}, secret: ${BENCH_APP.secret}, authorize: { RELEASE: ["*"] } }\n` +
      // The instance default (200/s per API, ruling 4) would refuse most of the load: raised, still counted.
      'instance: { ratelimit_api_limits: 2147483647 }\n',
  );
  return `${ws}.yaml`;
}

function api(name, backend, parameters = []) {
  return { operationId: name, parameters, responses: { 200: { description: 'ok' } }, 'x-apigateway-backend': backend };
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => `${x.toFixed(2)} ms`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const settings = {
    seconds: option('seconds', 2),
    rounds: option('rounds', 3),
    connections: option('connections', 32),
  };
  const memorySeconds = option('memory-seconds', 10);
  const dir = mkdtempSync(join(tmpdir(), 'apig-serve-bench-'));
  const procs = [];
  try {
    const backend = await start('backend');
    procs.push(backend);
    const gw10 = await start('gateway', workspace(dir, 10, backend.port));
    const gw5000 = await start('gateway', workspace(dir, 5000, backend.port));
    const bare = await start('bare-http');
    const proxy = await start('bare-proxy', backend.port);
    procs.push(gw10, gw5000, bare, proxy);
    console.log(
      `apig serve bench: ${settings.connections} connections, ${settings.rounds} alternating rounds of ${settings.seconds} s, medians; loopback`,
    );

    const at = (proc, path, headers = {}) => ({ proc, port: proc.port, path, headers });
    const skipped = [{}, {}];
    const [a, a1] = wanted('a') ? await compare([at(gw10, '/bench/mock'), at(bare, '/bench/mock')], settings) : skipped;
    const [b, b1] = wanted('b')
      ? await compare([at(gw10, '/bench/http'), at(proxy, '/bench/http')], settings)
      : skipped;
    // A {param} route: the trie, not the map of all-static exact paths, decides.
    const [c10, c5000] = wanted('c')
      ? await compare([at(gw10, '/bench/items/42'), at(gw5000, '/bench/items/42')], settings)
      : skipped;
    // One signature reused for the run: valid for ±15 minutes, and the gateway verifies it on every request.
    const { signRequest } = await import('../dist/sign/index.js');
    const signed = Object.fromEntries(
      signRequest({ method: 'GET', url: `http://127.0.0.1:${gw10.port}/bench/auth`, ...BENCH_APP }).headers,
    );
    const [d, d0] = wanted('d')
      ? await compare([at(gw10, '/bench/auth', signed), at(gw10, '/bench/mock')], settings)
      : skipped;
    const line = (label, m) =>
      console.log(
        `${label.padEnd(40)} ${fmt(m.rps).padStart(7)} req/s   p99 ${ms(m.p99).padStart(8)}   ${fmt(m.cpu).padStart(4)} µs CPU/req${m.errors ? `   ${m.errors} errors` : ''}`,
      );
    const verdict = (ok) => (ok ? 'ok' : 'BELOW TARGET');
    if (wanted('a')) {
      line('(a)  gateway, Mock API', a);
      line("(a') bare node:http, same body", a1);
      console.log(
        `     ratio (a)/(a') ${(a.rps / a1.rps).toFixed(2)} (target >= 0.50) ${verdict(a.rps / a1.rps >= 0.5)}; p99 ${(a.p99 / a1.p99).toFixed(2)}x; CPU per request ${(a.cpu / a1.cpu).toFixed(2)}x`,
      );
    }
    if (wanted('b')) {
      line('(b)  gateway, HTTP-backend API', b);
      line("(b') bare undici proxy, same backend", b1);
      console.log(
        `     ratio (b)/(b') ${(b.rps / b1.rps).toFixed(2)} (target >= 0.60) ${verdict(b.rps / b1.rps >= 0.6)}; p99 ${(b.p99 / b1.p99).toFixed(2)}x; CPU per request ${(b.cpu / b1.cpu).toFixed(2)}x`,
      );
    }
    if (wanted('c')) {
      line('(c)  {param} Mock API, 10-API table', c10);
      line('     {param} Mock API, 5,000-API table', c5000);
      const cost = 1 - c5000.rps / c10.rps;
      console.log(
        `     5,000 vs 10 APIs: ${(cost * 100).toFixed(1)}% throughput cost (target < 10%) ${verdict(cost < 0.1)}; CPU per request ${(c5000.cpu / c10.cpu).toFixed(2)}x`,
      );
    }
    if (wanted('d')) {
      line('(d)  Mock API, APP signature + throttle', d);
      line('     Mock API, no auth', d0);
      console.log(
        `     ratio (d) ${(d.rps / d0.rps).toFixed(2)} of the no-auth throughput (target >= 0.70) ${verdict(d.rps / d0.rps >= 0.7)}; CPU per request ${(d.cpu / d0.cpu).toFixed(2)}x`,
      );
      // (e): the same workspace, its counters in a redis-server on this machine (one EVALSHA per request).
    }
    const redis = wanted('e') ? await startRedis() : undefined;
    if (redis) {
      try {
        const gwRedis = await start('gateway', workspace(dir, 10, backend.port), redis.url);
        procs.push(gwRedis);
        const [e, e0] = await compare([at(gwRedis, '/bench/throttled'), at(gw10, '/bench/throttled')], settings);
        line('(e)  throttled Mock API, Redis store', e);
        line('     throttled Mock API, memory store', e0);
        console.log(
          `     ratio (e) ${(e.rps / e0.rps).toFixed(2)} (target >= 0.60) ${verdict(e.rps / e0.rps >= 0.6)}; CPU per request ${(e.cpu / e0.cpu).toFixed(2)}x`,
        );
      } finally {
        await redis.stop();
      }
    }
    // (f): the same Mock API (each request counted by the instance default) served by 2 workers and by one process;
    // CPU per request is the primary's and the workers' together; `gen` is the load generator's own. The verdict
    // is on 4 requests pipelined per connection (PIPELINE, below); one request at a time is shown beside it.
    if (wanted('f')) {
      const gwWorkers = await start('gateway-workers', workspace(dir, 10, backend.port), 2);
      procs.push(gwWorkers);
      const pair = [at(gwWorkers, '/bench/mock'), at(gw10, '/bench/mock')];
      const [f, f0] = await compare(pair, {
        ...settings,
        loader: (port, path, seconds, n, headers) => rawLoad(port, path, seconds, n, headers, PIPELINE),
      });
      const [f1, f10] = await compare(pair, { ...settings, loader: rawLoad });
      line(`(f)  Mock API, --workers 2, ${PIPELINE} pipelined`, f);
      line(`     Mock API, one process, ${PIPELINE} pipelined`, f0);
      console.log(
        `     ratio (f) ${(f.rps / f0.rps).toFixed(2)} (target >= 1.40) ${verdict(f.rps / f0.rps >= 1.4)}; CPU per request ${(f.cpu / f0.cpu).toFixed(2)}x; load generator ${fmt(f.gen)} µs CPU/req`,
      );
      line('(f1) Mock API, --workers 2, one at a time', f1);
      line('     Mock API, one process, one at a time', f10);
      console.log(
        `     ratio ${(f1.rps / f10.rps).toFixed(2)} (shown, no target: one at a time, the load generator takes ${fmt(f1.gen)} µs CPU/req, ${((100 * f1.gen) / (f1.gen + f1.cpu)).toFixed(0)}% of the CPU time of the run)`,
      );
    }
    // (g): with no page open the dashboard traces nothing; it keeps each request's log line when the host builds
    // one (the CLI always does). g1: as the library runs it, no sink, vs the Mock case; g2: both with a sink.
    if (wanted('g')) {
      const ws10 = workspace(dir, 10, backend.port);
      const gwUi = await start('gateway-ui', ws10, 'ui', 'no');
      const gwUiLog = await start('gateway-ui', ws10, 'ui', 'log');
      const gwLog = await start('gateway-ui', ws10, 'no', 'log');
      procs.push(gwUi, gwUiLog, gwLog);
      const [g1, g0, g2, gl] = await compare(
        [at(gwUi, '/bench/mock'), at(gw10, '/bench/mock'), at(gwUiLog, '/bench/mock'), at(gwLog, '/bench/mock')],
        settings,
      );
      const cost = (x, base) =>
        `--ui costs ${((1 - x.rps / base.rps) * 100).toFixed(1)}% of the throughput (target < 5%) ` +
        `${verdict(1 - x.rps / base.rps < 0.05)}; CPU per request ${(x.cpu / base.cpu).toFixed(2)}x`;
      line('(g)  Mock API, --ui on, no page open', g1);
      line('     Mock API (a)', g0);
      console.log(`     ${cost(g1, g0)}`);
      line('(g2) Mock API + log sink, --ui on', g2);
      line('     Mock API + log sink, no --ui', gl);
      console.log(`     ${cost(g2, gl)}`);
    }
    // Memory: the 5,000-API gateway under mixed Mock and HTTP load; heap after a full GC, once a second.
    if (wanted('m')) {
      const samples = [];
      const half = Math.max(1, Math.floor(settings.connections / 2));
      const sampler = (async () => {
        for (let s = 0; s <= memorySeconds; s++) {
          samples.push(await gw5000.memory());
          if (s < memorySeconds) await new Promise((r) => setTimeout(r, 1000));
        }
      })();
      const loads = await Promise.all([
        load(gw5000.port, '/bench/mock', memorySeconds, half),
        load(gw5000.port, '/bench/http', memorySeconds, half),
      ]);
      await sampler;
      const first = samples[1] ?? samples[0];
      const last = samples[samples.length - 1];
      const peak = Math.max(...samples.map((x) => x.heapUsed));
      const growth = (last.heapUsed - first.heapUsed) / first.heapUsed;
      console.log(
        `memory over ${memorySeconds} s (${fmt(loads[0].rps + loads[1].rps)} req/s mixed, ${samples.length} samples): heap ${mb(first.heapUsed)} -> ${mb(last.heapUsed)} (peak ${mb(peak)}, ${(growth * 100).toFixed(1)}%), rss ${mb(first.rss)} -> ${mb(last.rss)} ${verdict(growth < 0.1)}`,
      );
      if (memorySeconds < 60) console.log("     (the issue's figure is a 60-second run: --memory-seconds 60)");
    }
  } finally {
    for (const p of procs) stop(p);
    rmSync(dir, { recursive: true, force: true });
  }
}

// Last, so that every const above is initialised: a child serves its role, the parent runs the bench.
if (process.argv[2] === '--role') {
  const [, , , role, ...args] = process.argv;
  const port = await ROLES[role](...args);
  process.on('message', (m) => {
    if (m === 'memory') {
      globalThis.gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      process.send({ heapUsed, rss });
    } else if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ cpu: user + system + otherPids().reduce((sum, pid) => sum + cpuOfPid(pid), 0) });
    }
  });
  process.send({ port });
} else {
  await main();
}
