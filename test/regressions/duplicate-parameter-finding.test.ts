/**
 * Regression (issue 14, Swagger-schema validation without swagger-parser): a parameter declared twice in one list
 * was reported as "SyntaxError: Validation failed. Found multiple query parameters named "a"" (swagger-parser
 * built its error from another error), at line 1 of the file: the message named no operation, so no pointer
 * was found. Right: a plain message at the entry that repeats, naming the first one.
 */
import { expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

it('a repeated parameter is reported at the repeat, in plain words', async () => {
  const text = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters:
        - {name: a, in: query, type: string}
        - {name: a, in: query, type: string, description: again}
      responses: {"200": {description: ok}}
`;
  const r = await loadGroupText('api.yaml', text);
  expect(r.diagnostics.map((d) => [d.code, d.path, (d.range?.start.line ?? -1) + 1, d.message])).toEqual([
    [
      'swagger-schema',
      '/paths/~1a/get/parameters/1',
      8,
      'paths > /a > get > parameters > 1: the query parameter "a" is declared twice in this list (first at paths > /a > get > parameters > 0)',
    ],
  ]);
});
