/**
 * Small declarative codecs between raw Swagger values and the typed model. Decoding normalises documented
 * variants (upper-case `HTTPS`, `equal` for `exact`, numbers as strings...) and records what was written in
 * `Kept`, so encoding gives back exactly the input (x-apigateway.md "Contradictions").
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Kept, KeptInfo } from '../core/kept.js';
import { join } from '../core/pointer.js';

export interface DecodeCtx {
  source: string;
  diagnostics: Diagnostic[];
}

export interface Codec<T> {
  /** Returns undefined (after reporting a diagnostic) when the value cannot be decoded. */
  decode(raw: unknown, at: string, ctx: DecodeCtx): T | undefined;
  encode(value: T): unknown;
}

export function report(ctx: DecodeCtx, at: string, message: string): undefined {
  ctx.diagnostics.push({ code: 'schema', severity: 'error', message, path: at, source: ctx.source });
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

const describe = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

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
export const anyValue: Codec<unknown> = { decode: (raw) => raw, encode: (v) => v };

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
      raw.forEach((r, i) => {
        const v = item.decode(r, join(at, i), ctx);
        if (v !== undefined) out.push(v);
      });
      return out.length === raw.length ? out : undefined;
    },
    encode: (v) => v.map((x) => item.encode(x)),
  };
}

/** A string or an array of strings (httpEndpoints.address); one element encodes as a plain string. */
export const stringOrList: Codec<string[]> = {
  decode(raw, at, ctx) {
    if (typeof raw === 'string') return [raw];
    return list(str).decode(raw, at, ctx);
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
        const v = item.decode(r, join(at, k), ctx);
        if (v === undefined) ok = false;
        else setOwn(out, k, v);
      }
      return ok ? out : undefined;
    },
    encode: (v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, item.encode(x)])),
  };
}

// ---------------------------------------------------------------------------------------------
// Objects

export interface FieldSpec<T> {
  key: string;
  codec: Codec<T>;
  required: boolean;
  aliases?: readonly string[];
}

export const req = <T>(key: string, codec: Codec<T>, aliases?: readonly string[]): FieldSpec<T> => ({
  key,
  codec,
  required: true,
  ...(aliases ? { aliases } : {}),
});
export const opt = <T>(key: string, codec: Codec<T>, aliases?: readonly string[]): FieldSpec<T> => ({
  key,
  codec,
  required: false,
  ...(aliases ? { aliases } : {}),
});

export type Fields<T> = { [K in Exclude<keyof T, 'kept'>]-?: FieldSpec<Exclude<T[K], undefined>> };

interface KeptValue {
  written: unknown;
  value: unknown;
}

/**
 * An object codec from a field table. Unknown keys are kept verbatim in `kept.extra`; values whose
 * written form differs from the canonical encoding are kept in `kept.values`.
 */
export function object<T extends Kept>(fields: Fields<T>, options: { name?: string } = {}): Codec<T> {
  const specs = Object.entries(fields) as Array<[string, FieldSpec<unknown>]>;
  const known = new Set(specs.flatMap(([, s]) => [s.key, ...(s.aliases ?? [])]));
  return {
    decode(raw, at, ctx) {
      if (!isRecord(raw)) return report(ctx, at, `${options.name ?? 'value'} must be an object, got ${describe(raw)}`);
      const out: Record<string, unknown> = {};
      const kept: KeptInfo = {};
      let ok = true;
      for (const [prop, spec] of specs) {
        const writtenKey = [spec.key, ...(spec.aliases ?? [])].find((k) => Object.hasOwn(raw, k));
        if (writtenKey === undefined || raw[writtenKey] === undefined) {
          if (spec.required) {
            report(ctx, at, `${options.name ?? 'object'} must have required property '${spec.key}'`);
            ok = false;
          }
          continue;
        }
        if (writtenKey !== spec.key) (kept.keys ??= {})[spec.key] = writtenKey;
        const written = raw[writtenKey];
        const value = spec.codec.decode(written, join(at, writtenKey), ctx);
        if (value === undefined) {
          ok = false;
          continue;
        }
        out[prop] = value;
        if (!deepEqual(spec.codec.encode(value), written)) {
          (kept.values ??= {})[spec.key] = { written, value } satisfies KeptValue;
        }
      }
      for (const [k, v] of Object.entries(raw)) if (!known.has(k)) setOwn((kept.extra ??= {}), k, v);
      kept.order = Object.keys(raw);
      if (!ok) return undefined;
      out.kept = kept;
      return out as T;
    },
    encode(value) {
      const v = value as Record<string, unknown>;
      const kept = value.kept;
      const entries: Array<[string, unknown]> = [];
      for (const [prop, spec] of specs) {
        const x = v[prop];
        if (x === undefined) continue;
        const key = kept?.keys?.[spec.key] ?? spec.key;
        const k = kept?.values?.[spec.key] as KeptValue | undefined;
        entries.push([key, k !== undefined && deepEqual(k.value, x) ? k.written : spec.codec.encode(x)]);
      }
      for (const [k, x] of Object.entries(kept?.extra ?? {})) entries.push([k, x]);
      return Object.fromEntries(orderEntries(entries, kept?.order));
    },
  };
}

/** Sorts entries into the written order; keys that were not written keep their place at the end. */
export function orderEntries<V>(entries: Array<[string, V]>, order: readonly string[] | undefined): Array<[string, V]> {
  if (!order) return entries;
  const rank = new Map(order.map((k, i) => [k, i]));
  return entries
    .map((e, i) => ({ e, r: rank.get(e[0]) ?? order.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.e);
}
