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
    .action(async () => {
      const { startServer } = await import('../../lsp/server.js');
      const connection = startServer(undefined, ctx.io.env);
      await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    });
}
