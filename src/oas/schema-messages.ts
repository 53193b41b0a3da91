/**
 * The Swagger 2.0 / OpenAPI 3.0 JSON Schema's errors (ajv) as diagnostics that say what to do: each names the
 * place, the value given and what is allowed, and points at the exact node (an unknown property at that property,
 * a missing one at the object that lacks it), so that file:line:col shows it and a partial load can leave out
 * the smallest part that holds it.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/closest.js';
import { join, parsePointer } from '../core/pointer.js';
import { isRecord } from './codec.js';
import { simplify } from './extension-schemas.js';
import { allowedProperties, placeKind, type PlaceKind } from './schema-places.js';
import { PARAMETER_SCHEMA_KEYWORDS } from './schema-keywords.js';

export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  doc: Record<string, unknown>,
  source: string,
): Diagnostic[] {
  const version = typeof doc.swagger === 'string' ? 'v2' : 'v3';
  const relevant = errors.filter((e) => !isParameterListRepeat(e));
  return withoutContentAlternative(simplify(withoutBranchNoise(relevant))).map((e) => {
    const segments = parsePointer(e.instancePath);
    const at: Place = { segments, doc, version, kind: placeKind(segments, doc) };
    const extra = e.keyword === 'additionalProperties' ? String(paramsOf(e).additionalProperty) : undefined;
    return {
      code: 'swagger-schema',
      severity: 'error' as const,
      message: messageFor(e, at),
      path: extra === undefined ? e.instancePath : join(e.instancePath, extra),
      source,
    };
  });
}

interface Place {
  segments: readonly string[];
  doc: Record<string, unknown>;
  version: 'v2' | 'v3';
  kind: PlaceKind | undefined;
}

const paramsOf = (e: ErrorObject): Record<string, unknown> => e.params as Record<string, unknown>;

/** `paths > /a > get > parameters > 0`: the place as a trail of keys. */
export function placeName(segments: readonly string[]): string {
  return segments.length === 0 ? 'the document' : segments.join(' > ');
}

function valueAt(doc: unknown, segments: readonly string[]): unknown {
  let node = doc;
  for (const seg of segments) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isRecord(node) && Object.hasOwn(node, seg)) node = node[seg];
    else return undefined;
  }
  return node;
}

/** A value as the user wrote it, briefly: `"strng"`, `1`, `a list`, `an object`. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'an object';
  return String(v);
}

/** Slips seen in real files that the edit distance does not catch (`int` is four edits from `integer`). */
const ALIASES: Readonly<Record<string, string>> = {
  int: 'integer',
  int32: 'integer',
  int64: 'integer',
  long: 'integer',
  float: 'number',
  double: 'number',
  decimal: 'number',
  bool: 'boolean',
  str: 'string',
  text: 'string',
  list: 'array',
};

export function guess(given: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof given !== 'string') return undefined;
  const names = allowed.filter((a): a is string => typeof a === 'string');
  const alias = Object.hasOwn(ALIASES, given.toLowerCase()) ? ALIASES[given.toLowerCase()] : undefined;
  if (alias !== undefined && names.includes(alias)) return alias;
  const near = closest(given, names, Math.min(3, Math.max(1, Math.floor(given.length / 2))));
  return near === given ? undefined : near;
}

const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

function messageFor(e: ErrorObject, at: Place): string {
  const p = paramsOf(e);
  const place = placeName(at.segments);
  const given = valueAt(at.doc, at.segments);
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownProperty(at, String(p.additionalProperty));
    case 'required':
      return missingProperty(at, String(p.missingProperty));
    case 'enum':
      return notAllowed(at, given, Array.isArray(p.allowedValues) ? p.allowedValues : []);
    case 'type':
      return wrongType(place, at.segments, given, String(p.type));
    case 'minProperties':
    case 'not':
      if (at.kind === 'responses') return `${place} holds no response: add at least one, e.g. "200": {description: OK}`;
      break;
    case 'pattern':
      if (at.segments.length === 1 && at.segments[0] === 'host')
        return (
          'host must be a host name or IP address with an optional port, without scheme or path ' +
          `(got ${shown(given)})`
        );
      return `${place} must match the pattern ${String(p.pattern)} (got ${shown(given)})`;
    case 'uniqueItems':
      return `${place} lists the same item twice (items ${String(p.j)} and ${String(p.i)})`;
  }
  return `${place} ${e.message ?? e.keyword} (got ${shown(given)})`;
}

/** What a body parameter holds in its `schema`, not beside it. */
const SCHEMA_WORDS = new Set([...PARAMETER_SCHEMA_KEYWORDS, 'collectionFormat', 'allowEmptyValue']);

function unknownProperty(at: Place, key: string): string {
  const place = placeName(at.segments);
  const object = valueAt(at.doc, at.segments);
  const where = isRecord(object) && typeof object.in === 'string' ? object.in.toLowerCase() : undefined;
  if (at.kind === 'paths') return `paths has "${key}", which is neither a path (starting with /) nor an x- extension`;
  if (at.kind === 'responses')
    return `${place} has "${key}", which is neither a status code (such as 200) nor default nor an x- extension`;
  if (isRecord(object) && typeof object.$ref === 'string' && at.version === 'v2')
    return `${place} has "${key}" beside $ref: a reference holds $ref alone`;
  if (at.kind === 'parameter' && at.version === 'v2' && where === 'body' && SCHEMA_WORDS.has(key))
    return `${place} has "${key}", which a body parameter does not take: put it in its schema`;
  if (at.kind === 'parameter' && at.version === 'v2' && where !== 'body' && key === 'schema')
    return (
      `${place} has a schema, which only a body parameter takes: ` +
      `give a ${where ?? 'non-body'} parameter its type directly (type: string...)`
    );
  const allowed = allowedProperties(at.kind, at.version, object);
  if (!allowed) return `${place} has an unknown property "${key}" (extensions start with x-)`;
  const near = guess(key, allowed);
  return (
    `${place} has an unknown property "${key}"${near ? ` (did you mean "${near}"?)` : ''}; ` +
    `allowed: ${allowed.join(', ')} and x- extensions`
  );
}

