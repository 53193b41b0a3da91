import type { Command } from 'commander';
import { ApigError } from '../../core/errors.js';
import { unknownKindMessage } from '../did-you-mean.js';
import { ADD_KINDS } from '../authoring/kinds-list.js';
import type { CommandContext } from '../context.js';
import { changeOptions } from './change-options.js';

const kinds = ADD_KINDS.join(', ');

async function prompterFor(ctx: CommandContext) {
  return ctx.io.stdinIsTTY ? (await import('../authoring/inquirer-prompter.js')).inquirerPrompter(ctx.io) : undefined;
}

export function registerRemove(program: Command, ctx: CommandContext): void {
  const remove = program
    .command('remove')
    .description(
      'remove an API, app, environment, throttling or access control policy, or policy backend; ' +
        'refused while something refers to it (--force removes the references too)',
    )
    .argument('[kind]', `what to remove: ${kinds}`)
    .addHelpText(
      'after',
      `
Examples:
  apig remove api getUser --dry-run                # the diff, nothing written
  apig remove env staging --force --yes            # and its publish, authorize and bindings entries
  apig remove throttle perSecond --group shop --yes`,
    )
    .action((kind: string | undefined) => {
      throw new ApigError(
        'usage',
        kind === undefined
          ? `say what to remove: ${ADD_KINDS.map((k) => `apig remove ${k} NAME`).join(', ')}`
          : unknownKindMessage(kind, ADD_KINDS),
      );
    });
  for (const kind of ADD_KINDS) {
    changeOptions(
      remove
        .command(kind)
        .description(`remove a named ${kind}`)
        .argument('[name]', `the ${kind} (asked on a terminal)`),
      kind,
    )
      .option('--force', 'remove what refers to it too')
      .action(async (name: string | undefined, flags: Record<string, unknown>) => {
        const { runRemove } = await import('../authoring/lifecycle-run.js');
        await runRemove(kind, name, flags, ctx, await prompterFor(ctx));
      });
  }
}

export { prompterFor };
