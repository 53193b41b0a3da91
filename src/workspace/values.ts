/**
 * Readers for apig.yaml values that the schema has already checked: a missing object reads as {}, a list as [].
 */
export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
export const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
export const envMap = (v: unknown): Record<string, string[]> =>
  Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, strs(x)]));
