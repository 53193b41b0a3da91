/**
 * The semantic checks of a Swagger 2.0 document that its JSON Schema cannot make: those of swagger-parser 12.1.0
 * (lib/validators/spec.js, which apig ran before), made on the document as written, with APIG's documented
 * variants accepted as they are (upper-case `in`, a greedy `{name+}` declared as `name` or `name+`) and local
 * `$ref`s followed. Each finding points at the exact place: the parameter, the operation, the `required` entry.
 * swagger-parser checks nothing more for OpenAPI 3.0 than its version (lib/index.js, `parse`). Its check that a
 * path parameter is required is the schema's too (schema-messages.ts words it). Pointers are built only for a
 * finding: a valid document of thousands of operations costs a walk and no strings.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { pathParamName } from '../core/defaults.js';
import { isRecord } from './codec.js';
import { shown } from './schema-messages.js';
import { Checks, type Param, placeOf, type Ptr, SWAGGER_IN, swaggerIn, near } from './spec-context.js';
import { checkResponse, parameterTypes, requiredPropertiesExist } from './spec-schema-checks.js';
import {
  ANY_METHOD_KEY,
  child,
  OPERATION_KEYS,
  walkPaths,
  type LazyPointer,
  type OperationItemKey,
  type PathsVisitor,
} from './walk.js';

/** The OpenAPI 3.0 releases swagger-parser 12.1.0 accepts. */
const OAS30_RELEASES = ['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4'];

/** The checks, standalone: one walk of their own (validate.ts runs them in the walk it shares with others). */
export function specChecks(doc: Record<string, unknown>, kind: 'swagger2' | 'oas3', source: string): Diagnostic[] {
  if (kind === 'oas3') return versionCheck(doc, source);
  const checks = new SpecChecks(doc, source);
  walkPaths(doc, [checks]);
  return checks.finish();
}

/** OpenAPI 3.0: the schema refuses what is not 3.0.x; swagger-parser also refused a 3.0.x that is no release. */
export function versionCheck(doc: Record<string, unknown>, source: string): Diagnostic[] {
  const checks = new Checks(doc, source);
  const v = doc.openapi;
  if (typeof v === 'string' && /^3\.0\.\d(-.+)?$/.test(v) && !OAS30_RELEASES.includes(v))
    checks.report(
      child(undefined, 'openapi'),
      () => `openapi must be an OpenAPI 3.0 release, ${OAS30_RELEASES.join(', ')} (got ${shown(v)})`,
    );
  return checks.out;
}

/** What an operation of the Path Item being walked sees of it. */
interface PathContext {
  path: string;
  /** Its placeholders, each once. */
  names: readonly Placeholder[];
  /** Its parameters, which its operations inherit. */
  shared: Param[];
}

/** The Swagger 2.0 checks, as a visitor of the walk over `paths` (walk.ts); `finish` checks the definitions. */
export class SpecChecks implements PathsVisitor {
  private readonly checks: Checks;
  /** The Path Item being walked, when it is one swagger-parser checked (its key starts with /). */
  private item: PathContext | undefined;

  constructor(doc: Record<string, unknown>, source: string) {
    this.checks = new Checks(doc, source);
  }

  pathItem(item: Record<string, unknown>, at: LazyPointer, path: string): void {
    this.item = undefined;
    if (!path.startsWith('/')) return;
    if (typeof item.$ref !== 'string') {
      this.item = pathContext(this.checks, item, at, path);
      return;
    }
    const target = this.checks.deref(item, at);
    if (!isRecord(target.value)) return;
    const context = pathContext(this.checks, target.value, target.at, path);
    if (target.value === item) {
      this.item = context;
      return;
    }
    // A Path Item that is a $ref: the walk does not see the operations it points at.
    for (const key of OPERATION_KEYS) {
      const op = target.value[key];
      if (!isRecord(op)) continue;
      const opAt = child(target.at, key);
      checkOperation(this.checks, context, op, opAt, key);
      if (isRecord(op.responses))
        for (const code of Object.keys(op.responses))
          checkResponse(this.checks, code, op.responses[code], child(opAt, 'responses'));
    }
  }

