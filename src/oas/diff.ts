/** Structural differences between a source document and an export, for `apig export --check`. */
import { join } from '../core/pointer.js';
import { isRecord } from './codec.js';

export interface Difference {
  path: string;
  kind: 'lost' | 'changed' | 'added';
  before?: unknown;
  after?: unknown;
}

export function diffValues(before: unknown, after: unknown, at = ''): Difference[] {
  if (isRecord(before) && isRecord(after)) {
    const out: Difference[] = [];
    for (const [k, v] of Object.entries(before)) {
      out.push(
        ...(Object.hasOwn(after, k)
          ? diffValues(v, after[k], join(at, k))
          : [{ path: join(at, k), kind: 'lost' as const, before: v }]),
      );
    }
    for (const [k, v] of Object.entries(after))
      if (!Object.hasOwn(before, k)) out.push({ path: join(at, k), kind: 'added', after: v });
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Difference[] = [];
    before.forEach((v, i) =>
      out.push(
        ...(i < after.length
          ? diffValues(v, after[i], join(at, i))
          : [{ path: join(at, i), kind: 'lost' as const, before: v }]),
      ),
    );
    after
      .slice(before.length)
      .forEach((v, i) => out.push({ path: join(at, before.length + i), kind: 'added', after: v }));
    return out;
  }
  return Object.is(before, after) ? [] : [{ path: at, kind: 'changed', before, after }];
}
