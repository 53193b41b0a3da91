/**
 * Regression (issue 14, "the Swagger-schema messages for the commonest mistakes say what to do"): a path parameter
 * without `required: true` was reported as "parameters > 0 must not have property 'type'" (and `type: strng` as
 * that plus an enum error): the schema tries every kind of parameter (body, header, query, path, formData, $ref)
 * and each kind reported its own errors. Right: the parameter is checked as the kind its `in` names, and the
 * message says what to do.
 */
import { expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

const doc = (param: string): string => `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a/{id}:
    get:
      parameters: [${param}]
      responses: {"200": {description: ok}}
`;

it('a path parameter without required: true says exactly that', async () => {
  const r = await loadGroupText('api.yaml', doc('{name: id, in: path, type: string}'));
  expect(r.diagnostics.map((d) => [d.path, d.message])).toEqual([
    [
      '/paths/~1a~1{id}/get/parameters/0',
      'paths > /a/{id} > get > parameters > 0: the path parameter "id" needs required: true (a path parameter is always required)',
    ],
  ]);
});

it('type: strng is one finding, at the type', async () => {
  const r = await loadGroupText('api.yaml', doc('{name: id, in: path, type: strng, required: true}'));
  expect(r.diagnostics.map((d) => d.path)).toEqual(['/paths/~1a~1{id}/get/parameters/0/type']);
});
