/**
 * `apig import --default-backend mock|from-file|URL`: a plain OpenAPI/Swagger file (no x-apigateway-*) gives APIs
 * without a backend, which the gateway answers with an error. Each such API gets one: a Mock answering the
 * operation's example response where the file has one, or an HTTP backend at URL (its path prefixed to the API's
 * path); `from-file` takes the URL from the file's own servers (OpenAPI) or host (Swagger 2.0).
 */
import { ApigError } from '../core/errors.js';
import type { Api, Group, MockBackend, HttpBackend } from '../core/model.js';
import { isRecord } from '../oas/codec.js';
import type { SourceDoc } from '../oas/source.js';
import { fileBackendUrl } from './file-backend-url.js';

export type DefaultBackend =
  | { kind: 'mock' }
  | { kind: 'http'; scheme: 'http' | 'https'; address: string; basePath: string };

/** The flag's value that takes the backend URL from the imported file. */
export const FROM_FILE = 'from-file';

/** `--default-backend` as given: a backend, or `from-file` (resolved once the file is read: backendFromFile). */
export type DefaultBackendFlag = DefaultBackend | { kind: typeof FROM_FILE };

/** An http(s) URL as an HTTP backend, or what is wrong with it. */
function httpBackendAt(value: string): DefaultBackend | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `the URL must be http or https, not ${url.protocol.slice(0, -1)}`;
  if (url.search !== '' || url.hash !== '' || url.username !== '')
    return 'give the backend as scheme://host[:port][/path], without a query, fragment or user';
  return {
    kind: 'http',
    scheme: url.protocol === 'https:' ? 'https' : 'http',
    address: url.host,
    basePath: url.pathname.replace(/\/+$/, ''),
  };
}

/** `mock`, `from-file` or an http(s) URL; anything else is a message saying what is accepted. */
export function parseDefaultBackend(value: string): DefaultBackendFlag | string {
  if (value === 'mock') return { kind: 'mock' };
  if (value === FROM_FILE) return { kind: FROM_FILE };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value))
    return (
      `--default-backend takes mock, ${FROM_FILE} or an http(s) URL (http://127.0.0.1:9000), ` +
      `not ${JSON.stringify(value)}`
    );
  const backend = httpBackendAt(value);
  return typeof backend === 'string' ? `--default-backend: ${backend}` : backend;
}

/** `file:line:col` of a JSON pointer in the file, 1-based like editors (the file alone when it has no range). */
function placeOf(doc: SourceDoc, pointer: string): string {
  const r = doc.rangeOf(pointer);
  return r ? `${doc.file}:${r.start.line + 1}:${r.start.character + 1}` : doc.file;
}

/**
 * `--default-backend from-file` for the file read: the HTTP backend at the URL it names, or a usage error (exit 2)
 * that names the file and the place: no servers or host, a relative URL, a `{variable}` without a default.
 */
export function backendFromFile(doc: SourceDoc): DefaultBackend {
  const found = fileBackendUrl(doc.value);
  const instead = 'give the backend as --default-backend URL (or mock) instead';
  if ('none' in found)
    throw new ApigError(
      'usage',
      `--default-backend ${FROM_FILE}: ${doc.file} ${found.none}, so it names no backend; ${instead}`,
    );
  if ('problem' in found)
    throw new ApigError(
      'usage',
      `--default-backend ${FROM_FILE}: ${placeOf(doc, found.at)}: ${found.problem}; ${instead}`,
    );
  const backend = httpBackendAt(found.url);
  if (typeof backend === 'string')
    throw new ApigError(
      'usage',
      `--default-backend ${FROM_FILE}: ${placeOf(doc, found.at)}: ${JSON.stringify(found.url)}: ${backend}; ${instead}`,
    );
  return backend;
}

/** The URL `--default-backend from-file` would take from the file, and where from, when it names a usable one. */
export function offeredFromFile(doc: SourceDoc | undefined): { url: string; from: 'servers' | 'host' } | undefined {
  const found = doc ? fileBackendUrl(doc.value) : undefined;
  if (!found || !('url' in found) || typeof httpBackendAt(found.url) === 'string') return undefined;
  return { url: found.url, from: found.from };
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
