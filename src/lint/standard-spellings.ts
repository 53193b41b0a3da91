/**
 * Variant spellings of standard Swagger fields that APIG reads as their canonical one, for canonical-spelling:
 * upper-case schemes (V1 exports), a parameter location in another case (`in: Query`), and `q+` for the `{q}` of a
 * path that is not greedy. Each comes with the fix that writes the canonical spelling.
 */
import { join } from '../core/pointer.js';
import { isRecord } from '../oas/codec.js';
import { SWAGGER_IN, swaggerIn } from '../oas/spec-context.js';
import type { Fix, FixBuilder } from './fix/types.js';

/** A finding: its pointer, its message and its fix. */
export type Variant = [string, string, FixBuilder | undefined];

/** Writes `value` where `was` is. */
export const write =
  (was: unknown, value: unknown, description: string) =>
  (at: string): Fix => ({ description, edits: [{ op: 'set', path: at, was, value }] });

/** Upper-case `schemes` of an operation (`segments` its pointer), added to `out`. */
export function schemeVariants(
  op: Record<string, unknown>,
  segments: ReadonlyArray<string | number>,
  out: Variant[],
): void {
  if (!Array.isArray(op.schemes)) return;
  op.schemes.forEach((s: unknown, i) => {
    if (typeof s !== 'string' || s === s.toLowerCase()) return;
    const at = join('', ...segments, 'schemes', i);
    const to = s.toLowerCase();
    out.push([at, `scheme "${s}" is written for "${to}"`, () => write(s, to, `write "${to}"`)(at)]);
  });
}

/** A parameter's location in another case than Swagger's, and a greedy name for a placeholder that is not. */
export function parameterVariants(
  raw: Record<string, unknown>,
  p: Record<string, unknown>,
  segments: ReadonlyArray<string | number>,
  out: Variant[],
): void {
  const written = p.in;
  if (typeof written === 'string' && !SWAGGER_IN.has(written) && SWAGGER_IN.has(swaggerIn(written))) {
    const at = join('', ...segments, 'in');
    const to = swaggerIn(written);
    out.push([
      at,
      `parameter location "${written}" is written for "${to}"`,
      () => write(written, to, `write "${to}"`)(at),
    ]);
  }
  const greedy = greedyName(raw, p, segments);
  if (greedy) out.push(greedy);
}

/**
 * A path parameter named `q+` for a `{q}` of its path that is not greedy: the gateway binds it as `q`
 * (core/defaults.ts pathParamName); Swagger tools know no `q+` there. For a greedy `{q+}` both names are accepted.
 * The fix renames it, unless a backend parameter or a policy condition of the path names it as written.
 */
function greedyName(
  raw: Record<string, unknown>,
  p: Record<string, unknown>,
  segments: ReadonlyArray<string | number>,
): Variant | undefined {
  const { name } = p;
  if (typeof name !== 'string' || name.length < 2 || !name.endsWith('+')) return undefined;
  if (typeof p.in !== 'string' || p.in.toLowerCase() !== 'path' || segments[0] !== 'paths') return undefined;
  const path = String(segments[1]);
  const bare = name.slice(0, -1);
  if (!path.includes(`{${bare}}`) || path.includes(`{${name}}`)) return undefined;
  const at = join('', ...segments, 'name');
  const message = `path parameter "${name}" is written for "${bare}": {${bare}} in the path is not greedy`;
  const item = isRecord(raw.paths) ? raw.paths[path] : undefined;
  return [at, message, () => (namedIn(item, name) ? undefined : write(name, bare, `rename it to "${bare}"`)(at))];
}

/** Whether a backend parameter or a policy condition of an operation under a Path Item names `name`. */
function namedIn(item: unknown, name: string): boolean {
  if (!isRecord(item)) return false;
  const names = (list: unknown, keys: readonly string[]): boolean =>
    Array.isArray(list) && list.some((e) => isRecord(e) && keys.some((k) => e[k] === name));
  return Object.values(item).some((op) => {
    if (!isRecord(op)) return false;
    const backend = op['x-apigateway-backend'];
    const policies = op['x-apigateway-backend-policies'];
    return (
      (isRecord(backend) && names(backend.parameters, ['value'])) ||
      (Array.isArray(policies) &&
        policies.some(
          (b) =>
            isRecord(b) && (names(b.parameters, ['value']) || names(b.conditions, ['parameter', 'parameter_name'])),
        ))
    );
  });
}
