/**
 * --default-backend from-file (src/workspace/file-backend-url.ts, default-backend.ts): the backend URL a file names
 * (OpenAPI servers[0] with its variables' defaults, Swagger schemes[0]://host/basePath), and the refusals, which
 * name the file and the place.
 */
import { describe, expect, it } from 'vitest';
import { ApigError } from '../../../src/core/errors.js';
import { parseSource } from '../../../src/oas/source.js';
import { backendFromFile, offeredFromFile } from '../../../src/workspace/default-backend.js';
import { fileBackendUrl } from '../../../src/workspace/file-backend-url.js';

const oas3 = (servers: unknown): unknown => ({ openapi: '3.0.1', info: { title: 't', version: '1' }, servers });
const swagger = (root: Record<string, unknown>): unknown => ({
  swagger: '2.0',
  info: { title: 't', version: '1' },
  ...root,
});

describe('fileBackendUrl', () => {
  it.each([
    [
      'OpenAPI: the first server',
      oas3([{ url: 'https://a.example.com/v1' }, { url: 'http://b' }]),
      'https://a.example.com/v1',
    ],
    [
      'OpenAPI: variables replaced by their defaults',
      oas3([
        {
          url: '{scheme}://{region}.example.com:{port}/{base}',
          variables: {
            scheme: { default: 'http', enum: ['http', 'https'] },
            region: { default: 'eu' },
            port: { default: '8443' },
            base: { default: 'v2' },
          },
        },
      ]),
      'http://eu.example.com:8443/v2',
    ],
    ['OpenAPI: a folded URL, as the console writes it', oas3([{ url: 'http://abc.com\n' }]), 'http://abc.com'],
    [
      'Swagger: schemes[0]://host/basePath',
      swagger({ host: 'h:81', basePath: '/b', schemes: ['http', 'https'] }),
      'http://h:81/b',
    ],
    ['Swagger: https without schemes', swagger({ host: 'api.account.com' }), 'https://api.account.com'],
    ['Swagger: upper-case scheme, as exports write it', swagger({ host: 'h', schemes: ['HTTPS'] }), 'https://h'],
  ])('%s', (_what, doc, url) => {
    expect(fileBackendUrl(doc)).toMatchObject({ url });
  });

  it.each([
    ['a relative server URL', oas3([{ url: '/v1' }]), /"\/v1" is relative/],
    [
      'a variable without a default',
      oas3([{ url: 'https://{region}.example.com', variables: { region: {} } }]),
      /uses \{region\}, which has no default/,
    ],
    [
      'an undeclared variable',
      oas3([{ url: 'https://{a}.{b}.com', variables: { a: { default: 'x' } } }]),
      /uses \{b\},/,
    ],
  ])('refuses %s, at servers[0].url', (_what, doc, message) => {
    const found = fileBackendUrl(doc);
    expect(found).toMatchObject({ at: '/servers/0/url' });
    expect('problem' in found ? found.problem : '').toMatch(message);
  });

  it.each([
    ['OpenAPI without servers', oas3(undefined), 'has no servers'],
    ['OpenAPI with servers: []', oas3([]), 'has no servers'],
    ['Swagger without host', swagger({ basePath: '/v1' }), 'has no host'],
  ])('%s names no URL', (_what, doc, none) => {
    expect(fileBackendUrl(doc)).toEqual({ none });
  });
});

describe('backendFromFile', () => {
  const doc = (text: string) => {
    const parsed = parseSource('api.yaml', text).doc;
    if (!parsed) throw new Error('no document');
    return parsed;
  };
  const refusal = (text: string): string => {
    try {
      backendFromFile(doc(text));
    } catch (e) {
      expect(e).toBeInstanceOf(ApigError);
      return (e as ApigError).message;
    }
    throw new Error('not refused');
  };

  it('an HTTP backend at the URL', () => {
    expect(backendFromFile(doc('openapi: 3.0.1\nservers:\n  - url: http://127.0.0.1:9000/v1/\n'))).toEqual({
      kind: 'http',
      scheme: 'http',
      address: '127.0.0.1:9000',
      basePath: '/v1',
    });
  });

  it('refusals name the file and the line and column', () => {
    expect(refusal('openapi: 3.0.1\nservers:\n  - url: /v1\n')).toBe(
      '--default-backend from-file: api.yaml:3:10: servers[0].url "/v1" is relative (to wherever the file is ' +
        'served from), so it names no backend; give the backend as --default-backend URL (or mock) instead',
    );
    expect(refusal('openapi: 3.0.1\nservers:\n  - url: ftp://files.example.com\n')).toMatch(
      /^--default-backend from-file: api.yaml:3:10: "ftp:\/\/files.example.com": the URL must be http or https/,
    );
    expect(refusal("swagger: '2.0'\nhost: h\nschemes: [ws]\n")).toMatch(/api.yaml:3:11: "ws:\/\/h": the URL must be/);
    expect(refusal('openapi: 3.0.1\ninfo: {title: t}\n')).toBe(
      '--default-backend from-file: api.yaml has no servers, so it names no backend; ' +
        'give the backend as --default-backend URL (or mock) instead',
    );
  });

  it('offeredFromFile: the usable URL only', () => {
    expect(offeredFromFile(doc("swagger: '2.0'\nhost: api.example.com\nbasePath: /v1\n"))).toEqual({
      url: 'https://api.example.com/v1',
      from: 'host',
    });
    expect(offeredFromFile(doc('openapi: 3.0.1\nservers: [{url: /v1}]\n'))).toBeUndefined();
    expect(offeredFromFile(doc('openapi: 3.0.1\n'))).toBeUndefined();
  });
});
