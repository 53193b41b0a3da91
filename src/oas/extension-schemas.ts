/** Validates x-apigateway-* values with the JSON Schemas in schemas/extensions (ajv). */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../core/diagnostic.js';
import { schemaValidator } from './schema-validators.js';

export function hasSchema(name: string): boolean {
  return schemaValidator(`extensions/${name}.json`) !== undefined;
}

/** Diagnostics for one extension value found at `at` (a JSON pointer to the value). */
export function validateExtension(name: string, value: unknown, at: string, source: string): Diagnostic[] {
  const validate = schemaValidator(`extensions/${name}.json`);
  if (!validate || validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) => ({
    code: 'schema',
    severity: 'error' as const,
    message: `${name}${e.instancePath ? ` ${e.instancePath.slice(1).replace(/\//g, '.')}` : ''} ${describeError(e)}`,
    path: at + e.instancePath,
    source,
  }));
}

/** Keeps the most specific errors: drops combinator noise and errors whose path has a deeper error. */
export function simplify(errors: readonly ErrorObject[]): ErrorObject[] {
  const noisy = new Set(['anyOf', 'oneOf', 'if', 'allOf']);
  const real = errors.filter((e) => !noisy.has(e.keyword));
  // An error on a parent is usually the consequence of one below, except for its own keys.
  const ownKeys = new Set(['required', 'additionalProperties']);
  const deepest = real.filter(
    (e) => ownKeys.has(e.keyword) || !real.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)),
  );
  // Alternatives of an anyOf fail together at one path (e.g. "must be integer" and "must match pattern"):
  // the first says enough. Several missing properties are all worth saying.
  const seen = new Set<string>();
  return deepest.filter((e) => {
    const k =
      e.keyword === 'required' || e.keyword === 'additionalProperties'
        ? `${e.instancePath}|${describeError(e)}|${JSON.stringify(e.params)}`
        : e.instancePath;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function describeError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
    return `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(e.data)})`;
  }
  if (e.keyword === 'required') return `must have required property '${String(p.missingProperty)}'`;
  if (e.keyword === 'additionalProperties') return `must not have property '${String(p.additionalProperty)}'`;
  if (e.keyword === 'type') return `must be ${String(p.type).replace(',', ' or ')}`;
  return e.message ?? e.keyword;
}
