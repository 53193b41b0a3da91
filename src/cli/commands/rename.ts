import type { Command } from 'commander';
import { ApigError } from '../../core/errors.js';
import { unknownKindMessage } from '../did-you-mean.js';
import { ADD_KINDS } from '../authoring/kinds-list.js';
import type { CommandContext } from '../context.js';
import { changeOptions } from './change-options.js';
import { prompterFor } from './remove.js';

export function registerRename(program: Command, ctx: CommandContext): void {
  const rename = program
    .command('rename')
    .description(
      'rename an API, app, environment, throttling or access control policy, or policy backend, ' +
        'and every reference to it',
    )
    .argument('[kind]', `what to rename: ${ADD_KINDS.join(', ')}`)
    .addHelpText(
      'after',
      `
Examples:
  apig rename api getUser fetchUser                # operationId, publish, authorize and bindings
  apig rename env staging preprod --dry-run
  apig rename throttle perSecond burst --group shop`,
    )
    .action((kind: string | undefined) => {
      throw new ApigError(
        'usage',
        kind === undefined
          ? `say what to rename: ${ADD_KINDS.map((k) => `apig rename ${k} OLD NEW`).join(', ')}`
          : unknownKindMessage(kind, ADD_KINDS),
      );
    });
  for (const kind of ADD_KINDS) {
    changeOptions(
      rename
        .command(kind)
        .description(`rename a ${kind} and every reference to it`)
        .argument('[name]', `the ${kind} to rename (asked on a terminal)`)
        .argument('[new-name]', 'its new name'),
      kind,
      'ask nothing',
    ).action(async (name: string | undefined, newName: string | undefined, flags: Record<string, unknown>) => {
      const { runRename } = await import('../authoring/lifecycle-run.js');
      await runRename(kind, name, newName, flags, ctx, flags.yes === true ? undefined : await prompterFor(ctx));
    });
  }
}
