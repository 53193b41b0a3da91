/**
 * Which lint target a document belongs to: the apig.yaml in its folder or a parent folder that lists it as a group
 * (or the apig.yaml itself), else the document alone when it is a Swagger or OpenAPI file. Anything else (a
 * README.yaml, a CI file) is not apig's, and gets no diagnostics.
 */
import { basename, dirname, resolve } from 'node:path';
import { WORKSPACE_FILE } from '../core/workspace-model.js';
import { isRecord } from '../oas/codec.js';
import { findUp } from '../workspace/locate.js';
import { diskOrOpen } from './text-of.js';
import { dataOf, parseTree } from './yaml-tree.js';

/** The absolute spec files an apig.yaml text lists as groups. */
function groupFiles(workspaceFile: string, text: string): string[] {
  const data = dataOf(parseTree(text));
  const groups = isRecord(data) && Array.isArray(data.groups) ? data.groups : [];
  return groups.flatMap((g) =>
    isRecord(g) && typeof g.spec === 'string' ? [resolve(dirname(workspaceFile), g.spec)] : [],
  );
}

const SPEC_KEY = /^(swagger|openapi)$/;

/** Whether a JSON (or flow YAML) object has `swagger` or `openapi` among its own keys, not a nested object's. */
function topLevelKey(text: string, from: number): boolean {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return false;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && SPEC_KEY.test(text.slice(i + 1, j)) && /^\s*:/.test(text.slice(j + 1, j + 40))) return true;
      i = j;
    }
  }
  return false;
}

/**
 * Whether a text reads as a Swagger 2.0 or OpenAPI 3 document: `swagger:` or `openapi:` as a key of the document
 * itself (at the start of a line in block YAML; at the first level of a JSON object), not of something nested
 * (a package.json script named "swagger" does not make package.json an API definition). No full parse: this runs
 * on every edit of every YAML or JSON file the editor opens.
 */
function looksLikeSpec(text: string): boolean {
  const start = /^(\uFEFF)?\s*/.exec(text)?.[0].length ?? 0;
  if (text[start] === '{') return topLevelKey(text, start);
  return /^(\uFEFF)?["']?(swagger|openapi)["']?[ \t]*:/m.test(text);
}

/** Whether a file is a workspace file (apig.yaml) by its name. */
export const isWorkspaceFile = (file: string): boolean => basename(file) === WORKSPACE_FILE;

/** The target (absolute path of an apig.yaml or a Swagger file) a document belongs to, or undefined. */
export function targetOf(file: string, texts: ReadonlyMap<string, string>): string | undefined {
  if (isWorkspaceFile(file)) return file;
  for (let dir = dirname(file); ; ) {
    const ws = findUp(dir, WORKSPACE_FILE);
    if (ws === undefined) break;
    const text = diskOrOpen(texts)(ws);
    if (text !== undefined && groupFiles(ws, text).includes(file)) return ws;
    const up = dirname(dirname(ws));
    if (up === dirname(ws)) break;
    dir = up;
  }
  const text = diskOrOpen(texts)(file);
  return text !== undefined && looksLikeSpec(text) ? file : undefined;
}
