/** `${ENV_VAR}` references in apig.yaml, resolved from the environment; values are never printed in full. */
import type { Secret } from '../core/workspace-model.js';

const REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

export function resolveSecret(written: string, env: NodeJS.ProcessEnv): { secret: Secret; missing?: string } {
  const m = REF.exec(written);
  if (!m || !m[1]) return { secret: { written, value: written } };
  const name = m[1];
  const value = env[name];
  return value === undefined ? { secret: { written, value: '', fromEnv: name }, missing: name } : { secret: { written, value, fromEnv: name } };
}
