import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { changeOptions, prompterFor } from './change-options.js';

const EXAMPLES = {
  publish: `
Examples:
  apig publish test                       # every API (*) to test
  apig publish staging getUser listUsers  # these two to staging
  apig publish RELEASE createOrder --dry-run`,
  unpublish: `
Examples:
  apig unpublish test --yes               # nothing published to test any more
  apig unpublish RELEASE getUser --yes
  apig unpublish staging listUsers --dry-run`,
};

function register(program: Command, ctx: CommandContext, verb: 'publish' | 'unpublish'): void {
  const cmd = program
    .command(verb)
    .description(
      verb === 'publish'
        ? 'publish APIs to an environment (the publish: map of apig.yaml)'
        : 'take APIs out of an environment (the publish: map of apig.yaml)',
    )
    .argument('<env>', 'the environment')
    .argument('[api...]', 'API names (default: every API)')
    .addHelpText('after', EXAMPLES[verb]);
  changeOptions(cmd, undefined, verb === 'publish' ? 'ask nothing' : 'confirm without asking').action(
    async (env: string, apis: string[], flags: Record<string, unknown>) => {
      const { runPublish } = await import('../authoring/lifecycle-run.js');
      await runPublish(verb, env, apis, flags, ctx, flags.yes === true ? undefined : await prompterFor(ctx));
    },
  );
}

export function registerPublish(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'publish');
  register(program, ctx, 'unpublish');
}