  operation(op: Record<string, unknown>, at: LazyPointer, key: OperationItemKey): void {
    // swagger-parser checked the seven methods; x-apigateway-any-method is APIG's, which the APIG rules check.
    if (this.item && key !== ANY_METHOD_KEY) checkOperation(this.checks, this.item, op, at, key);
  }

  responseKey(code: string, value: unknown, responsesAt: LazyPointer, key: OperationItemKey): void {
    if (this.item && key !== ANY_METHOD_KEY) checkResponse(this.checks, code, value, responsesAt);
  }

  finish(): Diagnostic[] {
    const { definitions } = this.checks.doc;
    if (isRecord(definitions)) {
      const definitionsAt = child(undefined, 'definitions');
      for (const name of Object.keys(definitions))
        requiredPropertiesExist(this.checks, this.checks.deref(definitions[name], child(definitionsAt, name)));
    }
    return this.checks.out;
  }
}

interface Placeholder {
  /** The name a path parameter declares (a greedy `{name+}` by `name`). */
  name: string;
  written: string;
}

const NONE: readonly Placeholder[] = [];

/** The `{name}` placeholders of a path, as swagger-parser finds them (`/\{([^/}]+)}/g`), without a RegExp. */
function placeholders(path: string): readonly Placeholder[] {
  let open = path.indexOf('{');
  if (open < 0) return NONE;
  const out: Placeholder[] = [];
  while (open >= 0) {
    let end = open + 1;
    while (end < path.length && path[end] !== '/' && path[end] !== '}') end++;
    if (path[end] === '}' && end > open + 1) {
      out.push({ name: pathParamName(path.slice(open + 1, end)), written: path.slice(open, end + 1) });
      open = path.indexOf('{', end + 1);
    } else open = path.indexOf('{', open + 1);
  }
  return out;
}

/** The names of a path's placeholders, each once (a greedy `{name+}` by `name`), for lint's fixes. */
export const placeholderNames = (path: string): string[] => [...new Set(placeholders(path).map((p) => p.name))];

function pathContext(checks: Checks, pathItem: Record<string, unknown>, at: Ptr, path: string): PathContext {
  const names = placeholders(path);
  // A placeholder named twice is reported once here; one parameter is then enough for it.
  const unique = names.length < 2 ? names : names.filter((n, i) => names.findIndex((m) => m.name === n.name) === i);
  if (unique.length < names.length && OPERATION_KEYS.some((k) => pathItem[k])) {
    const twice = new Set(
      names.filter((n, i) => names.findIndex((m) => m.name === n.name) !== i).map((n) => n.written),
    );
    checks.report(at, (place) => `${place}: the path names ${[...twice].join(', ')} twice`);
  }
  const shared = paramList(checks, pathItem.parameters, child(at, 'parameters'));
  noDuplicates(checks, shared);
  return { path, names: unique, shared };
}

function checkOperation(
  checks: Checks,
  item: PathContext,
  op: Record<string, unknown>,
  opAt: LazyPointer,
  method: string,
): void {
  uniqueOperationId(checks, op, opAt, method, item.path);
  const own = paramList(checks, op.parameters, child(opAt, 'parameters'));
  noDuplicates(checks, own);
  // The operation's parameters override the Path Item's with the same name and location.
  const params = item.shared.length === 0 ? own : inherit(own, item.shared);
  bodyParameters(checks, params);
  pathParameters(checks, params, item.names, item.path, opAt);
  for (let i = 0; i < params.length; i++) parameterTypes(checks, params[i] as Param, op);
}

/** The operation's parameters, then the Path Item's it does not override. */
function inherit(own: Param[], shared: readonly Param[]): Param[] {
  const params = [...own];
  for (const p of shared) if (!params.some((o) => o.in === p.in && o.name === p.name)) params.push(p);
  return params;
}

