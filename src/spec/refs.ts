/**
 * `$ref` handling. apig works offline and inside the workspace: local refs (`#/...`) are resolved,
 * refs to URLs are refused, and so are refs to other files (issue 8 hardening; documented in docs/import.md).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { join, parsePointer } from '../core/pointer.js';
import { isRecord } from './codec.js';

export function resolvePointer(root: unknown, ref: string): unknown {
  let node: unknown = root;
  for (const seg of parsePointer(ref)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isRecord(node)) node = Object.prototype.hasOwnProperty.call(node, seg) ? node[seg] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function refOf(v: unknown): string | undefined {
  return isRecord(v) && typeof v.$ref === 'string' ? v.$ref : undefined;
}

/** Follows a chain of pure `$ref`s; reports dangling targets and cycles. */
export function checkRefs(root: unknown, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: string, message: string, code = 'ref'): void => {
    out.push({ code, severity: 'error', message, path, source });
  };
  const visit = (node: unknown, at: string, depth: number): void => {
    if (depth > 200) return err(at, 'document nests deeper than 200 levels', 'too-deep');
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, join(at, i), depth + 1));
    if (!isRecord(node)) return;
    const ref = refOf(node);
    if (ref !== undefined) return checkOne(ref, join(at, '$ref'));
    for (const [k, v] of Object.entries(node)) visit(v, join(at, k), depth + 1);
  };
  const checkOne = (ref: string, at: string): void => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return err(at, `$ref "${ref}" points to a URL; apig works offline and does not fetch it`);
    if (!ref.startsWith('#')) return err(at, `$ref "${ref}" points to another file; external files are not supported, inline the definition`);
    const seen = [ref];
    let target = resolvePointer(root, ref);
    while (target !== undefined && refOf(target) !== undefined) {
      const next = refOf(target) as string;
      if (!next.startsWith('#')) return;
      if (seen.includes(next)) return err(at, `$ref cycle: ${[...seen, next].join(' -> ')}`, 'ref-cycle');
      seen.push(next);
      target = resolvePointer(root, next);
    }
    if (target === undefined) err(at, `$ref "${seen[seen.length - 1]}" does not resolve to anything in this document`);
  };
  visit(root, '', 0);
  return out;
}
