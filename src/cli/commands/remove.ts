import type { Command } from 'commander';
import { ADD_KINDS } from '../authoring/kinds-list.js';
import type { CommandContext } from '../context.js';
import { changeOptions, kindParent, prompterFor } from './change-options.js';

export function registerRemove(program: Command, ctx: CommandContext): void {
  const remove = kindParent(
    program,
    'remove',
    'remove an API, app, environment, throttling or access control policy, or policy backend; ' +
      'refused while something refers to it (--force removes the references too)',
    ADD_KINDS,
    `  apig remove api getUser --dry-run                # the diff, nothing written
  apig remove env staging --force --yes            # and its publish, authorize and bindings entries
  apig remove throttle perSecond --group shop --yes`,
    'NAME',
  );
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
