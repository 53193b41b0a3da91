/**
 * Validators for the JSON Schemas in schemas/, by id relative to https://apig.dev/schemas/ (e.g.
 * `workspace.json`, `extensions/x-apigateway-backend.json`). The build precompiles them into one artefact,
 * dist/schemas.cjs (scripts/compile-schemas.mjs); the shipped CLI (from dist/) and the tests (from src/) load
 * that same file, found from the package root, so what is tested is what users run.
 */
import type { ValidateFunction } from 'ajv';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

let table: Map<string, ValidateFunction> | undefined;

function load(): Map<string, ValidateFunction> {
  if (table) return table;
  // Found from the package root: this module may run from src/, dist/ or a command bundled into dist/.
  const COMPILED = join(packageRoot(import.meta.url), 'dist', 'schemas.cjs');
  if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run \`npm run build\` (it precompiles schemas/)`);
  const mod = createRequire(import.meta.url)(COMPILED) as Record<string, ValidateFunction>;
  table = new Map(Object.entries(mod));
  return table;
}

export function schemaValidator(id: string): ValidateFunction | undefined {
  return load().get(id);
}
