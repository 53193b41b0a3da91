/**
 * What the editor knows of each x-apigateway-* extension: where it stands (oas/extensions/registry.ts) and the
 * shape of its value (the JSON Schemas in schemas/extensions, the ones lint validates with). Hover and completion
 * read both from here, so they say what lint checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSIONS, type ExtensionInfo, extensionInfo, type Placement } from '../oas/extensions/registry.js';
import { packageRoot } from '../oas/package-root.js';
import { isOperationItemKey } from '../oas/walk.js';
import { own } from './own.js';

export type JsonSchema = {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

const schemas = new Map<string, JsonSchema | undefined>();

/** The schema of an extension validated on its own, read once. */
export function schemaOf(name: string): JsonSchema | undefined {
  if (schemas.has(name)) return schemas.get(name);
  const info = extensionInfo(name);
  let schema: JsonSchema | undefined;
  if (info?.schema !== undefined) {
    try {
      const file = join(packageRoot(import.meta.url), 'schemas', 'extensions', info.schema);
      schema = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
    } catch {
      schema = undefined;
    }
  }
  schemas.set(name, schema);
  return schema;
}

/** `#/definitions/x` within the same schema. */
function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  const ref = s.$ref;
  if (ref === undefined || !ref.startsWith('#/definitions/')) return s;
  return own(root.definitions, ref.slice('#/definitions/'.length)) ?? s;
}

/** The alternatives a schema stands for (anyOf, oneOf, allOf flattened), each dereferenced. */
function alternatives(root: JsonSchema, s: JsonSchema): JsonSchema[] {
  const d = deref(root, s);
  const subs = [...(d.anyOf ?? []), ...(d.oneOf ?? []), ...(d.allOf ?? [])];
  return [d, ...subs.flatMap((x) => alternatives(root, x))];
}

/** The schema of the value at `rest` under a root schema (a file's own `definitions` resolved). */
export function subschema(root: JsonSchema | undefined, rest: readonly string[]): JsonSchema | undefined {
  if (!root) return undefined;
  let here: JsonSchema = root;
  for (const seg of rest) {
    let next: JsonSchema | undefined;
    for (const alt of alternatives(root, here)) {
      const isIndex = /^\d+$/.test(seg);
      const candidate = isIndex
        ? alt.items
        : (own(alt.properties, seg) ??
          (typeof alt.additionalProperties === 'object' ? alt.additionalProperties : undefined));
      if (candidate) {
        next = candidate;
        break;
      }
    }
    if (!next) return undefined;
    here = next;
  }
  return deref(root, here);
}

/** The keys a map at `rest` under a root schema may have, with their schemas. */
export function subproperties(root: JsonSchema | undefined, rest: readonly string[]): Array<[string, JsonSchema]> {
  const here = subschema(root, rest);
  if (!root || !here) return [];
  const out = new Map<string, JsonSchema>();
  for (const alt of alternatives(root, here))
    for (const [k, v] of Object.entries(alt.properties ?? {})) if (!out.has(k)) out.set(k, deref(root, v));
  return [...out];
}

/** The values an enum at `rest` under a root schema allows (every alternative's), as written there. */
export function subenum(root: JsonSchema | undefined, rest: readonly string[]): string[] {
  const here = subschema(root, rest);
  if (!root || !here) return [];
  const out = new Set<string>();
  for (const alt of alternatives(root, here)) {
    for (const v of alt.enum ?? []) out.add(String(v));
    if (alt.const !== undefined) out.add(String(alt.const));
    if (alt.type === 'boolean') for (const v of ['true', 'false']) out.add(v);
  }
  return [...out];
}

/** The schema of the value at `rest` inside the extension `name`'s value. */
export const schemaAt = (name: string, rest: readonly string[]): JsonSchema | undefined =>
  subschema(schemaOf(name), rest);

/** The keys a map at `rest` inside the extension may have, with their schemas. */
export const propertiesAt = (name: string, rest: readonly string[]): Array<[string, JsonSchema]> =>
  subproperties(schemaOf(name), rest);

/** The values an enum at `rest` inside the extension allows. */
export const enumAt = (name: string, rest: readonly string[]): string[] => subenum(schemaOf(name), rest);

let workspace: JsonSchema | undefined | null = null;

/** schemas/workspace.json, the schema apig.yaml is validated with, read once. */
export function workspaceSchema(): JsonSchema | undefined {
  if (workspace !== null) return workspace;
  try {
    const file = join(packageRoot(import.meta.url), 'schemas', 'workspace.json');
    workspace = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
  } catch {
    workspace = undefined;
  }
  return workspace;
}

/** Where the object at `segments` of a Swagger or OpenAPI document stands, for the extensions it may carry. */
export function placementOf(segments: readonly string[]): Placement | undefined {
  const n = segments.length;
  const [a, b, c, d] = segments;
  if (n === 0) return 'root';
  if (a === 'paths') {
    if (n === 2) return 'pathItem';
    if (n === 3 && isOperationItemKey(c as string)) return 'operation';
    if (n === 4 && c === 'parameters') return 'parameter';
    if (n === 5 && isOperationItemKey(c as string) && d === 'parameters') return 'parameter';
    if (n === 4 && isOperationItemKey(c as string) && d === 'responses') return 'responses';
    if (n === 5 && isOperationItemKey(c as string) && d === 'responses') return 'response';
    return undefined;
  }
  if (n === 2 && (a === 'securityDefinitions' || a === 'parameters' || a === 'responses'))
    return a === 'securityDefinitions' ? 'securityScheme' : a === 'parameters' ? 'parameter' : 'response';
  if (a === 'components') {
    if (n === 1) return 'components';
    if (n === 3 && b === 'securitySchemes') return 'securityScheme';
    if (n === 3 && b === 'parameters') return 'parameter';
    if (n === 3 && b === 'responses') return 'response';
  }
  return undefined;
}

/** The extensions (validated on their own) that may stand at a placement. */
export function extensionsFor(placement: Placement): ExtensionInfo[] {
  return EXTENSIONS.filter((e) => e.schema !== undefined && e.placements.includes(placement));
}

/** The extension a path runs through (its first x-apigateway-* segment with a schema), and the rest of the path. */
export function extensionOfPath(segments: readonly string[]): { name: string; rest: string[] } | undefined {
  // x-apigateway-any-method holds an Operation Object: what is inside it is read as on any operation.
  const i = segments.findLastIndex(
    (s) => s.startsWith('x-apigateway-') && s !== 'x-apigateway-any-method' && schemaOf(s) !== undefined,
  );
  if (i < 0) return undefined;
  return { name: segments[i] as string, rest: segments.slice(i + 1) };
}
