/**
 * Lint's own walk over the extensions of a group file (src/lint/extension-walk.ts) visits what
 * forEachExtension (src/oas/walk.ts) visits, at the same pointers and in the same order: canonical-spelling
 * reads the same extensions as import does, with one array of segments instead of an object per node.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { join } from '../../../src/core/pointer.js';
import { walkExtensions } from '../../../src/lint/extension-walk.js';
import { forEachExtension, pointerOf } from '../../../src/oas/walk.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && e.name !== 'apig.yaml')
    .map((e) => joinPath(e.parentPath, e.name));
}

function both(doc: Record<string, unknown>): { walk: string[]; oas: string[] } {
  const oas: string[] = [];
  forEachExtension(doc, (name, value, _placement, owner) => {
    oas.push(`${pointerOf(owner, name)} ${JSON.stringify(value)}`);
  });
  const walk: string[] = [];
  walkExtensions(doc, {
    extension(name, value, segments) {
      expect(segments.at(-1)).toBe(name);
      walk.push(`${join('', ...segments)} ${JSON.stringify(value)}`);
    },
  });
  return { walk, oas };
}

describe('walkExtensions', () => {
  it.each(yamlFiles(FIXTURES.pathname).map((f) => [f.slice(FIXTURES.pathname.length), f]))(
    'visits what forEachExtension visits: %s',
    (_name, file) => {
      let doc: unknown;
      try {
        doc = parse(readFileSync(file, 'utf8'));
      } catch {
        return; // the fixtures of files that do not parse
      }
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return;
      const { walk, oas } = both(doc as Record<string, unknown>);
      expect(walk).toEqual(oas);
    },
  );

  it('visits what forEachExtension visits on odd shapes (OpenAPI 3.0, arrays, scalars, responses keys)', () => {
    const key = fc.constantFrom('x-apigateway-a', 'X-APIGateway-b', 'x-other', 'x-', 'get', 'options', 'name', 'a/b~c');
    const leaf = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }));
    const node = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), tie('object')),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).value;
    const item = fc.record(
      {
        parameters: fc.oneof(fc.array(node, { maxLength: 2 }), node),
        get: fc.record({
          parameters: node,
          responses: fc.dictionary(fc.constantFrom('200', 'default', 'x-apigateway-r', 'x-y'), node),
        }),
        'x-apigateway-any-method': node,
        'x-apigateway-p': node,
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        'x-apigateway-root': node,
        components: fc.oneof(node, fc.record({ securitySchemes: node, parameters: node, 'x-apigateway-c': node })),
        securityDefinitions: node,
        parameters: node,
        paths: fc.oneof(node, fc.dictionary(fc.constantFrom('/a', '/b/{id}', '/c~1'), item, { maxKeys: 3 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (d) => {
        const { walk, oas } = both(d as Record<string, unknown>);
        expect(walk).toEqual(oas);
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });
});
