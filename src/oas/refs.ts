/**
 * `$ref` handling. apig works offline and inside the workspace: local refs (`#/...`) are resolved; refs to
 * other files are bundled in (load-group.ts) when they stay inside the workspace folder; refs to URLs are
 * refused unless `--allow-remote-refs` (issue 8 hardening; documented in docs/import-export.md).
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { join, parsePointer } from '../core/pointer.js';
import { isRecord } from './codec.js';
import { MAX_NESTING, TOO_DEEP } from './nesting.js';

export function resolvePointer(root: unknown, ref: string): unknown {
  let node: unknown = root;
  for (const seg of parsePointer(ref)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isRecord(node)) node = Object.hasOwn(node, seg) ? node[seg] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function refOf(v: unknown): string | undefined {
  return isRecord(v) && typeof v.$ref === 'string' ? v.$ref : undefined;
}

/** Where external `$ref`s may point: files under `root` (the workspace folder), URLs only when allowed. */
export interface RefPolicy {
  /** Absolute path of the document (relative refs resolve against its folder). */
  file: string;
  root: string;
  allowRemote: boolean;
}

export const isUrlRef = (ref: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(ref);

/** `path` is `root` or lies under it (both absolute; no file system access). */
export function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/**
 * A path as a `$ref` or the resolver's URL writes it, percent-decoded; a malformed escape (`a%.yaml`) is kept as
 * written instead of throwing.
 */
export function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The file a relative `$ref` names, resolved against the document's folder. */
export function refFile(ref: string, from: string): string {
  return resolve(dirname(from), decodePath(ref.split('#')[0] ?? ''));
}

/**
 * The file a relative `$ref` reads, or undefined when it leaves the workspace folder
 * (as written: links are resolved when it is read).
 */
export function refFileWithin(ref: string, from: string, root: string): string | undefined {
  const target = refFile(ref, from);
  return isWithin(target, root) ? target : undefined;
}

export interface ExternalRef {
  ref: string;
  /** JSON pointer of the `$ref` key. */
  at: string;
}

export interface RefCheck {
  diagnostics: Diagnostic[];
  /** The external refs (files, URLs) the policy allows: the loader bundles them in. */
  external: ExternalRef[];
}

/**
 * The text may hold a `$ref`: written as such, or spelled with an escape in a quoted string (JSON's
 * `"\u0024ref"`, YAML's `"\x24ref"`, `"\U00000024ref"`, or `"$re\` + line break + `f"`). Other escapes (`\"`,
 * `\n`, `\\`...) spell none of `$`, `r`, `e`, `f`. When it is false, checkRefs has nothing to find.
 */
export function mayHoldRef(text: string): boolean {
  if (text.includes('$ref')) return true;
  // Escapes read left to right, two characters at least: past `\\`, the next backslash starts an escape.
  for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 2)) {
    const c = text.charCodeAt(i + 1);
    if (c === 117 /* u */ || c === 85 /* U */ || c === 120 /* x */ || c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * One walk over the document: follows each chain of pure `$ref`s, reports dangling targets and cycles and the
 * external refs the policy refuses, and collects the external refs it allows.
 */
export function checkRefs(root: unknown, source: string, policy?: RefPolicy): RefCheck {
  const out: Diagnostic[] = [];
  const external: ExternalRef[] = [];
  const err = (path: string, message: string): void => {
    out.push({ code: 'ref-resolution', severity: 'error', message, path, source });
  };
  // The path so far as segments: a pointer string is built only where a $ref (or a problem) is, not per node.
  const segments: Array<string | number> = [];
  const here = (): string => join('', ...segments);
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_NESTING) {
      err(here(), TOO_DEEP);
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v !== 'object' || v === null) continue;
        segments.push(i);
        visit(v, depth + 1);
        segments.pop();
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === 'string') checkOne(ref, join(here(), '$ref'));
    // Own keys: Object.keys, not for-in with a hasOwn call per key (this visits every object of the document).
    else
      for (let i = 0, keys = Object.keys(obj); i < keys.length; i++) {
        const k = keys[i] as string;
        const v = obj[k];
        if (typeof v !== 'object' || v === null) continue;
        segments.push(k);
        visit(v, depth + 1);
        segments.pop();
      }
  };
  /** Why a $ref is refused, or undefined; a file or URL it may read is noted in `external`. */
  const problemOf = (ref: string, at: string): { message: string } | undefined => {
    if (isUrlRef(ref)) {
      if (policy?.allowRemote) external.push({ ref, at });
      else
        return {
          message:
            `$ref "${ref}" points to a URL; ` +
            `apig works offline and does not fetch it (--allow-remote-refs fetches it)`,
        };
      return undefined;
    }
    if (!ref.startsWith('#')) {
      if (!policy)
        return { message: `$ref "${ref}" points to another file, which cannot be read here; inline the definition` };
      if (!refFileWithin(ref, policy.file, policy.root)) {
        return {
          message:
            `$ref "${ref}" reads a file outside the workspace folder ${policy.root}; apig refuses it ` +
            '(a file alone is its own folder: an apig.yaml in a folder above both files that lists this one makes ' +
            'that folder the workspace, `apig lint` there)',
        };
      }
      external.push({ ref, at });
      return undefined;
    }
    const seen = [ref];
    let target = resolvePointer(root, ref);
    while (target !== undefined && refOf(target) !== undefined) {
      const next = refOf(target) as string;
      if (!next.startsWith('#')) return undefined;
      if (seen.includes(next)) return { message: `$ref cycle: ${[...seen, next].join(' -> ')}` };
      seen.push(next);
      target = resolvePointer(root, next);
    }
    return target === undefined
      ? { message: `$ref "${seen[seen.length - 1]}" does not resolve to anything in this document` }
      : undefined;
  };
  const checkOne = (ref: string, at: string): void => {
    const problem = problemOf(ref, at);
    if (problem) err(at, problem.message);
  };
  visit(root, 0);
  return { diagnostics: out, external };
}
