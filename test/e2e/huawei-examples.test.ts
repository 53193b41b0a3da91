/**
 * Huawei's own Swagger examples (fixtures/huawei-docs/, one file each, a header naming the document and page):
 * each is linted, imported into a new workspace and checked with `apig export --check`. A documented-valid
 * example must lint without errors, import, and round-trip; a documented-invalid one (placeholders, pseudo-YAML,
 * a stray character, an X-Auth-Token header parameter that the FAQ says fails the import) must give exactly
 * its findings. A few are served too.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { type InProcess, raw, startGateway, statusOf } from './serve-helpers.js';

const DIR = join(ROOT, 'fixtures/huawei-docs');
const file = (name: string): string => join(DIR, name);

/** code:severity of every finding, in order; an unreadable file is its `parse` findings. */
async function findings(path: string): Promise<{ code: number; found: string[] }> {
  const r = await runCli(['lint', path, '--format', 'json']);
  const { results } = JSON.parse(r.stdout) as { results: { code: string; severity: string }[] };
  return { code: r.code, found: results.map((f) => `${f.code}:${f.severity}`) };
}

/** X-Auth-Token declared as a header parameter: the FAQ (2024) §7.1 names it as a cause of failed imports. */
const X_AUTH_TOKEN = 'reserved-name:error';

/** Documented-invalid examples and what apig finds; every other file is expected to lint with no error. */
const EXPECTED: Record<string, { code: number; found: string[]; imports: boolean }> = {
  // Placeholder backend type ("backend endpoint type") and a path template without its path parameter.
  'invalid/backend.yaml': { code: 1, found: ['swagger-schema:error', 'extension-schema:error'], imports: false },
  // Pseudo-YAML in the documentation: `"equal/enum/pattern",` (a comma after a quoted scalar).
  'invalid/backend-policies.yaml': {
    code: 1,
    found: ['parse:error', 'parse:error', 'parse:error'],
    imports: false,
  },
  // Placeholder unit `second/minute/hour`.
  'invalid/ratelimits.yaml': { code: 1, found: ['extension-schema:error'], imports: false },
  // The stray backtick after `required: true` makes `required` a string.
  'invalid/orchestrations.yaml': { code: 1, found: [], imports: false },
  'backend-parameters.yaml': { code: 1, found: [X_AUTH_TOKEN], imports: true },
  'backend.httpEndpoints.yaml': { code: 1, found: [X_AUTH_TOKEN], imports: true },
  'backend.httpVpcEndpoints.yaml': { code: 1, found: [X_AUTH_TOKEN], imports: true },
  'backend.httpVpcMemberGroupEndpoints.yaml': { code: 1, found: [X_AUTH_TOKEN], imports: true },
  'backend.mockEndpoints.yaml': { code: 1, found: [X_AUTH_TOKEN], imports: true },
  // Also: an empty function URN (a warning) and `synchronous` for `sync` (a documented variant).
  'backend.functionEndpoints.yaml': {
    code: 1,
    found: [X_AUTH_TOKEN, 'function-backend:warn', 'canonical-spelling:info'],
    imports: true,
  },
};

/** The examples; those Huawei's documentation prints broken are in invalid/ (kept out of the generic fixture tests). */
const FILES = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.yaml')),
  ...readdirSync(join(DIR, 'invalid')).map((f) => `invalid/${f}`),
].sort();

describe("Huawei's own examples", () => {
  it('every example is listed here or expected clean', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FILES)('%s: lint, import, export --check', async (name) => {
    const lint = await findings(file(name));
    const expected = EXPECTED[name];
    if (expected === undefined) {
      expect(lint.found.filter((f) => f.endsWith(':error'))).toEqual([]);
      expect(lint.code).toBe(0);
    } else if (name === 'invalid/orchestrations.yaml') {
      expect(lint.code).toBe(1);
      expect(lint.found).toContain('swagger-schema:error');
    } else expect(lint).toEqual({ code: expected.code, found: expected.found });

    const dir = mkdtempSync(join(tmpdir(), 'apig-huawei-'));
    const imported = await runCli(['import', file(name)], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(expected?.imports === false ? 2 : 0);
    if (imported.code !== 0) return;
    const check = await runCli(['export', '--check'], { cwd: dir });
    expect({ code: check.code, stdout: check.stdout, stderr: check.stderr }).toMatchObject({ code: 0, stderr: '' });
    const relint = await findings(join(dir, 'apig.yaml'));
    expect(relint.found.filter((f) => f.endsWith(':error'))).toEqual(
      (expected?.found ?? []).filter((f) => f.endsWith(':error')),
    );
  });
});

describe("Huawei's own examples, served", () => {
  let gw: InProcess;
  let anyMethod: InProcess;
  beforeAll(async () => {
    gw = await startGateway(file('otc-four-backends.yaml'));
    anyMethod = await startGateway(file('any-method.yaml'));
  });
  afterAll(async () => {
    await gw?.close();
    await anyMethod?.close();
  });

  it('the Mock API of the import example answers its documented body, with no authentication', async () => {
    const res = await raw(gw.port, 'GET /mock HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(statusOf(res)).toBe(200);
    expect(res).toContain('{"message": "mocked"}');
  });

  it('the IAM API of the import example refuses a call without credentials', async () => {
    const res = await raw(gw.port, 'GET /http/alice HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(statusOf(res)).toBe(401);
  });

  it('x-apigateway-any-method: GET goes to the GET API, other methods to the ANY one', async () => {
    const get = await raw(anyMethod.port, 'GET /path HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(get.endsWith('get')).toBe(true);
    const del = await raw(anyMethod.port, 'DELETE /path HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(del.endsWith('any')).toBe(true);
  });
});
