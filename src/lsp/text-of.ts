/** A file's text as the editor has it (open, unsaved edits included) or else as it is on disk. */
import { existsSync, readFileSync } from 'node:fs';

export type TextOf = (file: string) => string | undefined;

export const diskOrOpen =
  (texts: ReadonlyMap<string, string>): TextOf =>
  (file) => {
    const open = texts.get(file);
    if (open !== undefined) return open;
    try {
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
