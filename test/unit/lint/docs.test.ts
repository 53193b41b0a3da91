import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDoc, rulesIndex } from '../../../src/lint/docs.js';
import { LOADER_RULES } from '../../../src/lint/loader-rules.js';
import { RECOMMENDED, type RuleId } from '../../../src/lint/presets.js';
import { RULES } from '../../../src/lint/registry.js';

const metas = [...Object.values(LOADER_RULES), ...RULES.map((r) => r.meta)];
const page = (name: string): string => readFileSync(new URL(`../../../docs/rules/${name}`, import.meta.url), 'utf8');

describe('rule docs (regenerate with `npm run build && node scripts/generate-rule-docs.mjs`)', () => {
  it.each(metas.map((m) => [m.id, m]))('docs/rules/%s.md is current', (_id, meta) => {
    expect(page(`${meta.id}.md`)).toBe(ruleDoc(meta, RECOMMENDED[meta.id as RuleId]));
    expect(meta.source.length).toBeGreaterThan(5);
  });

  it('the index lists every rule', () => {
    expect(page('README.md')).toBe(
      rulesIndex(metas.map((meta) => ({ meta, severity: RECOMMENDED[meta.id as RuleId] }))),
    );
  });
});
