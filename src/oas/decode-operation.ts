/** One Swagger operation → an Api (ruling 12: the API name is the operationId). */
import type { Api, ApiMethod, Param } from '../core/model.js';
import { type At, below, isRecord, pointerAt, type DecodeCtx } from './codec.js';
import { paramCodec } from './extensions/parameter.js';
import { operationCodec, type OperationFields } from './extensions/operation.js';
import { join, parsePointer } from '../core/pointer.js';
import { resolvePointer } from './refs.js';
import { ANY_METHOD_KEY } from './walk.js';

export function methodOf(key: string): ApiMethod {
  return key === ANY_METHOD_KEY ? 'ANY' : (key.toUpperCase() as ApiMethod);
}

/** The Path Item key of a method: the inverse of methodOf. */
export function operationKey(method: ApiMethod): string {
  return method === 'ANY' ? ANY_METHOD_KEY : method.toLowerCase();
}

/** A stable name for an operation without operationId: `GET_/users/id`, within the API name character set. */
export function generatedName(method: ApiMethod, path: string): string {
  return `${method}_${path.replace(/[{}+]/g, '').replace(/[^A-Za-z0-9_./:()-]/g, '_')}`;
}

/** Decodes a parameter list; `$ref`s are resolved against the document and remembered. */
export function decodeParams(raw: unknown, at: At, root: unknown, ctx: DecodeCtx): Param[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.diagnostics.push({
      code: 'extension-schema',
      severity: 'error',
      message: 'parameters must be an array',
      path: pointerAt(at),
      source: ctx.source,
    });
    return undefined;
  }
  const out: Param[] = [];
  let ok = true;
  for (let i = 0; i < raw.length; i++) {
    const p: unknown = raw[i];
    const ref = isRecord(p) && typeof p.$ref === 'string' ? p.$ref : undefined;
    const target = ref !== undefined ? resolvePointer(root, ref) : p;
    // A problem is reported where the parameter is defined (a JSON pointer, not the `#` fragment), or at the entry
    // when its reference leads nowhere (a shared parameter a partial load left out): there lint leaves it out.
    const where = ref === undefined || target === undefined ? below(at, i) : join('', ...parsePointer(ref));
    const decoded = paramCodec.decode(target, where, ctx);
    if (!decoded) ok = false;
    else out.push(ref !== undefined ? { ...decoded, ref } : decoded);
  }
  return ok ? out : undefined;
}

export function decodeOperation(
  op: Record<string, unknown>,
  site: { path: string; key: string; at: At; inherited: readonly Param[]; root: unknown },
  ctx: DecodeCtx,
): Api | undefined {
  const fields = operationCodec.decode(op, site.at, ctx);
  const own = decodeParams(op.parameters, below(site.at, 'parameters'), site.root, ctx);
  if (!fields || !own) return undefined;
  const { operationId } = fields;
  const method = methodOf(site.key);
  // Operation parameters override Path Item parameters with the same name and location (Swagger 2.0).
  const inherited =
    site.inherited.length === 0
      ? []
      : site.inherited
          .filter((p) => !own.some((o) => o.name === p.name && o.location === p.location))
          .map((p) => ({ ...p, inherited: true }));
  // A copy loop, not `{ operationId, parameters, ...rest }` and a spread: those cost ten times as much per API.
  const api: Record<string, unknown> = {};
  const keys = Object.keys(fields);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as keyof OperationFields;
    if (k !== 'operationId' && k !== 'parameters') api[k] = fields[k];
  }
  api.name = operationId ?? generatedName(method, site.path);
  api.nameGenerated = operationId === undefined;
  api.method = method;
  api.path = site.path;
  api.params = inherited.length === 0 ? own : [...inherited, ...own];
  return api as unknown as Api;
}
