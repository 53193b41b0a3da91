/**
 * Regression (issue 15): `apig edit` did not ask the backend questions of an API whose backend they cannot say
 * (HTTP-VPC-MEMBER-GROUP), and dropped their flags without a word: `--backend-timeout 9000` answered "nothing to
 * change". And for an HTTP backend with several addresses, `--backend-address` replaced them all with one. Now
 * such flags are refused (exit 2), saying why and where to make the change; the other questions stay editable.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

const SEVERAL = `swagger: "2.0"
info: { title: shop, version: "1.0" }
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: { address: ["10.0.0.1:80", "10.0.0.2:80"], scheme: http, method: GET, path: /a, timeout: 5000 }
`;

describe('apig edit and what its questions cannot say', () => {
  it('an HTTP-VPC-MEMBER-GROUP backend: backend flags refused, the description editable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-edit-beyond-'));
    cpSync(join(ROOT, 'fixtures/huawei-docs/backend.httpVpcMemberGroupEndpoints.yaml'), join(dir, 'g.yaml'));
    const r = await runCli(['edit', 'api', 'docs_api', '-w', 'g.yaml', '--backend-timeout', '9000', '--yes'], {
      cwd: dir,
    });
    expect(r).toMatchObject({
      code: 2,
      stderr:
        'apig: --backend-timeout: API docs_api in group APIGroup_docs has an HTTP-VPC-MEMBER-GROUP backend, ' +
        'which the questions do not cover; change its x-apigateway-backend in g.yaml\n',
    });
    const ok = await runCli(['edit', 'api', 'docs_api', '-w', 'g.yaml', '--description', 'members', '--yes'], {
      cwd: dir,
    });
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'g.yaml'), 'utf8')).toContain('description: members');
  });

  it('several HTTP addresses: --backend-address refused, the timeout editable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-edit-beyond-'));
    writeFileSync(join(dir, 'g.yaml'), SEVERAL);
    const r = await runCli(['edit', 'api', 'getA', '-w', 'g.yaml', '--backend-address', '10.0.0.9:80', '--yes'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'apig: --backend-address: API getA in group shop has 2 backend addresses (10.0.0.1:80, 10.0.0.2:80), ' +
        'which one answer cannot say; change its x-apigateway-backend in g.yaml\n',
    );
    expect(readFileSync(join(dir, 'g.yaml'), 'utf8')).toBe(SEVERAL);
    expect(
      (await runCli(['edit', 'api', 'getA', '-w', 'g.yaml', '--backend-timeout', '8000', '--yes'], { cwd: dir })).code,
    ).toBe(0);
    expect(readFileSync(join(dir, 'g.yaml'), 'utf8')).toBe(SEVERAL.replace('timeout: 5000', 'timeout: 8000'));
  });
});
