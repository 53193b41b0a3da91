/**
 * Records keyed by what a request sends (query keys, header and parameter names) have no prototype: a key
 * may be `constructor` or `__proto__`, which a plain object would answer from Object.prototype or mangle.
 */
export function dict<T>(from?: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (from) for (const k of Object.keys(from)) out[k] = from[k] as T;
  return out;
}

/** The first value of each query parameter. */
export function firstQueryValues(query: string): Record<string, string> {
  const out = dict<string>();
  for (const [k, v] of new URLSearchParams(query)) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}
