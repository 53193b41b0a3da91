/** Document-level validation: the document kind, `$ref`s, swagger-parser, and every extension's JSON Schema. */
import type { ErrorObject } from 'ajv';
import type { OpenAPI } from 'openapi-types';
import type { Diagnostic } from '../core/diagnostic.js';
import { pathParamName } from '../core/defaults.js';
import { isRecord } from './codec.js';
import { simplify, describeError, validateExtension, hasSchema } from './extension-schemas.js';
import { closestExtension, extensionInfo } from './extensions/registry.js';
import { openapiValidator } from './openapi-schema.js';
import { extensionSites, operations } from './walk.js';

export type DocKind = 'swagger2' | 'oas3';

export function documentKind(value: unknown): DocKind | string {
  if (!isRecord(value)) return 'the file does not hold an object';
  if (value.swagger === '2.0') return 'swagger2';
  if (typeof value.openapi === 'string' && /^3\.0(\.\d+)?$/.test(value.openapi)) return 'oas3';
  if (typeof value.openapi === 'string')
    return `OpenAPI ${value.openapi} is not supported (Swagger 2.0 and OpenAPI 3.0 are)`;
  if (value.swagger !== undefined) return `swagger: ${JSON.stringify(value.swagger)} is not supported (expected "2.0")`;
  return 'not a Swagger 2.0 or OpenAPI 3.0 document (no `swagger: "2.0"` or `openapi: 3.0.x` field)';
}

export async function validateDocument(value: unknown, source: string): Promise<Diagnostic[]> {
  const kind = documentKind(value);
  if (kind !== 'swagger2' && kind !== 'oas3')
    return [{ code: 'not-swagger', severity: 'error', message: kind, path: '', source }];
  const doc = value as Record<string, unknown>;
  // $refs were checked (and external ones bundled in) by the loader, load-group.ts.
  return [
    ...(await swaggerParserDiagnostics(doc, source)),
    ...responseKeyWarnings(doc, source),
    ...extensionDiagnostics(doc, source),
  ];
}

/** Every parameter object of the paths (path-level and operation-level), after `in` was lowered. */
function allParameters(doc: Record<string, unknown>): Array<Record<string, unknown>> {
  const lists: unknown[] = [];
  if (isRecord(doc.paths)) for (const item of Object.values(doc.paths)) if (isRecord(item)) lists.push(item.parameters);
  for (const { op } of operations(doc)) lists.push(op.parameters);
  return lists.flatMap((l) => (Array.isArray(l) ? l.filter(isRecord) : []));
}

/** The documented variants (upper-case `in`/schemes) are APIG's, not Swagger's: normalise before validating. */
function forSwaggerParser(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  const lowerSchemes = (o: Record<string, unknown>): void => {
    if (Array.isArray(o.schemes)) o.schemes = o.schemes.map((s) => (typeof s === 'string' ? s.toLowerCase() : s));
  };
  const lowerIn = (params: unknown): void => {
    if (!Array.isArray(params)) return;
    for (const p of params) {
      if (isRecord(p) && typeof p.in === 'string')
        p.in = p.in.toLowerCase() === 'formdata' ? 'formData' : p.in.toLowerCase();
    }
  };
  lowerSchemes(copy);
  if (isRecord(copy.paths)) for (const item of Object.values(copy.paths)) if (isRecord(item)) lowerIn(item.parameters);
  for (const { op } of operations(copy)) {
    lowerSchemes(op);
    lowerIn(op.parameters);
    if (isRecord(op.responses)) for (const k of nonStandardResponseKeys(op.responses)) delete op.responses[k];
  }
  // A greedy `{name+}` (APIG's, not Swagger's) may be declared as `name` or `name+`: both read as `{name}`.
  if (isRecord(copy.paths)) {
    copy.paths = Object.fromEntries(Object.entries(copy.paths).map(([path, item]) => [greedyAsPlain(path), item]));
    for (const p of allParameters(copy))
      if (p.in === 'path' && typeof p.name === 'string') p.name = pathParamName(p.name);
  }
  return copy;
}

/** Console exports write response keys like `default-cors` (OTC OpenAPI examples), which OpenAPI does not allow. */
function nonStandardResponseKeys(responses: Record<string, unknown>): string[] {
  return Object.keys(responses).filter((k) => !/^(default|[1-5](\d\d|XX)|x-.*)$/.test(k));
}

