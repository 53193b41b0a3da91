// Writes docs/rules/<id>.md and docs/rules/README.md from the rule metadata (run after `npm run build`).
// test/unit/lint/docs.test.ts fails when the pages and the metadata differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/lint/registry.js';
import { LOADER_RULES } from '../dist/lint/loader-rules.js';
import { RECOMMENDED } from '../dist/lint/presets.js';
import { ruleDoc, rulesIndex } from '../dist/lint/docs.js';

const dir = new URL('../docs/rules/', import.meta.url);
mkdirSync(dir, { recursive: true });
const metas = [...Object.values(LOADER_RULES), ...RULES.map((r) => r.meta)];
for (const meta of metas) writeFileSync(new URL(`${meta.id}.md`, dir), ruleDoc(meta, RECOMMENDED[meta.id]));
writeFileSync(new URL('README.md', dir), rulesIndex(metas.map((meta) => ({ meta, severity: RECOMMENDED[meta.id] }))));
console.log(`wrote ${metas.length} rule pages`);
