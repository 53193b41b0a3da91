/**
 * Regression: an OpenAPI 3.0 `trace` operation was dropped silently. Lint said nothing, though the gateway has no
 * TRACE method (User Guide §5.2.1: GET, POST, DELETE, PUT, PATCH, HEAD, OPTIONS, ANY), and `apig export` left out
 * a path whose only operation was `trace` (export --check: "lost"). Right: lint's `api-method` rule reports it as
 * an error; export keeps it exactly as written; `--oas 2` (Swagger 2.0 has no trace) leaves it out and says so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from './in-process-cli.js';

const OAS3 = `openapi: 3.0.1
info: { title: trace_ops, version: "1" }
servers: [{ url: https://api.example.com }]
paths:
  /echo:
    trace:
      operationId: traceEcho
      description: as written
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: echo } }
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
    trace:
      responses: { "200": { description: ok } }
`;

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'apig-trace-'));
  writeFileSync(join(d, 'openapi.yaml'), OAS3);
  return d;
}

describe('OpenAPI 3.0 trace operations', () => {
  it('are a lint error, one per operation', async () => {
    const r = await runInProcess(['lint', 'openapi.yaml', '-f', 'json'], dir());
    const results = (JSON.parse(r.stdout) as { results: Array<{ code: string; severity: string }> }).results;
    expect(results.map((f) => [f.code, f.severity])).toEqual([
      ['api-method', 'error'],
      ['api-method', 'error'],
    ]);
    expect(r.code).toBe(1);
  });

  it('are kept by export exactly as written', async () => {
    const d = dir();
    const check = await runInProcess(['export', 'openapi.yaml', '--check'], d);
    expect(check.stdout).toContain('nothing is lost by this export');
    expect(check.code).toBe(0);
    const r = await runInProcess(['export', 'openapi.yaml'], d);
    const doc = parse(r.stdout) as { paths: Record<string, Record<string, unknown>> };
    const source = parse(OAS3) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/echo']).toEqual(source.paths['/echo']);
    expect(doc.paths['/a']?.trace).toEqual(source.paths['/a']?.trace);
  });

  it('are left out of a Swagger 2.0 export, with a warning', async () => {
    const r = await runInProcess(['export', 'openapi.yaml', '--oas', '2'], dir());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Swagger 2.0 has no trace operation: the trace operation of 2 path(s) is not exported');
    expect(r.stdout).not.toContain('trace:');
    expect(r.stdout).not.toContain('/echo');
  });
});
