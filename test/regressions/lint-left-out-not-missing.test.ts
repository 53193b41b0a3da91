/**
 * Lint builds the model from what is valid and leaves out the parts that hold schema errors (reported where they
 * stand). The APIG rules then took what was left out for what was missing: an operation naming an invalid
 * throttling policy got "not defined in x-apigateway-ratelimits", one naming an invalid security scheme got
 * "security scheme ... is not defined" and, its authentication unknown, "Authorization may not be a HEADER
 * parameter"; a policy used only by a left-out operation was "not used by any API"; a CORS API whose OPTIONS
 * operation was left out "needs a preflight"; an invalid `api-limit: lots` was "written as the string "lots";
 * write the number lots". Right: no finding follows from what was left out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../src/lint/run.js';
import { DEFAULT_QUOTAS } from '../../src/lint/quotas.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const MOCK = '      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n';
const OK = '      responses: {"200": {description: ok}}\n';
const SLIP = '      parameters:\n        - {name: q, in: query, type: strng}\n';
const API =
  'swagger: "2.0"\ninfo: {title: lint_test, version: "1"}\npaths:\n' +
  `  /b:\n    get:\n      operationId: getB\n${OK}      x-apigateway-ratelimit: rl_bad\n${MOCK}` +
  `  /c:\n    get:\n      operationId: getC\n${SLIP}${OK}      x-apigateway-ratelimit: rl_one\n${MOCK}` +
  '  /d:\n    put:\n      operationId: putD\n      security: [{apig-auth-app: []}]\n' +
  `      parameters:\n        - {name: Authorization, in: header, type: string}\n${OK}      x-apigateway-cors: true\n${MOCK}` +
  `    options:\n      operationId: optionsD\n${SLIP}${OK}      x-apigateway-cors: true\n${MOCK}` +
  'securityDefinitions:\n  apig-auth-app:\n    type: apiKey\n    name: Authorization\n    in: header\n' +
  '    x-apigateway-auth-type: AppSig\n' +
  'x-apigateway-ratelimits:\n' +
  '  rl_bad: {api-limit: lots, interval: 1, unit: SECOND}\n' +
  '  rl_one: {api-limit: 10, interval: 1, unit: SECOND}\n';

describe('what lint left out of the model is not missing', () => {
  it('the errors are reported, and no rule reports what follows from leaving their parts out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-left-out-'));
    writeFileSync(join(dir, 'api.yaml'), API);
    const loaded = await loadWorkspace('api.yaml', { cwd: dir, env: {}, partial: true });
    const group = loaded.workspace?.groups[0];
    expect(group?.model.apis.map((a) => a.name)).toEqual(['getB', 'putD']);
    const findings = lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS });
    const codes = findings.map((f) => `${f.code} ${f.path}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'swagger-schema /paths/~1c/get/parameters/0/type',
        'swagger-schema /paths/~1d/options/parameters/0/type',
        'extension-schema /securityDefinitions/apig-auth-app/x-apigateway-auth-type',
        'extension-schema /x-apigateway-ratelimits/rl_bad/api-limit',
      ]),
    );
    expect(findings.filter((f) => f.code !== 'swagger-schema' && f.code !== 'extension-schema')).toEqual([]);
  });
});
