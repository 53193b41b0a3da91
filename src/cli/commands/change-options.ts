/** The options the changing commands share, registered without loading anything they run. */
import type { Command } from 'commander';
import { ApigError } from '../../core/errors.js';
import type { Prompter } from '../authoring/prompter.js';
import type { CommandContext } from '../context.js';
import { unknownKindMessage } from '../did-you-mean.js';
import type { AddKind } from '../authoring/kinds-list.js';

/** -w, --yes, --dry-run; --group where the kind lives in a group; --api for policy backends. */
export function changeOptions(cmd: Command, kind?: AddKind, yes = 'confirm without asking'): Command {
  cmd
    .option(
      '-w, --workspace <file>',
      'workspace (apig.yaml, its folder, or a single Swagger file; default: apig.yaml here or in a parent folder)',
    )
    .option('-y, --yes', yes)
    .option('--dry-run', 'print the diff of what would change, write nothing');
  if (kind === 'api' || kind === 'throttle' || kind === 'acl' || kind === 'backend-policy')
    cmd.option('--group <group>', 'the group, when the name is in several');
  if (kind === 'backend-policy') cmd.option('--api <api>', 'the API the policy backend belongs to');
  return cmd;
}

/**
 * `apig VERB` whose subcommands are the kinds (`apig remove api NAME`): `apig VERB` alone says what to give, an
 * unknown kind is answered with the kinds and the nearest.
 */
export function kindParent(
  program: Command,
  verb: string,
  description: string,
  kinds: readonly string[],
  examples: string,
  form: string,
): Command {
  return program
    .command(verb)
    .description(description)
    .argument('[kind]', `what to ${verb}: ${kinds.join(', ')}`)
    .addHelpText('after', `\nExamples:\n${examples}`)
    .action((kind: string | undefined) => {
      throw new ApigError(
        'usage',
        kind === undefined
          ? `say what to ${verb}: ${kinds.map((k) => `apig ${verb} ${k} ${form}`).join(', ')}`
          : unknownKindMessage(kind, kinds),
      );
    });
}

/** The terminal's prompter, or none without a terminal (loaded only then). */
export async function prompterFor(ctx: CommandContext): Promise<Prompter | undefined> {
  return ctx.io.stdinIsTTY ? (await import('../authoring/inquirer-prompter.js')).inquirerPrompter(ctx.io) : undefined;
}
