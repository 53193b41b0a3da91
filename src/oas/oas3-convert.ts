/**
 * Whole-document conversion for `apig export --oas`: `swagger2ToOas3` / `oas3ToSwagger2` (refs, servers, request
 * bodies, responses, parameter schemas).
 */
import { requestPath, requestProtocol } from '../core/defaults.js';
import { pointer } from '../core/pointer.js';
import { isRecord } from './codec.js';
import {
  formProperty,
  mediaTypes,
  moveRefs,
  paramTo2,
  paramTo3,
  refMovesTo2,
  refMovesTo3,
  responseExamplesTo2,
  responseTo3,
} from './oas3-convert-parts.js';
import { type Doc, eachParamList, flattenParam, nestParam, SCHEMA_ORDER, SCHEMA_REF_KEYS } from './oas3-params.js';
import { resolvePointer } from './refs.js';
import { operations } from './walk.js';

function rewriteRefs(node: unknown, from: string, to: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, from, to));
  if (!isRecord(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith(from)
        ? to + v.slice(from.length)
        : rewriteRefs(v, from, to),
    ]),
  );
}

/** A Swagger 2.0 document (as encoded from the model) → OpenAPI 3.0.3. */
export function swagger2ToOas3(src: Doc): Doc {
  let doc = rewriteRefs(mergeBasePath(structuredClone(src)), '#/definitions/', '#/components/schemas/') as Doc;
  doc = rewriteRefs(doc, '#/parameters/', '#/components/parameters/') as Doc;
  doc = rewriteRefs(doc, '#/responses/', '#/components/responses/') as Doc;
  const out: Doc = { openapi: '3.0.3' };
  const comps: Doc = isRecord(doc.components) ? { ...doc.components } : {};
  const host = typeof doc.host === 'string' ? doc.host : undefined;
  const rootSchemes = Array.isArray(doc.schemes) ? doc.schemes.map(String) : undefined;
  const schemes = rootSchemes !== undefined && rootSchemes.length > 0 ? rootSchemes : ['https'];
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'swagger' || k === 'host' || k === 'basePath' || k === 'schemes' || k === 'consumes' || k === 'produces')
      continue;
    if (k === 'securityDefinitions') comps.securitySchemes = v;
    else if (k === 'definitions') comps.schemas = v;
    else if (k === 'parameters') comps.parameters = v;
    else if (k === 'responses') comps.responses = v;
    else if (k === 'x-apigateway-responses') comps['x-apigateway-responses'] = v;
    else if (k === 'components') continue;
    else out[k] = v;
    if (k === 'info' && host !== undefined) out.servers = schemes.map((s) => ({ url: `${s.toLowerCase()}://${host}` }));
  }
  if (Object.keys(comps).length > 0) out.components = comps;
  if (isRecord(comps.responses))
    for (const r of Object.values(comps.responses)) if (isRecord(r)) responseTo3(r, mediaTypes(doc.produces));
  for (const { path, op } of operations(out)) {
    // A path item's body and formData parameters are each of its operations' (unless one has its own).
    const shared = inBody(isRecord(out.paths) ? out.paths[path] : undefined, out);
    if (Array.isArray(op.parameters) || shared.length > 0) {
      const own = Array.isArray(op.parameters) ? op.parameters.map((p) => bodyParamNamed(p, out)) : [];
      const body = own.find((p) => isRecord(p) && p.in === 'body') ?? shared.find((p) => p.in === 'body');
      const ownForm = own.filter((p) => isRecord(p) && p.in === 'formData') as Doc[];
      const form = [
        ...shared.filter((p) => p.in === 'formData' && !ownForm.some((f) => f.name === p.name)),
        ...ownForm,
      ];
      op.parameters = own.filter((p) => !(isRecord(p) && (p.in === 'body' || p.in === 'formData')));
      const types = mediaTypes(op.consumes ?? doc.consumes);
      if (isRecord(body))
        op.requestBody = {
          ...(body.description !== undefined ? { description: body.description } : {}),
          content: Object.fromEntries(types.map((t) => [t, { schema: body.schema ?? {} }])),
          ...(body.required ? { required: true } : {}),
        };
      else if (form.length > 0) {
        const required = form.filter((f) => f.required === true).map((f) => String(f.name));
        const media = types.includes('multipart/form-data')
          ? 'multipart/form-data'
          : 'application/x-www-form-urlencoded';
        op.requestBody = {
          content: {
            [media]: {
              schema: {
                type: 'object',
                properties: Object.fromEntries(form.map((f) => [String(f.name), formProperty(f)])),
                ...(required.length > 0 ? { required } : {}),
              },
            },
          },
        };
      }
      if ((op.parameters as unknown[]).length === 0) delete op.parameters;
    }
    if (isRecord(op.responses)) {
      const produces = mediaTypes(op.produces ?? doc.produces);
      for (const r of Object.values(op.responses)) if (isRecord(r)) responseTo3(r, produces);
    }
    delete op.consumes;
    delete op.produces;
    protocolAsServers(op, rootSchemes, host);
  }
  if (isRecord(out.paths))
    for (const item of Object.values(out.paths))
      if (isRecord(item) && Array.isArray(item.parameters) && inBody(item, out).length > 0) {
        const rest = item.parameters
          .map((p) => bodyParamNamed(p, out))
          .filter((p) => !(isRecord(p) && (p.in === 'body' || p.in === 'formData')));
        if (rest.length > 0) item.parameters = rest;
        else delete item.parameters;
      }
  // ...and the reusable ones are written in each operation that refers to them.
  if (isRecord(comps.parameters)) {
    for (const [k, p] of Object.entries(comps.parameters))
      if (isRecord(p) && (p.in === 'body' || p.in === 'formData')) delete comps.parameters[k];
    if (Object.keys(comps.parameters).length === 0) delete comps.parameters;
    if (Object.keys(comps).length === 0) delete out.components;
  }
  moveRefs(out, refMovesTo3(src, doc));
  eachParamList(out, paramTo3);
  eachParamList(out, nestParam);
  return out;
}

