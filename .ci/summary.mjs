// Prints the plain summary line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const [file, rcText] = process.argv.slice(2);
const rc = Number(rcText ?? '0');
if (!file || !existsSync(file)) {
  console.log(`0 passed, ${rc === 0 ? 0 : 1} failed`);
} else {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const failed = r.numFailedTests + (r.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(r);
  console.log(`${r.numPassedTests} passed, ${Math.max(failed, rc === 0 ? 0 : 1)} failed`);
}

function countSuitesWithFailedTests(r) {
  // A suite that failed only because some of its tests failed is already counted through those tests.
  return (r.testResults ?? []).filter((s) => s.status === 'failed' && s.assertionResults?.some((a) => a.status === 'failed')).length;
}
