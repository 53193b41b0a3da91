/**
 * A request body given by example (`--body '{"name":"rex","age":3}'`), as the console's request body
 * description: the JSON schema the example has (types, properties, list items), with the example itself.
 */
import type { Api } from '../../../core/model.js';
import { isRecord } from '../../../oas/codec.js';

/** The methods the console offers a request body for (User Guide §5.2.1, "request body description"). */
export const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'ANY'] as const;

type Schema = Record<string, unknown>;

/** The schema of a JSON value: its type, an object's properties, a list's item schema (of its first item). */
export function schemaOf(value: unknown): Schema {
  if (value === null) return {};
  if (Array.isArray(value)) return { type: 'array', items: value.length > 0 ? schemaOf(value[0]) : {} };
  switch (typeof value) {
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: Number.isInteger(value) ? 'integer' : 'number' };
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaOf(v)])),
      };
    default:
      return {};
  }
}

/** The example as a value, or why it is none. */
export function parseExample(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * The request body of an OpenAPI 3.0 operation for an example: JSON content with the example's schema and the
 * example. (Swagger 2.0 has no place for one the gateway imports: body parameters are refused.)
 */
export function requestBody(example: string): Record<string, unknown> | undefined {
  const { value } = parseExample(example);
  if (value === undefined) return undefined;
  return { content: { 'application/json': { schema: schemaOf(value), example: value } } };
}

/** The example an operation's request body holds (what `apig edit` pre-fills), when it has one. */
export function exampleOf(api: Pick<Api, 'kept'>): string | undefined {
  const body = api.kept?.extra?.requestBody;
  const json = isRecord(body) && isRecord(body.content) ? body.content['application/json'] : undefined;
  return isRecord(json) && json.example !== undefined ? JSON.stringify(json.example) : undefined;
}
