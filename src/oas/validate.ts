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
  if (typeof value.openapi === 'string' && /^3\.0(\.\d+)?$/.test(value.openapi)) return 'oas3';
  if (typeof value.openapi === 'string')
    return `OpenAPI ${value.openapi} is not supported (Swagger 2.0 and OpenAPI 3.0 are)`;
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
  const schema = schemaErrors(kind === 'swagger2' ? 'v2' : 'v3', view.value(), doc, source);
  // Every problem in one run: the semantic checks run on an invalid document too (they check only what the schema
  // cannot, so that nothing is said twice).
  return [
    ...schema,
    ...(spec ? spec.finish() : versionCheck(doc, source)),
    ...view.responseKeys.map((path) => responseKeyWarning(path, source)),
    ...extensions.out,
  ];
}

/** The schema's errors: none when the quick verdict finds the view valid, else the validator's, worded. */
function schemaErrors(version: 'v2' | 'v3', view: unknown, doc: Record<string, unknown>, source: string): Diagnostic[] {
  if (openapiVerdict(version, view) === VALID) return [];
  const validate = openapiValidator(version);
  return validate(view) ? [] : schemaDiagnostics(validate.errors ?? [], doc, source);
}

function responseKeyWarning(path: string, source: string): Diagnostic {
  const key = unescapeSegment(path.slice(path.lastIndexOf('/') + 1));
  return {
    code: 'response-key',
    severity: 'warn',
    path,
    source,
    message: `response key "${key}" is not a status code or "default" (as in console exports); kept as written`,
  };
}
