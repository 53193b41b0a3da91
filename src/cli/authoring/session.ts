/**
 * One `apig add` run: load the workspace, answer the fields, check the whole candidate with every rule,
 * then print the diff (--dry-run) or write atomically and lint what changed.
 */
import { hasErrors } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { Workspace } from '../../core/workspace-model.js';
import { newFindings } from '../../lint/candidate.js';
import { ALL_RULE_IDS } from '../../lint/registry.js';
import { sortFindings } from '../../lint/run.js';
import { loadGroupText } from '../../oas/load-group.js';
import { readText } from '../../oas/read.js';
import { displayPath, refPolicy } from '../../workspace/locate.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { writeFilesAtomic } from '../write-files.js';
import { broughtBy, lintAll, loadForChange, reportFindings } from './change.js';
import { flowContext } from './context.js';
import { unifiedDiff } from '../../core/line-diff.js';
import { ADD_FLOWS, type AddKind, type FileEdit } from './kinds.js';
import { lintSettings } from './lint-settings.js';
import type { Prompter } from './prompter.js';
import { runFields } from './runner.js';

export interface SessionOptions {
  workspace?: string;
  yes: boolean;
  dryRun: boolean;
  flags: Readonly<Record<string, unknown>>;
  /** Undefined without a terminal. */
  prompter?: Prompter;
  /** The help of a flag (flags.ts), for the list of missing ones. */
  help: (flag: string) => string;
}

/** What is written must read back: parse every edited group file as the workspace loader would. */
async function readsBack(edits: readonly FileEdit[], ws: Workspace, allowRemoteRefs: boolean): Promise<void> {
  for (const e of edits) {
    const group = ws.groups.find((g) => g.file === e.file);
    if (!group) continue;
    const loaded = await loadGroupText(group.shown, e.text, { ...refPolicy(ws.dir, allowRemoteRefs), file: e.file });
    if (!loaded.group || hasErrors(loaded.diagnostics)) {
      throw new Error(
        `the edit of ${group.shown} does not read back: ${loaded.diagnostics.map((d) => d.message).join('; ')}`,
      );
    }
  }
}

export async function addSession(kind: AddKind, cmd: CommandContext, options: SessionOptions): Promise<void> {
  const { io } = cmd;
  const flow = ADD_FLOWS[kind];
  const before = await loadForChange(options.workspace, cmd);
  const { ws } = before;
  if (flow.needsWorkspaceFile && ws.implicit) {
    throw new ApigError(
      'usage',
      `apig add ${kind} writes apig.yaml, but ${ws.shown} is a single Swagger file; ` +
        `create a workspace with apig init or apig import`,
    );
  }
  const settings = await lintSettings(io.cwd);
  const ctx = flowContext(ws, settings);
  const answers = await runFields(flow.fields(ctx), {
    flags: options.flags,
    yes: options.yes,
    help: options.help,
    ...(options.prompter ? { prompter: options.prompter } : {}),
  });

  const texts = new Map<string, string>();
  for (const f of [...(ws.implicit ? [] : [ws.file]), ...ws.groups.map((g) => g.file)]) texts.set(f, await readText(f));
  const plan = flow.plan(ctx, answers, (f) => texts.get(f) ?? '');

  // Each answer was checked on its own; the rules that relate answers to each other run here, on the whole.
  const problems = newFindings(ws, plan.candidate, {
    rules: ALL_RULE_IDS,
    quotas: settings.quotas,
    overrides: settings.overrides,
  }).filter((f) => f.severity === 'error');
  if (problems.length > 0)
    throw new ApigError('usage', `not written: ${problems.map((f) => `${f.message} (${f.code})`).join('; ')}`);
  await readsBack(plan.edits, ws, cmd.allowRemoteRefs);

  const shown = (file: string): string => displayPath(file, io.cwd);
  if (options.dryRun) {
    const style = { added: io.color.green, removed: io.color.red, header: io.color.bold };
    for (const e of plan.edits) io.out(unifiedDiff(shown(e.file), texts.get(e.file) ?? '', e.text, style));
    io.out(`would add ${plan.summary} (dry run: nothing was written)\n`);
    cmd.setExit(EXIT.ok);
    return;
  }
  await writeFilesAtomic(plan.edits);
  io.out(`added ${plan.summary}\n`);
  for (const e of plan.edits) io.out(`  wrote ${shown(e.file)}\n`);
  for (const n of plan.notes) io.out(`  note: ${n}\n`);
  const after = await loadForChange(options.workspace, cmd);
  cmd.setExit(reportFindings(io, sortFindings(broughtBy(lintAll(before, settings), lintAll(after, settings)))));
}
