/**
 * Which items of a list become which items of its target: what reconcile.ts needs to change a list item by item
 * (keeping each item's comments and style) instead of writing it anew.
 */
import { deepEqual, isRecord } from '../../oas/codec.js';

/** What identifies a list item across a change: a parameter's location and name, an entry's name, a string. */
function itemKey(v: unknown): string | undefined {
  if (typeof v === 'string') return `\u0000${v}`;
  if (!isRecord(v) || typeof v.name !== 'string') return undefined;
  return `${typeof v.in === 'string' ? v.in.toLowerCase() : ''}\u0000${v.name}`;
}

function keysOf(list: readonly unknown[]): string[] | undefined {
  const keys = list.map(itemKey);
  if (keys.some((k) => k === undefined) || new Set(keys).size !== keys.length) return undefined;
  return keys as string[];
}

/**
 * Which target item each current item becomes (undefined: it goes); the target's other items are appended, so
 * they must come after every paired one, and the paired ones keep their order. Items are paired by position
 * when the list keeps its length; else by what identifies them when both lists say (parameters by location and
 * name); else by position when the list grows, or as the same items with some taken out.
 */
export function pairing(
  current: readonly unknown[],
  next: readonly unknown[],
): { to: Array<number | undefined> } | undefined {
  // The same length: item by item (a renamed entry stays where it is, in its style).
  if (next.length === current.length) return { to: current.map((_, i) => i) };
  const before = keysOf(current);
  const after = keysOf(next);
  if (before && after) {
    const to = before.map((k) => {
      const j = after.indexOf(k);
      return j < 0 ? undefined : j;
    });
    if (ordered(to, next.length)) return { to };
  }
  if (next.length >= current.length) return { to: current.map((_, i) => i) };
  const to: Array<number | undefined> = [];
  let j = 0;
  for (const v of current) {
    if (j < next.length && deepEqual(v, next[j])) to.push(j++);
    else to.push(undefined);
  }
  return j === next.length ? { to } : undefined;
}

/** The paired indexes increase, and every unpaired target index comes after them (it is appended). */
function ordered(to: ReadonlyArray<number | undefined>, length: number): boolean {
  const paired = to.filter((j): j is number => j !== undefined);
  if (paired.some((j, i) => i > 0 && j <= (paired[i - 1] ?? -1))) return false;
  const last = paired.length === 0 ? -1 : (paired[paired.length - 1] ?? -1);
  for (let j = 0; j < length; j++) if (!paired.includes(j) && j < last) return false;
  return true;
}
