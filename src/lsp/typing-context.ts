/**
 * Where the cursor is while a line is being typed, read from the lines' indentation rather than from a parse: a
 * half-written key (`x-apig`) is not YAML yet, and would throw the tree off (yaml-tree.ts serves the rest). Works
 * for block YAML, the way group files and apig.yaml are written; a JSON text goes through the tree.
 */

export interface TypingContext {
  /** Path of the map (key completion) or of the key whose value is typed (value completion). */
  segments: string[];
  on: 'key' | 'value';
  /** What is typed of the key or value so far, up to the cursor. */
  typed: string;
}

interface LineShape {
  /** Column of the key (after any `- ` markers), or -1 for a blank or comment line. */
  keyColumn: number;
  /** Columns of the `- ` markers on the line. */
  dashes: number[];
  /** The key, when the line holds `key:`. */
  key?: string;
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)):(?:\s|$)/;

function unquote(k: string): string {
  const t = k.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

function shapeOf(line: string): LineShape {
  let col = 0;
  while (line[col] === ' ') col++;
  const dashes: number[] = [];
  while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
    dashes.push(col);
    col += 1;
    while (line[col] === ' ') col++;
  }
  const rest = line.slice(col);
  if (rest.trim() === '' && dashes.length === 0) return { keyColumn: -1, dashes };
  if (rest.startsWith('#')) return { keyColumn: dashes.length > 0 ? col : -1, dashes };
  const m = KEY.exec(rest);
  return { keyColumn: col, dashes, ...(m?.[1] !== undefined ? { key: unquote(m[1]) } : {}) };
}

/** The path of the collection that holds what starts at `column` on line `at` (lines above it only). */
function parentPath(lines: readonly string[], at: number, column: number, dashColumn: number | undefined): string[] {
  const out: string[] = [];
  let col = column;
  // Inside a list entry whose `- ` stands at `listAt`: its index is the count of the entries above it.
  let listAt = dashColumn;
  let index = 0;
  const owned = (shape: LineShape): void => {
    if (shape.key === undefined) return;
    out.push(shape.key);
    col = shape.keyColumn;
    const dash = shape.dashes.filter((d) => d < col).pop();
    if (dash !== undefined) {
      listAt = dash;
      index = 0;
    }
  };
  for (let i = at - 1; i >= 0 && (col > 0 || listAt !== undefined); i--) {
    const shape = shapeOf(lines[i] as string);
    if (shape.keyColumn < 0) continue;
    if (listAt !== undefined) {
      if (shape.dashes.includes(listAt)) index++;
      if (shape.dashes.includes(listAt) || shape.keyColumn > listAt) continue;
      // The line that owns the list.
      out.push(String(index));
      listAt = undefined;
      col = shape.keyColumn + 1;
    }
    if (shape.keyColumn < col) owned(shape);
    else {
      // `- key: v` left of us: we are inside that entry.
      const dash = shape.dashes.filter((d) => d < col).pop();
      if (dash !== undefined) {
        listAt = dash;
        index = 0;
        col = dash;
      }
    }
  }
  if (listAt !== undefined) out.push(String(index));
  return out.reverse();
}

/**
 * In an open flow list or map (`[a, b`), the last entry typed; undefined when the value is no open flow
 * collection. Read from the last bracket or comma (a regular expression anchored at the end would be quadratic
 * on a long run of spaces).
 */
function lastFlowEntry(typed: string): string | undefined {
  let at = typed.length - 1;
  while (at >= 0 && !'[]{},'.includes(typed[at] as string)) at--;
  if (at < 0 || typed[at] === ']' || typed[at] === '}') return undefined;
  return typed.slice(at + 1).replace(/^\s+/, '');
}

/** The typing context at a position of a block-YAML text. */
export function typingContext(text: string, line: number, character: number): TypingContext | undefined {
  const lines = text.split(/\r?\n/);
  const current = lines[line];
  if (current === undefined) return undefined;
  const before = current.slice(0, character);
  const shape = shapeOf(before);
  const dash = shape.dashes[shape.dashes.length - 1];
  const column = shape.keyColumn < 0 ? before.length : shape.keyColumn;
  const rest = before.slice(column);
  const colon = KEY.exec(rest.endsWith(':') ? `${rest} ` : rest);
  if (colon?.[1] !== undefined) {
    const parents = parentPath(lines, line, column, dash);
    const typed = rest.slice(colon[0].length).replace(/^\s+/, '');
    return { segments: [...parents, unquote(colon[1])], on: 'value', typed: unquote(lastFlowEntry(typed) ?? typed) };
  }
  const parents = parentPath(lines, line, column, dash);
  // A list entry that is a scalar (`- value`) is a value of the list.
  if (dash !== undefined && rest !== '' && !/^[\w$.-]*$/.test(rest))
    return { segments: parents, on: 'value', typed: unquote(rest) };
  return { segments: parents, on: dash !== undefined && rest === '' ? 'value' : 'key', typed: rest };
}
