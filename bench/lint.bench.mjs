// bench/lint: `apig lint` on a generated 2,000-API Swagger file against `spectral lint` (its built-in
// OpenAPI ruleset, spectral:oas) on the same file, in the same run; then a 5 MB spec (YAML and JSON), its memory
// against the file's parsed size, and 5 MB of malformed YAML. Targets (issue 14): at least 10x faster than
// Spectral; the 5 MB spec in under 1 s; peak memory under 3x the parsed size; the malformed file in under 2 s and
// 300 MB. Spectral is installed on first use into bench/.tools (pinned), not a dependency. Also `apig lint --fix` on
// a copy of the 2,000-API file (every fix written, the file linted again), against `apig lint` of it in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { generateSpec } from './generate-spec.mjs';
import { fmt, median, peakLiveHeap, timeNode } from './lib.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const OUT = `${ROOT}bench/out/`;
const TOOLS = `${ROOT}bench/.tools/`;
const SPECTRAL_VERSION = '6.16.3';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

mkdirSync(OUT, { recursive: true });
const spec = `${OUT}apis-2000.yaml`;
writeFileSync(spec, stringify(generateSpec(2000), { lineWidth: 0 }));
writeFileSync(`${OUT}.spectral.yaml`, 'extends: ["spectral:oas"]\n');

function spectralBin() {
  const bin = `${TOOLS}node_modules/@stoplight/spectral-cli/dist/index.js`;
  if (!existsSync(bin)) {
    console.log(`installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into bench/.tools (first run only)...`);
    mkdirSync(TOOLS, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefix',
        TOOLS,
        `@stoplight/spectral-cli@${SPECTRAL_VERSION}`,
      ],
      { stdio: 'inherit', env: { ...process.env, SCARF_ANALYTICS: 'false' } },
    );
  }
  return bin;
}

const apig = [];
for (let i = 0; i < RUNS; i++)
  apig.push(timeNode(`${ROOT}bin/apig.js`, ['lint', spec, '-f', 'json', '-o', `${OUT}apig-lint.json`]));
// `apig lint --fix` on a fresh copy each run (the generated file has fixable findings: CORS APIs without preflight).
const fixing = [];
for (let i = 0; i < RUNS; i++) {
  copyFileSync(spec, `${OUT}apis-2000-fix.yaml`);
  fixing.push(
    timeNode(`${ROOT}bin/apig.js`, ['lint', '--fix', `${OUT}apis-2000-fix.yaml`, '-f', 'json', '-o', `${OUT}fix.json`]),
  );
}
let spectral = [];
try {
  const bin = spectralBin();
  for (let i = 0; i < RUNS; i++)
    spectral.push(
      timeNode(
        bin,
        ['lint', spec, '--ruleset', `${OUT}.spectral.yaml`, '-f', 'json', '-o', `${OUT}spectral.json`, '--quiet'],
        { cwd: OUT },
      ),
    );
} catch (err) {
  console.log(`spectral could not be installed or run: ${err.message}`);
  spectral = [];
}
const a = { ms: median(apig.map((r) => r.ms)), rss: median(apig.map((r) => r.rssKb)) };
console.log('bench/lint: 2,000 APIs (one Swagger 2.0 YAML file, 1.1 MB), median of', RUNS, 'runs');
console.log(
  `  apig lint      ${fmt(a.ms)} ms  peak RSS ${fmt(a.rss / 1024, 1)} MB  (exit ${apig[0]?.code})  target < 2000 ms: ${a.ms < 2000 ? 'met' : 'NOT met'}`,
);
{
  const f = { ms: median(fixing.map((r) => r.ms)), rss: median(fixing.map((r) => r.rssKb)) };
  const said = /fixed \d+ problems?/.exec(fixing[0]?.stderr ?? '')?.[0] ?? 'fixed nothing';
  console.log(
    `  apig lint --fix ${fmt(f.ms)} ms  peak RSS ${fmt(f.rss / 1024, 1)} MB  (${said}; exit ${fixing[0]?.code}); ` +
      `${fmt(f.ms - a.ms)} ms over apig lint`,
  );
}
if (spectral.length > 0) {
  const s = { ms: median(spectral.map((r) => r.ms)), rss: median(spectral.map((r) => r.rssKb)) };
  console.log(
    `  spectral lint  ${fmt(s.ms)} ms  peak RSS ${fmt(s.rss / 1024, 1)} MB  (exit ${spectral[0]?.code}, spectral:oas)`,
  );
  const times = s.ms / a.ms;
  console.log(
    `  ratio apig/spectral time ${fmt(a.ms / s.ms, 3)}  (apig is ${fmt(times, 1)}x faster)  ` +
      `target >= 10x: ${times >= 10 ? 'met' : 'NOT met'}`,
  );
}

