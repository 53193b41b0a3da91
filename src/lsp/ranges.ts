/** Comparing positions and ranges of a text (line, then character), as the LSP counts them. */
import type { Position, Range } from 'vscode-languageserver/node';

/** The empty range at the start of a file: where a finding or a target with no place of its own points. */
export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Whether `a` comes strictly before `b`. */
export const before = (a: Position, b: Position): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

/** Whether two ranges share a position (ends included). */
export const overlaps = (a: Range, b: Range): boolean => !before(a.end, b.start) && !before(b.end, a.start);

/** Whether a position falls within a range (ends included). */
export const contains = (r: Range, p: Position): boolean => !before(p, r.start) && !before(r.end, p);
