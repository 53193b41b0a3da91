// Shared helpers for the bench scripts: run a command, measure wall time and peak memory.
import { spawnSync } from 'node:child_process';

export const HOOK = new URL('./rss-hook.mjs', import.meta.url).pathname;

/** Runs `node [nodeArgs] [--import hook] script args`; returns wall time (ms), peak RSS (KB), exit code. */
export function timeNode(script, args, options = {}, nodeArgs = []) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', HOOK, script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...options,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const m = /__APIG_BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { ms, rssKb: m ? Number(m[1]) : NaN, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

/** The largest heap left after a garbage collection, in bytes, from `--trace-gc` lines (the peak live heap). */
export function peakLiveHeap(traceGcOutput) {
  let peak = 0;
  for (const m of traceGcOutput.matchAll(/-> ([\d.]+) \([\d.]+\) MB/g)) peak = Math.max(peak, Number(m[1]));
  return peak * 1024 * 1024;
}