/** A path item's body and formData parameters (OpenAPI 3.0 writes them as each operation's `requestBody`). */
function inBody(item: unknown, root: Doc): Doc[] {
  if (!isRecord(item) || !Array.isArray(item.parameters)) return [];
  return item.parameters
    .map((p) => bodyParamNamed(p, root))
    .filter((p): p is Doc => isRecord(p) && (p.in === 'body' || p.in === 'formData'));
}

/**
 * A `$ref` to a reusable body or formData parameter as the parameter it names (OpenAPI 3.0 writes it in the
 * operation's `requestBody`, and has no reusable parameter in the body); any other parameter as it is.
 */
function bodyParamNamed(p: unknown, root: Doc): unknown {
  const named = dereferenced(root, p);
  return isRecord(named) && (named.in === 'body' || named.in === 'formData') ? named : p;
}

/**
 * A Swagger 2.0 document with its basePath merged into each path key, as the import merges it (x-apigateway.md
 * "Standard Swagger fields": basePath "merged with each path"; requestPath). OpenAPI 3.0 has no basePath, and its
 * import reads no path from a server URL (servers.url "not used on import"), so `--oas 3` writes the request paths
 * themselves, and the server URLs name the host only. Paths Object extensions (`x-...`) keep their keys.
 */
export function mergeBasePath(doc: Doc): Doc {
  const basePath = doc.basePath;
  if (typeof basePath !== 'string') return doc;
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'basePath') continue;
    out[k] =
      k === 'paths' && isRecord(v)
        ? Object.fromEntries(
            Object.entries(v).map(([p, item]) => [
              p.startsWith('/') ? requestPath({ basePath }, { path: p }) : p,
              item,
            ]),
          )
        : v;
  }
  return out;
}

/**
 * Undoes mergeBasePath for `apig export --check`, so that an export to 3.0 is compared with the group file in its
 * own terms: `basePath` back, and taken off the front of each path key that starts with it.
 */
export function splitBasePath(doc: Doc, basePath: string): Doc {
  const base = requestPath({ basePath }, { path: '' });
  const out: Doc = { ...doc, basePath };
  if (isRecord(doc.paths) && base !== '') {
    const moves: Array<[string, string]> = [];
    out.paths = Object.fromEntries(
      Object.entries(doc.paths).map(([p, item]) => {
        if (!p.startsWith(`${base}/`)) return [p, item];
        moves.push([`#${pointer('paths', p)}`, `#${pointer('paths', p.slice(base.length))}`]);
        return [p.slice(base.length), item];
      }),
    );
    moveRefs(out, moves);
  }
  return out;
}

/**
 * Undoes, for `apig export --check`, the document's `schemes` written on each operation (protocolAsServers): the
 * group file's root `schemes` back, and taken off each operation that has none of its own there and kept the
 * protocol they give. Only when every such operation kept it: else the root `schemes` stay lost (no host).
 */
export function liftRootSchemes(doc: Doc, raw: Doc): Doc {
  if (!Array.isArray(raw.schemes)) return doc;
  const root = requestProtocol({}, raw.schemes.map(String));
  const rawPaths = isRecord(raw.paths) ? raw.paths : {};
  const inherit = operations(doc).filter(({ path, key }) => {
    const item = rawPaths[path];
    return isRecord(item) && isRecord(item[key]) && item[key].schemes === undefined;
  });
  const own = (op: Doc): string[] => (Array.isArray(op.schemes) ? op.schemes.map(String) : []);
  if (!inherit.every(({ op }) => requestProtocol({}, own(op)) === root)) return doc;
  for (const { op } of inherit) delete op.schemes;
  return { ...doc, schemes: raw.schemes };
}

