/**
 * The parts of `apig export --oas` that the gateway does not read but that each version writes its own way, so
 * that a converted document is valid in the version it claims (oas3-convert.ts): response examples and headers,
 * array parameter serialization (Swagger 2.0 `collectionFormat` ↔ OpenAPI 3.0 `style`/`explode`), and the
 * validation keywords a Swagger 2.0 parameter holds itself and an OpenAPI 3.0 parameter in its `schema`.
 */
import { parsePointer, pointer } from '../core/pointer.js';
import { isRecord } from './codec.js';
import type { Doc } from './oas3-params.js';
import { PARAMETER_SCHEMA_KEYWORDS } from './schema-keywords.js';
import { operations } from './walk.js';

/** Parameter keywords besides oas3-params.ts's SCHEMA_KEYS that sit on a 2.0 parameter and in a 3.0 schema. */
const VALIDATION_KEYS = ['exclusiveMaximum', 'exclusiveMinimum', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf'];

/** OpenAPI 3.0 parameter keys that Swagger 2.0 has no place for. */
const OAS3_ONLY_PARAM_KEYS = ['style', 'explode', 'allowReserved', 'deprecated', 'examples', 'content'];

/**
 * A Swagger 2.0 parameter, before nestParam: its validation keywords into `schema`, and its `collectionFormat`
 * as `style`/`explode` (an array's default is csv, which a 3.0 query parameter writes as form, explode false).
 */
export function paramTo3(p: unknown): unknown {
  if (!isRecord(p) || typeof p.$ref === 'string' || p.in === 'body') return p;
  const out: Doc = {};
  const schema: Doc = isRecord(p.schema) ? { ...p.schema } : {};
  for (const [k, v] of Object.entries(p)) {
    if (VALIDATION_KEYS.includes(k)) schema[k] = v;
    else if (k !== 'collectionFormat' && k !== 'schema') out[k] = v;
  }
  if (Object.keys(schema).length > 0) out.schema = schema;
  if (p.type !== 'array') return out;
  const format = typeof p.collectionFormat === 'string' ? p.collectionFormat : 'csv';
  const query = p.in === 'query';
  if (format === 'csv' && query) Object.assign(out, { style: 'form', explode: false });
  else if (format === 'multi') Object.assign(out, { style: 'form', explode: true });
  else if (format === 'ssv') Object.assign(out, { style: 'spaceDelimited', explode: false });
  else if (format === 'pipes') Object.assign(out, { style: 'pipeDelimited', explode: false });
  return out;
}

/**
 * An OpenAPI 3.0 parameter, after flattenParam: the validation keywords out of what stayed in `schema` (and its
 * `example` as `x-example`), `style`/`explode` as `collectionFormat`; the keys 2.0 has no place for are dropped.
 */
export function paramTo2(p: unknown): unknown {
  if (!isRecord(p) || typeof p.$ref === 'string' || p.in === 'body') return p;
  const out: Doc = {};
  for (const [k, v] of Object.entries(p)) if (!OAS3_ONLY_PARAM_KEYS.includes(k)) out[k] = v;
  if (isRecord(p.schema)) {
    for (const [k, v] of Object.entries(p.schema)) {
      if (VALIDATION_KEYS.includes(k) && !Object.hasOwn(out, k)) out[k] = v;
      else if (k === 'example' && !Object.hasOwn(out, 'x-example')) out['x-example'] = v;
    }
    // A non-body parameter has no schema in 2.0: the rest (nullable, a $ref, ...) has no place there.
    delete out.schema;
  }
  if (out.type !== 'array') return out;
  const style = typeof p.style === 'string' ? p.style : p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  if (style === 'form') out.collectionFormat = explode ? 'multi' : 'csv';
  else if (style === 'spaceDelimited') out.collectionFormat = 'ssv';
  else if (style === 'pipeDelimited') out.collectionFormat = 'pipes';
  return out;
}

/**
 * A 2.0 response in place: its `schema` (under each type it `produces`) and `examples` (by media type) into its
 * 3.0 `content`, its headers' types into `schema`.
 */
export function responseTo3(r: Doc, produces: readonly string[]): void {
  if (typeof r.$ref === 'string') return;
  if (r.schema !== undefined) {
    r.content = Object.fromEntries(produces.map((t) => [t, { schema: r.schema }]));
    delete r.schema;
  }
  if (isRecord(r.examples)) {
    const content: Doc = isRecord(r.content) ? r.content : {};
    for (const [type, example] of Object.entries(r.examples)) {
      const media = isRecord(content[type]) ? content[type] : {};
      content[type] = { ...media, example };
    }
    r.content = content;
    delete r.examples;
  }
  if (isRecord(r.headers))
    r.headers = Object.fromEntries(
      Object.entries(r.headers).map(([name, h]) => {
        if (!isRecord(h) || isRecord(h.schema) || typeof h.$ref === 'string') return [name, h];
        const header: Doc = {};
        const schema: Doc = {};
        for (const [k, v] of Object.entries(h)) {
          if (k === 'description' || k.startsWith('x-')) header[k] = v;
          else if (k !== 'collectionFormat') schema[k] = v;
        }
        return [name, { ...header, schema }];
      }),
    );
}

/** A 3.0 response's media `example`s as its 2.0 `examples` (by media type); `links` has no place in 2.0. */
export function responseExamplesTo2(content: Doc, out: Doc): void {
  const examples: Doc = {};
  for (const [type, media] of Object.entries(content)) {
    if (!isRecord(media)) continue;
    // 2.0 has one example per media type: the `example`, else the first of the named `examples`.
    const named = isRecord(media.examples) ? Object.values(media.examples)[0] : undefined;
    const example = media.example ?? (isRecord(named) ? named.value : undefined);
    if (example !== undefined) examples[type] = example;
  }
  if (Object.keys(examples).length > 0) out.examples = examples;
  delete out.links;
}

/** Swagger 2.0 formData parameter keys that an OpenAPI 3.0 form field's schema holds. */
const FORM_SCHEMA_KEYS = ['description', ...PARAMETER_SCHEMA_KEYWORDS];

/** A formData parameter as the schema of its form field; a file is a binary string (OpenAPI 3.0 has no file type). */
export function formProperty(f: Doc): Doc {
  const schema: Doc = Object.fromEntries(Object.entries(f).filter(([k]) => FORM_SCHEMA_KEYS.includes(k)));
  if (schema.type === 'file') Object.assign(schema, { type: 'string', format: 'binary' });
  if (schema.type === undefined) schema.type = 'string';
  return schema;
}

/** A `consumes`/`produces` list (the operation's, else the document's); application/json without one. */
export function mediaTypes(list: unknown): string[] {
  return Array.isArray(list) && list.length > 0 ? list.map(String) : ['application/json'];
}

/** A pointer into the document from its segments. */
const ptr = (...segments: ReadonlyArray<string | number>): string => `#${pointer(...segments)}`;

/**
 * Where the 2.0 → 3.0 conversion moves what a local `$ref` can point into (a bundled external schema is written
 * once, where it is first used, and referred to there): each path key with its basePath merged, a body
 * parameter's schema into `requestBody`, a response's schema into its `content`, the other parameters to their
 * new index. `merged` is `src` after mergeBasePath (the same path keys, in the same order).
 */
export function refMovesTo3(src: Doc, merged: Doc): Array<[string, string]> {
  const moves: Array<[string, string]> = [];
  const oldKeys = isRecord(src.paths) ? Object.keys(src.paths) : [];
  const newKeys = isRecord(merged.paths) ? Object.keys(merged.paths) : [];
  const renamed = new Map(oldKeys.map((k, i) => [k, newKeys[i] ?? k]));
  for (const [k, n] of renamed) if (k !== n) moves.push([ptr('paths', k), ptr('paths', n)]);
  const ops = operations(src);
  // A path item's body parameter becomes each operation's requestBody: a pointer follows the first one's.
  for (const [path, item] of isRecord(src.paths) ? Object.entries(src.paths) : []) {
    const params = isRecord(item) && Array.isArray(item.parameters) ? item.parameters : [];
    const to = renamed.get(path) ?? path;
    const inherits = ops.find(
      (o) =>
        o.path === path &&
        !(Array.isArray(o.op.parameters) && o.op.parameters.some((p) => isRecord(p) && p.in === 'body')),
    );
    let kept = 0;
    params.forEach((p, i) => {
      const from = ptr('paths', path, 'parameters', i);
      if (isRecord(p) && p.in === 'body') {
        if (inherits === undefined) return;
        const type = mediaTypes(inherits.op.consumes ?? src.consumes)[0] ?? 'application/json';
        moves.push([`${from}/schema`, ptr('paths', to, inherits.key, 'requestBody', 'content', type, 'schema')]);
      } else if (!(isRecord(p) && p.in === 'formData')) moves.push([from, ptr('paths', to, 'parameters', kept++)]);
    });
  }
  for (const { path, key, op } of ops) {
    const to = renamed.get(path) ?? path;
    const params = Array.isArray(op.parameters) ? op.parameters : [];
    let kept = 0;
    params.forEach((p, i) => {
      const from = ptr('paths', path, key, 'parameters', i);
      if (isRecord(p) && p.in === 'body') {
        const type = mediaTypes(op.consumes ?? src.consumes)[0] ?? 'application/json';
        moves.push([`${from}/schema`, ptr('paths', to, key, 'requestBody', 'content', type, 'schema')]);
      } else if (!(isRecord(p) && p.in === 'formData')) moves.push([from, ptr('paths', to, key, 'parameters', kept++)]);
    });
    const type = mediaTypes(op.produces ?? src.produces)[0] ?? 'application/json';
    if (isRecord(op.responses))
      for (const [code, r] of Object.entries(op.responses))
        if (isRecord(r) && r.schema !== undefined)
          moves.push([
            ptr('paths', path, key, 'responses', code, 'schema'),
            ptr('paths', to, key, 'responses', code, 'content', type, 'schema'),
          ]);
  }
  return moves;
}

/** The mirror of refMovesTo3 for 3.0 → 2.0: the first media type's schemas to the response and the body parameter. */
export function refMovesTo2(src: Doc): Array<[string, string]> {
  const moves: Array<[string, string]> = [];
  for (const { path, key, op } of operations(src)) {
    const body = isRecord(op.requestBody) && isRecord(op.requestBody.content) ? op.requestBody.content : undefined;
    const bodyType = body ? Object.keys(body)[0] : undefined;
    if (bodyType !== undefined) {
      const index = Array.isArray(op.parameters) ? op.parameters.length : 0;
      moves.push([
        ptr('paths', path, key, 'requestBody', 'content', bodyType, 'schema'),
        ptr('paths', path, key, 'parameters', index, 'schema'),
      ]);
    }
    if (isRecord(op.responses))
      for (const [code, r] of Object.entries(op.responses)) {
        const type = isRecord(r) && isRecord(r.content) ? Object.keys(r.content)[0] : undefined;
        if (type !== undefined)
          moves.push([
            ptr('paths', path, key, 'responses', code, 'content', type, 'schema'),
            ptr('paths', path, key, 'responses', code, 'schema'),
          ]);
      }
  }
  return moves;
}

/** Rewrites, in place, each local `$ref` that points at or into a moved place (the most specific move wins). */
export function moveRefs(node: unknown, moves: ReadonlyArray<readonly [string, string]>): void {
  if (moves.length === 0) return;
  const to = new Map(moves);
  /**
   * The ref with its longest moved prefix (cut at a `/`) replaced; itself when none moved. A percent-encoded ref
   * (`~1items~1%7Bid%7D`, as a URI fragment may write it) is compared in the plain form the moves are written in.
   */
  const moved = (written: string): string => {
    const ref = written.includes('%') ? `#${pointer(...parsePointer(written))}` : written;
    for (let end = ref.length; end > 1; end = ref.lastIndexOf('/', end - 1)) {
      const target = to.get(ref.slice(0, end));
      if (target !== undefined) return target + ref.slice(end);
    }
    return written;
  };
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (isRecord(n))
      for (const [k, v] of Object.entries(n)) {
        if (k !== '$ref' || typeof v !== 'string') visit(v);
        else if (v.startsWith('#/paths/')) n.$ref = moved(v);
      }
  };
  visit(node);
}
