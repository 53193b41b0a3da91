/** Validates apig.yaml against schemas/workspace.json. */
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { describeError, simplify } from '../spec/extension-schemas.js';

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(new URL('../../schemas/workspace.json', import.meta.url), 'utf8')) as object;
  validator = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  return validator;
}

export function validateWorkspaceValue(value: unknown, source: string): Diagnostic[] {
  const validate = compile();
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) => {
    const p = e.params as Record<string, unknown>;
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') + ' ' : '';
    return {
      code: 'workspace-schema',
      severity: 'error' as const,
      message: `${where}${describeError(e)}`,
      path: e.instancePath + (e.keyword === 'additionalProperties' ? `/${String(p.additionalProperty)}` : ''),
      source,
    };
  });
}