/**
 * An operation's request protocol as OpenAPI 3.0 writes it: its `servers` (oas3.ts reads them back as its
 * `schemes`), as the console's OpenAPI 3.0 exports do (User Guide (online), "Importing APIs": `schemes: [https]`
 * ↔ `servers: [{url: https://abc.com}]`). Each URL is the document's server URL with the scheme changed. Its own
 * `schemes` are written in their place; without them, the document's are written when they limit the protocol
 * (an operation without servers accepts both). Without a host no URL can carry a protocol: the schemes are
 * dropped (protocolLostInOas3 names those operations).
 */
function protocolAsServers(op: Doc, rootSchemes: string[] | undefined, host: string | undefined): void {
  const schemes = operationSchemes(op, rootSchemes);
  if (host === undefined || schemes === undefined) {
    delete op.schemes;
    return;
  }
  op.servers = schemes.map((s) => ({ url: `${s.toLowerCase()}://${host}` }));
  if (op.schemes !== undefined) renameKey(op, 'schemes', 'servers');
}

/** The schemes an OpenAPI 3.0 operation must carry to keep its protocol; undefined when none need writing. */
function operationSchemes(op: Doc, rootSchemes: string[] | undefined): string[] | undefined {
  if (Array.isArray(op.schemes)) return op.schemes.length > 0 ? op.schemes.map(String) : undefined;
  return rootSchemes !== undefined && requestProtocol({}, rootSchemes) !== 'BOTH' ? rootSchemes : undefined;
}

/**
 * The operations of a Swagger 2.0 document (as encoded from the model) whose request protocol an OpenAPI 3.0
 * export cannot write (no host for the servers' URLs), by name (operationId, else method and path).
 */
export function protocolLostInOas3(src: Doc): string[] {
  if (typeof src.host === 'string') return [];
  const rootSchemes = Array.isArray(src.schemes) ? src.schemes.map(String) : undefined;
  return operations(src)
    .filter(({ op }) => operationSchemes(op, rootSchemes) !== undefined)
    .map(({ path, key, op }) => (typeof op.operationId === 'string' ? op.operationId : `${key.toUpperCase()} ${path}`));
}

/** An OpenAPI 3.0 document → Swagger 2.0 (for `--oas 2` of a group imported from 3.0). */
export function oas3ToSwagger2(src: Doc): Doc {
  let doc = rewriteRefs(structuredClone(src), '#/components/schemas/', '#/definitions/') as Doc;
  doc = rewriteRefs(doc, '#/components/parameters/', '#/parameters/') as Doc;
  doc = rewriteRefs(doc, '#/components/responses/', '#/responses/') as Doc;
  const out: Doc = { swagger: '2.0' };
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'openapi') continue;
    // The first server's host is the group's domain, as `host`. Its path is not written as a basePath: the 3.0
    // import reads no path from a server URL (servers.url "not used on import"), but a 2.0 import merges basePath
    // with each path (x-apigateway.md "Standard Swagger fields"), so a basePath would change every request path.
    if (k === 'servers' && Array.isArray(v) && isRecord(v[0]) && typeof v[0].url === 'string') {
      const m = /^(?:[a-z]+:\/\/([^/]+))?(?:\/.*)?$/i.exec(v[0].url);
      if (m?.[1]) out.host = m[1];
      continue;
    }
    if (k === 'components' && isRecord(v)) {
      if (v.securitySchemes !== undefined) out.securityDefinitions = v.securitySchemes;
      if (v.schemas !== undefined) out.definitions = v.schemas;
      if (v.parameters !== undefined) out.parameters = v.parameters;
      if (isRecord(v.responses))
        out.responses = Object.fromEntries(
          Object.entries(v.responses).map(([rk, rv]) => [rk, responseToSwagger2(rv, doc)]),
        );
      if (v['x-apigateway-responses'] !== undefined) out['x-apigateway-responses'] = v['x-apigateway-responses'];
      continue;
    }
    out[k] = v;
  }
  const paths = isRecord(out.paths) ? out.paths : {};
  for (const { path, op } of operations(out)) {
    // Swagger 2.0 has no servers below the root: an operation's (or its path item's) are its protocols, as the
    // console's OpenAPI 3.0 exports write the `schemes` of their Swagger 2.0 versions (User Guide (online),
    // "Importing APIs").
    const item = paths[path];
    const servers = op.servers ?? (isRecord(item) ? item.servers : undefined);
    const schemes = serverSchemes(servers);
    if (op.schemes === undefined && schemes.length > 0) op.schemes = schemes;
    if (op.servers !== undefined) renameKey(op, 'servers', 'schemes');
    // Swagger 2.0 has no reusable request bodies: a `$ref` into `components.requestBodies` is written as the one named.
    const requestBody = dereferenced(doc, op.requestBody);
    if (isRecord(requestBody) && isRecord(requestBody.content)) {
      const [type, media] = Object.entries(requestBody.content)[0] ?? [];
      const params = Array.isArray(op.parameters) ? op.parameters : [];
      if (type !== undefined) {
        op.consumes = [type];
        params.push({
          name: 'body',
          in: 'body',
          ...(requestBody.description !== undefined ? { description: requestBody.description } : {}),
          ...(requestBody.required ? { required: true } : {}),
          schema: isRecord(media) && media.schema !== undefined ? media.schema : {},
        });
      }
      op.parameters = params;
      delete op.requestBody;
    }
    if (isRecord(op.responses))
      op.responses = Object.fromEntries(
        Object.entries(op.responses).map(([rk, rv]) => [rk, responseToSwagger2(rv, doc)]),
      );
    // Swagger 2.0 has no callbacks.
    delete op.callbacks;
  }
  moveRefs(out, refMovesTo2(src));
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    delete item.servers;
    // Swagger 2.0 has no trace operation (nor the gateway a TRACE method: lint's api-method); export.ts says so.
    if (item.trace === undefined) continue;
    delete item.trace;
    if (Object.keys(item).length === 0) delete paths[path];
  }
  eachParamList(out, (p) => {
    const flat = flattenParam(p, out);
    if (isRecord(flat)) delete flat[SCHEMA_ORDER];
    // A `schema: {$ref}` gave the parameter the type and bounds of the schema named: Swagger 2.0 gives only a body
    // parameter a schema, so those are written on the parameter, and the $ref is not.
    if (isRecord(flat) && flat[SCHEMA_REF_KEYS] !== undefined) {
      delete flat[SCHEMA_REF_KEYS];
      if (isRecord(flat.schema)) {
        const { $ref: _, ...rest } = flat.schema;
        if (Object.keys(rest).length > 0) flat.schema = rest;
        else delete flat.schema;
      }
    }
    return flat;
  });
  eachParamList(out, paramTo2);
  return out;
}

