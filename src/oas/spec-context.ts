/**
 * What the semantic checks (spec-checks.ts, spec-schema-checks.ts) share: their findings, each reported once with
 * its place's name, local `$ref`s followed with the place they lead to, and how Swagger writes `in` and response
 * keys.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/closest.js';
import { parsePointer } from '../core/pointer.js';
import { isRecord } from './codec.js';
import { placeName } from './schema-messages.js';
import { child, pointerOf, type LazyPointer } from './walk.js';

/** `in` as Swagger writes it: lower case, `formData` for form fields (exports write `QUERY`, `FORMDATA`...). */
export function swaggerIn(value: string): string {
  const lower = value.toLowerCase();
  return lower === 'formdata' ? 'formData' : lower;
}

/** The locations as Swagger writes them, which need no lower-casing. */
export const SWAGGER_IN: ReadonlySet<unknown> = new Set(['query', 'header', 'path', 'body', 'formData', 'cookie']);

/**
 * Console exports write response keys like `default-cors` (OTC OpenAPI examples), which neither Swagger nor
 * OpenAPI allows: they are noted (response-key) and kept, and no check sees them.
 */
export function isStandardResponseKey(key: string): boolean {
  return key === 'default' || key.startsWith('x-') || /^[1-5](\d\d|XX)$/.test(key);
}

export type Ptr = LazyPointer | undefined;

export interface Node {
  value: unknown;
  /** Where the value is (after `$ref`s: what they point at). */
  at: Ptr;
}

/** A parameter as an operation sees it: where it is listed, and what it is. */
export interface Param {
  value: Record<string, unknown>;
  /** Where it is listed (a `$ref` entry stays the entry). */
  entry: LazyPointer;
  /** Where it is defined. */
  at: Ptr;
  in: string | undefined;
  /** A path parameter's name without the `+` of a greedy match. */
  name: string | undefined;
}

/** The findings of one document, and what the checks need of it. */
export class Checks {
  readonly out: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  /** Each operationId and the operation that has it first (`GET /a`). */
  readonly operationIds = new Map<string, { method: string; path: string }>();

  constructor(
    readonly doc: Record<string, unknown>,
    private readonly source: string,
  ) {}

  /** A finding at `at`; `message` gets the place's name (`paths > /a > get`). */
  report(at: Ptr, message: (place: string) => string): void {
    const path = pointerOf(at);
    const text = message(placeName(parsePointer(path)));
    // A shared definition is reached from every operation that uses it: once is enough.
    const key = `${path}\n${text}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push({ code: 'swagger-schema', severity: 'error', path, source: this.source, message: text });
  }

  /**
   * Follows local `$ref`s; one that does not resolve (or loops: a partial load goes on past ref-resolution
   * errors) stays as it is. External ones were bundled in by the loader.
   */
  deref(value: unknown, at: Ptr): Node {
    let node: Node = { value, at };
    for (let hops = 0; hops < 32 && isRecord(node.value) && typeof node.value.$ref === 'string'; hops++) {
      const ref = node.value.$ref;
      if (!ref.startsWith('#')) break;
      let target: unknown = this.doc;
      let targetAt: Ptr;
      for (const seg of parsePointer(ref)) {
        target =
          Array.isArray(target) && /^\d+$/.test(seg)
            ? target[Number(seg)]
            : isRecord(target) && Object.hasOwn(target, seg)
              ? target[seg]
              : undefined;
        if (target === undefined) return node;
        targetAt = child(targetAt, seg);
      }
      node = { value: target, at: targetAt };
    }
    return node;
  }
}

/** A near name, for a slip (not for any short name: `r` is not a slip for `q`). */
export function near(name: string, names: Iterable<string>): string | undefined {
  const max = Math.min(2, Math.floor(name.length / 2));
  return max > 0 ? closest(name, names, max) : undefined;
}

/** `paths > /a > get`: a place by its pointer. */
export const placeOf = (at: Ptr): string => placeName(parsePointer(pointerOf(at)));
