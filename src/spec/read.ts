/** The only place in src/spec that reads files. */
import { readFile } from 'node:fs/promises';
import { ApigError } from '../core/errors.js';
import { parseSource, type SourceDoc } from './source.js';
import type { Diagnostic } from '../core/diagnostic.js';

export async function readText(file: string, shown: string = file): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String((err as Error).message);
    throw new ApigError('input', `cannot read ${shown}: ${why}`);
  }
}

export async function readSource(file: string): Promise<{ doc?: SourceDoc; diagnostics: Diagnostic[] }> {
  return parseSource(file, await readText(file));
}
