/**
 * OpenAPI 3.0 support. Import brings a 3.0 document to the Swagger 2.0 shape the decoder reads (only what
 * APIG reads moves: security schemes, gateway responses, parameter schemas); `restoreOas3` undoes exactly
 * that after encoding, so a 3.0 file round-trips. `swagger2ToOas3` / `oas3ToSwagger2` convert whole
 * documents for `apig export --oas`.
 */
import { isRecord } from './codec.js';
import { operations } from './walk.js';

type Doc = Record<string, unknown>;

/** `components` keys that the Swagger 2.0 view holds at the root. */
const MOVED = ['securitySchemes', 'x-apigateway-responses'];

/** Parameter keys that live under `schema` in OpenAPI 3.0 and on the parameter in Swagger 2.0. */
const SCHEMA_KEYS = [
  'type',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'default',
  'format',
  'pattern',
  'items',
] as const;

function eachParamList(doc: Doc, fn: (p: unknown) => unknown): void {
  const mapList = (list: unknown[]): void =>
    list.forEach((p, i) => {
      list[i] = fn(p);
    });
  if (isRecord(doc.paths))
    for (const item of Object.values(doc.paths))
      if (isRecord(item) && Array.isArray(item.parameters)) mapList(item.parameters);
  for (const { op } of operations(doc)) if (Array.isArray(op.parameters)) mapList(op.parameters);
  for (const holder of [isRecord(doc.components) ? doc.components : undefined, doc]) {
    if (holder && isRecord(holder.parameters))
      for (const [k, p] of Object.entries(holder.parameters)) holder.parameters[k] = fn(p);
  }
}

/** Remembers the written order of a flattened `schema`, so that restoring it gives back the same text. */
const SCHEMA_ORDER = 'x-apig-oas3-schema-order';

/** `schema.{type,...}` → the parameter itself, in the place where `schema` stood; `example` → `x-example`. */
function flattenParam(p: unknown): unknown {
  if (!isRecord(p) || !isRecord(p.schema) || p.in === 'body') return p;
  const schema = p.schema;
  const out: Doc = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === 'example') out['x-example'] = v;
    else if (k !== 'schema') out[k] = v;
    else {
      const rest: Doc = {};
      for (const [sk, sv] of Object.entries(schema)) {
        if ((SCHEMA_KEYS as readonly string[]).includes(sk) && !Object.hasOwn(p, sk)) out[sk] = sv;
        else rest[sk] = sv;
      }
      if (Object.keys(rest).length > 0) out.schema = rest;
      out[SCHEMA_ORDER] = Object.keys(schema);
    }
  }
  return out;
}

/** The inverse of flattenParam (also used to convert Swagger 2.0 parameters to OpenAPI 3.0). */
function nestParam(p: unknown): unknown {
  if (!isRecord(p) || typeof p.$ref === 'string' || p.in === 'body') return p;
  const order = Array.isArray(p[SCHEMA_ORDER]) ? (p[SCHEMA_ORDER] as unknown[]).map(String) : undefined;
  const schema: Doc = isRecord(p.schema) ? { ...p.schema } : {};
  for (const k of SCHEMA_KEYS) if (Object.hasOwn(p, k)) schema[k] = p[k];
  const ordered = order
    ? Object.fromEntries(
        [
          ...order.filter((k) => Object.hasOwn(schema, k)),
          ...Object.keys(schema).filter((k) => !order.includes(k)),
        ].map((k) => [k, schema[k]]),
      )
    : schema;
  const out: Doc = {};
  let placed = false;
  for (const [k, v] of Object.entries(p)) {
    const isSchemaPart = k === 'schema' || k === SCHEMA_ORDER || (SCHEMA_KEYS as readonly string[]).includes(k);
    if (isSchemaPart) {
      if (!placed && Object.keys(ordered).length > 0) out.schema = ordered;
      placed = true;
    } else if (k === 'x-example') out.example = v;
    else out[k] = v;
  }
  return out;
}

