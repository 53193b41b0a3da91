/**
 * Property tests (fast-check) over the importer and the linter: generated and mutated documents always end
 * in diagnostics or a model, never an uncaught exception. Counts are reported in docs/reliability.md.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkspace } from '../../src/lint/run.js';
import { DEFAULT_QUOTAS } from '../../src/lint/quotas.js';
import { loadGroupText } from '../../src/oas/load-group.js';
import { parseSource } from '../../src/oas/source.js';
import { serialize } from '../../src/oas/serialize.js';
import type { Workspace } from '../../src/core/workspace-model.js';
import { emptySections } from '../../src/core/workspace-model.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/**
 * CI runs a fixed seed so a red build always means a change broke something; exploration runs use
 * `FUZZ_SEED=random` (fast-check prints the seed of any failure, which then becomes a regression test).
 */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261122);
const OPTIONS = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
});
const BASES = ['examples/full-featured.yaml', 'variants/real-exports.yaml', 'demo/demo.yaml'].map(
  (f) => parse(readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8')) as unknown,
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const nasty = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constant('x'.repeat(100_000)),
  fc.constant(''),
  fc.constant('{p+}'),
  fc.constant('#var#'),
  fc.constant('../../etc/passwd'),
  fc.constant({ $ref: '#/nowhere' }),
  fc.constant({ $ref: '#/paths' }),
  fc.constant({ $ref: 'https://example.com/x.yaml' }),
  fc.constant({ $ref: '../outside.yaml#/x' }),
  fc.constant(Array.from({ length: 200 }, (_, i) => i)),
  fc.constant(JSON.parse('['.repeat(300) + ']'.repeat(300)) as Json),
  fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
);

/** Every path into a JSON value (up to a depth), as key lists. */
function paths(v: unknown, at: string[] = [], out: string[][] = [], depth = 0): string[][] {
  out.push(at);
  if (depth > 8 || typeof v !== 'object' || v === null) return out;
  for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out, depth + 1);
  return out;
}

function mutate(base: unknown, where: number, value: Json, remove: boolean): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const all = paths(copy);
  const target = all[where % all.length] ?? [];
  if (target.length === 0) return value;
  let node: Record<string, unknown> = copy;
  for (const k of target.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = target[target.length - 1] as string;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function implicitWorkspace(
  group: NonNullable<Awaited<ReturnType<typeof loadGroupText>>['group']>,
  raw: unknown,
): Workspace {
  const rangeOf = (): undefined => undefined;
  return {
    file: 'f.yaml',
    dir: '.',
    implicit: true,
    shown: 'f.yaml',
    rangeOf,
    groups: [
      {
        ref: { name: group.name || 'g', spec: 'f.yaml', domains: [] },
        file: 'f.yaml',
        model: group,
        raw,
        shown: 'f.yaml',
        rangeOf,
      },
    ],
    ...emptySections(),
  };
}

describe('importer and linter under generated input', () => {
  it('mutated documents end in diagnostics or a model (YAML and JSON)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: BASES.length - 1 }),
        fc.nat(),
        nasty,
        fc.boolean(),
        fc.constantFrom('yaml', 'json' as const),
        async (b, where, value, remove, format) => {
          const doc = mutate(BASES[b], where, value, remove);
          const text = serialize(doc, format);
          const loaded = await loadGroupText(`f.${format}`, text);
          expect(loaded.group !== undefined || loaded.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          for (const d of loaded.diagnostics) expect(typeof d.message).toBe('string');
          if (loaded.group) {
            const findings = lintWorkspace(implicitWorkspace(loaded.group, loaded.doc?.value), loaded.diagnostics, {
              quotas: DEFAULT_QUOTAS,
            });
            for (const f of findings) expect(f.path).toMatch(/^(\/|$)/);
          }
        },
      ),
      OPTIONS(RUNS),
    );
  });

  it('arbitrary text never throws from the parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('f.yaml', 'f.json'), (text, file) => {
        const r = parseSource(file, text);
        expect(r.doc !== undefined || r.diagnostics.length > 0).toBe(true);
      }),
      OPTIONS(RUNS * 4),
    );
  });

  it('truncated and spliced real files never throw', async () => {
    const texts = ['examples/full-featured.yaml', 'variants/real-exports.yaml'].map((f) =>
      readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        async (i, a, b, insert) => {
          const t = texts[i] ?? '';
          const cut = t.slice(0, a % t.length) + insert + t.slice(b % t.length);
          const r = await loadGroupText('f.yaml', cut);
          expect(r.group !== undefined || r.diagnostics.length > 0).toBe(true);
        },
      ),
      OPTIONS(RUNS),
    );
  });

  it('duplicate keys, anchors, aliases and deep nesting end in diagnostics or a model', async () => {
    const cases = [
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\npaths: {}\n',
      'swagger: "2.0"\ninfo: &i {title: t, version: "1"}\nx-copy: *i\npaths: {}\n',
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get: &op\n      responses: {200: {description: ok}}\n  /b:\n    get: *op\n',
      `swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${'['.repeat(2000)}${']'.repeat(2000)}\n`,
      `swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${'{a: '.repeat(500)}1${'}'.repeat(500)}\n`,
    ];
    for (const text of cases) {
      const r = await loadGroupText('f.yaml', text);
      expect(r.group !== undefined || r.diagnostics.length > 0).toBe(true);
    }
  });
});
