/**
 * Regression (issue 15): a block list whose items both changed and grew (or shrank) was written anew:
 * `apig edit api getA --param page:query:number --param sort --param size` changed page's type and added size,
 * and the comments in the parameter list (`# paging`, `- name: page # the page`) were lost. Now items are paired
 * with the target's (parameters by location and name): paired ones change in place, the others go or are appended.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reconcileText } from '../../src/workspace/authoring/reconcile.js';
import { runCli } from '../e2e/run-cli.js';

const SPEC = `swagger: "2.0"
info: { title: shop, version: "1.0" }
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      parameters:
        # paging
        - name: page # the page
          in: query
          type: string
        - name: sort # by name or date
          in: query
          type: string
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
`;

describe('a list whose items change and grow or shrink', () => {
  it('apig edit --param: the comments of the items that stay stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-list-comments-'));
    writeFileSync(join(dir, 'shop.yaml'), SPEC);
    const r = await runCli(
      [
        'edit',
        'api',
        'getA',
        '-w',
        'shop.yaml',
        '--param',
        'page:query:number',
        '--param',
        'sort',
        '--param',
        'size',
        '--yes',
      ],
      { cwd: dir },
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    expect(text).toContain(
      '      parameters:\n        # paging\n        - name: page # the page\n          in: query\n          type: number\n',
    );
    expect(text).toContain('        - name: sort # by name or date\n');
    expect(text).toContain('        - name: size\n');
  });

  it('one item changed and one removed, by name', () => {
    const next = parse(SPEC) as { paths: { '/a': { get: { parameters: Array<Record<string, unknown>> } } } };
    const params = next.paths['/a'].get.parameters;
    next.paths['/a'].get.parameters = [{ ...params[1], type: 'number' }];
    expect(reconcileText(SPEC, 'yaml', next)).toBe(
      SPEC.replace('        - name: page # the page\n          in: query\n          type: string\n', '').replace(
        '        - name: sort # by name or date\n          in: query\n          type: string\n',
        '        - name: sort # by name or date\n          in: query\n          type: number\n',
      ),
    );
  });
});
