/**
 * `apig import --default-backend mock|URL`: a plain OpenAPI/Swagger file (no x-apigateway-*) gives APIs without a
 * backend, which the gateway answers with an error. Each such API gets one: a Mock answering the operation's
 * example response where the file has one, or an HTTP backend at URL (its path prefixed to the API's path).
 */
import type { Api, Group, MockBackend, HttpBackend } from '../core/model.js';
import { isRecord } from '../oas/codec.js';

export type DefaultBackend =
  | { kind: 'mock' }
  | { kind: 'http'; scheme: 'http' | 'https'; address: string; basePath: string };

/** `mock`, or an http(s) URL; anything else is a message saying what is accepted. */
export function parseDefaultBackend(value: string): DefaultBackend | string {
  if (value === 'mock') return { kind: 'mock' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--default-backend takes mock or an http(s) URL (http://127.0.0.1:9000), not ${JSON.stringify(value)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `--default-backend: the URL must be http or https, not ${url.protocol.slice(0, -1)}`;
  if (url.search !== '' || url.hash !== '' || url.username !== '')
    return '--default-backend: give the backend as scheme://host[:port][/path], without a query, fragment or user';
  return {
    kind: 'http',
    scheme: url.protocol === 'https:' ? 'https' : 'http',
    address: url.host,
    basePath: url.pathname.replace(/\/+$/, ''),
  };
}

/** The operation's example success response as text (`examples`, `example`, a schema's `example`), or ''. */
export function exampleBody(api: Pick<Api, 'responses'>): string {
  const responses = api.responses ?? {};
  const code = Object.keys(responses).find((k) => /^2\d\d$/.test(k)) ?? (responses.default ? 'default' : undefined);
  const response = code === undefined ? undefined : responses[code];
  if (!isRecord(response)) return '';
  // OpenAPI 3.0: the first media type's example, one of its named examples, or its schema's example.
  const media = isRecord(response.content) ? Object.values(response.content).find(isRecord) : undefined;
  const named = media && isRecord(media.examples) ? Object.values(media.examples).find(isRecord) : undefined;
  // Swagger 2.0: `examples` by media type, or the schema's example.
  const examples = isRecord(response.examples) ? Object.values(response.examples) : [];
  const schema = isRecord(response.schema) ? response.schema : isRecord(media?.schema) ? media.schema : undefined;
  const example = media?.example ?? named?.value ?? examples[0] ?? schema?.example;
  if (example === undefined) return '';
  return typeof example === 'string' ? example : JSON.stringify(example);
}

function backendFor(api: Api, spec: DefaultBackend): MockBackend | HttpBackend {
  if (spec.kind === 'mock') return { type: 'MOCK', mock: { resultContent: exampleBody(api) } };
  return {
    type: 'HTTP',
    http: {
      address: [spec.address],
      scheme: spec.scheme,
      method: api.method,
      path: `${spec.basePath}${api.path}`,
      timeout: 5000,
    },
  };
}

/** The APIs of the group that have no backend. */
export const withoutBackend = (group: Group): Api[] => group.apis.filter((a) => a.backend === undefined);

/** The group with a backend for every API that has none; `given` names them. */
export function withDefaultBackend(group: Group, spec: DefaultBackend): { group: Group; given: string[] } {
  const given: string[] = [];
  const apis = group.apis.map((api) => {
    if (api.backend !== undefined) return api;
    given.push(api.name);
    return { ...api, backend: backendFor(api, spec) };
  });
  return { group: { ...group, apis }, given };
}
