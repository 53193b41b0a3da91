/**
 * `apig lint --watch`: lints again whenever a file the last run read changes, until Ctrl-C.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ApigError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { printDiagnostics } from '../render-diagnostics.js';
import type { LintFlags } from './lint-flags.js';
import { lintOnce } from './lint-run.js';

/** Re-runs on every change of a linted file until interrupted; problems in a run are printed, not fatal. */
export async function watchAndLint(
  paths: string[],
  flags: LintFlags,
  ctx: CommandContext,
  watched: Set<string>,
): Promise<void> {
  const { io } = ctx;
  // One watcher per folder, kept from run to run: a change that lands while a run ends is not lost to a watcher
  // being closed and opened again.
  const watchers = new Map<string, FSWatcher>();
  let names = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The files the last run read or tried, whatever became of them: watching them needs no second load of the
  // workspace. Their folders are watched, not the files, so that an editor that saves by replacing the file (a new
  // inode) or a file that does not exist yet is still seen.
  const rewatch = (): void => {
    const byDir = new Map<string, Set<string>>();
    for (const f of watched) {
      const set = byDir.get(dirname(f)) ?? new Set<string>();
      set.add(basename(f));
      byDir.set(dirname(f), set);
    }
    names = byDir;
    for (const [dir, w] of watchers) {
      // A run that was under way when Ctrl-C came must not keep watching.
      if (stopped || !byDir.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    if (stopped) return;
    for (const dir of byDir.keys()) {
      if (watchers.has(dir) || !existsSync(dir)) continue;
      watchers.set(
        dir,
        watch(dir, (_event, name) => {
          if (name === null || names.get(dir)?.has(String(name))) schedule();
        }),
      );
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
        io.err(`\n[apig lint] change detected, linting again (${new Date().toLocaleTimeString()})\n`);
        const before = [...watched];
        try {
          await lintOnce(paths, flags, ctx, watched);
        } catch (err) {
          // A run that stopped (a file gone for a moment) keeps watching what the last one read.
          for (const f of before) watched.add(f);
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
      for (const w of watchers.values()) w.close();
      watchers.clear();
      if (timer) clearTimeout(timer);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
