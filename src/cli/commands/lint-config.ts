/**
 * The lint configuration of a run: .apiglint.yaml (given with --config, or found here or in a parent folder), the
 * --profile quotas, and the --rule severities over both.
 */
import { relative, resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { defaultLintConfig, type LintConfig, parseRuleFlag } from '../../lint/config.js';
import type { RuleSeverity } from '../../lint/types.js';
import type { CommandContext } from '../context.js';
import { findLintConfig, readLintConfig } from '../lint-config-file.js';
import type { LintFlags } from './lint-flags.js';

export async function settings(
  flags: LintFlags,
  ctx: CommandContext,
): Promise<{ config: LintConfig; rules: Record<string, RuleSeverity> }> {
  const { io } = ctx;
  const configFile = flags.config !== undefined ? resolve(io.cwd, flags.config) : findLintConfig(io.cwd);
  const config: LintConfig = configFile
    ? await readLintConfig(configFile, flags.config ?? (relative(io.cwd, configFile) || configFile))
    : defaultLintConfig();
  if (flags.profile !== undefined)
    config.quotas = {
      ...config.quotas,
      ...(await readLintConfig(resolve(io.cwd, flags.profile), flags.profile)).quotas,
    };
  const rules: Record<string, RuleSeverity> = { ...config.rules };
  for (const r of flags.rule) {
    const parsed = parseRuleFlag(r);
    if (typeof parsed === 'string') throw new ApigError('usage', parsed);
    rules[parsed.id] = parsed.severity;
  }
  return { config, rules };
}
