/**
 * How the single-pass YAML reader (yaml-nodes.ts) stores what it reads: mapping pairs as js-yaml stores them,
 * sequences as arrays of their exact length, plain scalars resolved by the core schema. The value comes out as
 * compact as JSON.parse makes it, not several times its size.
 */
import { resolvePlain } from './yaml-core-schema.js';
import { type Cursor, unsupported } from './yaml-state.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** Stands for the mapping a flow sequence does not have; never written to. */
export const NO_MAP: Record<string, unknown> = Object.freeze({});

/** An array index far from the small ones mappings have (see store). */
const FAR_INDEX = '4294967290';

/** js-yaml's storeMappingPair for a scalar key: refuses a duplicate, keeps `__proto__` an own property. */
export function store(c: Cursor, obj: Record<string, unknown>, key: unknown, value: unknown, open: number): void {
  if (typeof key === 'object' && key !== null) unsupported();
  const k = typeof key === 'string' ? key : String(key);
  if (!addPair(obj, k, value)) unsupported();
  c.spans.pair(k, open, c.p, c.record);
}

/** Adds a pair to a mapping being built; false for a duplicate key (js-yaml refuses it). */
export function addPair(obj: Record<string, unknown>, k: string, value: unknown): boolean {
  // The cheap test first: no value is undefined, and a hit on an inherited name is checked again.
  if (obj[k] !== undefined && hasOwn.call(obj, k)) return false;
  if (k === '__proto__') Object.defineProperty(obj, k, { configurable: true, enumerable: true, writable: true, value });
  else {
    // A key like "200" is an array index: V8 would give the object fast elements that many slots long (2.6 KB
    // for a `responses` map). An index past any gap V8 fills turns them into a dictionary, as JSON.parse has.
    const first = k.charCodeAt(0);
    if (first >= 48 && first <= 57 && obj[FAR_INDEX] === undefined) {
      obj[FAR_INDEX] = 0;
      delete obj[FAR_INDEX];
    }
    obj[k] = value;
  }
  return true;
}

/** First characters of a plain scalar that may mean null, a boolean or a number: ~ n N t T f F + - . 0-9. */
export const MAY_RESOLVE = new Uint8Array(128);
for (const ch of '~nNtTfF+-.0123456789') MAY_RESOLVE[ch.charCodeAt(0)] = 1;

/** resolvePlain, asked only when the first character allows an answer other than the text. */
export function resolve(plain: string): unknown {
  const first = plain.charCodeAt(0);
  return first < 128 && MAY_RESOLVE[first] === 1 ? resolvePlain(plain) : plain;
}

/** The values pushed since from, as an array of their exact length (push would leave slack). */
export function takeValues(c: Cursor, from: number): unknown[] {
  const seq = c.values.slice(from);
  c.values.length = from;
  return seq;
}
