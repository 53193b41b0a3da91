import { Option, type Command } from 'commander';
import { ADD_FLAGS, helpOf } from '../authoring/flags.js';
import { ADD_DESCRIPTIONS, ADD_KINDS } from '../authoring/kinds-list.js';
import type { CommandContext } from '../context.js';
import { addFlagOptions } from './add.js';
import { changeOptions, kindParent, prompterFor } from './change-options.js';

/** Flags of `add` that `edit` has not: the name is rename's, publication publish's, binding bind's. */
const NOT_EDITED = new Set(['group', 'name', 'publish', 'apis', 'api']);

export function registerEdit(program: Command, ctx: CommandContext): void {
  const edit = kindParent(
    program,
    'edit',
    'change an API, app, environment, throttling or access control policy, or policy backend: ' +
      'the questions of apig add, pre-filled',
    ADD_KINDS,
    `  apig edit api getUser                                # every question, pre-filled, on a terminal
  apig edit api getUser --backend-timeout 8000 --yes   # that one field, nothing else
  apig edit env test --var backend=10.0.0.5:8080 --dry-run`,
    'NAME',
  );
  for (const kind of ADD_KINDS) {
    const flags = ADD_FLAGS[kind].filter((f) => !NOT_EDITED.has(f.flag));
    const sub = changeOptions(
      edit
        .command(kind)
        .description(`change ${ADD_DESCRIPTIONS[kind]}`)
        .argument('[name]', `the ${kind} (asked on a terminal)`),
      kind,
      'ask nothing: what no flag changes keeps its current value',
    );
    addFlagOptions(sub, flags);
    if (flags.some((f) => f.flag === 'backend-timeout'))
      sub.addOption(new Option('--timeout <ms>', 'the same as --backend-timeout').hideHelp());
    sub.action(async (name: string | undefined, opts: Record<string, unknown>) => {
      const { runEdit } = await import('../authoring/edit.js');
      const given =
        opts.timeout !== undefined && opts.backendTimeout === undefined
          ? { ...opts, backendTimeout: opts.timeout }
          : opts;
      await runEdit(
        kind,
        name,
        given,
        ctx,
        (f) => helpOf(flags, f),
        opts.yes === true ? undefined : await prompterFor(ctx),
      );
    });
  }
}
