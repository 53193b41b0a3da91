/**
 * The lint configuration file as both `apig lint` and the authoring commands find and read it: .apiglint.yaml in
 * the current folder or the nearest parent, read like every file apig reads and validated by its schema. Loaded
 * only by what runs (lint-run, the authoring session), never at start-up.
 */
import { ApigError } from '../core/errors.js';
import { LINT_CONFIG_FILE } from '../core/vocabulary.js';
import { type LintConfig, parseLintConfig } from '../lint/config.js';
import { readText } from '../oas/read.js';
import { findUp } from '../workspace/locate.js';

/** .apiglint.yaml in `cwd` or the nearest parent, or undefined (found as apig.yaml is). */
export function findLintConfig(cwd: string): string | undefined {
  return findUp(cwd, LINT_CONFIG_FILE);
}

/** The configuration in `file` (named `shown` in messages); a file that is not one is a `config` error. */
export async function readLintConfig(file: string, shown: string = file): Promise<LintConfig> {
  const { config, diagnostics } = parseLintConfig(shown, await readText(file, shown));
  if (!config) throw new ApigError('config', `${shown} is not a valid lint configuration`, diagnostics);
  return config;
}
