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
    for (const [i, v] of before.entries()) {
      if (i < after.length) out.push(...diffValues(v, after[i], join(at, i)));
      else out.push({ path: join(at, i), kind: 'lost', before: v });
    }
    for (let i = before.length; i < after.length; i++) out.push({ path: join(at, i), kind: 'added', after: after[i] });
    return out;
  }
  return Object.is(before, after) ? [] : [{ path: at, kind: 'changed', before, after }];
}
