/**
 * Regression (issue 14): a property the Swagger schema does not allow ("must not have property 'bogus'") was
 * pointed at the object holding it, so file:line:col showed the start of the operation or parameter, not the key
 * to remove, and a partial load had no exact place. Right: the pointer ends in the property.
 */
import { expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

it('an unknown property is pointed at', async () => {
  const text = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      summry: a typo
`;
  const r = await loadGroupText('api.yaml', text);
  expect(r.diagnostics.map((d) => [d.path, (d.range?.start.line ?? -1) + 1])).toEqual([['/paths/~1a/get/summry', 8]]);
  expect(r.diagnostics[0]?.message).toContain('has an unknown property "summry" (did you mean "summary"?)');
});
