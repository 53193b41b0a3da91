import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { changeOptions, kindParent, prompterFor } from './change-options.js';

const KINDS = ['throttle', 'acl', 'backend-policy'] as const;

const EXAMPLES = {
  bind: `  apig bind throttle perSecond --api getUser,listUsers     # x-apigateway-ratelimit, every environment
  apig bind acl officeOnly --api getUser --env test        # apig.yaml bindings, test only
  apig bind backend-policy gold --api listUsers --dry-run  # a copy of another API's policy backend`,
  unbind: `  apig unbind throttle perSecond --api getUser
  apig unbind acl officeOnly --api getUser --env test
  apig unbind backend-policy gold --api listUsers --dry-run`,
};

function register(program: Command, ctx: CommandContext, verb: 'bind' | 'unbind'): void {
  const parent = kindParent(
    program,
    verb,
    verb === 'bind'
      ? 'attach an existing throttling or access control policy (or a copy of a policy backend) to APIs'
      : 'take a throttling or access control policy (or a policy backend) off APIs',
    KINDS,
    EXAMPLES[verb],
    'POLICY --api NAME',
  );
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
