/**
 * The JSON Schema keywords a Swagger 2.0 parameter that is not in the body holds itself (an OpenAPI 3.0 one holds
 * them in its `schema`): Swagger 2.0, Parameter Object.
 */
export const PARAMETER_SCHEMA_KEYWORDS: readonly string[] = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
];
