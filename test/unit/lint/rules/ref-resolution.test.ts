/**
 * ref-resolution: $refs resolve inside the document or the workspace folder, without cycles or URLs (loader
 * rule). A document nested deeper than 200 levels is refused before it is parsed (a parse error, not a finding).
 */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const REF = (ref: string): string => `        - $ref: "${ref}"\n`;
/** A root field nested `levels` deep: `x-deep: {k2: {k3: ... 1}}`, the value of kN standing at depth N. */
const deep = (levels: number): string => {
  let text = '1';
  for (let n = levels; n >= 2; n--) text = `{k${n}: ${text}}`;
  return `x-deep: ${text}\n`;
};

testRule('ref-resolution', [
  {
    name: 'a local $ref',
    spec: spec(op({ params: REF('#/parameters/q') }), 'parameters:\n  q: {name: q, in: query, type: string}\n'),
    findings: [],
  },
  {
    name: 'a $ref that does not resolve',
    spec: spec(op({ params: REF('#/parameters/nope') })),
    findings: [
      {
        message: '$ref "#/parameters/nope" does not resolve to anything in this document',
        exact: true,
        at: '"#/parameters/nope"',
      },
    ],
  },
  {
    name: 'a chain of $refs ending in nothing names its last link',
    spec: spec(op({ params: REF('#/parameters/a') }), 'parameters:\n  a: {$ref: "#/parameters/b"}\n'),
    findings: [
      { message: '$ref "#/parameters/b" does not resolve', at: '"#/parameters/a"' },
      { message: '$ref "#/parameters/b" does not resolve', at: '"#/parameters/b"' },
    ],
  },
  {
    name: 'a chain of $refs that resolves',
    spec: spec(
      op({ params: REF('#/parameters/a') }),
      'parameters:\n  a: {$ref: "#/parameters/q"}\n  q: {name: q, in: query, type: string}\n',
    ),
    findings: [],
  },
  {
    name: 'a $ref cycle',
    spec: spec(
      op({ params: REF('#/parameters/a') }),
      'parameters:\n  a: {$ref: "#/parameters/b"}\n  b: {$ref: "#/parameters/a"}\n',
    ),
    findings: [
      {
        message: '$ref cycle: #/parameters/a -> #/parameters/b -> #/parameters/a',
        exact: true,
        at: '"#/parameters/a"',
      },
      {
        message: '$ref cycle: #/parameters/b -> #/parameters/a -> #/parameters/b',
        exact: true,
        at: '"#/parameters/b"',
      },
      {
        message: '$ref cycle: #/parameters/a -> #/parameters/b -> #/parameters/a',
        exact: true,
        at: '"#/parameters/a"',
        after: 'b: ',
      },
    ],
  },
  {
    name: 'a recursive schema is not a $ref cycle',
    spec: spec(
      op(),
      'definitions:\n  User:\n    type: object\n    properties:\n      friend: {$ref: "#/definitions/User"}\n',
    ),
    findings: [],
  },
  {
    name: 'a URL',
    spec: spec(op({ params: REF('https://example.com/p.yaml#/q') })),
    findings: [
      {
        message:
          '$ref "https://example.com/p.yaml#/q" points to a URL; apig works offline and does not fetch it (--allow-remote-refs fetches it)',
        exact: true,
        at: '"https://',
      },
    ],
  },
  {
    name: 'another file inside the workspace folder is bundled in',
    spec: spec(op({ params: REF('params.yaml#/q') })),
    files: { 'params.yaml': 'q: {name: q, in: query, type: string}\n' },
    findings: [],
  },
  {
    name: 'a file in a subfolder',
    spec: spec(op({ params: REF('./common/params.yaml#/q') })),
    files: { 'common/params.yaml': 'q: {name: q, in: query, type: string}\n' },
    findings: [],
  },
  {
    name: 'a file outside the workspace folder',
    spec: spec(op({ params: REF('../outside.yaml#/q') })),
    findings: [
      { message: '$ref "../outside.yaml#/q" reads a file outside the workspace folder', at: '"../outside.yaml#/q"' },
    ],
  },
  {
    name: 'a file that does not exist',
    spec: spec(op({ params: REF('missing.yaml#/q') })),
    findings: [{ message: '$ref "missing.yaml#/q": cannot read', at: '"missing.yaml#/q"' }],
  },
  { name: 'a document nested 200 levels deep', spec: spec(op(), deep(200)), findings: [] },
  { name: 'the documented examples', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
