import { Option, type Command } from 'commander';
import { ApigError } from '../../core/errors.js';
import { ADD_FLAGS, helpOf, type FlagSpec } from '../authoring/flags.js';
import { ADD_DESCRIPTIONS, ADD_KINDS, type AddKind } from '../authoring/kinds-list.js';
import type { CommandContext } from '../context.js';
import { unknownKindMessage } from '../did-you-mean.js';

interface CommonFlags {
  workspace?: string;
  yes?: boolean;
  dryRun?: boolean;
}

const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Registers a flow's flags; values are validated by the flow itself, like typed answers. */
export function addFlagOptions(cmd: Command, flags: readonly FlagSpec[]): Command {
  for (const f of flags) {
    const arg = `<${f.flag.split('-').pop() ?? 'value'}>`;
    if (f.arity === 'switch') {
      cmd.option(`--${f.flag}`, f.help);
      cmd.addOption(new Option(`--no-${f.flag}`).hideHelp());
    } else if (f.arity === 'repeat') cmd.option(`--${f.flag} ${arg}`, f.help, collect);
    else {
      const option = new Option(`--${f.flag} ${arg}`, f.help);
      // For --help and the shell's completion only: the flow accepts any case (--method get) and says why not.
      if (f.choices) option.argChoices = [...f.choices];
      cmd.addOption(option);
    }
  }
  return cmd;
}

async function run(
  kind: AddKind | undefined,
  flags: CommonFlags & Record<string, unknown>,
  ctx: CommandContext,
): Promise<void> {
  const { io } = ctx;
  // Loaded on use, so that `apig --help` and other commands start fast.
  const { addSession } = await import('../authoring/session.js');
  const prompter = io.stdinIsTTY ? (await import('../authoring/inquirer-prompter.js')).inquirerPrompter(io) : undefined;
  let chosen = kind;
  if (chosen === undefined) {
    if (!prompter || flags.yes)
      throw new ApigError('usage', `say what to add: ${ADD_KINDS.map((k) => `apig add ${k}`).join(', ')}`);
    chosen = (await prompter.select({
      message: 'What do you want to add?',
      choices: ADD_KINDS.map((k) => ({ value: k, description: ADD_DESCRIPTIONS[k] })),
    })) as AddKind;
  }
  const list = ADD_FLAGS[chosen];
  await addSession(chosen, ctx, {
    ...(flags.workspace !== undefined ? { workspace: flags.workspace } : {}),
    yes: flags.yes === true,
    dryRun: flags.dryRun === true,
    flags,
    ...(prompter ? { prompter } : {}),
    help: (flag) => helpOf(list, flag),
  });
}

function common(cmd: Command): Command {
  return cmd
    .option(
      '-w, --workspace <file>',
      'workspace (apig.yaml, its folder, or a single Swagger file; default: apig.yaml here or in a parent folder)',
    )
    .option('-y, --yes', 'take the default of every question that has one; ask nothing')
    .option('--dry-run', 'print the diff of what would change, write nothing');
}

export function registerAdd(program: Command, ctx: CommandContext): void {
  const add = common(program.command('add'))
    .description(
      'add an API, app, environment, throttling or access control policy, or policy backend, guided by the lint rules',
    )
    .argument('[kind]', `what to add: ${ADD_KINDS.join(', ')} (asked when omitted)`)
    .addHelpText(
      'after',
      `
Examples:
  apig add                                          # asks what to add, on a terminal
  apig add api --path /orders --name createOrder --method POST --yes
  apig add app --name app1 --secret '\${APP1_SECRET}' --authorize-apis '*' --yes`,
    )
    .action(async (kind: string | undefined, flags: CommonFlags & Record<string, unknown>) => {
      if (kind !== undefined) throw new ApigError('usage', unknownKindMessage(kind, ADD_KINDS));
      await run(undefined, flags, ctx);
    });
  for (const kind of ADD_KINDS) {
    const sub = common(add.command(kind).description(`add ${ADD_DESCRIPTIONS[kind]}`));
    // commander hands -w, --yes and --dry-run to `add` when both declare them: take them from there too.
    addFlagOptions(sub, ADD_FLAGS[kind]).action(async (flags: CommonFlags & Record<string, unknown>) =>
      run(kind, { ...defined(add.opts()), ...defined(flags) }, ctx),
    );
  }
}
