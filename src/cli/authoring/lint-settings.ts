/**
 * The lint configuration an authoring session checks answers with: .apiglint.yaml in the current folder
 * or a parent (as `apig lint` finds it), so a rule turned off or a raised quota applies to both.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { CONFIG_FILE, parseLintConfig } from '../../lint/config.js';
import { DEFAULT_QUOTAS } from '../../lint/quotas.js';
import { readText } from '../../oas/read.js';
import type { LintSettings } from './context.js';

function discover(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const f = join(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function lintSettings(cwd: string): Promise<LintSettings> {
  const file = discover(cwd);
  if (!file) return { quotas: { ...DEFAULT_QUOTAS }, overrides: {} };
  const { config, diagnostics } = parseLintConfig(file, await readText(file));
  if (!config) throw new ApigError('config', `${file} is not a valid lint configuration`, diagnostics);
  return { quotas: config.quotas, overrides: config.rules };
}
