/**
 * Validates x-apigateway-* values with the JSON Schemas in schemas/extensions, where each stands: the quick verdict
 * (schema-verdict.ts) first, ajv for a value it does not find valid (and for the errors).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { closestExtension, extensionInfo } from './extensions/registry.js';
import { packageRoot } from './package-root.js';
import { schemaValidator } from './schema-validators.js';
import { Compiler, type Rule, VALID, verdict } from './schema-verdict.js';
import { forEachExtension, pointerOf, type ExtensionVisitor } from './walk.js';

/** Unknown and misplaced extensions (warnings) and every extension value its schema refuses, in one walk. */
export function extensionDiagnostics(doc: Record<string, unknown>, source: string): Diagnostic[] {
  const checks = new ExtensionChecks(source);
  forEachExtension(doc, checks.visit);
  return checks.out;
}

/** The checks of each extension a walk visits (walk.ts), with their findings. */
export class ExtensionChecks {
  readonly out: Diagnostic[] = [];

  constructor(private readonly source: string) {}

  readonly visit: ExtensionVisitor = (name, value, placement, owner) => {
    const { out, source } = this;
    const info = extensionInfo(name);
    if (!info) {
      const guess = closestExtension(name);
      out.push({
        code: 'unknown-extension',
        severity: 'warn',
        path: pointerOf(owner, name),
        source,
        message: `unknown extension ${name}${guess ? ` (did you mean ${guess}?)` : ''}; it is kept as written`,
      });
      return;
    }
    if (!info.placements.includes(placement)) {
      out.push({
        code: 'misplaced-extension',
        severity: 'warn',
        path: pointerOf(owner, name),
        source,
        message:
          `${name} belongs on ${info.placements.join(' or ')}, ` +
          `not on the ${placement}; it is kept but has no effect here`,
      });
      return;
    }
    // The pointer is built only for a value that has errors.
    if (!isValid(name, value)) out.push(...validateExtension(name, value, pointerOf(owner, name), source));
  };
}

const validators = new Map<string, ValidateFunction | undefined>();

function validatorOf(name: string): ValidateFunction | undefined {
  if (!validators.has(name)) validators.set(name, schemaValidator(`extensions/${name}.json`));
  return validators.get(name);
}

const SCHEMAS = join(packageRoot(import.meta.url), 'schemas', 'extensions');
const quickRules = new Map<string, Rule | undefined>();
const compiler = new Compiler();

/** The extension's schema (schemas/extensions/, shipped with the package) for the quick verdict. */
function quickRuleOf(name: string): Rule | undefined {
  if (quickRules.has(name)) return quickRules.get(name);
  const file = join(SCHEMAS, `${name}.json`);
  let rule: Rule | undefined;
  if (existsSync(file)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    rule = compiler.rule(schema, schema);
  }
  quickRules.set(name, rule);
  return rule;
}

/** Scalar values that passed, by extension: most files repeat the same few (`x-apigateway-cors: true`...). */
const validScalars = new Map<string, Set<unknown>>();

function isValid(name: string, value: unknown): boolean {
  const scalar = value === null || typeof value !== 'object';
  let known = validScalars.get(name);
  if (scalar && known?.has(value)) return true;
  // The quick verdict first: a value it finds valid is one the validator (slower to load and, cold, to run) accepts.
  const quick = quickRuleOf(name);
  let ok = quick !== undefined && verdict(quick, value) === VALID;
  if (!ok) {
    const validate = validatorOf(name);
    if (!validate) return true;
    ok = validate(value) === true;
  }
  if (ok && scalar) {
    if (!known) validScalars.set(name, (known = new Set()));
    if (known.size < 1000) known.add(value);
  }
  return ok;
}

export function hasSchema(name: string): boolean {
  return validatorOf(name) !== undefined;
}

/** Diagnostics for one extension value found at `at` (a JSON pointer to the value). */
export function validateExtension(name: string, value: unknown, at: string, source: string): Diagnostic[] {
  const validate = validatorOf(name);
  if (!validate || validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) => ({
    code: 'extension-schema',
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
