/**
 * What the Swagger / OpenAPI schema sees: the document with APIG's documented variants written the standard way,
 * upper-case `in` (`QUERY`, `FORMDATA`) and schemes (`HTTPS`) of V1 and console exports lowered, and response keys
 * that are no status code (console exports' `default-cors`) left out. Copy-on-write: only the objects on the way to
 * a change are copied, the rest is shared, and the document itself is never changed; most documents need no copy at
 * all. Keys and array indexes stay where they are, so a pointer into the view is a pointer into the document.
 */
import { isRecord } from './codec.js';
import { isStandardResponseKey, SWAGGER_IN, swaggerIn } from './spec-context.js';
import {
  ANY_METHOD_KEY,
  pointerOf,
  walkPaths,
  type LazyPointer,
  type OperationItemKey,
  type PathsVisitor,
} from './walk.js';

export function swaggerView(doc: Record<string, unknown>): Record<string, unknown> {
  const view = new SwaggerView(doc);
  walkPaths(doc, [view]);
  return view.value();
}

/** The view, built by a visitor of the walk over `paths` (validate.ts shares that walk with the other checks). */
export class SwaggerView implements PathsVisitor {
  /**
   * Pointers of the response keys that are no status code or `default` (console exports' `default-cors`): left out
   * of the view, noted (response-key) and kept in the document. Also under the APIG ANY operation.
   */
  readonly responseKeys: string[] = [];
  /** A copy of `paths`, once a Path Item changed. */
  private paths: Record<string, unknown> | undefined;
  private item: { item: Record<string, unknown>; path: string; copy: Record<string, unknown> | undefined } | undefined;
  private op:
    | { op: Record<string, unknown>; key: OperationItemKey; view: Record<string, unknown>; drop?: string[] }
    | undefined;

  constructor(private readonly doc: Record<string, unknown>) {}

  pathItem(item: Record<string, unknown>, _at: LazyPointer, path: string): void {
    this.flushItem();
    const params = parameterList(item.parameters);
    this.item = {
      item,
      path,
      copy: params !== item.parameters ? withKey(item, item, 'parameters', params) : undefined,
    };
  }

  operation(op: Record<string, unknown>, _at: LazyPointer, key: OperationItemKey): void {
    this.flushOperation();
    // The APIG ANY operation is an extension to the schema, which does not read it.
    this.op = { op, key, view: key === ANY_METHOD_KEY ? op : operationView(op) };
  }

  responseKey(code: string, _value: unknown, responsesAt: LazyPointer): void {
    if (isStandardResponseKey(code)) return;
    this.responseKeys.push(pointerOf(responsesAt, code));
    if (this.op) (this.op.drop ??= []).push(code);
  }

  value(): Record<string, unknown> {
    this.flushItem();
    const { doc } = this;
    let out: Record<string, unknown> | undefined;
    const set = (key: string, v: unknown): void => {
      if (v !== doc[key]) out = withKey(out ?? doc, doc, key, v);
    };
    set('schemes', lowerSchemes(doc.schemes));
    set('parameters', parameterMap(doc.parameters));
    if (isRecord(doc.components)) {
      const params = parameterMap(doc.components.parameters);
      if (params !== doc.components.parameters)
        set('components', withKey(doc.components, doc.components, 'parameters', params));
    }
    if (this.paths) set('paths', this.paths);
    return out ?? doc;
  }

  /** The operation walked last, into its Path Item's copy if its view differs. */
  private flushOperation(): void {
    const current = this.op;
    this.op = undefined;
    const item = this.item;
    if (!current || !item || current.key === ANY_METHOD_KEY) return;
    let view = current.view;
    const { responses } = current.op;
    if (current.drop && isRecord(responses)) {
      const kept: Record<string, unknown> = { ...responses };
      for (const code of current.drop) delete kept[code];
      // Only console keys (an OpenAPI example whose one response is `default-cors`): the operation does declare a
      // response, so the schema's "at least one response" must not fail for the keys left out of its view.
      if (Object.keys(kept).length === 0) kept.default = { description: '' };
      view = withKey(view, current.op, 'responses', kept);
    }
    if (view !== current.op) item.copy = withKey(item.copy ?? item.item, item.item, current.key, view);
  }

  /** The Path Item walked last, into the copy of `paths` if its view differs. */
  private flushItem(): void {
    this.flushOperation();
    const current = this.item;
    this.item = undefined;
    const paths = this.doc.paths;
    if (current?.copy && isRecord(paths)) this.paths = withKey(this.paths ?? paths, paths, current.path, current.copy);
  }
}

/**
 * `copy` (a copy of `original` already, or `original` itself, then copied) with `key` set to `value`: defined, not
 * assigned, so that a key named `__proto__` stays a key.
 */
function withKey(
  copy: Record<string, unknown>,
  original: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const target = copy === original ? { ...original } : copy;
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  return target;
}

function operationView(op: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  const schemes = lowerSchemes(op.schemes);
  if (schemes !== op.schemes) out = withKey(op, op, 'schemes', schemes);
  const params = parameterList(op.parameters);
  if (params !== op.parameters) out = withKey(out ?? op, op, 'parameters', params);
  return out ?? op;
}

function parameter(p: unknown): unknown {
  if (!isRecord(p) || SWAGGER_IN.has(p.in) || typeof p.in !== 'string') return p;
  const written = swaggerIn(p.in);
  return written === p.in ? p : withKey(p, p, 'in', written);
}

function parameterList(params: unknown): unknown {
  if (!Array.isArray(params)) return params;
  let out: unknown[] | undefined;
  for (let i = 0; i < params.length; i++) {
    const p: unknown = params[i];
    const v = parameter(p);
    if (v === p) continue;
    out ??= [...params];
    out[i] = v;
  }
  return out ?? params;
}

function parameterMap(params: unknown): unknown {
  if (!isRecord(params)) return params;
  let out: Record<string, unknown> | undefined;
  for (const name of Object.keys(params)) {
    const v = parameter(params[name]);
    if (v !== params[name]) out = withKey(out ?? params, params, name, v);
  }
  return out ?? params;
}

function lowerSchemes(schemes: unknown): unknown {
  if (!Array.isArray(schemes) || !schemes.some((s) => typeof s === 'string' && s !== s.toLowerCase())) return schemes;
  return schemes.map((s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
}
