/**
 * Small declarative codecs between raw Swagger values and the typed model: scalars and collections here, objects
 * from a field table in object-codec.ts. Decoding normalises documented variants (upper-case `HTTPS`, `equal` for
 * `exact`, numbers as strings...) and records what was written in `Kept`, so encoding gives back exactly the input
 * (x-apigateway.md "Contradictions").
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { join } from '../core/pointer.js';

export interface DecodeCtx {
  source: string;
  diagnostics: Diagnostic[];
}

/**
 * Where a value stands: a JSON pointer, or one key below another place. Decoding passes one to every field it
 * reads; the pointer string is built only when a diagnostic names it (most fields have none).
 */
export type At = string | { readonly up: At; readonly key: string | number };

export const below = (up: At, key: string | number): At => ({ up, key });

export function pointerAt(at: At): string {
  if (typeof at === 'string') return at;
  const keys: Array<string | number> = [];
  let a: At = at;
  for (; typeof a !== 'string'; a = a.up) keys.push(a.key);
  return join(a, ...keys.reverse());
}

export interface Codec<T> {
  /** Returns undefined (after reporting a diagnostic) when the value cannot be decoded. */
  decode(raw: unknown, at: At, ctx: DecodeCtx): T | undefined;
  encode(value: T): unknown;
  /**
   * Set when encoding a decoded value always gives back exactly what was written (an object codec keeps
   * everything it normalises), so that a parent need not encode it again to compare.
   */
  exact?: boolean;
  /**
   * Whether encoding `value` (decoded from `written`) gives back `written`: a cheaper answer than encoding
   * and comparing, for a codec that is not `exact`.
   */
  same?(value: T, written: unknown): boolean;
}

export function report(ctx: DecodeCtx, at: At, message: string): undefined {
  ctx.diagnostics.push({
    code: 'extension-schema',
    severity: 'error',
    message,
    path: pointerAt(at),
    source: ctx.source,
  });
  return undefined;
}

/**
 * `o[k] = v` that always makes an own property: a key written `__proto__` in a file is data, and plain
 * assignment would set the object's prototype instead (losing the key and answering later lookups from it).
 */
export function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

export const describe = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

// ---------------------------------------------------------------------------------------------
// Scalars

export const str: Codec<string> = {
  decode: (raw, at, ctx) =>
    typeof raw === 'string'
      ? raw
      : typeof raw === 'number' || typeof raw === 'boolean'
        ? String(raw)
        : report(ctx, at, `must be a string, got ${describe(raw)}`),
  encode: (v) => v,
};

function numberCodec(integer: boolean): Codec<number> {
  const what = integer ? 'an integer' : 'a number';
  return {
    decode(raw, at, ctx) {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n)))
        return report(ctx, at, `must be ${what}, got ${describe(raw)}`);
      return n;
    },
    encode: (v) => v,
  };
}
export const int = numberCodec(true);
export const num = numberCodec(false);

export const bool: Codec<boolean> = {
  decode(raw, at, ctx) {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    return report(ctx, at, `must be true or false, got ${describe(raw)}`);
  },
  encode: (v) => v,
};

/** Any JSON value, untouched. */
export const anyValue: Codec<unknown> = { decode: (raw) => raw, encode: (v) => v, exact: true };

/**
 * One of a closed set, matched case-insensitively, with documented aliases (e.g. `equal` → `exact`).
 * The canonical spelling is the one in `values`.
 */
export function oneOf<T extends string>(values: readonly T[], aliases: Readonly<Record<string, T>> = {}): Codec<T> {
  const byLower = new Map<string, T>();
  for (const v of values) byLower.set(v.toLowerCase(), v);
  for (const [alias, v] of Object.entries(aliases)) byLower.set(alias.toLowerCase(), v);
  return {
    decode(raw, at, ctx) {
      const hit = typeof raw === 'string' ? byLower.get(raw.toLowerCase()) : undefined;
      return hit ?? report(ctx, at, `must be one of ${values.join(', ')}, got ${describe(raw)}`);
    },
    encode: (v) => v,
  };
}

export function list<T>(item: Codec<T>): Codec<T[]> {
  return {
    decode(raw, at, ctx) {
      if (!Array.isArray(raw)) return report(ctx, at, `must be an array, got ${describe(raw)}`);
      const out: T[] = [];
      for (let i = 0; i < raw.length; i++) {
        const v = item.decode(raw[i], below(at, i), ctx);
        if (v !== undefined) out.push(v);
      }
      return out.length === raw.length ? out : undefined;
    },
    encode: (v) => v.map((x) => item.encode(x)),
    ...(item.exact ? { exact: true } : {}),
  };
}

const strings = list(str);

/** A string or an array of strings (httpEndpoints.address); one element encodes as a plain string. */
export const stringOrList: Codec<string[]> = {
  decode(raw, at, ctx) {
    if (typeof raw === 'string') return [raw];
    return strings.decode(raw, at, ctx);
  },
  encode: (v) => (v.length === 1 ? v[0] : v),
};

/** Comma-separated values (ACL `value`), split and trimmed. */
export const csv: Codec<string[]> = {
  decode(raw, at, ctx) {
    const s = str.decode(raw, at, ctx);
    return s === undefined
      ? undefined
      : s
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '');
  },
  encode: (v) => v.join(','),
};

export function record<T>(item: Codec<T>): Codec<Record<string, T>> {
  return {
    decode(raw, at, ctx) {
      if (!isRecord(raw)) return report(ctx, at, `must be an object, got ${describe(raw)}`);
      const out: Record<string, T> = {};
      let ok = true;
      for (const [k, r] of Object.entries(raw)) {
        const v = item.decode(r, below(at, k), ctx);
        if (v === undefined) ok = false;
        else setOwn(out, k, v);
      }
      return ok ? out : undefined;
    },
    encode: (v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, item.encode(x)])),
    ...(item.exact ? { exact: true } : {}),
  };
}
