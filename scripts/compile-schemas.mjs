// Compiles every JSON Schema in schemas/ into one CommonJS module of ajv validators (ajv standalone), so
// that commands do not spend ~300 ms compiling schemas at start-up. Runs after tsc in `npm run build`.
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';

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
writeFileSync(new URL('dist/schemas.cjs', root), code);
console.log(`compiled ${Object.keys(exports).length} schemas into dist/schemas.cjs`);
