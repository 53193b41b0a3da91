/**
 * Go to definition and find references: a policy (or gateway response, or security scheme) name to where the
 * group defines it and back; a `$ref` to its target, in the same file or another; in apig.yaml, an API name
 * (publish, authorize, bind) to its operation, and a group's `spec` to its file.
 */
import { dirname, resolve } from 'node:path';
import type { Location } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePointer } from '../core/pointer.js';
import type { Workspace } from '../core/workspace-model.js';
import { isRecord } from '../oas/codec.js';
import { isUrlRef, refFile } from '../oas/refs.js';
import { operations } from '../oas/walk.js';
import { DEFINED_AT, takesApiNames } from './completion.js';
import { uriOf } from './session.js';
import { isWorkspaceFile } from './targets.js';
import { dataOf, type Located, locate, parseTree, rangeOfPath, type Tree } from './yaml-tree.js';
import { own } from './own.js';
import { FILE_START } from './ranges.js';
import type { TextOf } from './text-of.js';

function locationIn(
  file: string,
  text: string,
  tree: Tree,
  segments: readonly string[],
  value = false,
): Location | undefined {
  const r = rangeOfPath(tree, segments, value);
  if (!r) return undefined;
  const doc = lines(file, text);
  return { uri: uriOf(file), range: { start: doc.positionAt(r[0]), end: doc.positionAt(r[1]) } };
}

let lastLines: { file: string; text: string; doc: TextDocument } | undefined;

/** A text's line index, built once for the many locations of one answer (find references on a large file). */
function lines(file: string, text: string): TextDocument {
  if (lastLines?.file !== file || lastLines.text !== text)
    lastLines = { file, text, doc: TextDocument.create(uriOf(file), 'yaml', 0, text) };
  return lastLines.doc;
}

/** The name a cursor stands on and the places that define it, when it is a reference or a definition. */
function policyAt(at: Located): { name: string; key: string } | undefined {
  const last = at.segments[at.segments.length - 1] as string;
  if (at.on === 'value' && own(DEFINED_AT, last) && at.scalar) return { name: at.scalar.value, key: last };
  if (at.on !== 'key') return undefined;
  for (const [key, places] of Object.entries(DEFINED_AT))
    for (const place of places)
      if (at.segments.length === place.length + 1 && place.every((s, i) => at.segments[i] === s))
        return { name: last, key };
  return undefined;
}

/** The security scheme a requirement names (`security: [{name: []}]`). */
function schemeAt(at: Located): string | undefined {
  const s = at.segments;
  return at.on === 'key' && s.length >= 3 && s[s.length - 3] === 'security' ? s[s.length - 1] : undefined;
}

/** Where a `$ref` points, read as lint reads it (a percent-encoded file name decoded); a URL is never fetched. */
function refTarget(file: string, ref: string, textOf: TextOf): Location | undefined {
  if (isUrlRef(ref)) return undefined;
  const hash = ref.indexOf('#');
  const target = hash === 0 ? file : refFile(ref, file);
  const text = textOf(target);
  if (text === undefined) return undefined;
  const segments = hash < 0 ? [] : parsePointer(ref.slice(hash));
  if (segments.length === 0) return { uri: uriOf(target), range: FILE_START };
  return locationIn(target, text, parseTree(text), segments);
}

function apiLocation(ws: Workspace | undefined, name: string, textOf: TextOf): Location[] {
  const out: Location[] = [];
  for (const g of ws?.groups ?? [])
    for (const api of g.model.apis) {
      if (api.name !== name) continue;
      const key = api.method === 'ANY' ? 'x-apigateway-any-method' : api.method.toLowerCase();
      const text = textOf(g.file);
      const loc = text === undefined ? undefined : locationIn(g.file, text, parseTree(text), ['paths', api.path, key]);
      if (loc) out.push(loc);
    }
  return out;
}

export function definition(
  file: string,
  text: string,
  offset: number,
  ws: Workspace | undefined,
  textOf: TextOf,
  tree: Tree = parseTree(text),
): Location[] {
  const at = locate(tree, offset);
  if (!at) return [];
  const last = at.segments[at.segments.length - 1];
  if (at.on === 'value' && last === '$ref' && at.scalar) {
    const loc = refTarget(file, at.scalar.value, textOf);
    return loc ? [loc] : [];
  }
  if (isWorkspaceFile(file)) {
    if (at.on !== 'value' || !at.scalar) return [];
    const s = at.segments;
    if (s[0] === 'groups' && last === 'spec') {
      const target = resolve(dirname(file), at.scalar.value);
      return [{ uri: uriOf(target), range: FILE_START }];
    }
    if (takesApiNames(s)) return apiLocation(ws, at.scalar.value, textOf);
    return [];
  }
  const policy = policyAt(at);
  if (policy)
    return (own(DEFINED_AT, policy.key) ?? []).flatMap((place) => {
      const loc = locationIn(file, text, tree, [...place, policy.name]);
      return loc ? [loc] : [];
    });
  const scheme = schemeAt(at);
  if (scheme !== undefined) {
    const loc =
      locationIn(file, text, tree, ['securityDefinitions', scheme]) ??
      locationIn(file, text, tree, ['components', 'securitySchemes', scheme]);
    return loc ? [loc] : [];
  }
  return [];
}

export function references(
  file: string,
  text: string,
  offset: number,
  includeDeclaration: boolean,
  tree: Tree = parseTree(text),
): Location[] {
  const at = locate(tree, offset);
  const policy = at && policyAt(at);
  if (!policy) return [];
  const out: Location[] = [];
  if (includeDeclaration)
    for (const place of own(DEFINED_AT, policy.key) ?? []) {
      const loc = locationIn(file, text, tree, [...place, policy.name]);
      if (loc) out.push(loc);
    }
  const data = dataOf(tree);
  if (!isRecord(data)) return out;
  for (const op of operations(data)) {
    if (op.op[policy.key] !== policy.name) continue;
    const loc = locationIn(file, text, tree, [...parsePointer(op.at), policy.key], true);
    if (loc) out.push(loc);
  }
  return out;
}
