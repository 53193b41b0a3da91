/**
 * Inline suppression: `x-apig-lint-disable: [{rule: ID, reason: "..."}]` on an operation, a Path Item or the
 * document root (our own extension, outside Huawei's namespace; dropped from console exports).
 */
import { join } from '../core/pointer.js';
import { isRecord } from '../oas/codec.js';

export const DISABLE_KEY = 'x-apig-lint-disable';

export interface Suppression {
  rule: string;
  reason: string;
  /** JSON pointer of the object carrying it ('' for the root). */
  scope: string;
}

export interface SuppressionProblem {
  path: string;
  message: string;
}

function entriesAt(
  node: unknown,
  scope: string,
  known: ReadonlySet<string>,
  out: Suppression[],
  problems: SuppressionProblem[],
): void {
  if (!isRecord(node) || node[DISABLE_KEY] === undefined) return;
  const list = node[DISABLE_KEY];
  const at = join(scope, DISABLE_KEY);
  if (!Array.isArray(list)) {
    problems.push({ path: at, message: `${DISABLE_KEY} must be a list of {rule, reason}` });
    return;
  }
  list.forEach((e, i) => {
    const rule = isRecord(e) && typeof e.rule === 'string' ? e.rule : undefined;
    const reason = isRecord(e) && typeof e.reason === 'string' ? e.reason.trim() : '';
    if (!rule) problems.push({ path: join(at, i), message: 'a suppression needs `rule: <rule id>`' });
    else if (!known.has(rule)) problems.push({ path: join(at, i, 'rule'), message: `unknown rule "${rule}"` });
    if (rule && reason === '')
      problems.push({ path: join(at, i), message: `suppressing ${rule} needs a reason: add \`reason: "..."\`` });
    if (rule && known.has(rule) && reason !== '') out.push({ rule, reason, scope });
  });
}

/** Every suppression in a document, and the entries that are malformed. */
export function collectSuppressions(
  raw: unknown,
  known: ReadonlySet<string>,
): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  entriesAt(raw, '', known, suppressions, problems);
  const paths = isRecord(raw) ? raw.paths : undefined;
  if (!isRecord(paths)) return { suppressions, problems };
  // Pointers are built only where the key stands: most Path Items and operations have none.
  const pathKeys = Object.keys(paths);
  for (let i = 0; i < pathKeys.length; i++) {
    const path = pathKeys[i] as string;
    const item = paths[path];
    if (!isRecord(item)) continue;
    if (item[DISABLE_KEY] !== undefined) entriesAt(item, join('', 'paths', path), known, suppressions, problems);
    const keys = Object.keys(item);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j] as string;
      const op = item[k];
      if (isRecord(op) && op[DISABLE_KEY] !== undefined)
        entriesAt(op, join('', 'paths', path, k), known, suppressions, problems);
    }
  }
  return { suppressions, problems };
}

/**
 * The suppression that covers a finding: same rule, and the finding lies inside its scope. Both are pointers
 * built from escaped segments, so a scope covers a path that equals it or continues it with `/`.
 */
export function suppressionFor(list: readonly Suppression[], rule: string, path: string): Suppression | undefined {
  for (const s of list) {
    if (s.rule !== rule) continue;
    const scope = s.scope;
    if (scope === '') return s;
    if (path.startsWith(scope) && (path.length === scope.length || path.charCodeAt(scope.length) === 47)) return s;
  }
  return undefined;
}
