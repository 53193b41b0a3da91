/**
 * Validators for the JSON Schemas in schemas/, by id relative to https://apig.dev/schemas/ (e.g.
 * `workspace.json`, `extensions/x-apigateway-backend.json`). The build precompiles them into
 * dist/schemas.cjs (scripts/compile-schemas.mjs); without it (tests from src/), they are compiled here.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const BASE = 'https://apig.dev/schemas/';
const SCHEMAS = new URL('../../schemas/', import.meta.url);
const COMPILED = new URL('../schemas.cjs', import.meta.url);

let table: Map<string, ValidateFunction> | undefined;

function compileAll(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const ids: string[] = [];
  for (const dir of ['extensions/', '']) {
    for (const f of readdirSync(new URL(dir, SCHEMAS)).filter((n) => n.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(new URL(dir + f, SCHEMAS), 'utf8')) as { $id: string };
      ajv.addSchema(schema);
      ids.push(schema.$id);
    }
  }
  const out = new Map<string, ValidateFunction>();
  for (const id of ids) {
    const v = ajv.getSchema(id);
    if (v) out.set(id.slice(BASE.length), v);
  }
  return out;
}

function load(): Map<string, ValidateFunction> {
  if (table) return table;
  if (existsSync(COMPILED)) {
    const mod = createRequire(import.meta.url)(COMPILED.pathname) as Record<string, ValidateFunction>;
    table = new Map(Object.entries(mod));
  } else {
    table = compileAll();
  }
  return table;
}

export function schemaValidator(id: string): ValidateFunction | undefined {
  return load().get(id);
}
