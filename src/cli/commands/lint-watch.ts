/**
 * `apig lint --watch`: lints again whenever a file the last run read changes, until Ctrl-C.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { ApigError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { printDiagnostics } from '../render-diagnostics.js';
import type { LintFlags } from './lint.js';
import { lintOnce } from './lint-run.js';

/** Re-runs on every change of a linted file until interrupted; problems in a run are printed, not fatal. */
export async function watchAndLint(
  paths: string[],
  flags: LintFlags,
  ctx: CommandContext,
  watched: Set<string>,
): Promise<void> {
  const { io } = ctx;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The files the last run read: watching them needs no second load of the workspace.
  const rewatch = (): void => {
    const files = [...watched].filter((f) => existsSync(f));
    for (const w of watchers) w.close();
    // A run that was under way when Ctrl-C came must not start watching again.
    watchers = stopped ? [] : files.map((f) => watch(f, () => schedule()));
  };
  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
        io.err(`\n[apig lint] change detected, linting again (${new Date().toLocaleTimeString()})\n`);
        try {
          await lintOnce(paths, flags, ctx, watched);
        } catch (err) {
          io.err(`${err instanceof Error ? err.message : String(err)}\n`);
          if (err instanceof ApigError) printDiagnostics(err.diagnostics, io);
        }
        rewatch();
      })();
    }, 100);
  };
  rewatch();
  io.err('[apig lint] watching for changes; Ctrl-C to stop\n');
  await new Promise<void>((done) => {
    const stop = (): void => {
      stopped = true;
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
