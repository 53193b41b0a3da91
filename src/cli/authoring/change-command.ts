/**
 * The start every changing command shares (edit, remove, rename, bind, unbind, publish, unpublish): the
 * workspace, the texts of its files, the lint settings; the name of the thing, asked on a terminal when it
 * is not given; a confirmation where one is due.
 */
import { ApigError } from '../../core/errors.js';
import type { Workspace } from '../../core/workspace-model.js';
import { inWorkspaceFile, KIND_WORDS, namesOf, type Scope, type ThingKind } from '../../workspace/authoring/things.js';
import type { CommandContext } from '../context.js';
import { loadForChange, readTexts, type CommitOptions } from './change.js';
import { lintSettings } from './lint-settings.js';
import type { Prompter } from './prompter.js';

/** The flags every changing command takes. */
export interface ChangeFlags {
  workspace?: string;
  yes?: boolean;
  dryRun?: boolean;
}

export interface Prepared {
  ws: Workspace;
  options: Omit<CommitOptions, 'verb'>;
}

export async function prepare(cmd: CommandContext, flags: ChangeFlags): Promise<Prepared> {
  const before = await loadForChange(flags.workspace, cmd);
  return {
    ws: before.ws,
    options: {
      path: flags.workspace,
      dryRun: flags.dryRun === true,
      before,
      texts: await readTexts(before.ws),
      settings: await lintSettings(cmd.io.cwd),
    },
  };
}

/** The name given, or one chosen on a terminal; without one, the usage error lists the names there are. */
export async function nameOf(
  ws: Workspace,
  kind: ThingKind,
  given: string | undefined,
  scope: Scope,
  prompter: Prompter | undefined,
  command: string,
): Promise<string> {
  inWorkspaceFile(ws, kind);
  if (given !== undefined) return given;
  const names = namesOf(ws, kind, scope);
  const word = KIND_WORDS[kind];
  if (names.length === 0) throw new ApigError('usage', `the workspace has no ${word} to ${command}`);
  if (!prompter)
    throw new ApigError(
      'usage',
      `say which ${word}: apig ${command} ${kind} NAME (the workspace has ${names.join(', ')})`,
    );
  return prompter.select({ message: `Which ${word}?`, choices: names.map((n) => ({ value: n })) });
}

/** A destructive change asks first on a terminal; elsewhere it needs --yes (nothing is asked then). */
export async function confirmed(question: string, flags: ChangeFlags, prompter: Prompter | undefined): Promise<void> {
  if (flags.yes === true || flags.dryRun === true) return;
  if (!prompter) throw new ApigError('usage', `${question} There is no terminal to ask on: add --yes to confirm`);
  if (!(await prompter.confirm({ message: question, default: false })))
    throw new ApigError('usage', 'cancelled; nothing was written');
}
