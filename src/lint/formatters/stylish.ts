/**
 * `file:line:col  severity  message  rule-id`, grouped by file, with a summary line (1-based positions), then
 * the docs page of each rule that has findings, once per rule.
 */
import { isHidden, omittedText } from '../cap.js';
import { ruleDocUrl } from '../doc-url.js';
import type { RuleId } from '../rule-ids.js';
import type { LintSummary } from '../run.js';
import type { Formatter, Painter } from './types.js';

export const stylish: Formatter = ({ findings, omitted, summary }, paint) => {
  const more = new Map(omitted.map((o) => [o.file, o.count]));
  const lines: string[] = [];
  const rules = new Set<RuleId>();
  let file: string | undefined;
  const endFile = (): void => {
    const count = file === undefined ? undefined : more.get(file);
    if (file === undefined || count === undefined) return;
    lines.push(`  ${paint.dim(omittedText(file, count))}`);
    more.delete(file);
  };
  for (const f of findings) {
    if (isHidden(f)) continue;
    if (f.source !== file) {
      endFile();
      if (file !== undefined) lines.push('');
      lines.push(paint.bold(f.source));
      file = f.source;
    }
    rules.add(f.code);
    const pos = `${f.source}:${(f.range?.start.line ?? 0) + 1}:${(f.range?.start.character ?? 0) + 1}`;
    const sev =
      f.severity === 'error'
        ? paint.red('error')
        : f.severity === 'warn'
          ? paint.yellow('warn ')
          : paint.blue(f.severity.padEnd(5));
    lines.push(`  ${pos}  ${sev}  ${f.message}  ${paint.dim(f.code)}`);
  }
  endFile();
  // A file whose every listed finding is hidden can still have some past the cap (not in practice: the cap
  // counts only findings that are not hidden); say so rather than drop the count.
  for (const [rest, count] of more) {
    if (lines.length > 0) lines.push('');
    lines.push(paint.bold(rest), `  ${paint.dim(omittedText(rest, count))}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary, paint));
  if (rules.size > 0) {
    lines.push('');
    for (const id of [...rules].sort()) lines.push(`${id}: ${ruleDocUrl(id)}`);
  }
  return `${lines.join('\n')}\n`;
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryLine(summary: LintSummary, paint: Painter): string {
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  const counts =
    `${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ` +
    `${summary.infos} info, ${plural(summary.hints, 'hint')})`;
  const hidden =
    (summary.suppressed ? `, ${summary.suppressed} suppressed` : '') +
    (summary.baselined ? `, ${summary.baselined} hidden by the baseline` : '');
  const line = `${problems === 0 ? '✔' : '✖'} ${counts} in ${plural(summary.files, 'file')}${hidden}`;
  return summary.errors > 0 ? paint.red(line) : summary.warnings > 0 ? paint.yellow(line) : line;
}
