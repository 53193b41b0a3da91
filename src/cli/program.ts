import { Command, type CommanderError, Option } from 'commander';
import { packageVersion } from './version.js';
import type { CommandContext } from './context.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerLint } from './commands/lint.js';
import { registerSign } from './commands/sign.js';
import { registerServe } from './commands/serve.js';
import { registerInit } from './commands/init.js';
import { registerAdd } from './commands/add.js';
import { registerCompletion } from './commands/completion.js';
import { registerEdit } from './commands/edit.js';
import { registerRemove } from './commands/remove.js';
import { registerRename } from './commands/rename.js';
import { registerBind } from './commands/bind.js';
import { registerPublish } from './commands/publish.js';
import { registerLsp } from './commands/lsp.js';

/** Every command, in the order `apig --help` lists them. */
const COMMANDS: ReadonlyArray<(program: Command, ctx: CommandContext) => void> = [
  registerInit,
  registerAdd,
  registerEdit,
  registerRemove,
  registerRename,
  registerBind,
  registerPublish,
  registerImport,
  registerExport,
  registerLint,
  registerSign,
  registerServe,
  registerLsp,
  registerCompletion,
];

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('apig');
  program
    .description('Author, validate and test Huawei Cloud API Gateway (APIG) definitions offline')
    .version(packageVersion(), '-V, --version', 'print the apig version')
    .addOption(new Option('--no-color', 'disable coloured output (NO_COLOR is honoured too)'))
    .addOption(new Option('--color', 'force coloured output').hideHelp())
    .option('--allow-remote-refs', 'let $refs to http(s) URLs be fetched (refused by default: apig works offline)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      // One prefix for every error apig prints: commander's own say `error:`.
      outputError: (s, write) => write(ctx.io.color.red(s.replace(/^error: /, 'apig: '))),
    });
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/**
 * Commander signals an asked-for --help and --version with these codes; everything else it throws is a
 * usage error (an unknown flag or command, a missing argument, or no command at all: `commander.help`).
 */
export function isHelpOrVersion(err: CommanderError): boolean {
  return err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
}
