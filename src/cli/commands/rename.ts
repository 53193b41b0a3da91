import type { Command } from 'commander';
import { ADD_KINDS } from '../authoring/kinds-list.js';
import type { CommandContext } from '../context.js';
import { changeOptions, kindParent, prompterFor } from './change-options.js';

export function registerRename(program: Command, ctx: CommandContext): void {
  const rename = kindParent(
    program,
    'rename',
    'rename an API, app, environment, throttling or access control policy, or policy backend, ' +
      'and every reference to it',
    ADD_KINDS,
    `  apig rename api getUser fetchUser                # operationId, publish, authorize and bindings
  apig rename env staging preprod --dry-run
  apig rename throttle perSecond burst --group shop`,
    'OLD NEW',
  );
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
