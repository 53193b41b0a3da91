/**
 * The lint configuration an authoring session checks answers with: .apiglint.yaml in the current folder
 * or a parent (as `apig lint` finds it), so a rule turned off or a raised quota applies to both.
 */
import { DEFAULT_QUOTAS } from '../../lint/quotas.js';
import { findLintConfig, readLintConfig } from '../lint-config-file.js';
import type { LintSettings } from './context.js';

export async function lintSettings(cwd: string): Promise<LintSettings> {
  const file = findLintConfig(cwd);
  if (!file) return { quotas: { ...DEFAULT_QUOTAS }, overrides: {} };
  const config = await readLintConfig(file);
  return { quotas: config.quotas, overrides: config.rules };
}
