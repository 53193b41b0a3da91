/**
 * JUnit XML: one test suite per file, one test case per rule and file; findings are the failures (a file that
 * does not parse fails its `parse` case). Findings past the per-file cap are counted in the suite's system-out.
 */
import { isHidden, omittedText } from '../cap.js';
import { ALL_RULE_IDS } from '../registry.js';
import type { LintFinding } from '../run.js';
import type { Formatter } from './types.js';

/** Attribute and text escaping; characters XML 1.0 cannot hold at all (NUL from a binary file) become U+FFFD. */
const esc = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

function failure(hits: readonly LintFinding[]): string {
  const body = hits
    .map((f) => {
      const at = f.range?.start;
      const where = `${f.source}:${(at?.line ?? 0) + 1}:${(at?.character ?? 0) + 1}`;
      return `${where} ${f.severity} ${f.message} (#${f.path})`;
    })
    .join('\n');
  const first = hits[0];
  return (
    `<failure message="${esc(first?.message ?? '')}" type="${esc(first?.severity ?? 'error')}">` +
    `${esc(body)}</failure>`
  );
}

export const junit: Formatter = ({ findings, omitted, files, rules }) => {
  // Findings by file, then by rule. A finding's file or rule is always shown, even if the input missed it.
  const byFile = new Map<string, Map<string, LintFinding[]>>();
  for (const f of findings) {
    if (isHidden(f)) continue;
    const byRule = byFile.get(f.source) ?? new Map<string, LintFinding[]>();
    byFile.set(f.source, byRule);
    const hits = byRule.get(f.code);
    if (hits) hits.push(f);
    else byRule.set(f.code, [f]);
  }
  const more = new Map(omitted.map((o) => [o.file, o.count]));
  const codes = new Set(findings.filter((f) => !isHidden(f)).map((f) => f.code));
  const ran = new Set(rules);
  const ids = [...rules, ...ALL_RULE_IDS.filter((id) => codes.has(id) && !ran.has(id))];
  const names = [...new Set([...files, ...byFile.keys(), ...more.keys()])].sort();
  let failures = 0;
  const suites = names.map((file) => {
    const byRule = byFile.get(file);
    const cases = ids.map((rule) => {
      const hits = byRule?.get(rule);
      if (!hits) return `    <testcase classname="${esc(file)}" name="${esc(rule)}"/>`;
      return `    <testcase classname="${esc(file)}" name="${esc(rule)}">\n      ${failure(hits)}\n    </testcase>`;
    });
    const failed = ids.filter((rule) => byRule?.has(rule)).length;
    failures += failed;
    const count = more.get(file);
    const out = count === undefined ? '' : `\n    <system-out>${esc(omittedText(file, count))}</system-out>`;
    return (
      `  <testsuite name="${esc(file)}" tests="${ids.length}" failures="${failed}" errors="0">\n` +
      `${cases.join('\n')}${out}\n  </testsuite>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="apig lint" tests="${names.length * ids.length}" failures="${failures}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
};
