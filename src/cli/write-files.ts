/** Atomic writes: every file goes to a temp file first and is renamed into place, so no half-written file remains. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApigError } from '../core/errors.js';

export interface FileWrite {
  file: string;
  text: string;
}

export async function writeFilesAtomic(writes: readonly FileWrite[]): Promise<void> {
  const temps: Array<{ tmp: string; file: string }> = [];
  try {
    for (const w of writes) {
      await mkdir(dirname(w.file), { recursive: true });
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
