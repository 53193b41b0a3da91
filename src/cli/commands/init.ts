import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { INIT_FLAGS, helpOf } from '../authoring/flags.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { addFlagOptions } from './add.js';

interface InitFlags {
  yes?: boolean;
  dryRun?: boolean;
}

export function registerInit(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('init')
    .description('create apig.yaml and a first group from a template (mock, http backend, APP auth with throttling)')
    .argument('[dir]', 'folder to create the workspace in (default: the current folder)')
    .option('-y, --yes', 'take the default of every question; ask nothing')
    .option('--dry-run', 'print the files that would be created, write nothing')
    .addHelpText(
      'after',
      `
Examples:
  apig init shop                                   # asks what it needs, on a terminal
  apig init shop --template http --backend 127.0.0.1:9000 --yes
  apig init --template app-auth --group orders --yes   # here, APP auth and a throttling policy`,
    );
  addFlagOptions(cmd, INIT_FLAGS).action(
    async (dir: string | undefined, flags: InitFlags & Record<string, unknown>) => {
      const { io } = ctx;
      const target = resolve(io.cwd, dir ?? '.');
      if (existsSync(join(target, 'apig.yaml')))
        throw new ApigError('usage', `${dir ?? '.'} already has apig.yaml; add to it with apig add`);
      // Loaded on use, so that `apig --help` and other commands start fast.
      const { groupNameNote, initFields, render } = await import('../authoring/flows/init.js');
      const { runFields } = await import('../authoring/runner.js');
      const { finishInit } = await import('../authoring/init-finish.js');
      const prompter = io.stdinIsTTY
        ? (await import('../authoring/inquirer-prompter.js')).inquirerPrompter(io)
        : undefined;
      const setup = { dir: target, appKey: randomBytes(16).toString('hex') };
      const folder = basename(target);
      const answers = await runFields(initFields(setup, folder), {
        flags,
        yes: flags.yes === true,
        help: (f) => helpOf(INIT_FLAGS, f),
        ...(prompter ? { prompter } : {}),
      });
      const { rendered, specFile, template } = render(setup, answers);
      if (existsSync(join(target, specFile)))
        throw new ApigError(
          'usage',
          `${relative(io.cwd, join(target, specFile)) || specFile} already exists; choose another --group`,
        );
      const note = groupNameNote(folder, answers, flags);
      await finishInit(ctx, {
        dir: target,
        shownDir: dir,
        rendered,
        specFile,
        template,
        answers,
        notes: note !== undefined ? [note] : [],
        dryRun: flags.dryRun === true,
      });
      ctx.setExit(EXIT.ok);
    },
  );
}
