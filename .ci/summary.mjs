// Prints the plain summary line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const [file, rcText] = process.argv.slice(2);
const rc = Number(rcText ?? '0');
if (!file || !existsSync(file)) {
  console.log(`0 passed, ${rc === 0 ? 0 : 1} failed`);
} else {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // Failed tests, plus files that failed without a failed test (e.g. an import error). vitest's
  // numFailedTestSuites also counts describe blocks, so it cannot be used for the second term.
  const failed = r.numFailedTests + countFilesFailedOutsideTests(r);
  console.log(`${r.numPassedTests} passed, ${Math.max(failed, rc === 0 ? 0 : 1)} failed`);
}

function countFilesFailedOutsideTests(r) {
  return (r.testResults ?? []).filter(
    (s) => s.status === 'failed' && !s.assertionResults?.some((a) => a.status === 'failed'),
  ).length;
}
