/** response-key: response keys are status codes or "default"; console exports write default-cors (loader rule). */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const responses = (extra: string): string =>
  spec(op().replace('"200": {description: ok}', `"200": {description: ok}\n${extra}`));

testRule('response-key', [
  { name: 'a status code', spec: spec(op()), findings: [] },
  {
    name: 'default, a status class and an extension',
    spec: responses('        default: {description: d}\n        4XX: {description: e}\n        x-note: kept\n'),
    findings: [],
  },
  {
    name: 'default-cors, as console exports write it',
    spec: responses('        default-cors: {description: cors}\n'),
    findings: [
      {
        message:
          'response key "default-cors" is not a status code or "default" (as in console exports); kept as written',
        exact: true,
        at: '{description: cors}',
        severity: 'info',
      },
    ],
  },
  {
    name: 'a status outside 100–599',
    spec: responses('        "600": {description: x}\n'),
    findings: [{ message: 'response key "600"', at: '{description: x}' }],
  },
  {
    name: 'a two-digit status',
    spec: responses('        "20": {description: x}\n'),
    findings: [{ message: 'response key "20"', at: '{description: x}' }],
  },
  {
    name: 'a key with a slash',
    spec: responses('        ok/cors: {description: x}\n'),
    findings: [{ message: 'response key "ok/cors"', at: '{description: x}' }],
  },
  {
    name: 'two such keys',
    spec: responses('        default-cors: {description: a}\n        ok: {description: b}\n'),
    findings: [
      { message: '"default-cors"', at: '{description: a}' },
      { message: '"ok"', at: '{description: b}' },
    ],
  },
  {
    name: 'an OpenAPI 3.0 console export',
    spec: fixture('oas3/otc-export.yaml'),
    findings: [{ message: '"default-cors"', at: "$ref: '#/components/responses/default-cors'" }],
  },
]);
