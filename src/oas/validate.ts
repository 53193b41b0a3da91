/**
 * Document-level validation: the document kind, the Swagger 2.0 / OpenAPI 3.0 JSON Schema (a quick verdict first,
 * schema-verdict.ts; the validator for a document it does not find valid, with messages that say what to do,
 * schema-messages.ts), the semantic checks a schema cannot make (spec-checks.ts), and every
 * extension's JSON Schema (extension-schemas.ts). `$ref`s were checked (and external ones bundled in) by the
 * loader, load-group.ts.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { unescapeSegment } from '../core/pointer.js';
import { isRecord } from './codec.js';
import { ExtensionChecks } from './extension-schemas.js';
import { isOas31, oas31Uses } from './oas31.js';
import { openapiValidator, openapiVerdict } from './openapi-schema.js';
import { schemaDiagnostics } from './schema-messages.js';
import { VALID } from './schema-verdict.js';
import { SpecChecks, versionCheck } from './spec-checks.js';
import { SwaggerView } from './swagger-view.js';
import { extensionPathsVisitor, forEachExtensionOutsidePaths, walkPaths } from './walk.js';

export type DocKind = 'swagger2' | 'oas3';

export function documentKind(value: unknown): DocKind | string {
  if (!isRecord(value)) return 'the file does not hold an object';
  if (value.swagger === '2.0') return 'swagger2';
  // OpenAPI 3.1 is read as 3.0 where it uses nothing 3.1-only (oas31.ts names what it uses).
  if (typeof value.openapi === 'string' && /^3\.[01](\.\d+)?$/.test(value.openapi)) return 'oas3';
  if (typeof value.openapi === 'string')
    return (
      `OpenAPI ${value.openapi} is not supported ` +
      '(Swagger 2.0, OpenAPI 3.0, and OpenAPI 3.1 written the 3.0 way are)'
    );
  if (value.swagger !== undefined) return `swagger: ${JSON.stringify(value.swagger)} is not supported (expected "2.0")`;
  return 'not a Swagger 2.0 or OpenAPI 3.0 document (no `swagger: "2.0"` or `openapi: 3.0.x` field)';
}

export async function validateDocument(value: unknown, source: string): Promise<Diagnostic[]> {
  const kind = documentKind(value);
  if (kind !== 'swagger2' && kind !== 'oas3')
    return [{ code: 'parse', severity: 'error', message: kind, path: '', source }];
  const doc = value as Record<string, unknown>;
  // One walk over paths for the schema's view, the semantic checks and the extensions (walk.ts).
  const view = new SwaggerView(doc);
  const extensions = new ExtensionChecks(source);
  const spec = kind === 'swagger2' ? new SpecChecks(doc, source) : undefined;
  forEachExtensionOutsidePaths(doc, extensions.visit);
  walkPaths(
    doc,
    spec ? [view, extensionPathsVisitor(extensions.visit), spec] : [view, extensionPathsVisitor(extensions.visit)],
  );
  // An OpenAPI 3.1 document is checked as the 3.0 document it is read as; what only 3.1 has is named below.
  const is31 = kind === 'oas3' && isOas31(doc);
  const viewed = view.value();
  const schema = schemaErrors(
    kind === 'swagger2' ? 'v2' : 'v3',
    is31 && isRecord(viewed) ? { ...viewed, openapi: '3.0.3' } : viewed,
    doc,
    source,
  );
  // Every problem in one run: the semantic checks run on an invalid document too (they check only what the schema
  // cannot, so that nothing is said twice).
  const only31 = is31 ? oas31Diagnostics(doc, source) : [];
  // The 3.0 schema's error about a 3.1 construct says less than the finding that names it: one finding a place.
  const named = (d: Diagnostic): boolean => only31.some((u) => d.path === u.path || d.path.startsWith(`${u.path}/`));
  return [
    ...only31,
    ...(only31.length > 0 ? schema.filter((d) => !named(d)) : schema),
    ...(spec ? spec.finish() : versionCheck(doc, source)),
    ...view.responseKeys.map((path) => responseKeyNote(path, source)),
    ...extensions.out,
  ];
}

function oas31Diagnostics(doc: Record<string, unknown>, source: string): Diagnostic[] {
  return oas31Uses(doc).map((u) => ({
    code: 'swagger-schema' as const,
    severity: 'error' as const,
    path: u.at,
    source,
    message:
      `${u.what} is OpenAPI 3.1 only: APIG imports Swagger 2.0 and OpenAPI 3.0, and apig reads an OpenAPI 3.1 file ` +
      'as 3.0 when it uses nothing 3.1-only; write it the 3.0 way',
  }));
}

/** The schema's errors: none when the quick verdict finds the view valid, else the validator's, worded. */
function schemaErrors(version: 'v2' | 'v3', view: unknown, doc: Record<string, unknown>, source: string): Diagnostic[] {
  if (openapiVerdict(version, view) === VALID) return [];
  const validate = openapiValidator(version);
  return validate(view) ? [] : schemaDiagnostics(validate.errors ?? [], doc, source);
}

function responseKeyNote(path: string, source: string): Diagnostic {
  const key = unescapeSegment(path.slice(path.lastIndexOf('/') + 1));
  return {
    code: 'response-key',
    severity: 'info',
    path,
    source,
    message: `response key "${key}" is not a status code or "default" (as in console exports); kept as written`,
  };
}
