/**
 * `apig import --default-backend from-file`: the backend URL the imported file itself names. OpenAPI 3: the first
 * server's URL, its `{variables}` replaced by their defaults. Swagger 2.0: `schemes[0]://host` + `basePath` (the
 * first scheme; https when there are none, as `apig export --oas 3` writes its servers).
 */
import { isRecord } from '../oas/codec.js';

/**
 * The URL and where the file gives it (a JSON pointer), or why there is none usable: a problem at a place of the
 * file, or no URL at all.
 */
export type FileBackendUrl =
  | { url: string; from: 'servers' | 'host'; at: string }
  | { problem: string; at: string }
  | { none: string };

const VARIABLE = /\{([^{}]*)\}/g;

function serverUrl(servers: unknown): FileBackendUrl {
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!isRecord(first) || typeof first.url !== 'string') return { none: 'has no servers' };
  const written = first.url.trim();
  const variables = isRecord(first.variables) ? first.variables : {};
  const missing: string[] = [];
  const url = written.replace(VARIABLE, (whole, name: string) => {
    const v = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (isRecord(v) && (typeof v.default === 'string' || typeof v.default === 'number')) return String(v.default);
    missing.push(name);
    return whole;
  });
  if (missing.length > 0)
    return {
      problem:
        `servers[0].url ${JSON.stringify(written)} uses ${missing.map((m) => `{${m}}`).join(', ')}, ` +
        'which has no default under servers[0].variables',
      at: '/servers/0/url',
    };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url))
    return {
      problem:
        `servers[0].url ${JSON.stringify(written)} is relative (to wherever the file is served from), ` +
        'so it names no backend',
      at: '/servers/0/url',
    };
  return { url, from: 'servers', at: '/servers/0/url' };
}

function swaggerUrl(doc: Record<string, unknown>): FileBackendUrl {
  if (typeof doc.host !== 'string' || doc.host === '') return { none: 'has no host' };
  const schemes = Array.isArray(doc.schemes) ? doc.schemes : [];
  const scheme = schemes.length > 0 ? String(schemes[0]).toLowerCase() : 'https';
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : '';
  return { url: `${scheme}://${doc.host}${basePath}`, from: 'host', at: schemes.length > 0 ? '/schemes/0' : '/host' };
}

/** The backend URL the document names (the raw document as read, OpenAPI or Swagger). */
export function fileBackendUrl(doc: unknown): FileBackendUrl {
  if (!isRecord(doc)) return { none: 'is not a Swagger or OpenAPI document' };
  return doc.openapi !== undefined ? serverUrl(doc.servers) : swaggerUrl(doc);
}
