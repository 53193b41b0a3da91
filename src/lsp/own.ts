/**
 * A table's own entry for a key the user wrote: `constructor`, `toString` or `__proto__` as a key in a document
 * must not find what every object inherits.
 */
export const own = <T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
