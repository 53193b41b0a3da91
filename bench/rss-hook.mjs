// Loaded with `node --import`: reports the process's peak resident memory when it exits (for bench scripts).
process.on('exit', () => {
  process.stderr.write(`\n__APIG_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
