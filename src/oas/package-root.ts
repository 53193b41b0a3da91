/**
 * apig's own folder (where package.json, schemas/, docs/ and dist/ are), found from a module's URL by walking up:
 * the same answer from src/ (the tests), from dist/ and from a command bundled into dist/ at another depth
 * (scripts/bundle-commands.mjs), and from an installed package.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

export function packageRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  const known = cache.get(start);
  if (known !== undefined) return known;
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) {
      cache.set(start, dir);
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`apig's package folder is not above ${start}`);
  }
}
