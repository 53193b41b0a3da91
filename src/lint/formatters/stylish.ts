/** `file:line:col  severity  message  rule-id`, grouped by file, with a summary line (1-based positions). */
import type { Formatter } from './types.js';

export const stylish: Formatter = ({ findings, summary }, paint) => {
  const lines: string[] = [];
  let file: string | undefined;
  for (const f of findings.filter((x) => !x.suppressed)) {
    if (f.source !== file) {
      if (file !== undefined) lines.push('');
      lines.push(paint.bold(f.source));
      file = f.source;
    }
    const pos = `${f.source}:${(f.range?.start.line ?? 0) + 1}:${(f.range?.start.character ?? 0) + 1}`;
    const sev =
      f.severity === 'error'
        ? paint.red('error')
        : f.severity === 'warn'
          ? paint.yellow('warn ')
          : paint.blue(f.severity.padEnd(5));
    lines.push(`  ${pos}  ${sev}  ${f.message}  ${paint.dim(f.code)}`);
  }
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  if (lines.length > 0) lines.push('');
  const counts =
    `${problems} problem${problems === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ` +
    `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ` +
    `${summary.infos} info, ${summary.hints} hint${summary.hints === 1 ? '' : 's'})`;
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : '';
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  const line = `${problems === 0 ? '✔' : '✖'} ${counts} in ${files}${suppressed}`;
  lines.push(summary.errors > 0 ? paint.red(line) : summary.warnings > 0 ? paint.yellow(line) : line);
  return `${lines.join('\n')}\n`;
};
