/**
 * Where a workspace is (an explicit file or folder, or apig.yaml here or in a parent folder), how its paths are
 * shown, and which `$ref`s its Swagger files may follow.
 */
import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ApigError } from '../core/errors.js';
import { WORKSPACE_FILE } from '../core/workspace-model.js';

/**
 * The file `name` in `cwd` or the nearest parent folder that `accept` takes (by default, whatever exists there: the
 * reader then refuses a FIFO with its reason), or undefined. How apig.yaml and .apiglint.yaml are found.
 */
export function findUp(cwd: string, name: string, accept: (file: string) => boolean = existsSync): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, name);
    if (accept(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

const isFile = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/** Finds the file to load: an explicit path (file or folder), or apig.yaml here or in a parent folder. */
export async function locateWorkspace(path: string | undefined, cwd: string): Promise<string> {
  if (path === undefined) {
    const found = findUp(cwd, WORKSPACE_FILE, isFile);
    if (found) return found;
    throw new ApigError(
      'config',
      `no ${WORKSPACE_FILE} in ${cwd} or a parent folder; give a workspace or Swagger file, ` +
        'or create one with `apig init`',
    );
  }
  const target = resolve(cwd, path);
  const st = await stat(target).catch(() => undefined);
  if (!st) throw new ApigError('config', `${path}: no such file or folder`);
  if (!st.isDirectory()) return target;
  const inside = join(target, WORKSPACE_FILE);
  if (!(await stat(inside).catch(() => undefined)))
    throw new ApigError('config', `${path ?? '.'}: folder has no ${WORKSPACE_FILE}`);
  return inside;
}

/** External `$ref`s may read files inside the workspace folder; URLs only with --allow-remote-refs. */
export function refPolicy(root: string, allowRemote: boolean): { root: string; allowRemote: boolean } {
  return { root, allowRemote };
}

/** Paths in diagnostics are shown relative to where the user stands. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
