/** Reads one Swagger / OpenAPI file into a Group: parse, validate, decode, with positioned diagnostics. */
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import type { Group } from '../core/model.js';
import { decodeGroup } from './import.js';
import { oas3View } from './oas3.js';
import { readText } from './read.js';
import { locate, parseSource, type SourceDoc } from './source.js';
import { documentKind, validateDocument } from './validate.js';
import { checkRefs, refFileWithin, type RefPolicy } from './refs.js';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { OpenAPI } from 'openapi-types';

export interface LoadedSpec {
  group?: Group;
  doc?: SourceDoc;
  diagnostics: Diagnostic[];
}

export async function loadGroupText(file: string, text: string, refs?: RefPolicy): Promise<LoadedSpec> {
  const parsed = parseSource(file, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  let doc = parsed.doc;
  const refCheck = checkRefs(doc.value, file, refs);
  const refProblems = locate(doc, refCheck.diagnostics);
  if (hasErrors(refProblems)) return { doc, diagnostics: refProblems };
  if (refs && refCheck.external.length > 0) {
    const bundled = await bundleRefs(doc.value, refs, file);
    if ('diagnostics' in bundled) return { doc, diagnostics: locate(doc, bundled.diagnostics) };
    doc = { ...doc, value: bundled.value };
  }
  const validation = locate(doc, await validateDocument(doc.value, file));
  if (hasErrors(validation)) return { doc, diagnostics: validation };
  const value = doc.value as Record<string, unknown>;
  const kind = documentKind(value);
  const view = kind === 'oas3' ? oas3View(value) : value;
  const specVersion = String(kind === 'oas3' ? value.openapi : value.swagger);
  const decoded = decodeGroup(view, kind === 'oas3' ? 'oas3' : 'swagger2', specVersion, file);
  return { doc, diagnostics: [...validation, ...locate(doc, decoded.diagnostics)], ...(decoded.group ? { group: decoded.group } : {}) };
}

/** Reads `path`; diagnostics name the file as `shown` (relative to where the user stands). */
export async function loadGroupFile(path: string, shown: string = path, refs?: Omit<RefPolicy, 'file'>): Promise<LoadedSpec> {
  return loadGroupText(shown, await readText(path, shown), refs ? { ...refs, file: path } : undefined);
}

/**
 * Inlines external `$ref`s (files inside the workspace folder; URLs when allowed) with swagger-parser's
 * bundler, so that the rest of apig sees one document. Every file read is checked against the folder,
 * including the refs inside referenced files.
 */
async function bundleRefs(value: unknown, refs: RefPolicy, source: string): Promise<{ value: unknown } | { diagnostics: Diagnostic[] }> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  let refused: string | undefined;
  try {
    const bundled: unknown = await SwaggerParser.bundle(refs.file, structuredClone(value) as unknown as OpenAPI.Document, {
      resolve: {
        file: {
          read: async (f: { url: string }) => {
            const path = f.url.startsWith('file://') ? fileURLToPath(f.url) : f.url;
            if (!refFileWithin(path, refs.root + '/x', refs.root)) {
              refused = `$ref reads ${path}, which is outside the workspace folder ${refs.root}; apig refuses it`;
              throw new Error(refused);
            }
            return readFile(path);
          },
        },
        // The user asked for remote refs explicitly: a schema server on localhost is as legitimate as any.
        http: refs.allowRemote ? { timeout: 10_000, safeUrlResolver: false } : false,
      },
    });
    return { value: bundled };
  } catch (err) {
    const message = refused ?? `cannot resolve an external $ref: ${(err as Error).message}`;
    return { diagnostics: [{ code: 'ref', severity: 'error', path: '', source, message }] };
  }
}
