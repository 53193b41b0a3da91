/**
 * A fix is data attached to a finding: what `apig lint --fix` writes, and what an editor can offer as a quick fix.
 * It changes the file's data at JSON pointers (never at text offsets), so that it can be checked against the file
 * as it is when it is applied (apply.ts), and is written with the comment- and format-preserving edits that
 * authoring uses: only the changed values move, every comment and every other byte stays.
 */

/** One change of a fix, at a JSON pointer into the finding's file (the pointers lint reports). */
export type FixEdit =
  /** The value at `path` becomes `value`; it holds `was` now (`was` left out: nothing is there yet). */
  | { op: 'set'; path: string; was?: unknown; value: unknown }
  /** The key at `path` (its last segment) is renamed to `to`, in place: the entry keeps its place and comments. */
  | { op: 'rename'; path: string; to: string }
  /**
   * `value` is added at `path`, where nothing is yet: a new key of a map, or with `-` as the last segment (as in
   * JSON Patch) a new last entry of a list.
   */
  | { op: 'add'; path: string; value: unknown };

export interface Fix {
  /** One line on what the fix does: `set required: true`, `write "https"`. */
  description: string;
  edits: readonly FixEdit[];
}

/** What a rule hands to `report` for a fix: built only when the run asks for fixes (`--fix`, an editor). */
export type FixBuilder = () => Fix | undefined;
