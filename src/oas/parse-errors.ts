/**
 * How a file that does not parse is reported: one `parse-error` diagnostic per problem, its message kept short.
 */
import type { Diagnostic, Range } from '../core/diagnostic.js';

/** JSON.parse's complaint about a .json file, with its offset when V8 gives one ("at position N"). */
export function jsonError(text: string): { reason: string; offset?: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const m = /position (\d+)/.exec(String(err));
    return { reason: (err as Error).message, ...(m ? { offset: Number(m[1]) } : {}) };
  }
}

export function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** The yaml package quotes the whole offending token, which in junk can be a long line. */
export function shorten(s: string, max = 200): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A last guard: the nesting estimate keeps documents far from this, but it is an estimate. */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

export function parseDiag(file: string, message: string, range: Range): Diagnostic {
  return { code: 'parse', severity: 'error', message, path: '', source: file, range };
}
