/**
 * The lint configuration of a run: .apiglint.yaml (given with --config, or found here or in a parent folder), the
 * --profile quotas, and the --rule severities over both.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { LINT_CONFIG_FILE as CONFIG_FILE } from '../../core/vocabulary.js';
import type { LintConfig } from '../../lint/config.js';
import type { RuleSeverity } from '../../lint/types.js';
import type { CommandContext } from '../context.js';
import type { LintFlags } from './lint.js';

/** .apiglint.yaml in the current folder or the nearest parent. */
function discoverConfig(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const f = join(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    if (dirname(dir) === dir) return undefined;
  }
}

async function readConfig(file: string, shown: string): Promise<LintConfig> {
  const { parseLintConfig } = await import('../../lint/config.js');
  const { readText } = await import('../../oas/read.js');
  const { config, diagnostics } = parseLintConfig(shown, await readText(file, shown));
  if (!config) throw new ApigError('config', `${shown} is not a valid lint configuration`, diagnostics);
  return config;
}

export async function settings(
  flags: LintFlags,
  ctx: CommandContext,
): Promise<{ config: LintConfig; rules: Record<string, RuleSeverity> }> {
  const { io } = ctx;
  const { parseRuleFlag } = await import('../../lint/config.js');
  const { DEFAULT_QUOTAS } = await import('../../lint/quotas.js');
  const configFile = flags.config !== undefined ? resolve(io.cwd, flags.config) : discoverConfig(io.cwd);
  const config: LintConfig = configFile
    ? await readConfig(configFile, flags.config ?? (relative(io.cwd, configFile) || configFile))
    : { rules: {}, quotas: { ...DEFAULT_QUOTAS } };
  if (flags.profile !== undefined)
    config.quotas = { ...config.quotas, ...(await readConfig(resolve(io.cwd, flags.profile), flags.profile)).quotas };
  const rules: Record<string, RuleSeverity> = { ...config.rules };
  for (const r of flags.rule) {
    const parsed = parseRuleFlag(r);
    if (typeof parsed === 'string') throw new ApigError('usage', parsed);
    rules[parsed.id] = parsed.severity;
  }
  return { config, rules };
}
