/**
 * parse: a file that is not YAML or JSON, or not a Swagger 2.0 / OpenAPI 3.0 document, is a finding at the place the
 * parser stopped (loader rule, src/oas/source.ts and validate.ts), in the group file or in apig.yaml.
 */
import { op, spec } from '../harness.js';
import { testRule } from '../test-rule.js';

testRule('parse', [
  { name: 'a valid document', spec: spec(op()), findings: [] },
  {
    name: 'bad indentation: where the parser stopped',
    spec: 'swagger: "2.0"\ninfo:\n  title: shop\n   version: 1\n',
    // The yaml package words both problems of the line (fewer than 128 KB: every error is worded).
    findings: [
      { message: 'Nested mappings are not allowed in compact mappings', at: 'shop' },
      { message: 'Implicit keys need to be on a single line', at: 'shop' },
    ],
  },
  {
    name: 'a duplicate key',
    spec: 'swagger: "2.0"\ninfo: {title: shop, version: "1"}\npaths: {}\npaths: {}\n',
    findings: [{ message: 'Map keys must be unique', at: 'paths', after: 'paths: {}' }],
  },
  {
    name: 'a YAML file that is not a Swagger document',
    spec: 'name: shop\nversion: 1\n',
    findings: [{ message: 'not a Swagger 2.0 or OpenAPI 3.0 document', at: 'name' }],
  },
  {
    name: 'an OpenAPI version apig does not read is named as not supported',
    spec: 'openapi: 3.2.0\ninfo: {title: shop, version: "1"}\npaths: {}\n',
    findings: [{ message: 'OpenAPI 3.2.0 is not supported', at: 'openapi' }],
  },
  {
    name: 'an empty file',
    spec: '# nothing here\n',
    findings: [{ message: 'the file is empty', at: '#' }],
  },
  {
    name: 'apig.yaml that does not parse',
    spec: spec(op()),
    workspace: 'groups:\n  - name: shop\n   spec: api.yaml\n',
    findings: [{ message: 'Sequence item without - indicator', at: '   spec', file: 'apig.yaml' }],
  },
]);
