/** What the editor reads from the extension registry and schemas (src/lsp/extension-schema.ts). */
import { describe, expect, it } from 'vitest';
import {
  enumAt,
  extensionOfPath,
  extensionsFor,
  placementOf,
  propertiesAt,
} from '../../../src/lsp/extension-schema.js';

describe('extension-schema', () => {
  it.each([
    [[], 'root'],
    [['paths', '/a'], 'pathItem'],
    [['paths', '/a', 'get'], 'operation'],
    [['paths', '/a', 'x-apigateway-any-method'], 'operation'],
    [['paths', '/a', 'get', 'parameters', '0'], 'parameter'],
    [['paths', '/a', 'parameters', '0'], 'parameter'],
    [['securityDefinitions', 'app'], 'securityScheme'],
    [['components', 'securitySchemes', 'app'], 'securityScheme'],
    [['paths', '/a', 'get', 'responses', '200'], 'response'],
    [['info'], undefined],
  ])('placement of %j is %s', (segments, placement) => {
    expect(placementOf(segments)).toBe(placement);
  });

  it('the extensions of a placement', () => {
    const names = extensionsFor('operation').map((e) => e.name);
    expect(names).toContain('x-apigateway-backend');
    expect(names).not.toContain('x-apigateway-ratelimits');
    expect(extensionsFor('root').map((e) => e.name)).toContain('x-apigateway-ratelimits');
  });

  it('fields and enums inside an extension, through $ref, items and named maps', () => {
    expect(enumAt('x-apigateway-backend', ['type'])).toEqual([
      'HTTP',
      'HTTP-VPC',
      'HTTP-VPC-MEMBER-GROUP',
      'FUNCTION',
      'MOCK',
    ]);
    expect(enumAt('x-apigateway-backend', ['parameters', '0', 'origin'])).toEqual(['REQUEST', 'CONSTANT', 'SYSTEM']);
    expect(enumAt('x-apigateway-ratelimits', ['perApp', 'unit'])).toContain('MINUTE');
    expect(enumAt('x-apigateway-cors', [])).toEqual(['true', 'false']);
    expect(propertiesAt('x-apigateway-backend', ['httpEndpoints']).map(([k]) => k)).toEqual(
      expect.arrayContaining(['address', 'scheme', 'method', 'path', 'timeout']),
    );
  });

  it('the extension a path runs through, inside x-apigateway-any-method too', () => {
    expect(extensionOfPath(['paths', '/a', 'x-apigateway-any-method', 'x-apigateway-backend', 'type'])).toEqual({
      name: 'x-apigateway-backend',
      rest: ['type'],
    });
    expect(extensionOfPath(['paths', '/a', 'get', 'operationId'])).toBeUndefined();
  });
});
