import type { Command } from 'commander';
import { ApigError } from '../../core/errors.js';
import { unknownKindMessage } from '../did-you-mean.js';
import type { CommandContext } from '../context.js';
import { changeOptions } from './change-options.js';
import { prompterFor } from './remove.js';

const KINDS = ['throttle', 'acl', 'backend-policy'] as const;

const EXAMPLES = {
  bind: `
Examples:
  apig bind throttle perSecond --api getUser,listUsers     # x-apigateway-ratelimit, every environment
  apig bind acl officeOnly --api getUser --env test        # apig.yaml bindings, test only
  apig bind backend-policy gold --api listUsers --dry-run  # a copy of another API's policy backend`,
  unbind: `
Examples:
  apig unbind throttle perSecond --api getUser
  apig unbind acl officeOnly --api getUser --env test
  apig unbind backend-policy gold --api listUsers --dry-run`,
};

function register(program: Command, ctx: CommandContext, verb: 'bind' | 'unbind'): void {
  const parent = program
    .command(verb)
    .description(
      verb === 'bind'
        ? 'attach an existing throttling or access control policy (or a copy of a policy backend) to APIs'
        : 'take a throttling or access control policy (or a policy backend) off APIs',
    )
    .argument('[kind]', KINDS.join(', '))
    .addHelpText('after', EXAMPLES[verb])
    .action((kind: string | undefined) => {
      throw new ApigError(
        'usage',
        kind === undefined
          ? `say what to ${verb}: ${KINDS.map((k) => `apig ${verb} ${k} POLICY --api NAME`).join(', ')}`
          : unknownKindMessage(kind, KINDS),
      );
    });
  for (const kind of KINDS) {
    const sub = parent
      .command(kind)
      .description(`${verb} a ${kind}`)
      .argument('[policy]', 'the policy (asked on a terminal)')
      .option('--api <apis>', 'the API, or comma-separated APIs');
    changeOptions(sub, kind === 'backend-policy' ? undefined : kind, 'ask nothing');
    if (kind === 'backend-policy') {
      sub.option('--group <group>', 'the group, when the name is in several');
      if (verb === 'bind') sub.option('--from <api>', 'the API whose policy backend is copied, when several have one');
    }
    sub.option('--env <env>', 'in this environment only (apig.yaml bindings); default: every environment');
    sub.action(async (policy: string | undefined, flags: Record<string, unknown>) => {
      const { runBind } = await import('../authoring/lifecycle-run.js');
      await runBind(verb, kind, policy, flags, ctx, flags.yes === true ? undefined : await prompterFor(ctx));
    });
  }
}

export function registerBind(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'bind');
  register(program, ctx, 'unbind');
}
