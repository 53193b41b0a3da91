// bench/startup: what each command adds to bare Node's own start-up, measured in the same run against
// `node -e 0`. Targets (issue 13): `apig --version` and `apig --help` add < 60 ms; `apig lint` of a one-API
// file adds < 250 ms. Runs alternate (baseline, then each command) so that a busy machine slows all alike.
// APIG_BIN=path/to/bin/apig.js measures another build (an older checkout, say) the same way.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fmt, median } from './lib.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const OUT = `${ROOT}bench/out/`;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BIN = process.env.APIG_BIN ?? `${ROOT}bin/apig.js`;

mkdirSync(OUT, { recursive: true });
const oneApi = `${OUT}one-api.yaml`;
writeFileSync(
  oneApi,
  [
    'swagger: "2.0"',
    'info: {title: startup_bench, version: "1"}',
    'paths:',
    '  /hello:',
    '    get:',
    '      operationId: hello',
    '      responses: {"200": {description: ok}}',
    '      x-apigateway-backend:',
    '        type: MOCK',
    '        mockEndpoints: {result-content: hi}',
    '',
  ].join('\n'),
);

const CASES = [
  { name: 'node -e 0', args: ['-e', '0'], target: undefined },
  { name: 'apig --version', args: [BIN, '--version'], target: 60 },
  { name: 'apig --help', args: [BIN, '--help'], target: 60 },
  { name: 'apig lint (one API)', args: [BIN, 'lint', oneApi], target: 250 },
];

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: OUT });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const times = CASES.map(() => []);
for (const c of CASES) once(c.args); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const [k, c] of CASES.entries()) times[k].push(once(c.args));

const base = median(times[0]);
console.log(`bench/startup: median of ${RUNS} runs each, interleaved; baseline \`node -e 0\` ${fmt(base, 1)} ms`);
let missed = 0;
CASES.slice(1).forEach((c, k) => {
  const ms = median(times[k + 1]);
  const added = ms - base;
  const ok = added < c.target;
  if (!ok) missed++;
  console.log(
    `  ${c.name.padEnd(22)} ${fmt(ms, 1).padStart(7)} ms  adds ${fmt(added, 1).padStart(6)} ms  ratio ${fmt(ms / base, 2)}  target < ${c.target} ms: ${ok ? 'met' : 'NOT met'}`,
  );
});
process.exitCode = missed > 0 ? 1 : 0;
