/** Every rule has its own test file (test/unit/lint/rules/<id>.test.ts, through testRule) and a recommended severity. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECOMMENDED } from '../../../src/lint/presets.js';
import { ALL_RULE_IDS } from '../../../src/lint/registry.js';
import { isRuleId, RULE_IDS } from '../../../src/lint/rule-ids.js';

const dir = new URL('./rules/', import.meta.url);

describe('rule test files', () => {
  it('every rule has a test file that tests it with testRule', () => {
    const missing = ALL_RULE_IDS.filter((id) => !existsSync(new URL(`${id}.test.ts`, dir)));
    expect(missing, 'rules without test/unit/lint/rules/<id>.test.ts').toEqual([]);
    for (const id of ALL_RULE_IDS) {
      expect(readFileSync(new URL(`${id}.test.ts`, dir), 'utf8'), `${id}.test.ts`).toContain(`testRule('${id}', [`);
    }
  });

  it('the registry implements exactly the closed set of rule ids, each once', () => {
    expect([...ALL_RULE_IDS].sort()).toEqual([...RULE_IDS].sort());
  });

  it('every test file is named for a rule', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.test.ts'.length));
    expect(files.filter((f) => !isRuleId(f))).toEqual([]);
  });

  it('every rule has a recommended severity', () => {
    expect(new Set(Object.keys(RECOMMENDED))).toEqual(new Set(ALL_RULE_IDS));
  });
});
