/** One Swagger operation → an Api (ruling 12: the API name is the operationId). */
import type { Api, ApiMethod, Param } from '../core/model.js';
import { join } from '../core/pointer.js';
import { isRecord, type DecodeCtx } from './codec.js';
import { paramCodec } from './extensions/parameter.js';
import { operationCodec } from './extensions/operation.js';
import { resolvePointer } from './refs.js';
import { ANY_METHOD_KEY } from './walk.js';

export function methodOf(key: string): ApiMethod {
  return key === ANY_METHOD_KEY ? 'ANY' : (key.toUpperCase() as ApiMethod);
}

/** A stable name for an operation without operationId: `GET_/users/id`, within the API name character set. */
export function generatedName(method: ApiMethod, path: string): string {
  return `${method}_${path.replace(/[{}+]/g, '').replace(/[^A-Za-z0-9_./:()-]/g, '_')}`;
}

/** Decodes a parameter list; `$ref`s are resolved against the document and remembered. */
export function decodeParams(raw: unknown, at: string, root: unknown, ctx: DecodeCtx): Param[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.diagnostics.push({
      code: 'schema',
      severity: 'error',
      message: 'parameters must be an array',
      path: at,
      source: ctx.source,
    });
    return undefined;
  }
  const out: Param[] = [];
  let ok = true;
  raw.forEach((p, i) => {
    const ref = isRecord(p) && typeof p.$ref === 'string' ? p.$ref : undefined;
    const target = ref !== undefined ? resolvePointer(root, ref) : p;
    const decoded = paramCodec.decode(target, ref ?? join(at, i), ctx);
    if (!decoded) ok = false;
    else out.push(ref !== undefined ? { ...decoded, ref } : decoded);
  });
  return ok ? out : undefined;
}

export function decodeOperation(
  op: Record<string, unknown>,
  site: { path: string; key: string; at: string; inherited: readonly Param[]; root: unknown },
  ctx: DecodeCtx,
): Api | undefined {
  const fields = operationCodec.decode(op, site.at, ctx);
  const own = decodeParams(op.parameters, join(site.at, 'parameters'), site.root, ctx);
  if (!fields || !own) return undefined;
  const { operationId, parameters: _raw, ...rest } = fields;
  const method = methodOf(site.key);
  // Operation parameters override Path Item parameters with the same name and location (Swagger 2.0).
  const inherited = site.inherited
    .filter((p) => !own.some((o) => o.name === p.name && o.location === p.location))
    .map((p) => ({ ...p, inherited: true }));
  return {
    ...rest,
    name: operationId ?? generatedName(method, site.path),
    nameGenerated: operationId === undefined,
    method,
    path: site.path,
    params: [...inherited, ...own],
  };
}
