/**
 * `apig edit` over every fixture: with --yes and no flag it changes nothing, for every kind of thing in every
 * workspace and single Swagger file (JSON, OpenAPI 3.0, flow styles, member-group backends, policy backends
 * without effectMode...); and one flag changes that one field and no other (compared as data, and by lines).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Workspace } from '../../../src/core/workspace-model.js';
import { namesOf, THING_KINDS, type ThingKind } from '../../../src/workspace/authoring/things.js';
import { loadWorkspace } from '../../../src/workspace/load.js';
import { ROOT, runCli } from '../../e2e/run-cli.js';

/** Fixture workspaces (folders with apig.yaml) and single group files elsewhere. */
function targets(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e === 'apig.yaml') out.push(d);
      else if (/\.(ya?ml|json)$/.test(e) && !/invalid|generated/.test(d) && !existsSync(join(d, 'apig.yaml')))
        out.push(p);
    }
  };
  walk(join(ROOT, 'fixtures'));
  return out;
}

interface Copy {
  dir: string;
  /** -w FILE for a single group file. */
  wsArgs: string[];
}

function copy(src: string): Copy {
  const dir = mkdtempSync(join(tmpdir(), 'apig-edit-noop-'));
  if (statSync(src).isDirectory()) {
    cpSync(src, dir, { recursive: true });
    return { dir, wsArgs: [] };
  }
  cpSync(src, join(dir, basename(src)));
  return { dir, wsArgs: ['-w', basename(src)] };
}

async function load(c: Copy): Promise<Workspace | undefined> {
  const loaded = await loadWorkspace(c.wsArgs[1], { cwd: c.dir, env: {} });
  return loaded.diagnostics.some((d) => d.severity === 'error') ? undefined : loaded.workspace;
}

/** --group / --api arguments that make each name unique, per kind. */
function scopes(ws: Workspace, kind: ThingKind): Array<Record<string, string>> {
  if (kind === 'backend-policy')
    return ws.groups.flatMap((g) => g.model.apis.map((a) => ({ group: g.ref.name, api: a.name })));
  if (kind === 'api' || kind === 'throttle' || kind === 'acl') return ws.groups.map((g) => ({ group: g.ref.name }));
  return [{}];
}

const flagsOf = (scope: Record<string, string>): string[] => Object.entries(scope).flatMap(([k, v]) => [`--${k}`, v]);

describe('apig edit over every fixture', () => {
  it('--yes with no flag: nothing to change, for every thing', async () => {
    const problems: string[] = [];
    let runs = 0;
    for (const src of targets()) {
      const c = copy(src);
      const ws = await load(c);
      if (!ws) continue;
      for (const kind of THING_KINDS)
        for (const scope of scopes(ws, kind))
          for (const name of namesOf(ws, kind, scope).slice(0, 4)) {
            const args = ['edit', kind, name, '--yes', '--dry-run', ...c.wsArgs, ...flagsOf(scope)];
            runs++;
            const r = await runCli(args, { cwd: c.dir });
            if (r.code !== 0 || !r.stdout.startsWith('nothing to change'))
              problems.push(`${relative(ROOT, src)}: apig ${args.join(' ')}\n${r.stdout}${r.stderr}`);
          }
    }
    expect(problems).toEqual([]);
    expect(runs).toBeGreaterThan(100);
  }, 120_000);

  /** The keys (as JSON pointers) where two values differ. */
  function differences(a: unknown, b: unknown, at = ''): string[] {
    if (JSON.stringify(a) === JSON.stringify(b)) return [];
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null)
      return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) =>
        differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`),
      );
    return [at];
  }

  /** How many lines one text has that the other has not (counted as multisets): a changed line counts 2. */
  function lineChanges(before: string, after: string): number {
    const count = new Map<string, number>();
    for (const l of before.split('\n')) count.set(l, (count.get(l) ?? 0) + 1);
    for (const l of after.split('\n')) count.set(l, (count.get(l) ?? 0) - 1);
    return [...count.values()].reduce((n, c) => n + Math.abs(c), 0);
  }

  it('one flag changes that one field: no other value, no other line', async () => {
    const problems: string[] = [];
    for (const src of targets()) {
      const probe = copy(src);
      const ws = await load(probe);
      if (!ws) continue;
      for (const g of ws.groups)
        for (const api of g.model.apis.slice(0, 3)) {
          const cases: Array<[string[], RegExp]> = [
            [['--description', 'changed by edit'], /\/description$/],
            [[api.cors === true ? '--no-cors' : '--cors'], /\/x-apigateway-cors$/],
          ];
          if (api.backend && ['HTTP', 'HTTP-VPC', 'FUNCTION'].includes(api.backend.type))
            cases.push([['--backend-timeout', '7777'], /\/timeout$/]);
          for (const [flags, field] of cases) {
            const c = copy(src);
            const file = join(c.dir, relative(probe.dir, g.file));
            const before = readFileSync(file, 'utf8');
            const args = ['edit', 'api', api.name, '--group', g.ref.name, '--yes', ...c.wsArgs, ...flags];
            const r = await runCli(args, { cwd: c.dir });
            const after = readFileSync(file, 'utf8');
            const changed = differences(parse(before), parse(after));
            const lines = lineChanges(before, after);
            if (r.code !== 0 || changed.length !== 1 || !field.test(changed[0] ?? '') || lines < 1 || lines > 2)
              problems.push(`${relative(ROOT, src)}: apig ${args.join(' ')} -> ${r.code} ${r.stderr} ${changed}`);
          }
        }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