/** OpenAPI 3.0 → the shape decodeGroup reads (a deep copy). */
export function oas3View(src: Doc): Doc {
  const doc = structuredClone(src);
  const comps = isRecord(doc.components) ? doc.components : undefined;
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'openapi') out.swagger = v;
    else if (k === 'components' && comps) {
      if (comps.securitySchemes !== undefined) out.securityDefinitions = comps.securitySchemes;
      if (comps['x-apigateway-responses'] !== undefined)
        out['x-apigateway-responses'] = comps['x-apigateway-responses'];
      // The moved keys leave a null in place, so that restoreOas3 puts them back where they were.
      const rest = Object.fromEntries(Object.entries(comps).map(([ck, cv]) => [ck, MOVED.includes(ck) ? null : cv]));
      if (Object.values(rest).some((x) => x !== null)) out.components = rest;
    } else out[k] = v;
  }
  eachParamList(out, flattenParam);
  return out;
}

/** Undoes oas3View on an encoded document. */
export function restoreOas3(view: Doc, openapi: string): Doc {
  const doc = structuredClone(view);
  const out: Doc = {};
  const comps: Doc = isRecord(doc.components) ? { ...doc.components } : {};
  comps.securitySchemes = doc.securityDefinitions;
  comps['x-apigateway-responses'] = doc['x-apigateway-responses'];
  for (const k of MOVED) if (comps[k] === undefined || comps[k] === null) delete comps[k];
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'swagger') out.openapi = openapi;
    else if (k === 'securityDefinitions' || k === 'x-apigateway-responses') continue;
    else if (k === 'components') out.components = comps;
    else out[k] = v;
  }
  if (!('components' in out) && Object.keys(comps).length > 0) out.components = comps;
  eachParamList(out, nestParam);
  return out;
}

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
  let doc = rewriteRefs(structuredClone(src), '#/definitions/', '#/components/schemas/') as Doc;
  doc = rewriteRefs(doc, '#/parameters/', '#/components/parameters/') as Doc;
  doc = rewriteRefs(doc, '#/responses/', '#/components/responses/') as Doc;
  const out: Doc = { openapi: '3.0.3' };
  const comps: Doc = isRecord(doc.components) ? { ...doc.components } : {};
  const host = typeof doc.host === 'string' ? doc.host : undefined;
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : '';
  const schemes = Array.isArray(doc.schemes) && doc.schemes.length > 0 ? doc.schemes.map(String) : ['https'];
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
    if (k === 'info' && (host !== undefined || basePath))
      out.servers = schemes.map((s) => ({
        url: host !== undefined ? `${s.toLowerCase()}://${host}${basePath}` : basePath,
      }));
  }
  if (Object.keys(comps).length > 0) out.components = comps;
  for (const { op } of operations(out)) {
    if (Array.isArray(op.parameters)) {
      const body = op.parameters.find((p) => isRecord(p) && p.in === 'body');
      const form = op.parameters.filter((p) => isRecord(p) && p.in === 'formData') as Doc[];
      op.parameters = op.parameters.filter((p) => !(isRecord(p) && (p.in === 'body' || p.in === 'formData')));
      const types = Array.isArray(op.consumes) ? op.consumes.map(String) : ['application/json'];
      if (isRecord(body))
        op.requestBody = {
          content: Object.fromEntries(types.map((t) => [t, { schema: body.schema ?? {} }])),
          ...(body.required ? { required: true } : {}),
        };
      else if (form.length > 0) {
        op.requestBody = {
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: Object.fromEntries(form.map((f) => [String(f.name), { type: f.type ?? 'string' }])),
              },
            },
          },
        };
      }
      if ((op.parameters as unknown[]).length === 0) delete op.parameters;
    }
    if (isRecord(op.responses)) {
      const produces = Array.isArray(op.produces) ? op.produces.map(String) : ['application/json'];
      for (const r of Object.values(op.responses)) {
        if (isRecord(r) && r.schema !== undefined) {
          r.content = Object.fromEntries(produces.map((t) => [t, { schema: r.schema }]));
          delete r.schema;
        }
      }
    }
    delete op.consumes;
    delete op.produces;
    if (Array.isArray(op.schemes)) delete op.schemes;
  }
  eachParamList(out, nestParam);
  return out;
}

