/** Validates apig.yaml against schemas/workspace.json. */
import type { Diagnostic } from '../core/diagnostic.js';
import { describeError, simplify } from '../oas/extension-schemas.js';
import { schemaValidator } from '../oas/schema-validators.js';

export function validateWorkspaceValue(value: unknown, source: string): Diagnostic[] {
  const validate = schemaValidator('workspace.json');
  if (!validate) throw new Error('schemas/workspace.json is missing');
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) => {
    const p = e.params as Record<string, unknown>;
    const where = e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')} ` : '';
    return {
      code: 'workspace-schema',
      severity: 'error' as const,
      message: `${where}${describeError(e)}`,
      path: e.instancePath + (e.keyword === 'additionalProperties' ? `/${String(p.additionalProperty)}` : ''),
      source,
    };
  });
}
