/**
 * One lint of one target, the way `apig lint` lints it: a workspace (apig.yaml) or a single Swagger file, with the
 * lint configuration found from its folder (.apiglint.yaml, as `apig lint` run there finds it) and the texts of
 * the editor's open documents read instead of the files. Findings come back by absolute file, with their fixes.
 */
import { dirname, resolve } from 'node:path';
import { append } from '../core/append.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { ApigError } from '../core/errors.js';
import { LINT_CONFIG_FILE } from '../core/vocabulary.js';
import { defaultLintConfig, type LintConfig, parseLintConfig } from '../lint/config.js';
import type { Fix } from '../lint/fix/types.js';
import { lintWorkspace, sortFindings } from '../lint/run.js';
import type { RuleSeverity } from '../lint/types.js';
import { readText } from '../oas/read.js';
import { loadWorkspace } from '../workspace/load.js';
import { findUp } from '../workspace/locate.js';
import type { Workspace } from '../core/workspace-model.js';

/** A finding as the editor shows it: lint's, or a problem of the lint configuration file. */
export interface Found extends Diagnostic<string> {
  fix?: Fix;
}

export interface TargetResult {
  /** Findings by absolute file (suppressed ones left out, as `apig lint` counts them apart). */
  byFile: Map<string, Found[]>;
  /** Every file the lint read or tried: a change to any of them lints the target again. */
  files: string[];
  workspace?: Workspace;
}

export interface TargetOptions {
  /** Texts of open documents by absolute path. */
  texts: ReadonlyMap<string, string>;
  env: NodeJS.ProcessEnv;
  /** Severities over the configuration file's (the editor's `apig.rules` setting). */
  rules: Record<string, RuleSeverity>;
  /** A lint configuration file to use instead of the one found from the target's folder. */
  configFile?: string;
  allowRemoteRefs: boolean;
}

async function configFor(
  dir: string,
  options: TargetOptions,
): Promise<{ config: LintConfig; file?: string; problems: Found[] }> {
  const file = options.configFile !== undefined ? resolve(dir, options.configFile) : findUp(dir, LINT_CONFIG_FILE);
  const defaults = defaultLintConfig();
  if (file === undefined) return { config: defaults, problems: [] };
  try {
    const text = options.texts.get(file) ?? (await readText(file, file));
    const parsed = parseLintConfig(file, text);
    return { config: parsed.config ?? defaults, file, problems: parsed.config ? [] : parsed.diagnostics };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      config: defaults,
      file,
      problems: [{ code: 'lint-config', severity: 'error', message, path: '', source: file }],
    };
  }
}

/** Lints the workspace or Swagger file `entry` (an absolute path). */
export async function lintTarget(entry: string, options: TargetOptions): Promise<TargetResult> {
  const cwd = dirname(entry);
  const byFile = new Map<string, Found[]>();
  const { config, file: configFile, problems } = await configFor(cwd, options);
  for (const p of problems) append(byFile, configFile ?? entry, p);
  try {
    // An open entry is read from the editor: it need not be on disk yet.
    const own = options.texts.get(entry);
    const loaded = await loadWorkspace(entry, {
      ...(own !== undefined ? { text: own } : {}),
      cwd,
      env: options.env,
      allowRemoteRefs: options.allowRemoteRefs,
      partial: true,
      texts: options.texts,
    });
    const rules = { ...config.rules, ...options.rules };
    const findings = lintWorkspace(loaded.workspace, loaded.diagnostics, { rules, quotas: config.quotas, fixes: true });
    for (const f of sortFindings(findings)) if (!f.suppressed) append(byFile, resolve(cwd, f.source), f);
    const files = configFile ? [...loaded.files, configFile] : loaded.files;
    return { byFile, files, ...(loaded.workspace ? { workspace: loaded.workspace } : {}) };
  } catch (err) {
    if (!(err instanceof ApigError)) throw err;
    append(byFile, entry, { code: 'parse', severity: 'error', message: err.message, path: '', source: entry });
    return { byFile, files: configFile ? [entry, configFile] : [entry] };
  }
}
