/**
 * Regression (issue 14): the Swagger schema's "must be one of" messages ended in "(got undefined)": the value was
 * read from ajv's error, which the precompiled schema does not carry. Right: the value as the user wrote it, and a
 * likely meaning when there is one.
 */
import { expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

it('in: cookie and schemes: [htps] name the value given', async () => {
  const text = `swagger: "2.0"
info: {title: t, version: "1"}
schemes: [htps]
paths:
  /a:
    get:
      parameters: [{name: c, in: cookie, type: string}]
      responses: {"200": {description: ok}}
`;
  const r = await loadGroupText('api.yaml', text);
  expect(r.diagnostics.map((d) => d.message)).toEqual([
    'schemes > 0 must be one of "http", "https", "ws", "wss" (got "htps"; did you mean "https"?)',
    'paths > /a > get > parameters > 0 > in must be one of "query", "header", "path", "formData", "body" (got "cookie")',
  ]);
});