/** An OpenAPI 3.0 document → Swagger 2.0 (for `--oas 2` of a group imported from 3.0). */
export function oas3ToSwagger2(src: Doc): Doc {
  let doc = rewriteRefs(structuredClone(src), '#/components/schemas/', '#/definitions/') as Doc;
  doc = rewriteRefs(doc, '#/components/parameters/', '#/parameters/') as Doc;
  doc = rewriteRefs(doc, '#/components/responses/', '#/responses/') as Doc;
  const out: Doc = { swagger: '2.0' };
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'openapi') continue;
    if (k === 'servers' && Array.isArray(v) && isRecord(v[0]) && typeof v[0].url === 'string') {
      const m = /^(?:([a-z]+):\/\/([^/]+))?(\/.*)?$/i.exec(v[0].url);
      if (m?.[2]) out.host = m[2];
      if (m?.[3] && m[3] !== '/') out.basePath = m[3];
      continue;
    }
    if (k === 'components' && isRecord(v)) {
      if (v.securitySchemes !== undefined) out.securityDefinitions = v.securitySchemes;
      if (v.schemas !== undefined) out.definitions = v.schemas;
      if (v.parameters !== undefined) out.parameters = v.parameters;
      if (isRecord(v.responses))
        out.responses = Object.fromEntries(Object.entries(v.responses).map(([rk, rv]) => [rk, responseToSwagger2(rv)]));
      if (v['x-apigateway-responses'] !== undefined) out['x-apigateway-responses'] = v['x-apigateway-responses'];
      continue;
    }
    out[k] = v;
  }
  for (const { op } of operations(out)) {
    if (isRecord(op.requestBody) && isRecord(op.requestBody.content)) {
      const [type, media] = Object.entries(op.requestBody.content)[0] ?? [];
      const params = Array.isArray(op.parameters) ? op.parameters : [];
      if (type !== undefined) {
        op.consumes = [type];
        params.push({
          name: 'body',
          in: 'body',
          ...(op.requestBody.required ? { required: true } : {}),
          schema: isRecord(media) && media.schema !== undefined ? media.schema : {},
        });
      }
      op.parameters = params;
      delete op.requestBody;
    }
    if (isRecord(op.responses))
      op.responses = Object.fromEntries(Object.entries(op.responses).map(([rk, rv]) => [rk, responseToSwagger2(rv)]));
  }
  eachParamList(out, (p) => {
    const flat = flattenParam(p);
    if (isRecord(flat)) delete flat[SCHEMA_ORDER];
    return flat;
  });
  return out;
}

/** A 3.0 response → 2.0: `content` → `schema`, header `schema` → inline type. */
function responseToSwagger2(r: unknown): unknown {
  if (!isRecord(r) || typeof r.$ref === 'string') return r;
  const out: Doc = { ...r };
  if (isRecord(r.content)) {
    const media = Object.values(r.content)[0];
    if (isRecord(media) && media.schema !== undefined) out.schema = media.schema;
    delete out.content;
  }
  if (isRecord(r.headers)) {
    out.headers = Object.fromEntries(
      Object.entries(r.headers).map(([hk, hv]) => {
        if (!isRecord(hv)) return [hk, hv];
        const { schema, example: _e, ...rest } = hv;
        return [hk, { ...rest, ...(isRecord(schema) ? schema : { type: 'string' }) }];
      }),
    );
  }
  if (out.description === undefined) out.description = '';
  return out;
}
