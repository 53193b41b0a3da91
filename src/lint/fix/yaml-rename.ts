/**
 * Renames keys of a YAML text in place, several in one parse (data-edit.ts `renameKeyInText` does one a parse):
 * only each key's own bytes change, so every entry keeps its place, its value and its comments.
 */
import { isMap, isPair, isScalar, isSeq, stringify, type Document } from 'yaml';
import { parse, RENDER } from '../../workspace/authoring/text-edit.js';

export interface KeyRename {
  /** The key's pointer segments in the text as it is (its last segment is the key). */
  path: readonly string[];
  to: string;
}

/** The block or flow collection at `path`, through maps and lists only (an alias is not followed: it is shared). */
function nodeAt(doc: Document.Parsed, path: readonly string[]): unknown {
  let node: unknown = doc.contents;
  for (const s of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === s);
      node = pair?.value;
    } else if (isSeq(node)) node = /^\d+$/.test(s) ? node.items[Number(s)] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * The text with each key renamed where it is found; a key not found is left to the caller's data edit. `parsed` is
 * the document of this text (without its byte-order mark), when the caller has it already.
 */
export function renameKeysInYaml(text: string, renames: readonly KeyRename[], parsed?: Document.Parsed): string {
  if (renames.length === 0) return text;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const doc = parsed ?? parse(body);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const r of renames) {
    const map = nodeAt(doc, r.path.slice(0, -1));
    const key = r.path[r.path.length - 1];
    if (!isMap(map) || key === undefined) continue;
    for (const item of map.items) {
      if (!isPair(item) || !isScalar(item.key) || String(item.key.value) !== key || !item.key.range) continue;
      const [start, end] = item.key.range;
      if (!edits.some((e) => e.start === start)) edits.push({ start, end, text: stringify(r.to, RENDER).trimEnd() });
      break;
    }
  }
  let out = body;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return bom + out;
}
