/**
 * One string for each text met before, by a hash of the text's length and three of its characters: the
 * parsers' repeated keys and words become one string each (as JSON.parse does for keys), without a slice for
 * every hit. A slot holds the last string put in it; a miss costs one slice, and a copy when the slice is long.
 */

/**
 * V8 makes a slice of 13 characters or more a view into the whole text (a sliced string), so that one such
 * string left in the parsed value keeps the whole file (5 MB for a 5 MB spec) alive as long as the value.
 */
const VIEW_LENGTH = 13;

/** The text from start to end as a string of its own: joining two parts builds a new flat string in V8. */
function copyOf(t: string, start: number, end: number): string {
  return [t.slice(start, start + 1), t.slice(start + 1, end)].join('');
}

const SLOTS = 4096;

export type StringTable = (string | undefined)[];

export function stringTable(): StringTable {
  return new Array<string | undefined>(SLOTS);
}

/** The text from start to end (not empty), as a string met before when there is one. */
export function intern(table: StringTable, t: string, start: number, end: number): string {
  const length = end - start;
  const slot =
    (length * 61 + t.charCodeAt(start) * 31 + t.charCodeAt(end - 1) * 7 + t.charCodeAt(start + (length >> 1))) &
    (SLOTS - 1);
  const known = table[slot];
  if (known !== undefined && known.length === length && t.startsWith(known, start)) return known;
  const s = length < VIEW_LENGTH ? t.slice(start, end) : copyOf(t, start, end);
  table[slot] = s;
  return s;
}
