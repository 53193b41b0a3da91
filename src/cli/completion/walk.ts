/**
 * Follows the words typed so far through the commander program as commander would parse them: which command
 * they reach, its operands, the option waiting for a value, and the options given (for `-w/--workspace`).
 */
import type { Command, Option } from 'commander';

export interface Position {
  /** The command the words reached. */
  command: Command;
  /** The command above it (for `help [command]`, which commander creates without a parent). */
  above?: Command;
  /** The operands given to `command` so far. */
  operands: string[];
  /** The option whose value the word being completed is. */
  awaiting?: Option;
  /** After `--`, every word is an operand. */
  endOfOptions: boolean;
  /** The values of the options given, in order, on any command of the line. */
  given: Array<{ option: Option; value: string }>;
}

/** The subcommands commander would run or list (hidden ones not; the implicit `help` command too). */
export function visibleCommands(command: Command): Command[] {
  return command.createHelp().visibleCommands(command);
}

/** The subcommand named `word` (or aliased so), the implicit `help` and hidden ones included. */
function findCommand(command: Command, word: string): Command | undefined {
  const named = (c: Command): boolean => c.name() === word || c.aliases().includes(word);
  return visibleCommands(command).find(named) ?? command.commands.find(named);
}

/** The option `-x` or `--long` means on `command`, or on a command above it (commander reads them anywhere). */
export function findOption(command: Command | null, flag: string): Option | undefined {
  for (let c = command; c; c = c.parent) {
    const found = c.options.find((o) => o.long === flag || o.short === flag);
    if (found) return found;
  }
  return undefined;
}

export const takesValue = (option: Option): boolean => option.required || option.optional;

/** Where `words` (every word before the one being completed) leave the command line. */
export function walk(root: Command, words: readonly string[]): Position {
  const at: Position = { command: root, operands: [], endOfOptions: false, given: [] };
  for (const word of words) {
    const pending = at.awaiting;
    if (pending) {
      // bash splits `--format=json` at `=` (COMP_WORDBREAKS): the `=` alone stands between the option and its value.
      if (word === '=') continue;
      delete at.awaiting;
      at.given.push({ option: pending, value: word });
      continue;
    }
    if (!at.endOfOptions && word === '--') at.endOfOptions = true;
    else if (!at.endOfOptions && word.startsWith('-') && word !== '-') option(at, word);
    else operand(at, word);
  }
  return at;
}

function option(at: Position, word: string): void {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    const found = findOption(at.command, eq < 0 ? word : word.slice(0, eq));
    if (!found || !takesValue(found)) return;
    if (eq < 0) at.awaiting = found;
    else at.given.push({ option: found, value: word.slice(eq + 1) });
    return;
  }
  // Short flags, clustered or not (`-qy`); one that takes a value takes the rest of the word, or the next word.
  for (let i = 1; i < word.length; i++) {
    const found = findOption(at.command, `-${word[i]}`);
    if (!found || !takesValue(found)) continue;
    if (i + 1 < word.length) at.given.push({ option: found, value: word.slice(i + 1) });
    else at.awaiting = found;
    return;
  }
}

function operand(at: Position, word: string): void {
  // As commander does: a command's first operand that names one of its subcommands runs that subcommand.
  const sub = at.operands.length === 0 ? findCommand(at.command, word) : undefined;
  if (sub) {
    at.above = at.command;
    at.command = sub;
    at.operands = [];
  } else at.operands.push(word);
}
