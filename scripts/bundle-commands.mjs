// Bundles each command's run module in dist/ (the module a command imports when it runs) into one file, in place:
// `apig lint` then loads one module instead of about 130, which is a fifth of its run on a large file. The
// modules the start-up path loads (dist/cli/main.js and what it imports, core included) stay separate and shared,
// so that a class such as ApigError is one class on both sides. Runs after tsc in `npm run build` and in the test
// suite's global setup. rolldown is the bundler (a devDependency: it is vite's, which vitest uses).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = resolve(ROOT, 'dist');
/** The run modules: what a command imports dynamically when it runs. */
const ENTRIES = ['cli/commands/lint-run.js'];

/** Every module the start-up path loads: dist/cli/main.js and its static imports, transitively. */
function startupModules() {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /^(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|^import\s+['"](\.[^'"]+)['"]/gm,
    ))
      visit(resolve(dirname(file), m[1] ?? m[2]));
  };
  visit(resolve(DIST, 'cli/main.js'));
  return seen;
}

const shared = startupModules();
for (const entry of ENTRIES) {
  const file = resolve(DIST, entry);
  const tmp = `${file}.${process.pid}.tmp.js`;
  await build({
    input: file,
    platform: 'node',
    logLevel: 'warn',
    plugins: [
      {
        name: 'apig-shared-modules',
        resolveId(source, importer) {
          if (!importer) return null;
          // Packages and Node's own modules are loaded as usual.
          if (!source.startsWith('.')) return { id: source, external: true };
          const target = resolve(dirname(importer), source);
          return shared.has(target) ? { id: target, external: 'relative' } : null;
        },
      },
    ],
    output: { file: tmp, format: 'esm', codeSplitting: false },
  });
  // Written beside, then renamed: the relative paths of the shared modules are rendered from the entry's folder.
  renameSync(tmp, file);
}
// The stamp the test suite's global setup compares with dist/ to know whether the bundles are current.
writeFileSync(resolve(DIST, '.bundled'), `${ENTRIES.join('\n')}\n`);
console.log(`bundled ${ENTRIES.length} command module(s): ${ENTRIES.join(', ')}`);
