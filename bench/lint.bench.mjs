// bench/lint: `apig lint` on a generated 2,000-API Swagger file against `spectral lint` (its built-in
// OpenAPI ruleset, spectral:oas) on the same file, in the same run. Targets (issue 4): apig under 2 s and
// faster than Spectral. Spectral is installed on first use into bench/.tools (pinned), not a dependency.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { generateSpec } from './generate-spec.mjs';
import { fmt, median, timeNode } from './lib.mjs';

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
if (spectral.length > 0) {
  const s = { ms: median(spectral.map((r) => r.ms)), rss: median(spectral.map((r) => r.rssKb)) };
  console.log(
    `  spectral lint  ${fmt(s.ms)} ms  peak RSS ${fmt(s.rss / 1024, 1)} MB  (exit ${spectral[0]?.code}, spectral:oas)`,
  );
  console.log(`  ratio apig/spectral time ${fmt(a.ms / s.ms, 3)}  (apig is ${fmt(s.ms / a.ms, 1)}x faster)`);
}
