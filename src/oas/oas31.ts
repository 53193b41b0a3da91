/**
 * OpenAPI 3.1 input. APIG imports Swagger 2.0 and OpenAPI 3.0; a 3.1 file that uses nothing 3.1-only is an OpenAPI
 * 3.0 document in all but its version line, so apig reads it as one (and writes `openapi` back as it was). What only
 * 3.1 has (webhooks, JSON Schema 2020-12 keywords in schemas, `type` as a list...) is named, at its place.
 */
import { join } from '../core/pointer.js';
import { isRecord } from './codec.js';

export const isOas31 = (doc: Record<string, unknown>): boolean =>
  typeof doc.openapi === 'string' && /^3\.1(\.\d+)?$/.test(doc.openapi);

export interface Oas31Use {
  /** JSON pointer of the key. */
  at: string;
  what: string;
}

/** Schema keywords of JSON Schema 2020-12 that OpenAPI 3.0's schema object does not have. */
const SCHEMA_ONLY_31: Record<string, string> = {
  const: '`const` (3.0: `enum` with one value)',
  prefixItems: '`prefixItems`',
  $schema: '`$schema` in a schema',
  $defs: '`$defs`',
  if: '`if`/`then`/`else`',
  dependentRequired: '`dependentRequired`',
  dependentSchemas: '`dependentSchemas`',
  unevaluatedProperties: '`unevaluatedProperties`',
  unevaluatedItems: '`unevaluatedItems`',
  contentMediaType: '`contentMediaType`',
  contentEncoding: '`contentEncoding`',
  examples: '`examples` in a schema (3.0: `example`)',
};

/** Keys whose value is a schema, and keys whose value holds schemas by name or in a list. */
const SCHEMA_VALUED = ['schema', 'items', 'not', 'additionalProperties', 'contains', 'propertyNames'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'schemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Every 3.1-only construct of the document, in document order of its walk. */
export function oas31Uses(doc: Record<string, unknown>): Oas31Use[] {
  const out: Oas31Use[] = [];
  if (doc.webhooks !== undefined) out.push({ at: '/webhooks', what: '`webhooks`' });
  if (doc.jsonSchemaDialect !== undefined) out.push({ at: '/jsonSchemaDialect', what: '`jsonSchemaDialect`' });
  const info = isRecord(doc.info) ? doc.info : {};
  if (info.summary !== undefined) out.push({ at: '/info/summary', what: '`info.summary`' });
  if (isRecord(info.license) && info.license.identifier !== undefined)
    out.push({ at: '/info/license/identifier', what: '`license.identifier`' });
  const components = isRecord(doc.components) ? doc.components : {};
  if (components.pathItems !== undefined) out.push({ at: '/components/pathItems', what: '`components.pathItems`' });

  const schema = (node: unknown, at: string, depth: number): void => {
    if (!isRecord(node) || depth > 200) return;
    if (Array.isArray(node.type)) out.push({ at: join(at, 'type'), what: '`type` as a list (3.0: `nullable: true`)' });
    for (const key of ['exclusiveMinimum', 'exclusiveMaximum'])
      if (typeof node[key] === 'number')
        out.push({ at: join(at, key), what: `\`${key}\` as a number (3.0: a boolean)` });
    for (const [key, what] of Object.entries(SCHEMA_ONLY_31))
      if (Object.hasOwn(node, key)) out.push({ at: join(at, key), what });
    walk(node, at, depth);
  };
  // Finds the schemas below `node`: under a schema-valued key, in a map or list of schemas.
  const walk = (node: unknown, at: string, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, join(at, i), depth + 1);
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = join(at, key);
      if (SCHEMA_VALUED.includes(key)) schema(value, here, depth + 1);
      else if (SCHEMA_MAPS.includes(key) && isRecord(value))
        for (const [name, s] of Object.entries(value)) schema(s, join(here, name), depth + 2);
      else if (SCHEMA_LISTS.includes(key) && Array.isArray(value))
        for (const [i, s] of value.entries()) schema(s, join(here, i), depth + 2);
      else if (key !== 'example' && key !== 'examples' && !key.startsWith('x-')) walk(value, here, depth + 1);
    }
  };
  walk({ paths: doc.paths, components: doc.components }, '', 0);
  return out;
}
