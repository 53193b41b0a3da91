/** JUnit XML: one test suite per file, one test case per rule and file; findings are the failures. */
import type { Formatter } from './types.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const junit: Formatter = ({ findings, files, rules }) => {
  const active = findings.filter((f) => !f.suppressed);
  const suites = files.map((file) => {
    const cases = rules.map((rule) => {
      const hits = active.filter((f) => f.source === file && f.code === rule);
      if (hits.length === 0) return `    <testcase classname="${esc(file)}" name="${esc(rule)}"/>`;
      const body = hits
        .map((f) => {
          const at = f.range?.start;
          const where = `${f.source}:${(at?.line ?? 0) + 1}:${(at?.character ?? 0) + 1}`;
          return `${where} ${f.severity} ${f.message} (#${f.path})`;
        })
        .join('\n');
      const first = hits[0];
      const failure =
        `<failure message="${esc(first?.message ?? '')}" type="${esc(first?.severity ?? 'error')}">` +
        `${esc(body)}</failure>`;
      return `    <testcase classname="${esc(file)}" name="${esc(rule)}">\n      ${failure}\n    </testcase>`;
    });
    const failures = rules.filter((rule) => active.some((f) => f.source === file && f.code === rule)).length;
    return (
      `  <testsuite name="${esc(file)}" tests="${rules.length}" failures="${failures}" errors="0">\n` +
      `${cases.join('\n')}\n  </testsuite>`
    );
  });
  const total = files.length * rules.length;
  const failures = files.reduce(
    (n, file) => n + rules.filter((rule) => active.some((f) => f.source === file && f.code === rule)).length,
    0,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="apig lint" tests="${total}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`
  );
};
