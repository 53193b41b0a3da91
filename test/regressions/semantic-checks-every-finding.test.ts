/**
 * Regression (issue 14, "everything in one run"): swagger-parser stopped at the first semantic error (a path
 * parameter missing, a duplicate operationId...), and never ran when the document had a schema error, so a file
 * with several showed one per run. Right: every semantic finding of the file in one run, beside the schema's.
 */
import { expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

it('every semantic finding, with the schema finding', async () => {
  const text = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a/{id}:
    get:
      operationId: same
      summry: a schema slip
      responses: {"200": {description: ok}}
  /b:
    get:
      operationId: same
      parameters: [{name: id, in: path, type: string, required: true}]
      responses: {"200": {description: ok}}
`;
  const r = await loadGroupText('api.yaml', text);
  expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
    ['swagger-schema', '/paths/~1a~1{id}/get'],
    ['swagger-schema', '/paths/~1a~1{id}/get/summry'],
    ['swagger-schema', '/paths/~1b/get/operationId'],
    ['swagger-schema', '/paths/~1b/get/parameters/0'],
  ]);
});
