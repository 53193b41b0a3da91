/**
 * Regression (issue 15): a flow map that gained or lost an entry was written anew by the `yaml` package's
 * stringifier: `httpEndpoints: { address: "#echo#", path: "/backend/" }` given a timeout became
 * `{address: "#echo#", path: /backend/, timeout: 8000}` inside an outer map padded `{ ... }`, its quotes gone and
 * its padding changed; and a flow list of flow maps was rewritten whole, in the key order of the new value
 * (`conditions: [{ origin: param, type: exact, value: z, parameter: kind }]` after a change of type and value). Now
 * the new entry is appended and the others keep their bytes and places, at every depth and in lists too.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reconcileText } from '../../src/workspace/authoring/reconcile.js';

const TEXT = `x-apigateway-backend: { type: HTTP, httpEndpoints: { address: "#echo#", method: ANY, path: "/backend/" } }
vars: {a: 1,b: "two"}
`;

describe('a one-line flow map', () => {
  it('gains an entry at its end, nested too; the other entries keep their bytes', () => {
    const next = parse(TEXT) as { 'x-apigateway-backend': { httpEndpoints: Record<string, unknown> } };
    next['x-apigateway-backend'].httpEndpoints.timeout = 8000;
    expect(reconcileText(TEXT, 'yaml', next)).toBe(
      TEXT.replace('path: "/backend/" }', 'path: "/backend/", timeout: 8000 }'),
    );
  });

  it('loses an entry with its separator, the spacing of the rest kept', () => {
    const next = parse(TEXT) as { vars: Record<string, unknown> };
    delete next.vars.a;
    expect(reconcileText(TEXT, 'yaml', next)).toBe(TEXT.replace('{a: 1,b: "two"}', '{b: "two"}'));
    const both = parse(TEXT) as { vars: Record<string, unknown> };
    both.vars = { a: 1, c: [1, 'x, y'] };
    expect(reconcileText(TEXT, 'yaml', both)).toBe(TEXT.replace('{a: 1,b: "two"}', '{a: 1, c: [1, "x, y"]}'));
  });

  it('in a flow list, an item changes in place: its keys keep their order and quotes', () => {
    const text =
      'conditions: [{ origin: param, parameter: kind, type: enum, value: "a,b" }, { origin: source, value: "10.0.0.0/8" }]\n';
    const next = {
      conditions: [
        { origin: 'param', type: 'exact', value: 'z', parameter: 'kind' },
        { origin: 'source', value: '10.0.0.0/8' },
      ],
    };
    expect(reconcileText(text, 'yaml', next)).toBe(text.replace('type: enum, value: "a,b"', 'type: exact, value: "z"'));
  });
});
