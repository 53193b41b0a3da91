/**
 * Parameter schemas between OpenAPI 3.0 (`schema.{type,...}`) and Swagger 2.0 (on the parameter itself), keeping
 * the written order so that a 3.0 file round-trips (oas3.ts, oas3-convert.ts).
 */
import { isRecord } from './codec.js';
import { resolvePointer } from './refs.js';
import { operations } from './walk.js';

export type Doc = Record<string, unknown>;

/** Parameter keys that live under `schema` in OpenAPI 3.0 and on the parameter in Swagger 2.0. */
const SCHEMA_KEYS = [
  'type',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'default',
  'format',
  'pattern',
  'items',
] as const;

/** Applies `fn` to every parameter: path-level, operation-level and reusable (`parameters`, `components`). */
export function eachParamList(doc: Doc, fn: (p: unknown) => unknown): void {
  const mapList = (list: unknown[]): void =>
    list.forEach((p, i) => {
      list[i] = fn(p);
    });
  if (isRecord(doc.paths))
    for (const item of Object.values(doc.paths))
      if (isRecord(item) && Array.isArray(item.parameters)) mapList(item.parameters);
  for (const { op } of operations(doc)) if (Array.isArray(op.parameters)) mapList(op.parameters);
  for (const holder of [isRecord(doc.components) ? doc.components : undefined, doc]) {
    if (holder && isRecord(holder.parameters))
      for (const [k, p] of Object.entries(holder.parameters)) holder.parameters[k] = fn(p);
  }
}

/** Remembers the written order of a flattened `schema`, so that restoring it gives back the same text. */
export const SCHEMA_ORDER = 'x-apig-oas3-schema-order';

/**
 * The keys (and their values) a parameter took from the schema its `schema: {$ref}` names: they are the
 * parameter's type and bounds, but written in that schema, so nestParam leaves them out again.
 */
export const SCHEMA_REF_KEYS = 'x-apig-oas3-schema-ref';

/** The schema a local `$ref` (or a chain of them) names, if there is one. */
function namedSchema(root: Doc, schema: Doc): Doc | undefined {
  let node: unknown = schema;
  for (let hops = 0; hops < 32 && isRecord(node) && typeof node.$ref === 'string'; hops++)
    node = node.$ref.startsWith('#') ? resolvePointer(root, node.$ref) : undefined;
  return isRecord(node) && typeof node.$ref !== 'string' ? node : undefined;
}

/**
 * `schema.{type,...}` → the parameter itself, in the place where `schema` stood; `example` → `x-example`. Given
 * the document (`root`), a `schema` that is a `$ref` gives the parameter the type and bounds of the schema it
 * names, remembered under SCHEMA_REF_KEYS.
 */
export function flattenParam(p: unknown, root?: Doc): unknown {
  if (!isRecord(p) || !isRecord(p.schema) || p.in === 'body') return p;
  const schema = p.schema;
  const out: Doc = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === 'example') out['x-example'] = v;
    else if (k !== 'schema') out[k] = v;
    else {
      const rest: Doc = {};
      for (const [sk, sv] of Object.entries(schema)) {
        if ((SCHEMA_KEYS as readonly string[]).includes(sk) && !Object.hasOwn(p, sk)) out[sk] = sv;
        else rest[sk] = sv;
      }
      if (Object.keys(rest).length > 0) out.schema = rest;
      out[SCHEMA_ORDER] = Object.keys(schema);
    }
  }
  const named = root !== undefined && typeof schema.$ref === 'string' ? namedSchema(root, schema) : undefined;
  if (named) {
    const borrowed: Doc = {};
    for (const k of SCHEMA_KEYS) if (Object.hasOwn(named, k) && !Object.hasOwn(out, k)) out[k] = borrowed[k] = named[k];
    if (Object.keys(borrowed).length > 0) out[SCHEMA_REF_KEYS] = borrowed;
  }
  return out;
}

/** The parameter without what flattenParam took from a `$ref`'d schema (a value changed since stays). */
function withoutBorrowed(p: Doc): Doc {
  const borrowed = p[SCHEMA_REF_KEYS];
  if (borrowed === undefined) return p;
  const same = (k: string): boolean =>
    isRecord(borrowed) && Object.hasOwn(borrowed, k) && JSON.stringify(borrowed[k]) === JSON.stringify(p[k]);
  return Object.fromEntries(Object.entries(p).filter(([k]) => k !== SCHEMA_REF_KEYS && !same(k)));
}

/** The inverse of flattenParam (also used to convert Swagger 2.0 parameters to OpenAPI 3.0). */
export function nestParam(written: unknown): unknown {
  if (!isRecord(written) || typeof written.$ref === 'string' || written.in === 'body') return written;
  const p = withoutBorrowed(written);
  const order = Array.isArray(p[SCHEMA_ORDER]) ? (p[SCHEMA_ORDER] as unknown[]).map(String) : undefined;
  const schema: Doc = isRecord(p.schema) ? { ...p.schema } : {};
  for (const k of SCHEMA_KEYS) if (Object.hasOwn(p, k)) schema[k] = p[k];
  const ordered = order
    ? Object.fromEntries(
        [
          ...order.filter((k) => Object.hasOwn(schema, k)),
          ...Object.keys(schema).filter((k) => !order.includes(k)),
        ].map((k) => [k, schema[k]]),
      )
    : schema;
  const out: Doc = {};
  let placed = false;
  for (const [k, v] of Object.entries(p)) {
    const isSchemaPart = k === 'schema' || k === SCHEMA_ORDER || (SCHEMA_KEYS as readonly string[]).includes(k);
    if (isSchemaPart) {
      if (!placed && Object.keys(ordered).length > 0) out.schema = ordered;
      placed = true;
    } else if (k === 'x-example') out.example = v;
    else out[k] = v;
  }
  return out;
}
