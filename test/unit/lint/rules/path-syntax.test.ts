/**
 * path-syntax: request paths use URI characters and at most 512 characters; {param} is a whole segment;
 * {param+} only last and only with exact match; backend paths use the same characters (and #var#). (A path not starting with "/" cannot reach the rule from a
 * file: the Swagger and OpenAPI schemas require the "/" and swagger-schema reports it.)
 */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HTTP, PATH } from '../snippets.js';

const at = (path: string, params = '', extra = ''): string => spec(op({ path, params, extra }));
const WHOLE = 'a parameter must be a whole segment, like /users/{id}';

testRule('path-syntax', [
  { name: 'static segments', spec: at('/users/list'), findings: [] },
  { name: 'the root path', spec: at('/'), findings: [] },
  { name: 'a trailing slash', spec: at('/users/'), findings: [] },
  { name: 'a parameter segment', spec: at('/users/{userId}/projects', PATH('userId')), findings: [] },
  { name: 'the documented special characters * % - _ .', spec: at('/a*b/%20/x-y_z.json'), findings: [] },
  { name: 'other URI characters', spec: at("/a~b/c!d/$e&f/'g'/(h)/i+j/k,l;m=n:o@p"), findings: [] },
  { name: 'Chinese characters', spec: at('/用户/列表'), findings: [] },
  {
    name: 'a partial segment /a{id}',
    spec: at('/a{id}', PATH('id')),
    findings: [{ message: `path segment "a{id}": ${WHOLE}`, at: 'get:' }],
  },
  {
    name: 'a suffix after the parameter',
    spec: at('/users/{id}-x', PATH('id')),
    findings: [{ message: `path segment "{id}-x": ${WHOLE}`, at: 'get:' }],
  },
  {
    name: 'a parameter name starting with a digit',
    spec: at('/users/{1d}', PATH('1d')),
    findings: [{ message: 'path segment "{1d}"', at: 'get:' }],
  },
  {
    name: 'a space',
    spec: at('"/a b"'),
    findings: [{ message: 'request path "/a b" has characters outside the URI set', at: 'get:' }],
  },
  {
    name: 'a quote, a caret and a bar',
    spec: at('"/a\\"b^c|d"'),
    findings: [{ message: 'has characters outside the URI set', at: 'get:' }],
  },
  { name: 'a greedy last segment with exact match', spec: at('/users/{p+}', PATH('p')), findings: [] },
  {
    name: 'a greedy last segment, match mode NORMAL written',
    spec: at('/users/{p+}', PATH('p'), '      x-apigateway-match-mode: NORMAL\n'),
    findings: [],
  },
  {
    name: 'a greedy segment in the middle',
    spec: at('/users/{p+}/x', PATH('p')),
    findings: [{ message: '"{p+}" may only be the last segment of the path', exact: true, at: 'get:' }],
  },
  {
    name: 'a greedy segment with prefix match',
    spec: at('/users/{p+}', PATH('p'), '      x-apigateway-match-mode: SWA\n'),
    findings: [{ message: '"{p+}" is allowed only with exact match (NORMAL), not prefix match', at: 'SWA' }],
  },
  {
    name: 'a greedy segment in the middle with prefix match',
    spec: at('/users/{p+}/x', PATH('p'), '      x-apigateway-match-mode: SWA\n'),
    findings: [
      { message: 'may only be the last segment', at: 'get:' },
      { message: 'is allowed only with exact match', at: 'SWA' },
    ],
  },
  // swagger-parser refuses this on ordinary operations; x-apigateway-any-method is APIG's own and only apig checks it.
  {
    name: 'one parameter twice',
    spec: at('/a/{id}/b/{id}', PATH('id')).replace('    get:', '    x-apigateway-any-method:'),
    findings: [{ message: 'path parameter {id} appears twice', exact: true, at: 'x-apigateway-any-method:' }],
  },
  {
    name: '512 characters with the basePath',
    spec: at(`/${'p'.repeat(508)}`).replace('paths:', 'basePath: /v1\npaths:'),
    findings: [],
  },
  {
    name: '513 characters with the basePath',
    spec: at(`/${'p'.repeat(509)}`).replace('paths:', 'basePath: /v1\npaths:'),
    findings: [{ message: 'request path is 513 characters long; at most 512 are allowed', exact: true, at: 'get:' }],
  },
  {
    name: 'the basePath is part of the request path',
    spec: at('/a').replace('paths:', 'basePath: "/v 1"\npaths:'),
    findings: [{ message: 'request path "/v 1/a"', at: 'get:' }],
  },
  { name: 'a backend path of 512 characters', spec: spec(op({ backend: HTTP(`/${'b'.repeat(511)}`) })), findings: [] },
  {
    name: 'a backend path of 513 characters',
    spec: spec(op({ backend: HTTP(`/${'b'.repeat(512)}`) })),
    findings: [{ message: 'backend path is 513 characters long; at most 512 are allowed', at: '/bbbb' }],
  },
  {
    name: 'a backend path with {param}, the special characters * % - _ . and other URI characters',
    spec: spec(op({ backend: HTTP('"/a*b/%20/x-y_z.json/{p}/c~d!e$f&g\'h\'(i)+j,k;l=m:n@o"') })),
    findings: [],
  },
  { name: 'a backend path with #variables#', spec: spec(op({ backend: HTTP('/#path##request#/x') })), findings: [] },
  {
    name: 'a backend path with a query',
    spec: spec(op({ backend: HTTP('/x?static=1') })),
    findings: [
      {
        message:
          'backend path "/x?static=1" has characters outside the URI path characters: "?" ' +
          '(a query belongs in the backend parameters; API Reference: Creating an API)',
        exact: true,
        at: '/x?static',
      },
    ],
  },
  {
    name: 'a backend path with a space, a # that starts no variable, a quote and a bar',
    spec: spec(op({ backend: HTTP('"/a b#c\\"d|e"') })),
    findings: [{ message: 'has characters outside the URI path characters: " ", "#", "\\"", "|" (API', at: '"/a b' }],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
