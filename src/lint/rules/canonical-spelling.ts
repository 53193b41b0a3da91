import type { Rule } from '../types.js';
import { isRecord } from '../../oas/codec.js';
import { join } from '../../core/pointer.js';
import { extensionSites, operations } from '../../oas/walk.js';

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

/** Variant spellings inside an extension value, with their pointers. */
function* variantsIn(value: unknown, at: string, depth = 0): Generator<{ at: string; message: string }> {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* variantsIn(v, join(at, i), depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const here = join(at, k);
    const canonicalKey = KEY_ALIASES.get(k);
    if (canonicalKey) yield { at: here, message: `key "${k}" is a variant of "${canonicalKey}"` };
    if (NUMERIC_KEYS.has(k) && typeof v === 'string' && v.trim() !== '')
      yield { at: here, message: `${k} is written as the string "${v}"; write the number ${v}` };
    if (typeof v === 'string') {
      const lower = LOWER_ENUMS.get(k);
      if (lower?.includes(v.toLowerCase()) && v !== v.toLowerCase())
        yield { at: here, message: `${k} "${v}" is written for "${v.toLowerCase()}"` };
      const upper = UPPER_ENUMS.get(k);
      if (upper?.includes(v.toUpperCase()) && v !== v.toUpperCase())
        yield { at: here, message: `${k} "${v}" is written for "${v.toUpperCase()}"` };
      const alias = ALIASES.get(k)?.get(v);
      if (alias) yield { at: here, message: `${k} "${v}" is a variant of "${alias}"` };
    }
    if (k === 'address' && Array.isArray(v) && v.length === 1)
      yield { at: here, message: 'address is a one-element array; every documented example writes a string' };
    yield* variantsIn(v, here, depth + 1);
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
  check(ctx) {
    for (const g of ctx.ws.groups) {
      if (!isRecord(g.raw)) continue;
      for (const site of extensionSites(g.raw)) {
        if (site.name === 'x-apigateway-any-method') continue;
        for (const v of variantsIn(site.value, site.at)) ctx.report({ group: g, path: v.at }, v.message);
      }
      for (const { op, at } of operations(g.raw)) {
        if (!Array.isArray(op.schemes)) continue;
        op.schemes.forEach((s, i) => {
          if (typeof s === 'string' && s !== s.toLowerCase())
            ctx.report({ group: g, path: join(at, 'schemes', i) }, `scheme "${s}" is written for "${s.toLowerCase()}"`);
        });
      }
    }
  },
} satisfies Rule;
