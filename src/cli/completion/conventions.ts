/**
 * Which arguments and options complete which names of the workspace. Commands follow these naming conventions
 * (instead of declaring completions), so that a command added later is completed without a change here:
 * - a positional argument `name` under a subcommand named after a kind (`apig edit api <name>`) names that kind;
 * - a positional `env`, `api` (also variadic `api...`), `apis`, `app` or `group` names that kind;
 * - a positional `policy` names a throttling policy, ACL or policy backend, or only the kind its command is named
 *   after (`apig bind throttle <policy>`);
 * - the options in OPTION_KINDS name one kind each (a comma-separated list completes its last element).
 */

const NAME_KINDS = ['api', 'app', 'env', 'throttle', 'acl', 'backend-policy', 'group'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

const POLICY_KINDS: readonly NameKind[] = ['throttle', 'acl', 'backend-policy'];

const isKind = (word: string): word is NameKind => (NAME_KINDS as readonly string[]).includes(word);

const ARGUMENT_KINDS: Readonly<Record<string, readonly NameKind[]>> = {
  env: ['env'],
  api: ['api'],
  apis: ['api'],
  app: ['app'],
  group: ['group'],
};

/** Options by long name (without `--`). */
const OPTION_KINDS: Readonly<Record<string, NameKind>> = {
  api: 'api',
  apis: 'api',
  'authorize-apis': 'api',
  env: 'env',
  publish: 'env',
  'authorize-envs': 'env',
  app: 'app',
  group: 'group',
  throttle: 'throttle',
  acl: 'acl',
};

/** The kinds of name the positional argument `argument` of the command `command` takes, if any. */
export function argumentKinds(command: string, argument: string): readonly NameKind[] {
  if (argument === 'name') return isKind(command) ? [command] : [];
  if (argument === 'policy') return isKind(command) && POLICY_KINDS.includes(command) ? [command] : POLICY_KINDS;
  return ARGUMENT_KINDS[argument] ?? [];
}

/** The kind of name the option `--long` takes, if any. */
export function optionKinds(long: string): readonly NameKind[] {
  const kind = OPTION_KINDS[long.replace(/^--/, '')];
  return kind === undefined ? [] : [kind];
}

/**
 * What the shell completes itself, by the name of an option's value (`<file>`) or of a positional argument: a
 * path to a file (or folder), or a folder.
 */
export function pathKind(valueName: string): 'files' | 'dirs' | undefined {
  if (['file', 'files', 'path', 'paths', 'workspace'].includes(valueName)) return 'files';
  if (['dir', 'dirs', 'folder'].includes(valueName)) return 'dirs';
  return undefined;
}
