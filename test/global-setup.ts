/** Builds dist/ once before the suite so end-to-end tests run the real binary. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.APIG_SKIP_BUILD === '1') return; // for quick unit-test runs against an existing dist/
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { cwd: root, stdio: 'inherit' });
}
