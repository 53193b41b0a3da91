import type { Rule } from '../types.js';
import { isRecord } from '../../oas/codec.js';
import { join } from '../../core/pointer.js';
import { ANY_METHOD_KEY } from '../../oas/walk.js';
import { walkExtensions } from '../extension-walk.js';

// Maps, not object literals: keys come from the user's file, and `constructor` or `__proto__` must find nothing.
const NUMERIC_KEYS = new Set([
  'api-limit',
  'user-limit',
  'app-limit',
  'ip-limit',
  'interval',
  'limit',
  'timeout',
  'status',
  'ttl',
]);
const LOWER_ENUMS = new Map<string, readonly string[]>([
  ['scheme', ['http', 'https']],
  ['appcode-auth-type', ['disable', 'header']],
]);
const UPPER_ENUMS = new Map<string, readonly string[]>([['unit', ['SECOND', 'MINUTE', 'HOUR', 'DAY']]]);
const ALIASES = new Map<string, ReadonlyMap<string, string>>([
  ['type', new Map([['equal', 'exact']])],
  [
    'origin',
    new Map([
      ['request', 'param'],
      ['request_parameter', 'param'],
    ]),
  ],
  [
    'invocation-type',
    new Map([
      ['synchronous', 'sync'],
      ['asynchronous', 'async'],
    ]),
  ],
]);
const KEY_ALIASES = new Map<string, string>([['parameter_name', 'parameter']]);

/** What may be written in a variant under one key; one look-up per key of an extension value. */
interface Variants {
  numeric?: true;
  lower?: readonly string[];
  upper?: readonly string[];
  aliases?: ReadonlyMap<string, string>;
  canonicalKey?: string;
  address?: true;
}

// A Map, not an object literal: keys come from the user's file, and `constructor` or `__proto__` must find nothing.
const VARIANTS = new Map<string, Variants>();
const variants = (key: string): Variants => {
  let v = VARIANTS.get(key);
  if (!v) VARIANTS.set(key, (v = {}));
  return v;
};
for (const k of NUMERIC_KEYS) variants(k).numeric = true;
for (const [k, values] of LOWER_ENUMS) variants(k).lower = values;
for (const [k, values] of UPPER_ENUMS) variants(k).upper = values;
for (const [k, aliases] of ALIASES) variants(k).aliases = aliases;
for (const [k, canonical] of KEY_ALIASES) variants(k).canonicalKey = canonical;
variants('address').address = true;

/** Reports at the pointer the walk's segments spell. */
type Found = (segments: readonly (string | number)[], message: string) => void;

/** Variant spellings of one string under its key. */
function stringVariants(k: string, v: string, at: Variants, segments: Array<string | number>, found: Found): void {
  // A number written as a string; not any string (one left out of the model for its error is no number).
  if (at.numeric && v.trim() !== '' && Number.isFinite(Number(v)))
    found(segments, `${k} is written as the string "${v}"; write the number ${v}`);
  if (at.lower?.includes(v.toLowerCase()) && v !== v.toLowerCase())
    found(segments, `${k} "${v}" is written for "${v.toLowerCase()}"`);
  if (at.upper?.includes(v.toUpperCase()) && v !== v.toUpperCase())
    found(segments, `${k} "${v}" is written for "${v.toUpperCase()}"`);
  const alias = at.aliases?.get(v);
  if (alias) found(segments, `${k} "${v}" is a variant of "${alias}"`);
}

/**
 * Variant spellings inside an extension value. `segments` is the walk's pointer, pushed and popped as it goes;
 * `base` is its length at the extension value (at most 20 levels below it are looked at).
 */
function variantsIn(value: unknown, segments: Array<string | number>, base: number, found: Found): void {
  if (segments.length - base > 20) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (typeof v !== 'object' || v === null) continue;
      segments.push(i);
      variantsIn(v, segments, base, found);
      segments.pop();
    }
    return;
  }
  if (!isRecord(value)) return;
  // for-in lists the keys in the order of Object.keys without making an array of them.
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = value[k];
    const at = VARIANTS.get(k);
    if (at === undefined && (typeof v !== 'object' || v === null)) continue;
    segments.push(k);
    if (at?.canonicalKey) found(segments, `key "${k}" is a variant of "${at.canonicalKey}"`);
    if (typeof v === 'string') {
      if (at) stringVariants(k, v, at, segments, found);
    } else if (typeof v === 'object' && v !== null) {
      if (at?.address && Array.isArray(v) && v.length === 1)
        found(segments, 'address is a one-element array; every documented example writes a string');
      variantsIn(v, segments, base, found);
    }
    segments.pop();
  }
}

export default {
  meta: {
    id: 'canonical-spelling',
    category: 'schema',
    description:
      'Values written in a documented variant (HTTPS for https, equal for exact, lower-case units, ' +
      'numbers as strings, parameter_name...) are accepted but reported with the canonical spelling.',
    source:
      'Extension Definitions, their examples, the API Reference and API Reference ' +
      '(v1.0) spell some values differently; apig\'s choice: docs/rulings.md "Further choices"',
    rationale:
      'Real exports vary and apig imports and exports them exactly as written; ' +
      'writing the canonical form keeps files consistent across tools. ' +
      'Upper-case backend parameter locations (HEADER) are what the console exports and are not reported.',
  },
  create(ctx) {
    return {
      Group(g) {
        if (!isRecord(g.raw)) return;
        const found: Found = (segments, message) => ctx.report({ group: g, path: join('', ...segments) }, message);
        // Scheme findings follow every extension finding, as they always have (order matters where ranges tie).
        const schemes: Array<[string, string]> = [];
        walkExtensions(g.raw, {
          extension(name, value, segments) {
            if (name !== ANY_METHOD_KEY) variantsIn(value, segments, segments.length, found);
          },
          operation(op, segments) {
            if (!Array.isArray(op.schemes)) return;
            op.schemes.forEach((s, i) => {
              if (typeof s === 'string' && s !== s.toLowerCase())
                schemes.push([
                  join('', ...segments, 'schemes', i),
                  `scheme "${s}" is written for "${s.toLowerCase()}"`,
                ]);
            });
          },
        });
        for (const [path, message] of schemes) ctx.report({ group: g, path }, message);
      },
    };
  },
} satisfies Rule;
