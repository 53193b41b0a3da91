/** Atomic writes: every file goes to a temp file first and is renamed into place, so no half-written file remains. */
import { chmod, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApigError } from '../core/errors.js';

export interface FileWrite {
  file: string;
  text: string;
}

/**
 * Creates a folder and its missing parents one level at a time. (Node's recursive mkdir can loop for ever
 * under a path it cannot create, e.g. in /proc, and says EEXIST when a parent is a file.)
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const st = await stat(at).catch(() => undefined);
    if (st) {
      if (!st.isDirectory()) throw new Error(`${at} is a file, not a folder`);
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing) await mkdir(d);
}

/**
 * Where a write goes, and with which mode: through a symbolic link to the file it points to (renaming over the
 * link would replace it and leave that file as it was), keeping an existing file's permissions.
 */
async function target(file: string): Promise<{ file: string; mode?: number }> {
  const real = await realpath(file).catch(() => file);
  const st = await stat(real).catch(() => undefined);
  return st ? { file: real, mode: st.mode & 0o7777 } : { file: real };
}

export async function writeFilesAtomic(writes: readonly FileWrite[]): Promise<void> {
  const temps: Array<{ tmp: string; file: string }> = [];
  try {
    for (const w of writes) {
      const to = await target(w.file);
      await makeFolder(dirname(to.file));
      const tmp = `${to.file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, w.text, { encoding: 'utf8', ...(to.mode !== undefined ? { mode: to.mode } : {}) });
      if (to.mode !== undefined) await chmod(tmp, to.mode);
      temps.push({ tmp, file: to.file });
    }
    for (const t of temps) await rename(t.tmp, t.file);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw new ApigError('io', `cannot write ${writes.map((w) => w.file).join(', ')}: ${(err as Error).message}`);
  }
}
