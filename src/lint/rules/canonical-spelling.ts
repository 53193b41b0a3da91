import type { Rule } from '../types.js';
import { isRecord } from '../../oas/codec.js';
import { join } from '../../core/pointer.js';
import { ANY_METHOD_KEY, forEachExtension, operations, pointerOf } from '../../oas/walk.js';

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

type Found = (segments: readonly (string | number)[], message: string) => void;

/**
 * Variant spellings inside an extension value. `segments` is the path below the extension, one array pushed
 * and popped as the walk goes: the pointer is built only for a finding.
 */
function variantsIn(value: unknown, segments: Array<string | number>, found: Found): void {
  if (segments.length > 20) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      segments.push(i);
      variantsIn(value[i], segments, found);
      segments.pop();
    }
    return;
  }
  if (!isRecord(value)) return;
  for (const k of Object.keys(value)) {
    const v = value[k];
    segments.push(k);
    const canonicalKey = KEY_ALIASES.get(k);
    if (canonicalKey) found(segments, `key "${k}" is a variant of "${canonicalKey}"`);
    if (typeof v === 'string') {
      // A number written as a string; not any string (one left out of the model for its error is no number).
      if (NUMERIC_KEYS.has(k) && v.trim() !== '' && Number.isFinite(Number(v)))
        found(segments, `${k} is written as the string "${v}"; write the number ${v}`);
      const lower = LOWER_ENUMS.get(k);
      if (lower?.includes(v.toLowerCase()) && v !== v.toLowerCase())
        found(segments, `${k} "${v}" is written for "${v.toLowerCase()}"`);
      const upper = UPPER_ENUMS.get(k);
      if (upper?.includes(v.toUpperCase()) && v !== v.toUpperCase())
        found(segments, `${k} "${v}" is written for "${v.toUpperCase()}"`);
      const alias = ALIASES.get(k)?.get(v);
      if (alias) found(segments, `${k} "${v}" is a variant of "${alias}"`);
    } else if (typeof v === 'object' && v !== null) {
      if (k === 'address' && Array.isArray(v) && v.length === 1)
        found(segments, 'address is a one-element array; every documented example writes a string');
      variantsIn(v, segments, found);
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
        forEachExtension(g.raw, (name, value, _placement, owner) => {
          if (name === ANY_METHOD_KEY) return;
          variantsIn(value, [], (segments, message) =>
            ctx.report({ group: g, path: pointerOf(owner, name, ...segments) }, message),
          );
        });
        for (const { op, at } of operations(g.raw)) {
          if (!Array.isArray(op.schemes)) continue;
          op.schemes.forEach((s, i) => {
            if (typeof s === 'string' && s !== s.toLowerCase())
              ctx.report(
                { group: g, path: join(at, 'schemes', i) },
                `scheme "${s}" is written for "${s.toLowerCase()}"`,
              );
          });
        }
      },
    };
  },
} satisfies Rule;
