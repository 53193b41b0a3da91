/**
 * Makes sure dist/ is built from the current sources before the suite. Two steps, each run only when one of
 * its outputs is missing or older than one of its inputs (CI's `npm ci` has just built everything through
 * `prepare`, so there it does nothing):
 * - tsc: src/ to dist/*.js, which the tests that spawn the real binary run;
 * - bundle: each command's run module in dist/ bundled in place (scripts/bundle-commands.mjs), after every tsc;
 * - the precompiled schema validators (dist/schemas.cjs, dist/openapi-schemas.cjs), which every test loads,
 *   as the shipped CLI does.
 * APIG_SKIP_BUILD=1 skips the tsc step (quick runs against an existing dist/); a stale schema artefact is
 * still rebuilt (it takes a moment), so an edit to schemas/ is never tested against the old validators.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Step {
  name: string;
  inputs: string[];
  outputs: string[];
  command: string[];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function steps(root: string): Step[] {
  const at = (...files: string[]): string[] => files.map((f) => join(root, f));
  const sources = filesUnder(join(root, 'src'));
  return [
    {
      name: 'tsc',
      inputs: [...sources, ...at('tsconfig.json', 'tsconfig.build.json', 'package-lock.json')],
      outputs: sources
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
        .map((f) => join(root, 'dist', relative(join(root, 'src'), f)).replace(/\.ts$/, '.js')),
      command: [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    },
    {
      name: 'bundle',
      inputs: [
        ...filesUnder(join(root, 'dist')).filter((f) => f.endsWith('.js')),
        ...at('scripts/bundle-commands.mjs'),
      ],
      outputs: at('dist/.bundled'),
      command: ['scripts/bundle-commands.mjs'],
    },
    {
      name: 'schemas',
      inputs: [
        ...filesUnder(join(root, 'schemas')),
        ...at('scripts/compile-schemas.mjs', 'scripts/openapi-discriminators.mjs', 'package-lock.json'),
      ],
      outputs: at('dist/schemas.cjs', 'dist/openapi-schemas.cjs', 'dist/openapi-schemas.json'),
      command: ['scripts/compile-schemas.mjs'],
    },
  ];
}

/** Why a step must run, or undefined when every output is newer than every input. */
function staleReason(root: string, step: Step): string | undefined {
  const missing = step.outputs.find((f) => !existsSync(f));
  if (missing) return `${relative(root, missing)} is missing`;
  const oldestOutput = Math.min(...step.outputs.map((f) => statSync(f).mtimeMs));
  const newer = step.inputs.find((f) => existsSync(f) && statSync(f).mtimeMs > oldestOutput);
  return newer ? `${relative(root, newer)} is newer than its output in dist/` : undefined;
}

export default function setup(): void {
  for (const step of steps(ROOT)) {
    if ((step.name === 'tsc' || step.name === 'bundle') && process.env.APIG_SKIP_BUILD === '1') continue;
    const reason = staleReason(ROOT, step);
    if (reason === undefined) continue;
    process.stderr.write(`building dist/ (${step.name}): ${reason}\n`);
    execFileSync(process.execPath, step.command, { cwd: ROOT, stdio: 'inherit' });
  }
}
