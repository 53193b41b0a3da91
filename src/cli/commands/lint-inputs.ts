/**
 * What `apig lint` reads: workspaces and files as given, quoted globs expanded (`'specs/*.yaml'`), `-` for standard
 * input (named by --stdin-filepath in the output), and the --baseline file.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { type Baseline, readBaseline } from '../../lint/baseline.js';
import { readText } from '../../oas/read.js';
import { holdsNothing, parseSource } from '../../oas/source.js';
import { expandGlob, isGlob } from '../glob.js';
import type { Io } from '../io.js';
import { readStdinCapped } from '../stdin.js';
import type { LintFlags } from './lint-flags.js';

/** One thing to lint: a path (undefined: apig.yaml here or above), and its text when it came from standard input. */
export interface LintInput {
  path: string | undefined;
  text?: string;
}

/** The name standard input goes by when --stdin-filepath does not name it. */
export const STDIN_NAME = '<stdin>';

export async function lintInputs(paths: readonly string[], flags: LintFlags, io: Io): Promise<LintInput[]> {
  if (paths.length === 0) {
    if (flags.stdinFilepath !== undefined)
      throw new ApigError('usage', '--stdin-filepath names standard input: give - as the path to lint it');
    return [{ path: undefined }];
  }
  if (paths.filter((p) => p === '-').length > 1)
    throw new ApigError('usage', 'standard input (-) can be linted once per run');
  if (flags.stdinFilepath !== undefined && !paths.includes('-'))
    throw new ApigError('usage', '--stdin-filepath names standard input: give - as the path to lint it');
  const out: LintInput[] = [];
  for (const p of paths) {
    if (p === '-') out.push({ path: flags.stdinFilepath ?? STDIN_NAME, text: await stdinText(io) });
    else if (isGlob(p) && !(await exists(resolve(io.cwd, p)))) {
      const matched = await expandGlob(p, io.cwd);
      if (matched.length === 0) throw new ApigError('usage', `no files match ${p}`);
      out.push(...matched.map((m) => ({ path: m })));
    } else out.push({ path: p });
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function stdinText(io: Io): Promise<string> {
  if (io.stdinIsTTY)
    throw new ApigError('usage', 'standard input is a terminal: pipe a file into apig lint - (or name the file)');
  const bytes = await readStdinCapped(io, 'standard input');
  return bytes.toString('utf8');
}

/** The --baseline file, read and checked; a missing or malformed one stops the run (exit 2). */
export async function readBaselineFile(file: string, cwd: string): Promise<Baseline> {
  const path = resolve(cwd, file);
  const text = await readText(path, file);
  const parsed = parseSource(file, holdsNothing(text) ? '{}' : text);
  if (!parsed.doc) throw new ApigError('config', `${file} is not a baseline file`, parsed.diagnostics);
  const baseline = readBaseline(parsed.doc.value, path);
  if (typeof baseline === 'string') throw new ApigError('config', `${file} is not a baseline file: ${baseline}`);
  return baseline;
}
