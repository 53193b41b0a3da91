/** Reads one Swagger / OpenAPI file into a Group: parse, validate, decode, with positioned diagnostics. */
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import type { Group } from '../core/model.js';
import { decodeGroup } from './import.js';
import { oas3View } from './oas3.js';
import { readText } from './read.js';
import { locate, parseSource, type SourceDoc } from './source.js';
import { documentKind, validateDocument } from './validate.js';

export interface LoadedSpec {
  group?: Group;
  doc?: SourceDoc;
  diagnostics: Diagnostic[];
}

export async function loadGroupText(file: string, text: string): Promise<LoadedSpec> {
  const parsed = parseSource(file, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const doc = parsed.doc;
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
export async function loadGroupFile(path: string, shown: string = path): Promise<LoadedSpec> {
  return loadGroupText(shown, await readText(path, shown));
}