function missingProperty(at: Place, name: string): string {
  const place = placeName(at.segments);
  const object = valueAt(at.doc, at.segments);
  const where = isRecord(object) && typeof object.in === 'string' ? object.in.toLowerCase() : undefined;
  const locations = at.version === 'v2' ? 'query, header, path, formData or body' : 'query, header, path or cookie';
  if (at.kind === 'parameter') {
    if (name === 'required' && where === 'path') return pathParameterNotRequired(place, object);
    if (name === 'name') return `${place} has no name: every parameter needs a name and an in (${locations})`;
    if (name === 'in') return `${place} has no in: say where the parameter is, one of ${locations}`;
    if (name === 'type')
      return (
        `${place} has no type: a ${where ?? 'non-body'} parameter needs one of ` +
        'string, number, integer, boolean, array'
      );
    if (name === 'schema' && where === 'body')
      return `${place} has no schema: a body parameter describes its payload with one, e.g. schema: {type: object}`;
  }
  if (name === 'schema' && at.version === 'v3' && (at.kind === 'parameter' || at.segments.includes('headers')))
    return `${place} has neither a schema nor a content: add one, e.g. schema: {type: string}`;
  if (at.kind === 'operation' && name === 'responses')
    return `${place} has no responses: add at least one, e.g. responses: {"200": {description: OK}}`;
  if (at.kind === 'response' && name === 'description')
    return `${place} has no description: every response needs one, e.g. description: OK`;
  return `${place} is missing the required property "${name}"`;
}

function pathParameterNotRequired(place: string, param: unknown, given?: unknown): string {
  const name = isRecord(param) && typeof param.name === 'string' ? ` "${param.name}"` : '';
  const not = given === undefined ? '' : `, not ${shown(given)}`;
  return `${place}: the path parameter${name} needs required: true${not} (a path parameter is always required)`;
}

function notAllowed(at: Place, given: unknown, allowed: readonly unknown[]): string {
  const place = placeName(at.segments);
  const last = at.segments[at.segments.length - 1];
  const parent = at.segments.slice(0, -1);
  if (last === 'required' && allowed.length === 1 && allowed[0] === true)
    return pathParameterNotRequired(placeName(parent), valueAt(at.doc, parent), given);
  const near = guess(given, allowed);
  const hint = near ? `; did you mean ${JSON.stringify(near)}?` : '';
  return `${place} must be one of ${list(allowed)} (got ${shown(given)}${hint})`;
}

function wrongType(place: string, segments: readonly string[], given: unknown, expected: string): string {
  const key = segments[segments.length - 1] ?? 'it';
  if (expected === 'string' && (typeof given === 'number' || typeof given === 'boolean'))
    return `${place} must be a string, not the ${typeof given} ${String(given)}: write it in quotes (${key}: "...")`;
  if (expected === 'boolean' && typeof given === 'string' && /^(true|false)$/i.test(given))
    return `${place} must be ${given.toLowerCase()} without quotes (got the string ${shown(given)})`;
  if (expected === 'array' && (typeof given === 'string' || typeof given === 'number'))
    return `${place} must be a list (got ${shown(given)}): write [${String(given)}]`;
  const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
  return `${place} must be ${article} ${expected.replace(',', ' or ')} (got ${shown(given)})`;
}

/**
 * The same parameter twice in a Path Item's or an operation's list: spec-checks.ts reports each repeat at the
 * entry that repeats, also when the two differ in anything but name and location.
 */
function isParameterListRepeat(e: ErrorObject): boolean {
  return e.keyword === 'uniqueItems' && e.instancePath.startsWith('/paths/') && e.instancePath.endsWith('/parameters');
}

const missing = (e: ErrorObject, name: string): boolean =>
  e.keyword === 'required' && paramsOf(e).missingProperty === name;

/**
 * An OpenAPI 3.0 parameter or header has a schema or a content (a oneOf of the two): when it has neither, both
 * alternatives report; the message about the schema names the other.
 */
function withoutContentAlternative(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter(
    (e) => !missing(e, 'content') || !errors.some((o) => o.instancePath === e.instancePath && missing(o, 'schema')),
  );
}

/**
 * Where a oneOf still decides by trying each branch (the schema's few that no property decides, see
 * scripts/openapi-discriminators.mjs), every branch reports its own errors: keep those repeated most often,
 * a mistake the user made shows up in every branch.
 */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  if (oneOfAt.size === 0) return [...errors];
  const key = (e: ErrorObject): string => `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
  const counts = new Map<string, number>();
  for (const e of errors) if (oneOfAt.has(e.instancePath)) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  const maxAt = new Map<string, number>();
  for (const e of errors) {
    if (!oneOfAt.has(e.instancePath) || e.keyword === 'oneOf') continue;
    maxAt.set(e.instancePath, Math.max(maxAt.get(e.instancePath) ?? 0, counts.get(key(e)) ?? 0));
  }
  return errors.filter((e) => {
    const max = maxAt.get(e.instancePath);
    return max === undefined || max <= 1 || (counts.get(key(e)) ?? 0) === max;
  });
}
