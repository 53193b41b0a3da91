import { describe, expect, it } from 'vitest';
import { loadGroupFile } from '../../../src/oas/load-group.js';
import { resultSamples, effectiveMatchMode } from '../../../src/core/defaults.js';

describe('import into the model', () => {
  it('reads the four documented import examples', async () => {
    const { group, diagnostics } = await loadGroupFile(
      new URL('../../../fixtures/examples/otc-four-backends.yaml', import.meta.url).pathname,
    );
    expect(diagnostics).toEqual([]);
    expect(group?.apis.map((a) => [a.name, a.method, a.path, a.backend?.type])).toEqual([
      ['getUser3', 'GET', '/http/{userId}', 'HTTP'],
      ['userOperation', 'ANY', '/http-vpc', 'HTTP-VPC'],
      ['invokeFunction', 'GET', '/function/{name}', 'FUNCTION'],
      ['mock', 'GET', '/mock', 'MOCK'],
    ]);
    expect(group?.securitySchemes.map((s) => [s.name, s.authType])).toEqual([
      ['apig-auth-app', 'AppSigv1'],
      ['apig-auth-iam', 'IAM'],
    ]);
  });

  it('resolves $ref parameters, inherits path-item parameters and finds V1 result samples', async () => {
    const { group } = await loadGroupFile(
      new URL('../../../fixtures/variants/real-exports.yaml', import.meta.url).pathname,
    );
    const getUser = group?.apis.find((a) => a.name === 'getUser');
    expect(getUser?.params.map((p) => [p.name, p.location, p.inherited ?? false, p.ref ?? ''])).toEqual([
      ['userId', 'PATH', true, ''],
      ['X-Trace-Id', 'HEADER', false, '#/parameters/traceId'],
      ['lang', 'QUERY', false, ''],
    ]);
    expect(getUser && resultSamples(getUser)).toEqual({ normal: '{"id":"u1"}', failure: '{"error":"x"}' });
    expect(getUser && effectiveMatchMode(getUser)).toBe('NORMAL');
  });

  it('gives an operation without operationId a stable generated name', async () => {
    const { group } = await loadGroupFile(
      new URL('../../../fixtures/examples/full-featured.yaml', import.meta.url).pathname,
    );
    const api = group?.apis.find((a) => a.path === '/');
    expect(api?.name).toBe('paramExtensions');
  });
});
