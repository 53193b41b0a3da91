import type { Rule } from '../types.js';
import { isRecord } from '../../oas/codec.js';
import { join } from '../../core/pointer.js';
import { ANY_METHOD_KEY } from '../../oas/walk.js';
import { walkExtensions } from '../extension-walk.js';
import type { Fix } from '../fix/types.js';
import { parameterVariants, schemeVariants, type Variant, write } from '../standard-spellings.js';

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

/**
 * Reports at the pointer the walk's segments spell; `fix` gets that pointer. The decoders read every variant as its
 * canonical spelling (oas/codec.ts `oneOf`, `int`, `stringOrList`; object-codec.ts aliases), so writing the canonical
 * one changes nothing the gateway does.
 */
type Found = (segments: readonly (string | number)[], message: string, fix?: (at: string) => Fix) => void;

/** Variant spellings of one string under its key. */
function stringVariants(k: string, v: string, at: Variants, segments: Array<string | number>, found: Found): void {
  // A number written as a string; not any string (one left out of the model for its error is no number).
  if (at.numeric && v.trim() !== '' && Number.isFinite(Number(v)))
    found(
      segments,
      `${k} is written as the string "${v}"; write the number ${v}`,
      write(v, Number(v), `write the number ${Number(v)}`),
    );
  const lower = v.toLowerCase();
  if (at.lower?.includes(lower) && v !== lower)
    found(segments, `${k} "${v}" is written for "${lower}"`, write(v, lower, `write "${lower}"`));
  const upper = v.toUpperCase();
  if (at.upper?.includes(upper) && v !== upper)
    found(segments, `${k} "${v}" is written for "${upper}"`, write(v, upper, `write "${upper}"`));
  const alias = at.aliases?.get(v);
  if (alias) found(segments, `${k} "${v}" is a variant of "${alias}"`, write(v, alias, `write "${alias}"`));
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
    const canonical = at?.canonicalKey;
    if (canonical !== undefined)
      found(
        segments,
        `key "${k}" is a variant of "${canonical}"`,
        // With both keys written, the decoder reads the canonical one: which to keep is the author's choice.
        Object.hasOwn(value, canonical)
          ? undefined
          : (path) => ({
              description: `rename the key to "${canonical}"`,
              edits: [{ op: 'rename', path, to: canonical }],
            }),
      );
    if (typeof v === 'string') {
      if (at) stringVariants(k, v, at, segments, found);
    } else if (typeof v === 'object' && v !== null) {
      if (at?.address && Array.isArray(v) && v.length === 1)
        found(
          segments,
          'address is a one-element array; every documented example writes a string',
          typeof v[0] === 'string' ? write(v, v[0], 'write the address as a string') : undefined,
        );
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
      'numbers as strings, parameter_name, in: Query...) are accepted but reported with the canonical spelling.',
    source:
      'Extension Definitions, their examples, the API Reference and API Reference ' +
      '(v1.0) spell some values differently; apig\'s choice: docs/rulings.md "Further choices"',
    rationale:
      'Real exports vary and apig imports and exports them exactly as written; ' +
      'writing the canonical form keeps files consistent across tools. ' +
      'Upper-case backend parameter locations (HEADER) are what the console exports and are not reported. ' +
      "A request parameter location is Swagger's lower case (`in: query`, `formData`). A path parameter named " +
      '`q+` for a `{q}` of the path that is not greedy is bound as `q`; for a greedy `{q+}` both `q` and `q+` are ' +
      'accepted and neither is reported.',
    fix:
      'Writes the canonical spelling where the variant is: the lower- or upper-case value, `exact`, `param`, ' +
      '`sync`/`async`, the number for a number written as a string, the address as a string, `in: query`, ' +
      '`q` for `q+`, and renames `parameter_name` to `parameter` in place. The gateway reads both spellings the ' +
      'same, so nothing it does changes. Not offered for a condition that writes both `parameter` and ' +
      '`parameter_name`, or a `q+` that a backend parameter or a condition names as written.',
  },
  create(ctx) {
    return {
      Group(g) {
        if (!isRecord(g.raw)) return;
        const raw = g.raw;
        const found: Found = (segments, message, fix) => {
          const path = join('', ...segments);
          ctx.report({ group: g, path }, message, fix && (() => fix(path)));
        };
        // Findings on standard fields (schemes, parameter locations and names) follow every extension finding, as
        // the scheme findings always have (order matters where ranges tie).
        const later: Variant[] = [];
        walkExtensions(raw, {
          extension(name, value, segments) {
            if (name !== ANY_METHOD_KEY) variantsIn(value, segments, segments.length, found);
          },
          operation(op, segments) {
            schemeVariants(op, segments, later);
          },
          parameter(p, segments) {
            parameterVariants(raw, p, segments, later);
          },
        });
        for (const [path, message, fix] of later) ctx.report({ group: g, path }, message, fix);
      },
    };
  },
} satisfies Rule;
