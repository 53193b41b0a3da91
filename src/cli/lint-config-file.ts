/**
 * The lint configuration file as both `apig lint` and the authoring commands find and read it: .apiglint.yaml in
 * the current folder or the nearest parent, read like every file apig reads and validated by its schema. Loaded
 * only by what runs (lint-run, the authoring session), never at start-up.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApigError } from '../core/errors.js';
import { LINT_CONFIG_FILE } from '../core/vocabulary.js';
import { type LintConfig, parseLintConfig } from '../lint/config.js';
import { readText } from '../oas/read.js';

/** .apiglint.yaml in `cwd` or the nearest parent, or undefined. */
export function findLintConfig(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const f = join(dir, LINT_CONFIG_FILE);
    if (existsSync(f)) return f;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The configuration in `file` (named `shown` in messages); a file that is not one is a `config` error. */
export async function readLintConfig(file: string, shown: string = file): Promise<LintConfig> {
  const { config, diagnostics } = parseLintConfig(shown, await readText(file, shown));
  if (!config) throw new ApigError('config', `${shown} is not a valid lint configuration`, diagnostics);
  return config;
}
