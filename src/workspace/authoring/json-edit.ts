/**
 * The JSON side of text-edit.ts: JSON has no comments, so it is parsed, changed and written back
 * in its own indentation.
 */
import { ApigError } from '../../core/errors.js';
import { isRecord } from '../../oas/codec.js';

/** A path of keys and indexes into a document. */
export type KeyPath = ReadonlyArray<string | number>;

export type Obj = Record<string, unknown>;

function jsonIndent(text: string): number | string {
  const m = /\n([ \t]+)\S/.exec(text);
  return m?.[1] === undefined ? 2 : m[1].startsWith('\t') ? '\t' : m[1].length;
}

export function jsonAt(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const k of path) node = Array.isArray(node) ? node[Number(k)] : isRecord(node) ? node[String(k)] : undefined;
  return node;
}

/** `value` written as the file `like` is: its indentation, line ends (CRLF kept), final newline, byte-order mark. */
export function jsonTextLike(like: string, value: unknown): string {
  const bom = like.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = like.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(value, null, jsonIndent(like)) + (/\r?\n$/.test(like) ? '\n' : '');
  return bom + (eol === '\n' ? body : body.replace(/\n/g, eol));
}

/** The data of a JSON text (a byte-order mark before it is not part of it). */
export function parseJson(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
}

export function editJson(text: string, edit: (root: unknown) => void): string {
  const root = parseJson(text);
  edit(root);
  return jsonTextLike(text, root);
}

/** Creates the missing maps along `path` and returns the innermost one. */
export function jsonMap(root: unknown, path: KeyPath): Obj {
  let node = root;
  for (const k of path) {
    const holder = node as Obj;
    if (holder[String(k)] === undefined) holder[String(k)] = {};
    node = Array.isArray(node) ? node[Number(k)] : holder[String(k)];
  }
  if (!isRecord(node)) throw new ApigError('input', `${path.join('.')} is not a map`);
  return node;
}