/** Puts `to`'s value in `from`'s place (`from` removed), keeping the object's key order. */
function renameKey(o: Doc, from: string, to: string): void {
  const value = o[to];
  const entries = Object.entries(o).filter(([k]) => k !== to);
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, v] of entries) {
    if (k !== from) o[k] = v;
    else if (value !== undefined) o[to] = value;
  }
}

/** The protocols of servers' URLs (`https://abc.com` → https), each once, in order; none for relative URLs. */
export function serverSchemes(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  const out: string[] = [];
  for (const s of servers) {
    const scheme =
      isRecord(s) && typeof s.url === 'string' ? /^(https?):\/\//i.exec(s.url)?.[1]?.toLowerCase() : undefined;
    if (scheme !== undefined && !out.includes(scheme)) out.push(scheme);
  }
  return out;
}

/**
 * A 3.0 response → 2.0: `content` → `schema`, header `schema` → inline type. Swagger 2.0 has no reusable headers:
 * a header `$ref` (into `components.headers` of `root`) is written as the header it names.
 */
function responseToSwagger2(r: unknown, root: Doc): unknown {
  if (!isRecord(r) || typeof r.$ref === 'string') return r;
  const out: Doc = { ...r };
  if (isRecord(r.content)) {
    const media = Object.values(r.content)[0];
    if (isRecord(media) && media.schema !== undefined) out.schema = media.schema;
    responseExamplesTo2(r.content, out);
    delete out.content;
  }
  delete out.links;
  if (isRecord(r.headers)) {
    out.headers = Object.fromEntries(
      Object.entries(r.headers).map(([hk, written]) => {
        const hv = dereferenced(root, written);
        if (!isRecord(hv) || typeof hv.$ref === 'string') return [hk, written];
        const { schema, example: _e, required: _r, deprecated: _d, style: _s, explode: _x, ...rest } = hv;
        return [hk, { ...rest, ...(isRecord(schema) ? schema : { type: 'string' }) }];
      }),
    );
  }
  if (out.description === undefined) out.description = '';
  return out;
}

/** What a local `$ref` (or a chain of them) names, as far as it resolves; `node` itself when it is no `$ref`. */
function dereferenced(root: Doc, node: unknown): unknown {
  for (
    let hops = 0;
    hops < 32 && isRecord(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#');
    hops++
  ) {
    const next = resolvePointer(root, node.$ref);
    if (next === undefined) break;
    node = next;
  }
  return node;
}
