/**
 * What every authoring command shares once it knows its edits: the workspace as the edits would leave it is
 * loaded from the new texts (nothing written yet) and linted; a new error refuses the change (exit 2). Then
 * `--dry-run` prints the diff, or the files are written atomically and the findings the change brought are shown.
 */
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { Workspace } from '../../core/workspace-model.js';
import { lintWorkspace, sortFindings, type LintFinding } from '../../lint/run.js';
import { readText } from '../../oas/read.js';
import { loadWorkspace } from '../../workspace/load.js';
import { displayPath } from '../../workspace/locate.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { formatDiagnosticLine, printDiagnostics } from '../render-diagnostics.js';
import { writeFilesAtomic } from '../write-files.js';
import type { LintSettings } from './context.js';
import { unifiedDiff } from '../../core/line-diff.js';

export interface FileEdit {
  file: string;
  text: string;
}

export interface Loaded {
  ws: Workspace;
  diagnostics: Diagnostic[];
}

/** The workspace to change; one with loader errors is refused (they are `apig lint`'s to report first). */
export async function loadForChange(
  path: string | undefined,
  cmd: CommandContext,
  texts?: ReadonlyMap<string, string>,
): Promise<Loaded> {
  const { io } = cmd;
  const loaded = await loadWorkspace(path, {
    cwd: io.cwd,
    env: io.env,
    allowRemoteRefs: cmd.allowRemoteRefs,
    ...(texts ? { texts } : {}),
  });
  if (texts) {
    // The new texts do not load (a value the workspace schema refuses): nothing is written, and the user is told
    // where, as lint would say it.
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (!loaded.workspace || errors.length > 0)
      throw new ApigError(
        'usage',
        `not written: the change would leave the workspace unreadable:\n${errors
          .map((d) => `  ${displayPath(d.source, io.cwd)}: ${d.message}${d.path ? ` (at ${d.path})` : ''}`)
          .join('\n')}`,
      );
    return { ws: loaded.workspace, diagnostics: loaded.diagnostics };
  }
  printDiagnostics(
    loaded.diagnostics.filter((d) => d.severity === 'error'),
    io,
  );
  if (!loaded.workspace || hasErrors(loaded.diagnostics))
    throw new ApigError('config', 'the workspace has errors; fix them (apig lint) before changing it');
  return { ws: loaded.workspace, diagnostics: loaded.diagnostics };
}

/** The text of apig.yaml (unless a single Swagger file stands in for it) and of every group file. */
export async function readTexts(ws: Workspace): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const f of [...(ws.implicit ? [] : [ws.file]), ...ws.groups.map((g) => g.file)]) texts.set(f, await readText(f));
  return texts;
}

export function lintAll(l: Loaded, settings: LintSettings): LintFinding[] {
  return lintWorkspace(l.ws, l.diagnostics, { quotas: settings.quotas, rules: settings.overrides });
}

/** A name the change gives a thing, and the one it had. */
export interface Renamed {
  from: string;
  to: string;
}

/**
 * Findings of `after` that `before` did not have. Compared by rule and message, counted: a finding does not
 * become new because the entry it is about moved (an app after a removed one has another index), nor because
 * the thing it names was renamed (its message names the new name: it is read with the old one).
 */
export function broughtBy(
  before: readonly LintFinding[],
  after: readonly LintFinding[],
  renamed?: Renamed,
): LintFinding[] {
  const seen = new Map<string, number>();
  const id = (f: LintFinding): string => `${f.code}|${f.source}|${f.message}`;
  const asBefore = renamed ? nameReplacer(renamed) : (m: string) => m;
  for (const f of before) if (!f.suppressed) seen.set(id(f), (seen.get(id(f)) ?? 0) + 1);
  return after.filter((f) => {
    if (f.suppressed) return false;
    const key = id({ ...f, message: asBefore(f.message) });
    const n = seen.get(key) ?? 0;
    if (n > 0) {
      seen.set(key, n - 1);
      return false;
    }
    return true;
  });
}

/** The new name, where a message says it as a name (not inside a longer one), put back to the old. */
function nameReplacer({ from, to }: Renamed): (message: string) => string {
  const escaped = to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'g');
  return (message) => message.replace(re, () => from);
}

export interface Change {
  edits: FileEdit[];
  /** What changed, in one line, after the verb ("API getUser in group shop"). */
  summary: string;
  notes: string[];
  /** A thing the change renames: its findings are not new because their messages name it anew. */
  renamed?: Renamed;
}

export interface CommitOptions {
  path: string | undefined;
  dryRun: boolean;
  before: Loaded;
  /** The texts as read, for the diff. */
  texts: ReadonlyMap<string, string>;
  settings: LintSettings;
  /** "removed", "renamed"... */
  verb: string;
}

/** Loads the workspace as the edits leave it and refuses the change when it brings an error. */
async function checkChange(cmd: CommandContext, o: CommitOptions, change: Change): Promise<LintFinding[]> {
  const next = new Map(o.texts);
  for (const e of change.edits) next.set(e.file, e.text);
  const after = await loadForChange(o.path, cmd, next);
  const fresh = sortFindings(broughtBy(lintAll(o.before, o.settings), lintAll(after, o.settings), change.renamed));
  const errors = fresh.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new ApigError(
      'usage',
      `not written: the change would bring ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:\n` +
        errors.map((f) => `  ${placeOf(f)}${f.message} (${f.code})`).join('\n'),
    );
  return fresh;
}

/** `apig.yaml:12:5: ` — where the finding is, in the files as the change would leave them. */
function placeOf(f: LintFinding): string {
  const pos = f.range ? `:${f.range.start.line + 1}:${f.range.start.character + 1}` : '';
  return f.source ? `${f.source}${pos}: ` : '';
}

export async function commit(cmd: CommandContext, o: CommitOptions, change: Change): Promise<void> {
  const { io } = cmd;
  const edits = change.edits.filter((e) => e.text !== o.texts.get(e.file));
  if (edits.length === 0) {
    io.out(`nothing to change: ${change.summary}\n`);
    cmd.setExit(EXIT.ok);
    return;
  }
  const fresh = await checkChange(cmd, o, { ...change, edits });
  const shown = (file: string): string => displayPath(file, io.cwd);
  if (o.dryRun) {
    const style = { added: io.color.green, removed: io.color.red, header: io.color.bold };
    for (const e of edits) io.out(unifiedDiff(shown(e.file), o.texts.get(e.file) ?? '', e.text, style));
    io.out(`would have ${o.verb} ${change.summary} (dry run: nothing was written)\n`);
    cmd.setExit(EXIT.ok);
    return;
  }
  await writeFilesAtomic(edits);
  io.out(`${o.verb} ${change.summary}\n`);
  for (const e of edits) io.out(`  wrote ${shown(e.file)}\n`);
  for (const n of change.notes) io.out(`  note: ${n}\n`);
  cmd.setExit(reportFindings(io, fresh));
}

/** The findings the change brought (the rest is `apig lint`'s business); exit 1 only for an error. */
export function reportFindings(io: Io, fresh: readonly LintFinding[]): typeof EXIT.ok | typeof EXIT.findings {
  if (fresh.length === 0) {
    io.out('lint: no new findings\n');
    return EXIT.ok;
  }
  io.out(`lint: ${fresh.length} new finding(s):\n`);
  for (const f of fresh) io.out(`  ${formatDiagnosticLine(f, io)}\n`);
  return fresh.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
