/**
 * `apig completion <shell>` prints a completion script; the script calls the hidden `apig __complete -- WORDS...`
 * for the candidates of the last word. The candidates come from this program's own commands, options and
 * choices, and from the names in the workspace (src/cli/completion/), loaded only when a completion runs.
 */
import { Argument, type Command } from 'commander';
import type { NameSource } from '../completion/candidates.js';
import { SHELLS, type Shell } from '../completion/shells.js';
import type { CommandContext } from '../context.js';

export function registerCompletion(program: Command, ctx: CommandContext): void {
  program
    .command('completion')
    .description('print the shell completion script: commands, flags, choices and the names in the workspace')
    .addArgument(new Argument('<shell>', 'the shell the script is for').choices(SHELLS))
    .addHelpText(
      'after',
      `
Load it in the current shell with \`source <(apig completion bash)\`, \`source <(apig completion zsh)\` (after
compinit) or \`apig completion fish | source\`; or install it for every new shell (docs/completion.md):

Examples:
  apig completion bash > ~/.local/share/bash-completion/completions/apig
  apig completion zsh > "\${fpath[1]}/_apig"       # a folder of $fpath; then start a new shell
  apig completion fish > ~/.config/fish/completions/apig.fish`,
    )
    .action(async (shell: Shell) => {
      const { completionScript } = await import('../completion/scripts.js');
      ctx.io.out(completionScript(shell));
    });

  program
    .command('__complete', { hidden: true })
    .description('print the candidates for the last of WORDS (the words after apig), one a line')
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .action(async (words: string[]) => {
      const { io } = ctx;
      // Never an error on the user's command line: whatever goes wrong, no candidates.
      try {
        const { complete, render } = await import('../completion/candidates.js');
        const names: NameSource = async (kinds, workspace) =>
          (await import('../completion/names.js')).workspaceNames(kinds, workspace, io);
        io.out(render(await complete(program, typedWords(program) ?? words, names)));
      } catch {
        // nothing to offer
      }
    });
}

/**
 * The words exactly as typed: commander drops a `--` among the operands, and after it everything is an operand
 * (`apig lint -- -x`), so they are read from the root's raw arguments, after `__complete --`.
 */
function typedWords(program: Command): string[] | undefined {
  const raw: unknown = Reflect.get(program, 'rawArgs');
  if (!Array.isArray(raw) || !raw.every((w) => typeof w === 'string')) return undefined;
  const at = raw.indexOf('__complete');
  if (at < 0) return undefined;
  return raw.slice(raw[at + 1] === '--' ? at + 2 : at + 1);
}