function uniqueOperationId(
  checks: Checks,
  op: Record<string, unknown>,
  opAt: LazyPointer,
  method: string,
  path: string,
): void {
  const id = op.operationId;
  if (typeof id !== 'string' || id === '') return;
  const first = checks.operationIds.get(id);
  if (first === undefined) {
    checks.operationIds.set(id, { method, path });
    return;
  }
  const label = `${first.method.toUpperCase()} ${first.path}`;
  checks.report(
    child(opAt, 'operationId'),
    (place) => `${place} "${id}" is already the operationId of ${label}: each operation needs its own`,
  );
}

const EMPTY: Param[] = [];

function paramList(checks: Checks, list: unknown, at: LazyPointer): Param[] {
  if (!Array.isArray(list) || list.length === 0) return EMPTY;
  const out: Param[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw: unknown = list[i];
    if (!isRecord(raw)) continue;
    const entry = child(at, i);
    let value = raw;
    let defAt: Ptr = entry;
    if (typeof raw.$ref === 'string') {
      const target = checks.deref(raw, entry);
      if (!isRecord(target.value)) continue;
      value = target.value;
      defAt = target.at;
    }
    const where = typeof value.in !== 'string' ? undefined : SWAGGER_IN.has(value.in) ? value.in : swaggerIn(value.in);
    const name =
      typeof value.name === 'string' ? (where === 'path' ? pathParamName(value.name) : value.name) : undefined;
    out.push({ value, entry, at: defAt, in: where, name });
  }
  return out;
}

function noDuplicates(checks: Checks, params: readonly Param[]): void {
  for (let j = 1; j < params.length; j++) {
    const p = params[j] as Param;
    if (p.name === undefined) continue;
    const first = params.find((q, i) => i < j && q.name === p.name && q.in === p.in);
    if (first)
      checks.report(
        p.entry,
        (place) =>
          `${place}: the ${p.in ?? ''} parameter "${p.name}" is declared twice in this list ` +
          `(first at ${placeOf(first.entry)})`,
      );
  }
}

function bodyParameters(checks: Checks, params: readonly Param[]): void {
  let body: Param | undefined;
  let form: Param | undefined;
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as Param;
    if (p.in === 'body') {
      if (body === undefined) body = p;
      else {
        const first = body;
        checks.report(
          p.entry,
          (place) =>
            `${place}: a second body parameter ("${p.name ?? ''}"); ` +
            `an operation takes one at most (first: "${first.name ?? ''}")`,
        );
      }
    } else if (p.in === 'formData') form ??= p;
  }
  if (body && form) {
    const [b, f] = [body, form];
    checks.report(
      f.entry,
      (place) =>
        `${place}: formData parameter "${f.name ?? ''}" beside the body parameter "${b.name ?? ''}": ` +
        'an operation takes either a body or formData parameters (a form), not both',
    );
  }
}

function pathParameters(
  checks: Checks,
  params: readonly Param[],
  names: readonly Placeholder[],
  path: string,
  opAt: LazyPointer,
): void {
  const unmatched = names.length > 0 ? [...names] : [];
  for (let j = 0; j < params.length; j++) {
    const p = params[j] as Param;
    const name = p.name;
    if (p.in !== 'path' || name === undefined) continue;
    const i = unmatched.findIndex((n) => n.name === name);
    if (i >= 0) {
      unmatched.splice(i, 1);
      continue;
    }
    const guess = near(
      name,
      names.map((n) => n.name),
    );
    checks.report(
      p.entry,
      (place) =>
        `${place}: the path parameter "${name}" has no {${name}} in the path ${path}` +
        (guess !== undefined
          ? ` (did you mean "${guess}"?)`
          : `: add {${name}} to the path, or declare it in: query or in: header`),
    );
  }
  if (unmatched.length === 0) return;
  const declare = unmatched.map((n) => `{name: ${n.name}, in: path, required: true, type: string}`).join(' and ');
  checks.report(
    opAt,
    (place) =>
      `${place} declares no path parameter for ${unmatched.map((n) => n.written).join(', ')}: ` +
      `add ${declare} to its parameters`,
  );
}
