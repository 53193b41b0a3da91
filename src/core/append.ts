/** Lists kept by key in a Map (findings by file, APIs by path): appended to in place, each started by its first. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
