/**
 * Readers for apig.yaml values that the schema has already checked: a missing object reads as {}, a list as [].
 */
export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
export const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/**
 * A record without a prototype, for maps keyed by names from apig.yaml that the gateway looks up with names it
 * is given (an environment called `constructor` or `toString` must find only what is written, not
 * Object.prototype's members).
 */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}
export const envMap = (v: unknown): Record<string, string[]> =>
  ownRecord(Object.entries(obj(v)).map(([k, x]) => [k, strs(x)] as const));
