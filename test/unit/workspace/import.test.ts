import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Api, Group } from '../../../src/core/model.js';
import { addGroupRef } from '../../../src/workspace/edit.js';
import { planImport } from '../../../src/workspace/import.js';
import { mergeGroup } from '../../../src/workspace/merge.js';

const api = (name: string, path: string, method: Api['method'] = 'GET'): Api => ({
  name,
  nameGenerated: false,
  method,
  path,
  params: [],
});
const group = (name: string, apis: Api[], extra: Partial<Group> = {}): Group => ({
  name,
  format: 'swagger2',
  specVersion: '2.0',
  securitySchemes: [],
  apis,
  pathItems: [],
  throttles: [],
  acls: [],
  responses: [],
  ...extra,
});
const rl = (name: string, apiLimit: number) => ({ name, apiLimit, interval: 1, unit: 'SECOND' as const });

describe('merge (002 §5.2.8)', () => {
  const existing = group('g', [api('a', '/a'), api('b', '/b')], { throttles: [rl('r1', 10)] });
  const incoming = group('g', [api('a', '/a2'), api('c', '/c'), api('d', '/b')], {
    throttles: [rl('r1', 99), rl('r2', 5)],
  });

  it('keeps existing APIs and policies by default', () => {
    const { group: g, report } = mergeGroup(existing, incoming, { overwrite: false, extendMode: 'merge' });
    expect(g.apis.map((x) => `${x.name}:${x.path}`)).toEqual(['a:/a', 'b:/b', 'c:/c']);
    expect(report.added).toEqual(['c']);
    expect(report.skipped.map((s) => s.name)).toEqual(['a', 'd']);
    expect(report.skipped[1]?.reason).toContain('APIG.3301');
    expect(g.throttles.map((t) => `${t.name}:${t.apiLimit}`)).toEqual(['r1:10', 'r2:5']);
  });

  it('overwrites APIs by name and overrides policies when asked', () => {
    const { group: g, report } = mergeGroup(existing, incoming, { overwrite: true, extendMode: 'override' });
    expect(g.apis.map((x) => `${x.name}:${x.path}`)).toEqual(['a:/a2', 'b:/b', 'c:/c']);
    expect(report.overwritten).toEqual(['a']);
    expect(g.throttles.map((t) => `${t.name}:${t.apiLimit}`)).toEqual(['r1:99', 'r2:5']);
  });
});

describe('planImport', () => {
  it('refuses more than 300 APIs per file (002 §8.7.1)', () => {
    const many = group(
      'big',
      Array.from({ length: 301 }, (_, i) => api(`a${i}`, `/a${i}`)),
    );
    expect(() =>
      planImport({
        source: '/tmp/x/big.yaml',
        incoming: many,
        workspaceFile: '/tmp/none/apig.yaml',
        overwrite: false,
        extendMode: 'merge',
      }),
    ).toThrow(/301 APIs; at most 300/);
  });

  it('creates a group file and registers it in a new workspace', () => {
    const plan = planImport({
      source: '/tmp/elsewhere/in.yaml',
      incoming: group('shop', [api('a', '/a')]),
      workspaceFile: '/tmp/apig-plan-test/apig.yaml',
      overwrite: false,
      extendMode: 'merge',
    });
    expect(plan.writes.map((w) => w.file)).toEqual(['/tmp/apig-plan-test/shop.yaml', '/tmp/apig-plan-test/apig.yaml']);
    expect(parse(plan.writes[1]?.text ?? '')).toEqual({ groups: [{ name: 'shop', spec: 'shop.yaml' }] });
    expect(plan.created).toBe(true);
  });
});

describe('apig.yaml edits', () => {
  it('keep comments and formatting of untouched parts', () => {
    const text =
      '# my workspace\ngroups:\n  - name: a   # first\n    spec: a.yaml\nenvironments:\n  test: {variables: {x: "1"}}\n';
    const out = addGroupRef(text, { name: 'b', spec: 'b.yaml' });
    expect(out).toContain('# my workspace');
    expect(out).toContain('- name: a # first');
    expect(out).toContain('test: { variables: { x: "1" } }');
    expect(parse(out).groups).toEqual([
      { name: 'a', spec: 'a.yaml' },
      { name: 'b', spec: 'b.yaml' },
    ]);
  });
});

describe('merge keeps what imported $refs point to (review finding)', () => {
  it('adds the definitions the group lacks, keeps its own of the same name, and the components maps one level down', () => {
    const existing = group('g', [api('a', '/a')], {
      kept: {
        extra: { definitions: { Hello: { type: 'string' }, Bye: { type: 'integer' } } },
        order: ['swagger', 'info', 'paths', 'definitions'],
      },
    });
    const incoming = group('g', [api('c', '/c')], {
      kept: {
        extra: {
          definitions: { Bye: { type: 'object' }, Other: { type: 'boolean' } },
          parameters: { p: { name: 'p', in: 'query' } },
        },
      },
    });
    const { group: g } = mergeGroup(existing, incoming, { overwrite: false, extendMode: 'merge' });
    expect(g.kept?.extra?.definitions).toEqual({
      Hello: { type: 'string' },
      Bye: { type: 'integer' },
      Other: { type: 'boolean' },
    });
    expect(g.kept?.extra?.parameters).toEqual({ p: { name: 'p', in: 'query' } });
    expect(g.kept?.order).toEqual(['swagger', 'info', 'paths', 'definitions', 'parameters']);
    const oas = mergeGroup(
      group('g', [], { kept: { extra: { components: { schemas: { A: {} } } } } }),
      group('g', [], { kept: { extra: { components: { schemas: { B: {} }, parameters: { q: {} } } } } }),
      { overwrite: false, extendMode: 'merge' },
    );
    expect(oas.group.kept?.extra?.components).toEqual({ schemas: { A: {}, B: {} }, parameters: { q: {} } });
  });

  it('a group without such objects is left as it was', () => {
    const existing = group('g', [api('a', '/a')]);
    expect(
      mergeGroup(existing, group('g', [api('c', '/c')]), { overwrite: false, extendMode: 'merge' }).group.kept,
    ).toBeUndefined();
  });
});
