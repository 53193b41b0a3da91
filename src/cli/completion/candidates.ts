/**
 * The candidates for the word being completed, read from the commander program itself: subcommands, flags, the
 * choices of an option or argument (`.choices()`), the names of the workspace by the naming conventions
 * (conventions.ts), or "let the shell complete a path". Nothing here prints or loads the workspace: names come
 * from the caller.
 */
import type { Argument, Command, Option } from 'commander';
import { argumentKinds, type NameKind, optionKinds, pathKind } from './conventions.js';
import { findOption, type Position, takesValue, visibleCommands, walk } from './walk.js';

export interface Candidate {
  value: string;
  description?: string;
}

export interface Completion {
  candidates: Candidate[];
  /** The shell completes paths itself: to files (and folders), or to folders. */
  paths?: 'files' | 'dirs';
}

/** The names of these kinds in the workspace (`workspace` as given by -w, else the one found from here). */
export type NameSource = (kinds: readonly NameKind[], workspace: string | undefined) => Promise<Candidate[]>;

const NOTHING: Completion = { candidates: [] };

/**
 * What may complete the last of `words` (the words after `apig`; the last is the one being completed, maybe
 * empty), given the program `root`.
 */
export async function complete(root: Command, words: readonly string[], names: NameSource): Promise<Completion> {
  const current = words.at(-1) ?? '';
  const at = walk(root, words.slice(0, -1));
  if (at.awaiting) return optionValues(at, at.awaiting, current, names);
  if (!at.endOfOptions && current.startsWith('--') && current.includes('=')) {
    const eq = current.indexOf('=');
    const option = findOption(at.command, current.slice(0, eq));
    if (!option || !takesValue(option)) return NOTHING;
    const values = await optionValues(at, option, current.slice(eq + 1), names);
    const before = current.slice(0, eq + 1);
    return { ...values, candidates: values.candidates.map((c) => ({ ...c, value: before + c.value })) };
  }
  if (!at.endOfOptions && current.startsWith('-')) return { candidates: matching(flags(at.command), current) };
  return operandValues(at, current, names);
}

/**
 * Every flag of the command (long and short), as `--help` lists them; then the program's own that commander
 * reads anywhere on the line (`--no-color`), but not `--version` and `--help`, which are for the program alone.
 */
function flags(command: Command): Candidate[] {
  const own = command.createHelp().visibleOptions(command);
  const global: Option[] = [];
  for (let c = command.parent; c; c = c.parent)
    global.push(...c.options.filter((o) => !o.hidden && o.long !== '--version' && o.long !== '--help'));
  return [...own, ...global].flatMap((o) => [o.long, o.short].flatMap((f) => (f ? [described(f, o.description)] : [])));
}

async function optionValues(at: Position, option: Option, current: string, names: NameSource): Promise<Completion> {
  if (option.argChoices) return choices(option.argChoices, current);
  const kinds = option.long ? optionKinds(option.long) : [];
  if (kinds.length > 0) return { candidates: await nameList(at, kinds, current, names) };
  return pathsFor(/[<[]([^>\].]+)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1]);
}

async function operandValues(at: Position, current: string, names: NameSource): Promise<Completion> {
  const { command, operands } = at;
  // `apig help <command>`: commander makes that command without a parent; the walk knows the one above.
  if (command.name() === 'help' && at.above && operands.length === 0)
    return { candidates: matching(subcommands(at.above), current) };
  const subs = operands.length === 0 ? subcommands(command) : [];
  const args = command.registeredArguments;
  const last = args.at(-1);
  const arg: Argument | undefined = args[operands.length] ?? (last?.variadic ? last : undefined);
  const own = arg ? await argumentValues(at, arg, current, names) : NOTHING;
  return { ...own, candidates: [...matching(subs, current), ...own.candidates] };
}

async function argumentValues(at: Position, arg: Argument, current: string, names: NameSource): Promise<Completion> {
  if (arg.argChoices) return choices(arg.argChoices, current);
  const kinds = argumentKinds(at.command.name(), arg.name());
  if (kinds.length > 0) {
    // `publish ENV api...`: an API already named is not offered again.
    const listed = arg.variadic ? new Set(at.operands) : new Set<string>();
    return { candidates: (await nameList(at, kinds, current, names)).filter((c) => !listed.has(c.value)) };
  }
  return pathsFor(arg.name());
}

function choices(values: readonly string[], current: string): Completion {
  const all = values.map((value): Candidate => ({ value }));
  return { candidates: matching(all, current) };
}

function pathsFor(valueName: string | undefined): Completion {
  const paths = valueName === undefined ? undefined : pathKind(valueName);
  return paths ? { candidates: [], paths } : NOTHING;
}

function subcommands(command: Command): Candidate[] {
  return visibleCommands(command).map((c) => described(c.name(), c.summary() || c.description()));
}

/**
 * The names of these kinds; in a comma-separated list (`--apis a,b,`), for its last element, without the ones
 * listed before it.
 */
async function nameList(at: Position, kinds: readonly NameKind[], current: string, names: NameSource) {
  const comma = current.lastIndexOf(',');
  const head = current.slice(0, comma + 1);
  const listed = new Set(head.split(',').filter((n) => n !== ''));
  const found = (await names(kinds, workspaceOf(at))).filter((c) => !listed.has(c.value));
  return matching(found, current.slice(comma + 1)).map((c) => ({ ...c, value: head + c.value }));
}

/** The workspace the line names: `-w/--workspace` (the first given), else a `[workspace]` operand given. */
function workspaceOf(at: Position): string | undefined {
  const flag = at.given.find((g) => g.option.long === '--workspace');
  if (flag) return flag.value;
  const i = at.command.registeredArguments.findIndex((a) => a.name() === 'workspace');
  return i < 0 ? undefined : at.operands[i];
}

/** Those that start with `prefix`, each value once. */
function matching(candidates: readonly Candidate[], prefix: string): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) if (c.value.startsWith(prefix) && !seen.has(c.value)) seen.set(c.value, c);
  return [...seen.values()];
}

/** A candidate with the first line of a description, shortened to what a completion menu shows. */
export function described(value: string, description: string | undefined): Candidate {
  const line = (description ?? '').split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (line === '') return { value };
  return { value, description: line.length > 80 ? `${line.slice(0, 79)}…` : line };
}

/** What `apig __complete` prints: one `value<TAB>description` a line, then `:files`, `:dirs` or `:plain`. */
export function render(completion: Completion): string {
  const lines = completion.candidates.map((c) => (c.description ? `${c.value}\t${c.description}` : c.value));
  return `${[...lines, `:${completion.paths ?? 'plain'}`].join('\n')}\n`;
}
