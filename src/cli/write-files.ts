/** Atomic writes: every file goes to a temp file first and is renamed into place, so no half-written file remains. */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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

export async function writeFilesAtomic(writes: readonly FileWrite[]): Promise<void> {
  const temps: Array<{ tmp: string; file: string }> = [];
  try {
    for (const w of writes) {
      await makeFolder(dirname(w.file));
      const tmp = `${w.file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, w.text, 'utf8');
      temps.push({ tmp, file: w.file });
    }
    for (const t of temps) await rename(t.tmp, t.file);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw new ApigError('io', `cannot write ${writes.map((w) => w.file).join(', ')}: ${(err as Error).message}`);
  }
}
