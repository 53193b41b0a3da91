/**
 * Differential property tests of the quick schema verdict (src/oas/schema-verdict.ts) against the ajv validators it
 * spares most runs (dist/openapi-schemas.cjs, dist/schemas.cjs): every fixture document, then random edits to it
 * (a key removed or added, a value replaced by one of a pool of near misses: wrong types, wrong cases, duplicates,
 * NaN and Infinity as YAML writes them), and every extension value of the fixtures with the same edits, against its
 * extension schema. Each time, VALID is valid there and INVALID invalid there (UNSURE leaves it to ajv). Seeds as in
 * importer-linter.property.test.ts (`FUZZ_SEED`, `FUZZ_RUNS`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isRecord } from '../../src/oas/codec.js';
import { openapiValidator, openapiVerdict } from '../../src/oas/openapi-schema.js';
import { schemaValidator } from '../../src/oas/schema-validators.js';
import { Compiler, INVALID, VALID, verdict } from '../../src/oas/schema-verdict.js';
import { swaggerView } from '../../src/oas/swagger-view.js';
import { documentKind } from '../../src/oas/validate.js';
import { extensionSites } from '../../src/oas/walk.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261206);
const OPTIONS = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
});

const ROOT = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

const documents: Array<{ file: string; value: Record<string, unknown>; version: 'v2' | 'v3' }> = [];
for (const file of filesUnder(join(ROOT, 'fixtures'))) {
  let value: unknown;
  try {
    value = yaml.load(readFileSync(file, 'utf8'));
  } catch {
    continue;
  }
  const kind = documentKind(value);
  if (isRecord(value) && (kind === 'swagger2' || kind === 'oas3'))
    documents.push({ file, value, version: kind === 'swagger2' ? 'v2' : 'v3' });
}

const POOL: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  'x-a',
  '/a',
  'QUERY',
  'query',
  'path',
  'body',
  'header',
  'formData',
  'cookie',
  'string',
  'strng',
  'array',
  'object',
  'integer',
  'file',
  'HTTP',
  'MOCK',
  'GET',
  'http',
  '200',
  '2.0',
  '3.0.1',
  '😀😀',
  [],
  ['a', 'a'],
  [{ a: 1 }, { a: 1 }],
  ['a'],
  [1, 2],
  {},
  { $ref: '#/definitions/x' },
  { type: 'strng' },
  { type: 'string' },
  { name: 'a', in: 'query', type: 'string' },
  { description: 'ok' },
];
const KEYS = ['in', 'type', 'x-a', 'foo', 'required', '$ref', 'schema', 'items', 'name', 'enum', 'description'];

type Edit = { at: number; how: 'delete' | 'set' | 'add' | 'duplicate'; pick: number; key: number };

/** Every object and array in the value (the edits' targets), the value itself first. */
function containers(value: unknown): Array<Record<string, unknown> | unknown[]> {
  const out: Array<Record<string, unknown> | unknown[]> = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      out.push(v);
      v.forEach(visit);
    } else if (isRecord(v)) {
      out.push(v);
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return out;
}

function edited(value: unknown, edits: readonly Edit[]): unknown {
  const copy = structuredClone(value);
  for (const e of edits) {
    const all = containers(copy);
    const target = all[e.at % all.length];
    const pool = structuredClone(POOL[e.pick % POOL.length]);
    if (Array.isArray(target)) {
      const i = e.key % Math.max(1, target.length);
      if (e.how === 'delete') target.splice(i, 1);
      else if (e.how === 'duplicate' && target.length > 0) target.push(structuredClone(target[i]));
      else target[i] = pool;
    } else if (target) {
      const keys = Object.keys(target);
      const key =
        e.how === 'add' || keys.length === 0 ? (KEYS[e.key % KEYS.length] as string) : keys[e.key % keys.length];
      if (key === undefined) continue;
      if (e.how === 'delete') delete target[key];
      else target[key] = pool;
    }
  }
  return copy;
}

const edits = fc.array(
  fc.record({
    at: fc.nat(),
    how: fc.constantFrom('delete' as const, 'set' as const, 'add' as const, 'duplicate' as const),
    pick: fc.nat(),
    key: fc.nat(),
  }),
  { minLength: 1, maxLength: 3 },
);

describe('the quick schema verdict agrees with ajv', () => {
  it('has fixture documents to start from', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  it('on every fixture document as written', () => {
    for (const doc of documents) {
      const view = swaggerView(doc.value);
      const quick = openapiVerdict(doc.version, view);
      if (quick === VALID || quick === INVALID)
        expect(openapiValidator(doc.version)(view), doc.file).toBe(quick === VALID);
    }
  });

  it('on edited documents: VALID is valid, INVALID is invalid', () => {
    fc.assert(
      fc.property(fc.nat(), edits, (pick, changes) => {
        const doc = documents[pick % documents.length];
        if (!doc) return;
        const view = swaggerView(edited(doc.value, changes) as Record<string, unknown>);
        const quick = openapiVerdict(doc.version, view);
        if (quick === VALID || quick === INVALID) expect(openapiValidator(doc.version)(view)).toBe(quick === VALID);
      }),
      OPTIONS(RUNS * 2),
    );
  });

  const compiler = new Compiler();
  const sites = documents.flatMap((d) => extensionSites(d.value));
  const ruleOf = (name: string) => {
    const file = join(ROOT, 'schemas/extensions', `${name}.json`);
    try {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return compiler.rule(schema, schema);
    } catch {
      return undefined;
    }
  };

  it('on extension values, as written and edited', () => {
    expect(sites.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.nat(), fc.option(edits), (pick, changes) => {
        const site = sites[pick % sites.length];
        const rule = site && ruleOf(site.name);
        const validate = site && schemaValidator(`extensions/${site.name}.json`);
        if (!site || !rule || !validate) return;
        const value = changes ? edited({ v: site.value }, changes) : { v: site.value };
        const v = isRecord(value) ? value.v : undefined;
        const quick = verdict(rule, v);
        if (quick === VALID || quick === INVALID) expect(validate(v)).toBe(quick === VALID);
      }),
      OPTIONS(RUNS * 4),
    );
  });
});
