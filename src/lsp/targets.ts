/**
 * Which lint target a document belongs to: the apig.yaml in its folder or a parent folder that lists it as a group
 * (or the apig.yaml itself), else the document alone when it is a Swagger or OpenAPI file. Anything else (a
 * README.yaml, a CI file) is not apig's, and gets no diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { WORKSPACE_FILE } from '../core/workspace-model.js';
import { isRecord } from '../oas/codec.js';
import { findUp } from '../workspace/locate.js';
import { dataOf, parseTree } from './yaml-tree.js';

const textOf = (file: string, texts: ReadonlyMap<string, string>): string | undefined => {
  const open = texts.get(file);
  if (open !== undefined) return open;
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/** The absolute spec files an apig.yaml text lists as groups. */
export function groupFiles(workspaceFile: string, text: string): string[] {
  const data = dataOf(parseTree(text));
  const groups = isRecord(data) && Array.isArray(data.groups) ? data.groups : [];
  return groups.flatMap((g) =>
    isRecord(g) && typeof g.spec === 'string' ? [resolve(dirname(workspaceFile), g.spec)] : [],
  );
}

/** Whether a text reads as a Swagger 2.0 or OpenAPI 3 document (by its first keys, not a full parse). */
export function looksLikeSpec(text: string): boolean {
  return /^\s*["']?(swagger|openapi)["']?\s*:/m.test(text);
}

/** The target (absolute path of an apig.yaml or a Swagger file) a document belongs to, or undefined. */
export function targetOf(file: string, texts: ReadonlyMap<string, string>): string | undefined {
  if (basename(file) === WORKSPACE_FILE) return file;
  for (let dir = dirname(file); ; ) {
    const ws = findUp(dir, WORKSPACE_FILE);
    if (ws === undefined) break;
    const text = textOf(ws, texts);
    if (text !== undefined && groupFiles(ws, text).includes(file)) return ws;
    const up = dirname(dirname(ws));
    if (up === dirname(ws)) break;
    dir = up;
  }
  const text = textOf(file, texts);
  return text !== undefined && looksLikeSpec(text) ? file : undefined;
}