function responseKeyWarnings(doc: Record<string, unknown>, source: string): Diagnostic[] {
  return operations(doc).flatMap(({ op, at }) =>
    (isRecord(op.responses) ? nonStandardResponseKeys(op.responses) : []).map((k) => ({
      code: 'response-key',
      severity: 'warn' as const,
      path: `${at}/responses/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      source,
      message: `response key "${k}" is not a status code or "default" (as in console exports); kept as written`,
    })),
  );
}

async function swaggerParserDiagnostics(doc: Record<string, unknown>, source: string): Promise<Diagnostic[]> {
  const copy = forSwaggerParser(doc);
  const validate = openapiValidator(typeof copy.swagger === 'string' ? 'v2' : 'v3');
  if (!validate(copy)) return schemaErrors(validate.errors ?? [], source);
  // Loaded on first use: it is the heaviest module, and most commands never need it.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    // The cast: the value is a parsed document whose kind documentKind() checked. The schema is checked
    // above (precompiled); swagger-parser adds its semantic checks (path parameters, duplicate operationIds...).
    await SwaggerParser.validate(copy as unknown as OpenAPI.Document, {
      resolve: { external: false },
      dereference: { circular: true },
      validate: { schema: false, spec: true },
    });
    return [];
  } catch (err) {
    const details = (err as { details?: ErrorObject[] }).details;
    if (Array.isArray(details) && details.length > 0) return schemaErrors(details, source);
    const message = (err as Error).message.replace(/^Validation failed\.\s*/, '');
    const named = namedOperation(message, doc);
    if (!named) return [{ code: 'swagger', severity: 'error', message, path: '', source }];
    // Named as written, not as validated (a greedy `{name+}` reads `{name}` there).
    return [
      {
        code: 'swagger',
        severity: 'error',
        message: message.replace(named.validated, named.written),
        path: named.pointer,
        source,
      },
    ];
  }
}

function schemaErrors(errors: readonly ErrorObject[], source: string): Diagnostic[] {
  return simplify(withoutBranchNoise(errors)).map((e) => ({
    code: 'swagger',
    severity: 'error' as const,
    message: `${
      e.instancePath
        ? `${e.instancePath
            .slice(1)
            .split('/')
            .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))
            .join(' > ')} `
        : ''
    }${describeError(e)}`,
    path: e.instancePath,
    source,
  }));
}

/**
 * The Swagger schema picks a parameter kind with oneOf (body, header, query, path, formData, $ref): every
 * kind reports its own errors ("in must be body", "must have property schema"...). A mistake the user made
 * shows up in every kind, so where a oneOf failed, keep the errors repeated most often.
 */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const parentOf = (e: ErrorObject): string =>
    e.instancePath.endsWith('/in') ? e.instancePath.slice(0, -3) : e.instancePath;
  const key = (e: ErrorObject): string => `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
  const counts = new Map<string, number>();
  for (const e of errors) if (oneOfAt.has(parentOf(e))) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  const maxAt = new Map<string, number>();
  for (const e of errors) {
    if (!oneOfAt.has(parentOf(e)) || e.keyword === 'oneOf') continue;
    maxAt.set(parentOf(e), Math.max(maxAt.get(parentOf(e)) ?? 0, counts.get(key(e)) ?? 0));
  }
  return errors.filter((e) => {
    const max = maxAt.get(parentOf(e));
    return max === undefined || max <= 1 || (counts.get(key(e)) ?? 0) === max;
  });
}

/**
 * swagger-parser's semantic errors name an operation as `/paths{path}/get`, with the path as validated; find
 * the path as written (a greedy `{name+}` reads `{name}` there) and its pointer.
 */
function namedOperation(
  message: string,
  doc: Record<string, unknown>,
): { validated: string; written: string; pointer: string } | undefined {
  let best: { validated: string; written: string; pointer: string; length: number } | undefined;
  for (const written of isRecord(doc.paths) ? Object.keys(doc.paths) : []) {
    const m = new RegExp(
      `/paths${escapeRegExp(greedyAsPlain(written))}/(get|put|post|delete|options|head|patch)\\b`,
    ).exec(message);
    // The longest path that fits wins (`/a` also prefixes `/a/b/get`).
    if (m?.[1] && (!best || written.length > best.length)) {
      best = {
        validated: m[0],
        written: `/paths${written}/${m[1]}`,
        pointer: `/paths/${written.replace(/~/g, '~0').replace(/\//g, '~1')}/${m[1]}`,
        length: written.length,
      };
    }
  }
  return best;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const greedyAsPlain = (path: string): string => path.replace(/\{([^{}]+)\+\}/g, '{$1}');

export function extensionDiagnostics(doc: Record<string, unknown>, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const site of extensionSites(doc)) {
    const info = extensionInfo(site.name);
    if (!info) {
      const guess = closestExtension(site.name);
      out.push({
        code: 'unknown-extension',
        severity: 'warn',
        path: site.at,
        source,
        message: `unknown extension ${site.name}${guess ? ` (did you mean ${guess}?)` : ''}; it is kept as written`,
      });
      continue;
    }
    if (!info.placements.includes(site.placement)) {
      out.push({
        code: 'misplaced-extension',
        severity: 'warn',
        path: site.at,
        source,
        message:
          `${site.name} belongs on ${info.placements.join(' or ')}, ` +
          `not on the ${site.placement}; it is kept but has no effect here`,
      });
      continue;
    }
    if (hasSchema(site.name)) out.push(...validateExtension(site.name, site.value, site.at, source));
  }
  return out;
}
