/**
 * `apig add api --body EXAMPLE`: the request body by example, as the console's request body description
 * (POST, PUT, PATCH, ANY). An OpenAPI 3.0 group file gets a requestBody with the example's schema; a Swagger 2.0
 * one is refused with why (the gateway does not import body parameters); `apig edit --body` changes it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from './run-cli.js';

function oas3Workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-body-'));
  writeFileSync(join(dir, 'apig.yaml'), 'groups:\n  - name: pets\n    spec: pets.yaml\n');
  writeFileSync(
    join(dir, 'pets.yaml'),
    [
      'openapi: 3.0.3',
      'info: { title: pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: listPets',
      '      responses: { "200": { description: ok } }',
      '      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: "[]" } }',
      '',
    ].join('\n'),
  );
  return dir;
}

type Op = { requestBody?: { content: Record<string, { schema: unknown; example: unknown }> } };
const operation = (dir: string, path: string, method: string): Op =>
  (parse(readFileSync(join(dir, 'pets.yaml'), 'utf8')) as { paths: Record<string, Record<string, Op>> }).paths[path]?.[
    method
  ] as Op;

describe('the request body by example', () => {
  it('an OpenAPI 3.0 group file gets requestBody: the schema of the example, and the example', async () => {
    const dir = oas3Workspace();
    const r = await runCli(
      [
        'add',
        'api',
        '--method',
        'POST',
        '--path',
        '/orders',
        '--name',
        'createOrder',
        '--body',
        '{"item":"x","qty":2,"tags":["a"],"gift":false,"price":9.5}',
        '--yes',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(operation(dir, '/orders', 'post').requestBody).toEqual({
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              item: { type: 'string' },
              qty: { type: 'integer' },
              tags: { type: 'array', items: { type: 'string' } },
              gift: { type: 'boolean' },
              price: { type: 'number' },
            },
          },
          example: { item: 'x', qty: 2, tags: ['a'], gift: false, price: 9.5 },
        },
      },
    });
    expect((await runCli(['lint'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['export', '--check'], { cwd: dir })).stdout).toContain('nothing is lost by this export');

    expect((await runCli(['edit', 'api', 'createOrder', '--body', '[1]'], { cwd: dir })).code).toBe(0);
    expect(operation(dir, '/orders', 'post').requestBody?.content['application/json']).toEqual({
      schema: { type: 'array', items: { type: 'integer' } },
      example: [1],
    });
  });

  it('refuses what the console would not offer, and an example that is not JSON', async () => {
    const dir = oas3Workspace();
    const get = await runCli(['add', 'api', '--path', '/x', '--body', '{}', '--yes'], { cwd: dir });
    expect(get.stderr).toBe(
      'apig: --body: it applies to POST, PUT, PATCH and ANY APIs (User Guide §5.2.1), and the method is GET\n',
    );
    const bad = await runCli(['add', 'api', '--method', 'PUT', '--path', '/x', '--body', '{a:1}', '--yes'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^apig: --body: not JSON: /);
  });

  it('a Swagger 2.0 group file: refused, saying why and where a body can go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-body-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const r = await runCli(['add', 'api', '--method', 'POST', '--path', '/x', '--body', '{}', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'apig: --body: demo.yaml is Swagger 2.0, where a request body is a body parameter, which the gateway does ' +
        'not import (User Guide (online), "Restrictions and Compatibility"); an OpenAPI 3.0 group file holds one ' +
        'as requestBody\n',
    );
  });
});
