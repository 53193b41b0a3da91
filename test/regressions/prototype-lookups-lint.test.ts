/**
 * Regression (issue 12, files): names from the user's files were looked up in plain objects, so they found
 * Object.prototype's members. The `canonical-spelling` rule printed `[object Object]` / `native code` for a
 * key `__proto__` or `constructor` and crashed (exit 3) on a key `toString`; a variable named `constructor`
 * counted as defined in every environment; a quota named `constructor` was accepted; `export --env` of an
 * environment named `constructor` crashed; `export --check` reported a lost `constructor` key as changed;
 * a key written `__proto__` replaced the prototype of the object keeping unknown keys. Lookups are now
 * own-property only (Map, Object.hasOwn), and such keys are kept as data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffValues } from '../../src/oas/diff.js';
import { loadGroupText } from '../../src/oas/load-group.js';
import { runInProcess } from './in-process-cli.js';

const GROUP = `swagger: "2.0"
info: {title: proto_group, version: "1"}
x-apigateway-ratelimits:
  constructor: {api-limit: 100, interval: 1, unit: SECOND}
paths:
  /a:
    get:
      operationId: get_a
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: "#constructor#", scheme: http, method: GET, path: /x, timeout: 5000}
        constructor: y
        toString: "1"
        valueOf: {type: equal}
        __proto__: {timeout: "5"}
`;
const WORKSPACE = `groups:
  - name: proto_group
    spec: g.yaml
environments:
  test_env:
    variables: {other: "1.2.3.4"}
  constructor:
    variables: {other: "1.2.3.4"}
publish:
  test_env: ["*"]
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-proto-'));
  writeFileSync(join(dir, 'g.yaml'), GROUP);
  writeFileSync(join(dir, 'apig.yaml'), WORKSPACE);
  return dir;
}

describe('names that Object.prototype also has', () => {
  it('lint reports what is written, and nothing from Object.prototype', async () => {
    const r = await runInProcess(['lint'], workspace());
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    for (const junk of ['[object Object]', 'native code', 'internal error', 'is a variant of "function'])
      expect(out).not.toContain(junk);
    expect(out).toMatch(/g\.yaml:12:\d+ +error +variable #constructor# is not defined in environment test_env/);
    expect(out).toMatch(/g\.yaml:15:\d+ +info +type "equal" is a variant of "exact" +canonical-spelling/);
    expect(out).toMatch(
      /g\.yaml:16:\d+ +info +timeout is written as the string "5"; write the number 5 +canonical-spelling/,
    );
    expect(out.match(/ canonical-spelling$/gm)).toHaveLength(2);
    expect(out).toMatch(/g\.yaml:4:\d+ +info +throttle policy "constructor" is not used by any API/);
  });

  it('a quota named constructor is unknown', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'quotas.yaml'), 'quotas:\n  constructor: 5\n');
    const r = await runInProcess(['lint', '-c', 'quotas.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/quotas\.yaml:2:\d+ +error +unknown quota "constructor"/);
  });

  it('export --env of an environment named constructor, with nothing published there, exports no API', async () => {
    const r = await runInProcess(['export', '--env', 'constructor'], workspace());
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('paths: {}');
  });

  it('export --check: a key named constructor that is gone is lost, not changed', () => {
    expect(diffValues({ constructor: 1, toString: 2 }, {})).toEqual([
      { path: '/constructor', kind: 'lost', before: 1 },
      { path: '/toString', kind: 'lost', before: 2 },
    ]);
    expect(diffValues({}, { constructor: 1 })).toEqual([{ path: '/constructor', kind: 'added', after: 1 }]);
  });

  it('a key written __proto__ is kept as data, not made the prototype', async () => {
    const { group } = await loadGroupText('g.yaml', GROUP);
    const extra = group?.apis[0]?.backend?.kept?.extra;
    expect(extra && Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(extra && Object.keys(extra)).toEqual(['constructor', 'toString', 'valueOf', '__proto__']);
    expect(extra && Object.hasOwn(extra, 'timeout')).toBe(false);
  });
});
