/**
 * Regression (issue 14, Swagger-schema validation without swagger-parser): a duplicate operationId was reported as
 * "Duplicate operation id 'same'" at line 1 of the file (the message named no operation, so no pointer was found),
 * and `apig lint` could not say which operation to rename. Right: at the second operationId, naming the first.
 */
import { expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

it('a duplicate operationId is reported at the second one', async () => {
  const text = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: same
      responses: {"200": {description: ok}}
  /b:
    get:
      operationId: same
      responses: {"200": {description: ok}}
`;
  const r = await loadGroupText('api.yaml', text);
  expect(r.diagnostics.map((d) => [d.path, (d.range?.start.line ?? -1) + 1, d.message])).toEqual([
    [
      '/paths/~1b/get/operationId',
      10,
      'paths > /b > get > operationId "same" is already the operationId of GET /a: each operation needs its own',
    ],
  ]);
});
