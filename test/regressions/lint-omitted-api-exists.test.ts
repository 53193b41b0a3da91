/**
 * workspace-references: when lint builds the model from what is valid, an operation with a schema error is left
 * out of it; apig.yaml naming that API under `publish:` (or `authorize:`, `bindings`) then said `no API is named
 * "getA"`, a second, false finding about a problem already reported where it is. Right: an API the group file
 * defines exists, whether or not its operation made it into the model (LoadedGroup.omittedApis).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../src/lint/run.js';
import { DEFAULT_QUOTAS } from '../../src/lint/quotas.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { op, spec } from '../unit/lint/harness.js';

const API = spec(
  op({ id: 'getA', params: '        - {name: q, in: query, type: strng}\n' }) + op({ path: '/b', id: 'getB' }),
);

describe('an API left out of the model for its error still exists for apig.yaml', () => {
  it('publish, authorize and bindings naming it are no finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-omitted-'));
    writeFileSync(join(dir, 'api.yaml'), API);
    writeFileSync(
      join(dir, 'apig.yaml'),
      'groups:\n  - {name: lint_test, spec: api.yaml}\nenvironments:\n  test: {}\npublish:\n  RELEASE: [getA, getB]\n' +
        'apps:\n  - {name: app_one, key: k1, secret: s1, authorize: {test: [getA]}}\n' +
        'bindings:\n  test:\n    getA: {throttle: null}\n',
    );
    const loaded = await loadWorkspace('apig.yaml', { cwd: dir, env: {}, partial: true });
    expect(loaded.workspace?.groups[0]?.omittedApis).toEqual(['getA']);
    const findings = lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS });
    expect(findings.some((f) => f.code === 'swagger-schema')).toBe(true);
    expect(findings.filter((f) => f.code === 'workspace-references').map((f) => f.message)).toEqual([]);
  });
});
