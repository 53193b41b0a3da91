import { describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../../../src/lint/doc-url.js';
import { listRules } from '../../../src/lint/list-rules.js';
import { RECOMMENDED } from '../../../src/lint/presets.js';
import { ALL_RULE_IDS, ruleMeta } from '../../../src/lint/registry.js';
import type { RuleId } from '../../../src/lint/rule-ids.js';

interface Row {
  id: RuleId;
  category: string;
  severity: string;
  fixable: boolean;
  description: string;
  documentationUrl: string;
}

describe('apig lint --list-rules', () => {
  it('json: every rule once, in ALL_RULE_IDS order, with category, default severity, fix, description and docs', () => {
    const rows = JSON.parse(listRules('json')) as Row[];
    expect(rows.map((r) => r.id)).toEqual([...ALL_RULE_IDS]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['id', 'category', 'severity', 'fixable', 'description', 'documentationUrl']);
      expect(r.category).toBe(ruleMeta(r.id)?.category);
      expect(r.fixable).toBe(ruleMeta(r.id)?.fix !== undefined);
      expect(r.severity).toBe(RECOMMENDED[r.id]);
      expect(r.description).toBe(ruleMeta(r.id)?.description);
      expect(r.description).not.toMatch(/\n/);
      expect(r.documentationUrl).toBe(ruleDocUrl(r.id));
    }
  });

  it('stylish: a header, then one line per rule in ALL_RULE_IDS order, in aligned columns', () => {
    const lines = listRules('stylish').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE +SEVERITY +FIX +DOCS +CHECKS$/);
    const body = lines.slice(1);
    expect(body.map((l) => l.split(' ')[0])).toEqual([...ALL_RULE_IDS]);
    const column = (marker: (id: RuleId) => string): number[] =>
      body.map((l, i) => l.indexOf(marker(ALL_RULE_IDS[i] ?? 'parse')));
    expect(new Set(column(ruleDocUrl)).size).toBe(1);
    ALL_RULE_IDS.forEach((id, i) => {
      expect(body[i]).toMatch(new RegExp(`^${id} +${RECOMMENDED[id]} +${ruleMeta(id)?.fix ? 'yes' : 'no'} +`));
      expect(body[i]?.endsWith(`  ${ruleMeta(id)?.description}`)).toBe(true);
    });
  });

  it('shows the severities the configuration gives; parse stays an error', () => {
    const severities = { quotas: 'off', 'operation-id': 'error', parse: 'off' } as const;
    const rows = JSON.parse(listRules('json', severities)) as Row[];
    const of = (id: RuleId): string | undefined => rows.find((r) => r.id === id)?.severity;
    expect([of('quotas'), of('operation-id'), of('parse'), of('api-name')]).toEqual(['off', 'error', 'error', 'error']);
    expect(listRules('stylish', severities)).toMatch(/\nquotas +off +/);
  });
});

describe('the rules --fix fixes', () => {
  it('are the ones whose metadata says what their fix does', () => {
    const rows = JSON.parse(listRules('json')) as Row[];
    expect(rows.filter((r) => r.fixable).map((r) => r.id)).toEqual([
      'swagger-schema',
      'path-parameters',
      'cors-preflight',
      'acl-policy',
      'canonical-spelling',
    ]);
    expect(listRules('stylish')).toMatch(/\ncanonical-spelling +info +yes +/);
    expect(listRules('stylish')).toMatch(/\nquotas +error +no +/);
  });
});
