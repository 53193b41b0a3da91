/**
 * `apig lsp`: the language server over stdio, for editors (docs/lsp.md). The server (src/lsp) and
 * vscode-languageserver are loaded only when the command runs, never at start-up.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export function registerLsp(program: Command, ctx: CommandContext): void {
  program
    .command('lsp')
    .description('run the language server over stdio, for editors (diagnostics, hover, completion, quick fixes)')
    .option('--stdio', 'talk over standard input and output (the default and only transport)')
    .addHelpText(
      'after',
      `
An editor starts it and talks to it; you do not run it by hand. Set-up for VS Code and Neovim: docs/lsp.md.

Examples:
  apig lsp                # what an editor runs (VS Code: the extension in editors/vscode)
  apig lsp --stdio        # the same, for clients that pass --stdio`,
    )
    .action(async () => {
      const { startServer } = await import('../../lsp/server.js');
      const connection = startServer(undefined, ctx.io.env);
      await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    });
}
