/**
 * swagger-parser's checks of what a schema says (lib/validators/spec.js `validateSchema`,
 * `validateRequiredPropertiesExist`, `validateResponse`): a type the location allows, `items` for an array, a file
 * only in a form, `required` properties that exist, in parameters, responses and definitions.
 */
import { child, type LazyPointer } from './walk.js';
import { isRecord } from './codec.js';
import { shown } from './schema-messages.js';
import { type Checks, isStandardResponseKey, near, type Node, type Param, placeOf, type Ptr } from './spec-context.js';

const PRIMITIVE_TYPES: readonly unknown[] = ['array', 'boolean', 'integer', 'number', 'string'];
const SCHEMA_TYPES: readonly unknown[] = [...PRIMITIVE_TYPES, 'object', 'null', undefined];
const FORM_TYPES: readonly unknown[] = [...PRIMITIVE_TYPES, 'file'];
const RESPONSE_TYPES: readonly unknown[] = [...SCHEMA_TYPES, 'file'];

/** A parameter's type: what its location allows, `items` for an array, a file only in a form. */
export function parameterTypes(checks: Checks, p: Param, op: Record<string, unknown>): void {
  if (p.in === 'body') {
    const schema = checks.deref(p.value.schema, child(p.at, 'schema'));
    if (!isRecord(schema.value)) return;
    typeAndItems(checks, schema.value, schema.at, SCHEMA_TYPES);
    requiredPropertiesExist(checks, schema);
    return;
  }
  typeAndItems(checks, p.value, p.at, p.in === 'formData' ? FORM_TYPES : PRIMITIVE_TYPES);
  if (p.value.type !== 'file') return;
  const consumes = op.consumes ?? checks.doc.consumes ?? [];
  const form = (c: unknown): boolean =>
    typeof c === 'string' &&
    (/multipart\/(.*\+)?form-data/.test(c) || /application\/(.*\+)?x-www-form-urlencoded/.test(c));
  if (!Array.isArray(consumes) || !consumes.some(form))
    checks.report(
      p.entry,
      (place) =>
        `${place}: the file parameter "${p.name ?? ''}" needs an operation that consumes ` +
        'multipart/form-data or application/x-www-form-urlencoded: add consumes: [multipart/form-data]',
    );
}

/**
 * swagger-parser's type check: what the location allows (a primitive for a parameter or a header, a schema type
 * for a body, `file` in a form or a response) and `items` for an array. A single type name outside the list is the
 * schema's to report (its enums are the same lists); a list of types (`[string, "null"]`) gets past the schema,
 * which reads a body's schema as JSON Schema.
 */
function typeAndItems(checks: Checks, schema: Record<string, unknown>, at: Ptr, allowed: readonly unknown[]): void {
  const type = schema.type;
  if (Array.isArray(type)) {
    const names = allowed.filter((t) => t !== undefined).map((t) => JSON.stringify(t));
    checks.report(
      child(at, 'type'),
      (place) =>
        `${place} must be one type, one of ${names.join(', ')} (got ${JSON.stringify(type)}): ` +
        'Swagger 2.0 takes no list of types',
    );
  } else if (type === 'array' && !schema.items) {
    checks.report(at, (place) => `${place} is an array without items: say what it holds, e.g. items: {type: string}`);
  }
}

/**
 * One key of an operation's responses. swagger-parser also refused a status code outside 100-599, but apig never
 * showed it one: such a key, like console exports' `default-cors`, is left out of the schema's view
 * (swagger-view.ts) and is a response-key note, and no check sees it. An x- value is an extension, not a response.
 */
export function checkResponse(checks: Checks, code: string, value: unknown, responsesAt: LazyPointer): void {
  if (!isRecord(value)) return;
  let response = value;
  let at: Ptr;
  if (typeof value.$ref === 'string') {
    const target = checks.deref(value, child(responsesAt, code));
    if (!isRecord(target.value)) return;
    response = target.value;
    at = target.at;
  }
  const { headers, schema } = response;
  if ((!isRecord(headers) && !schema) || code.startsWith('x-') || !isStandardResponseKey(code)) return;
  at ??= child(responsesAt, code);
  if (isRecord(headers))
    for (const name of Object.keys(headers)) {
      const header = checks.deref(headers[name], child(child(at, 'headers'), name));
      if (isRecord(header.value)) typeAndItems(checks, header.value, header.at, PRIMITIVE_TYPES);
    }
  if (schema) {
    const s = checks.deref(schema, child(at, 'schema'));
    if (isRecord(s.value)) typeAndItems(checks, s.value, s.at, RESPONSE_TYPES);
  }
}

/** Every name an object schema lists in `required` is one of its properties (its own or its allOf parents'). */
export function requiredPropertiesExist(checks: Checks, schema: Node): void {
  const s = schema.value;
  if (!isRecord(s) || !Array.isArray(s.required)) return;
  if (Array.isArray(s.type) ? !s.type.includes('object') : s.type !== 'object') return;
  const props = new Map<string, unknown>();
  const seen = new Set<unknown>();
  const collect = (node: unknown, at: Ptr): void => {
    const { value } = checks.deref(node, at);
    if (!isRecord(value) || seen.has(value)) return;
    seen.add(value);
    if (isRecord(value.properties)) for (const [k, v] of Object.entries(value.properties)) props.set(k, v);
    if (Array.isArray(value.allOf))
      for (let i = 0; i < value.allOf.length; i++) collect(value.allOf[i], child(child(at, 'allOf'), i));
  };
  collect(s, schema.at);
  s.required.forEach((name: unknown, i) => {
    if (typeof name === 'string' && props.get(name)) return;
    const guess = typeof name === 'string' ? near(name, props.keys()) : undefined;
    checks.report(
      child(child(schema.at, 'required'), i),
      (place) =>
        `${place}: ${shown(name)} is required, but ${placeOf(schema.at)} defines no such property` +
        (guess !== undefined ? ` (did you mean "${guess}"?)` : ' (add it under properties)'),
    );
  });
}
