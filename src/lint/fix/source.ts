/**
 * A file's text as the fixes read it: its data and, for YAML, the parsed document (node ranges), read once.
 * `apig lint --fix` reads each text once per pass; an editor keeps one per document version, so that listing and
 * resolving quick fixes on a large file parses it once, not once per fix and step (apply.ts, local-reconcile.ts).
 */
import { type Document, visit } from 'yaml';
import type { TextFormat } from '../../oas/source.js';
import { parseJson } from '../../workspace/authoring/json-edit.js';
import { parse } from '../../workspace/authoring/text-edit.js';

export interface FixSource {
  readonly text: string;
  readonly format: TextFormat;
  /** The text without its byte-order mark (what the YAML document's offsets count in). */
  readonly body: string;
  readonly bom: string;
  /** The data, as authoring's `dataOf` reads it (aliases resolved); never changed. Undefined when `error`. */
  readonly data: unknown;
  /** Why the text cannot be read. */
  readonly error?: string;
  /** YAML: the document the data was read from. */
  readonly doc?: Document.Parsed;
}

/** Reads a text as authoring's `dataOf` does (the same parse, the same errors), keeping the YAML document. */
export function readSource(text: string, format: TextFormat): FixSource {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const base = { text, format, body, bom };
  try {
    if (format === 'json') return { ...base, data: parseJson(text) };
    const doc = parse(body);
    return { ...base, data: doc.toJS({ maxAliasCount: -1 }) as unknown, doc };
  } catch (err) {
    return { ...base, data: undefined, error: err instanceof Error ? err.message : String(err) };
  }
}

const aliasFree = new WeakMap<FixSource, boolean>();

/** Whether a YAML source's document has no alias (`*name`): every node then stands for itself alone. */
export function hasNoAliases(source: FixSource): boolean {
  const doc = source.doc;
  if (doc === undefined) return false;
  let known = aliasFree.get(source);
  if (known === undefined) {
    known = true;
    visit(doc, {
      Alias() {
        known = false;
        return visit.BREAK;
      },
    });
    aliasFree.set(source, known);
  }
  return known;
}

const indents = new WeakMap<FixSource, number>();

/**
 * The smallest indentation of a line's content in the source's text (what authoring's `indentStep` reads the
 * indentation step from), worked out once; Infinity when nothing is indented.
 */
export function leastIndentOf(source: FixSource): number {
  let least = indents.get(source);
  if (least === undefined) {
    least = Infinity;
    for (const m of source.body.matchAll(/\n( +)[^\s#]/g)) least = Math.min(least, m[1]?.length ?? Infinity);
    indents.set(source, least);
  }
  return least;
}
