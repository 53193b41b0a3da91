/**
 * Object codecs from a field table: each field's key, codec and aliases. What was written and differs from the
 * canonical encoding (an alias key, a variant value, unknown keys, the key order) is kept, so encoding gives back
 * exactly the input (x-apigateway.md "Contradictions").
 */
import type { Kept, KeptInfo } from '../core/kept.js';
import { below, type Codec, deepEqual, describe, isRecord, report, setOwn } from './codec.js';

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
 * written form differs from the canonical encoding are kept in `kept.values`. So encoding a decoded object
 * gives back exactly what was written: the codec is `exact`.
 */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function object<T extends Kept>(fields: Fields<T>, options: { name?: string } = {}): Codec<T> {
  const specs = (Object.entries(fields) as Array<[string, FieldSpec<unknown>]>).map(([prop, spec]) => ({
    prop,
    spec,
    /** The keys it may be written under: its own first, then the aliases. */
    keys: [spec.key, ...(spec.aliases ?? [])],
  }));
  // Each key a field may be written under → the field's index (a bit of `present` below); -1 for the keys of a
  // field with aliases, which are looked up one by one. One look-up per key written, none per field absent.
  if (specs.length > 30) throw new Error(`${options.name}: at most 30 fields (one bit each)`);
  const slot = new Map<string, number>();
  specs.forEach((s, i) => {
    for (const k of s.keys) {
      if (slot.has(k)) throw new Error(`${options.name}: "${k}" names two fields`);
      slot.set(k, s.keys.length === 1 ? i : -1);
    }
  });
  const name = options.name;
  // The key order of the object decoded last: objects written alike share one array (the model holds one per
  // decoded object, 3 MB for a 7,000-API file when each has its own).
  let lastOrder: string[] = [];
  /** Where a field was written: its own key, or an alias (a second spelling is kept as written). */
  const writtenKeyOf = (raw: Record<string, unknown>, keys: readonly string[], kept: KeptInfo): string | undefined => {
    let writtenKey: string | undefined;
    for (const k of keys) {
      if (!Object.hasOwn(raw, k)) continue;
      if (writtenKey === undefined) writtenKey = k;
      // A second spelling of the same field (`parameter` and `parameter_name`) is kept as written.
      else setOwn((kept.extra ??= {}), k, raw[k]);
    }
    return writtenKey;
  };
  return {
    exact: true,
    decode(raw, at, ctx) {
      if (!isRecord(raw)) return report(ctx, at, `${name ?? 'value'} must be an object, got ${describe(raw)}`);
      const out: Record<string, unknown> = {};
      const kept: KeptInfo = {};
      const rawKeys = Object.keys(raw);
      const order = sameKeys(rawKeys, lastOrder) ? lastOrder : (lastOrder = rawKeys);
      let present = 0;
      let unknown = false;
      for (let i = 0; i < order.length; i++) {
        const s = slot.get(order[i] as string);
        if (s === undefined) unknown = true;
        else if (s >= 0) present |= 1 << s;
      }
      let ok = true;
      for (let i = 0; i < specs.length; i++) {
        const { prop, spec, keys } = specs[i] as (typeof specs)[number];
        const writtenKey =
          keys.length === 1 ? ((present >> i) & 1 ? spec.key : undefined) : writtenKeyOf(raw, keys, kept);
        const written = writtenKey === undefined ? undefined : raw[writtenKey];
        if (written === undefined) {
          if (spec.required) {
            report(ctx, at, `${name ?? 'object'} must have required property '${spec.key}'`);
            ok = false;
          }
          continue;
        }
        if (writtenKey !== spec.key) (kept.keys ??= {})[spec.key] = writtenKey as string;
        const codec = spec.codec;
        const value = codec.decode(written, below(at, writtenKey as string), ctx);
        if (value === undefined) {
          ok = false;
          continue;
        }
        out[prop] = value;
        if (codec.exact) continue;
        if (codec.same ? !codec.same(value, written) : !deepEqual(codec.encode(value), written))
          (kept.values ??= {})[spec.key] = { written, value } satisfies KeptValue;
      }
      if (unknown)
        for (let i = 0; i < order.length; i++) {
          const k = order[i] as string;
          if (!slot.has(k)) setOwn((kept.extra ??= {}), k, raw[k]);
        }
      kept.order = order;
      if (!ok) return undefined;
      out.kept = kept;
      return out as T;
    },
    encode(value) {
      const v = value as Record<string, unknown>;
      const kept = value.kept;
      const entries: Array<[string, unknown]> = [];
      for (const { prop, spec } of specs) {
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