// A 5 MB spec, YAML and JSON, and 5 MB of malformed YAML.
let count = 2000;
let big = generateSpec(count);
let bigYaml = stringify(big, { lineWidth: 0 });
while (bigYaml.length < 5 * 1024 * 1024) {
  count = Math.ceil((count * 5.05 * 1024 * 1024) / bigYaml.length);
  big = generateSpec(count);
  bigYaml = stringify(big, { lineWidth: 0 });
}
const bigJson = JSON.stringify(big);
writeFileSync(`${OUT}apis-5mb.yaml`, bigYaml);
writeFileSync(`${OUT}apis-5mb.json`, bigJson);
// Every 40th line indented one space too far: a syntax error on every page of the file.
const malformed = bigYaml
  .split('\n')
  .map((l, i) => (i % 40 === 39 && l.startsWith('  ') ? ` ${l}` : l))
  .join('\n');
writeFileSync(`${OUT}malformed-5mb.yaml`, malformed);

// The parsed size: the heap the document's value takes (JSON.parse of the same data, after a full GC).
const probe = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '-e',
    `const t=require('fs').readFileSync(${JSON.stringify(`${OUT}apis-5mb.json`)},'utf8');gc();` +
      'const h0=process.memoryUsage().heapUsed;const v=JSON.parse(t);gc();' +
      'console.log(process.memoryUsage().heapUsed-h0, Object.keys(v).length>0)',
  ],
  { encoding: 'utf8' },
);
const parsedBytes = Number(probe.stdout.split(' ')[0]);
const startup = [];
for (let i = 0; i < RUNS; i++) startup.push(timeNode(`${ROOT}bin/apig.js`, ['--version']));
const baseRss = median(startup.map((r) => r.rssKb)) * 1024;
const run = (file) => {
  const rs = [];
  for (let i = 0; i < RUNS; i++)
    rs.push(timeNode(`${ROOT}bin/apig.js`, ['lint', file, '-f', 'json', '-o', `${OUT}big.json`]));
  // The live heap is read from a separate run with --trace-gc (it prints every collection, which costs time).
  const traced = timeNode(`${ROOT}bin/apig.js`, ['lint', file, '-f', 'json', '-o', `${OUT}big.json`], {}, [
    '--trace-gc',
  ]);
  return {
    ms: median(rs.map((r) => r.ms)),
    rss: median(rs.map((r) => r.rssKb)) * 1024,
    live: peakLiveHeap(traced.stdout),
    code: rs[0]?.code,
  };
};
const mb = (b) => fmt(b / (1024 * 1024), 1);
const startMs = median(startup.map((r) => r.ms));
// The live-heap baseline: apig lint on a one-API file (the code and the rule tables, no data to speak of).
const small = run(`${ROOT}fixtures/huawei-docs/any-method.yaml`);
console.log(
  `\n5 MB spec (${count} APIs; YAML ${mb(bigYaml.length)} MB, JSON ${mb(bigJson.length)} MB), parsed size ` +
    `${mb(parsedBytes)} MB; baselines: apig --version ${fmt(startMs)} ms and peak RSS ${mb(baseRss)} MB, ` +
    `apig lint of one API: peak live heap ${mb(small.live)} MB`,
);
for (const [name, file, limitMs] of [
  ['YAML', `${OUT}apis-5mb.yaml`, 1000],
  ['JSON', `${OUT}apis-5mb.json`, 1000],
  ['malformed YAML', `${OUT}malformed-5mb.yaml`, 2000],
]) {
  const r = run(file);
  const rssOver = r.rss - baseRss;
  const liveOver = r.live - small.live;
  const memory =
    name === 'malformed YAML'
      ? `peak RSS ${mb(r.rss)} MB  target < 300 MB: ${r.rss < 300 * 1024 * 1024 ? 'met' : 'NOT met'}`
      : `peak live heap ${mb(liveOver)} MB over the baseline = ${fmt(liveOver / parsedBytes, 2)}x the parsed size ` +
        `(target < 3x: ${liveOver < 3 * parsedBytes ? 'met' : 'NOT met'}); peak RSS ${mb(r.rss)} MB, ` +
        `${mb(rssOver)} MB over apig --version = ${fmt(rssOver / parsedBytes, 2)}x`;
  console.log(
    `  ${name.padEnd(15)} ${fmt(r.ms)} ms (exit ${r.code})  target < ${limitMs} ms: ` +
      `${r.ms < limitMs ? 'met' : 'NOT met'}  ${memory}`,
  );
}
