/** The runs of `apig remove`, `rename`, `bind`, `unbind`, `publish` and `unpublish`. */
import { ApigError } from '../../core/errors.js';
import { findThing, type ThingKind } from '../../workspace/authoring/things.js';
import type { CommandContext } from '../context.js';
import { commit } from './change.js';
import { confirmed, nameOf, prepare, type ChangeFlags } from './change-command.js';
import { planBind, planUnbind, type BindKind } from './bind.js';
import { commaList } from './fields.js';
import { describe, planRemove, planRename } from './lifecycle.js';
import { planPublish, planUnpublish } from './publish.js';
import type { Prompter } from './prompter.js';

export interface ThingFlags extends ChangeFlags {
  group?: string;
  api?: string;
  force?: boolean;
}

const scopeOf = (flags: ThingFlags) => ({
  ...(flags.group !== undefined ? { group: flags.group } : {}),
  ...(flags.api !== undefined ? { api: flags.api } : {}),
});

export async function runRemove(
  kind: ThingKind,
  name: string | undefined,
  flags: ThingFlags,
  cmd: CommandContext,
  prompter?: Prompter,
): Promise<void> {
  const { ws, options } = await prepare(cmd, flags);
  const thing = findThing(ws, kind, await nameOf(ws, kind, name, scopeOf(flags), prompter, 'remove'), scopeOf(flags));
  const change = planRemove(ws, thing, options.texts, { force: flags.force === true, cwd: cmd.io.cwd });
  await confirmed(`Remove ${describe(thing)}?`, flags, prompter);
  await commit(cmd, { ...options, verb: 'removed' }, change);
}

export async function runRename(
  kind: ThingKind,
  name: string | undefined,
  newName: string | undefined,
  flags: ThingFlags,
  cmd: CommandContext,
  prompter?: Prompter,
): Promise<void> {
  const { ws, options } = await prepare(cmd, flags);
  const thing = findThing(ws, kind, await nameOf(ws, kind, name, scopeOf(flags), prompter, 'rename'), scopeOf(flags));
  const to =
    newName ??
    (prompter
      ? await prompter.text({ message: 'New name', validate: (v) => (v.trim() === '' ? 'a name is needed' : true) })
      : undefined);
  if (to === undefined) throw new ApigError('usage', `say the new name: apig rename ${kind} ${thing.name} NEW`);
  await commit(cmd, { ...options, verb: 'renamed' }, planRename(ws, thing, to.trim(), options.texts));
}

export interface BindFlags extends ChangeFlags {
  api?: string;
  env?: string;
  group?: string;
  from?: string;
}

export async function runBind(
  verb: 'bind' | 'unbind',
  kind: BindKind,
  policy: string | undefined,
  flags: BindFlags,
  cmd: CommandContext,
  prompter?: Prompter,
): Promise<void> {
  const { ws, options } = await prepare(cmd, flags);
  const scope = flags.group !== undefined ? { group: flags.group } : {};
  const req = {
    kind,
    policy: await nameOf(ws, kind, policy, scope, prompter, verb),
    apis: [...new Set(commaList(flags.api ?? ''))],
    ...(flags.env !== undefined ? { env: flags.env } : {}),
    ...(flags.group !== undefined ? { group: flags.group } : {}),
    ...(flags.from !== undefined ? { from: flags.from } : {}),
  };
  const change = verb === 'bind' ? planBind(ws, req, options.texts) : planUnbind(ws, req, options.texts);
  await commit(cmd, { ...options, verb: verb === 'bind' ? 'bound' : 'unbound' }, change);
}

export async function runPublish(
  verb: 'publish' | 'unpublish',
  env: string,
  apis: readonly string[],
  flags: ChangeFlags,
  cmd: CommandContext,
  prompter?: Prompter,
): Promise<void> {
  const { ws, options } = await prepare(cmd, flags);
  // `*` is how publish: writes "every API", so it is taken as the list it stands for (the same as no name).
  const names = apis.includes('*') ? [] : [...new Set(apis)];
  const change =
    verb === 'publish' ? planPublish(ws, env, names, options.texts) : planUnpublish(ws, env, names, options.texts);
  if (verb === 'unpublish') await confirmed(`Unpublish ${change.summary}?`, flags, prompter);
  await commit(cmd, { ...options, verb: verb === 'publish' ? 'published' : 'unpublished' }, change);
}
