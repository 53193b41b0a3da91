/** Reads one Swagger / OpenAPI file into a Group: parse, validate, decode, with positioned diagnostics. */
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import type { Group } from '../core/model.js';
import { decodeGroup } from './decode.js';
import { oas3View } from './oas3.js';
import { readBytes, readText, realPath, resolvedPath } from './read.js';
import { locate, parseSource, type SourceDoc } from './source.js';
import { documentKind, validateDocument } from './validate.js';
import { pruneAt } from './prune.js';
import {
  checkRefs,
  decodePath,
  type ExternalRef,
  isUrlRef,
  isWithin,
  type RefCheck,
  type RefPolicy,
  refFile,
} from './refs.js';
import { ApigError } from '../core/errors.js';
import { fileURLToPath } from 'node:url';
import type { OpenAPI } from 'openapi-types';

export interface LoadedSpec {
  group?: Group;
  doc?: SourceDoc;
  diagnostics: Diagnostic[];
  /** With `partial`: the operationIds of operations left out for their errors (prune.ts). */
  omittedApis?: string[];
}

export interface GroupLoadOptions {
  /**
   * Build the model from what is valid (apig lint): parts that hold errors are left out and reported, instead of
   * no model at all. Commands that act on the model (serve, import, export) never ask for it.
   */
  partial?: boolean;
}

/** How many times a partial load prunes at the decoder's own errors before it gives up on a model. */
const MAX_PRUNE_ROUNDS = 3;

export async function loadGroupText(
  file: string,
  text: string,
  refs?: RefPolicy,
  options: GroupLoadOptions = {},
): Promise<LoadedSpec> {
  const parsed = parseSource(file, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  return loadGroupDoc(parsed.doc, refs, options);
}

/** A group file already parsed (a Swagger file given where a workspace is expected is parsed once, not twice). */
export async function loadGroupDoc(
  parsed: SourceDoc,
  refs?: RefPolicy,
  options: GroupLoadOptions = {},
): Promise<LoadedSpec> {
  const file = parsed.file;
  let doc = parsed;
  // A text that holds no `$ref` has nothing for the walk to find (source.ts).
  const refCheck: RefCheck =
    doc.mayHoldRefs === false ? { diagnostics: [], external: [] } : checkRefs(doc.value, file, refs);
  const refProblems = locate(doc, refCheck.diagnostics);
  if (hasErrors(refProblems) && !options.partial) return { doc, diagnostics: refProblems };
  if (refs && refCheck.external.length > 0 && !hasErrors(refProblems)) {
    const files = await readRefFiles(refCheck.external, refs, file);
    if (hasErrors(files.diagnostics)) return { doc, diagnostics: locate(doc, files.diagnostics) };
    const bundled = await bundleRefs(doc.value, refs, file, files.read);
    if ('diagnostics' in bundled) return { doc, diagnostics: locate(doc, bundled.diagnostics) };
    doc = { ...doc, value: bundled.value };
  }
  const kind = documentKind(doc.value);
  if (kind !== 'swagger2' && kind !== 'oas3') return { doc, diagnostics: await validateDocument(doc.value, file) };
  const validation = [...refProblems, ...locate(doc, await validateDocument(doc.value, file))];
  if (hasErrors(validation) && !options.partial) return { doc, diagnostics: validation };
  return { doc, ...decodeValid(doc, kind, validation, options.partial === true) };
}

/** Decodes the document, leaving out (partial loads) the parts that hold errors until the decoder accepts the rest. */
function decodeValid(
  doc: SourceDoc,
  kind: 'swagger2' | 'oas3',
  validation: Diagnostic[],
  partial: boolean,
): { group?: Group; diagnostics: Diagnostic[]; omittedApis?: string[] } {
  const diagnostics = [...validation];
  const omittedApis: string[] = [];
  let errors = validation.filter((d) => d.severity === 'error');
  let value = doc.value as Record<string, unknown>;
  for (let round = 0; ; round++) {
    if (errors.length > 0) {
      const pruned = pruneAt(
        value,
        errors.map((d) => d.path),
      );
      value = pruned.value;
      omittedApis.push(...pruned.omittedApis);
    }
    const view = kind === 'oas3' ? oas3View(value) : value;
    const specVersion = String(kind === 'oas3' ? value.openapi : value.swagger);
    const decoded = decodeGroup(view, kind, specVersion, doc.file);
    const fresh = locate(doc, decoded.diagnostics).filter((d) => !diagnostics.some((o) => sameDiagnostic(o, d)));
    diagnostics.push(...fresh);
    errors = fresh.filter((d) => d.severity === 'error');
    // A partial model is only for lint: its diagnostics always say what was left out, so nothing acts on it.
    if (!partial || decoded.group || errors.length === 0 || round + 1 >= MAX_PRUNE_ROUNDS)
      return {
        ...(decoded.group ? { group: decoded.group } : {}),
        diagnostics,
        ...(omittedApis.length > 0 ? { omittedApis } : {}),
      };
  }
}

const sameDiagnostic = (a: Diagnostic, b: Diagnostic): boolean =>
  a.code === b.code && a.path === b.path && a.message === b.message;

/** Reads `path`; diagnostics name the file as `shown` (relative to where the user stands). */
export async function loadGroupFile(
  path: string,
  shown: string = path,
  refs?: Omit<RefPolicy, 'file'>,
  options: GroupLoadOptions = {},
): Promise<LoadedSpec> {
  return loadGroupText(shown, await readText(path, shown), refs ? { ...refs, file: path } : undefined, options);
}

/**
 * Reads the file a `$ref` names, or says why not: a symbolic link that leads outside the workspace folder,
 * anything but a regular file, a file over the size cap (read.ts).
 */
async function readRefFile(path: string, root: string): Promise<Buffer | string> {
  const resolved = await resolvedPath(path);
  if ('problem' in resolved) return resolved.problem;
  const { real } = resolved;
  if (real !== path) {
    const realRoot = (await realPath(root)) ?? root;
    if (!isWithin(real, realRoot))
      return (
        `${path} resolves to ${real} through a symbolic link, ` +
        `outside the workspace folder ${root}; apig refuses it`
      );
  }
  try {
    return await readBytes(real, path);
  } catch (err) {
    if (err instanceof ApigError) return err.message;
    throw err;
  }
}

/** Reads the files the document's own `$ref`s name, so that a problem is reported at the `$ref` that names the file. */
async function readRefFiles(
  external: readonly ExternalRef[],
  refs: RefPolicy,
  source: string,
): Promise<{ read: Map<string, Buffer>; diagnostics: Diagnostic[] }> {
  const read = new Map<string, Buffer>();
  const diagnostics: Diagnostic[] = [];
  for (const { ref, at } of external) {
    if (isUrlRef(ref)) continue;
    const path = refFile(ref, refs.file);
    if (read.has(path)) continue;
    const got = await readRefFile(path, refs.root);
    if (typeof got === 'string')
      diagnostics.push({
        code: 'ref-resolution',
        severity: 'error',
        path: at,
        source,
        message: `$ref "${ref}": ${got}`,
      });
    else read.set(path, got);
  }
  return { read, diagnostics };
}

/**
 * Inlines external `$ref`s (files inside the workspace folder; URLs when allowed) with swagger-parser's
 * bundler, so that the rest of apig sees one document. Every file read is checked against the folder,
 * including the refs inside referenced files, with symbolic links resolved.
 */
async function bundleRefs(
  value: unknown,
  refs: RefPolicy,
  source: string,
  read: ReadonlyMap<string, Buffer>,
): Promise<{ value: unknown } | { diagnostics: Diagnostic[] }> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  let refused: string | undefined;
  const refuse = (message: string): never => {
    refused = message;
    throw new Error(message);
  };
  try {
    const bundled: unknown = await SwaggerParser.bundle(
      refs.file,
      structuredClone(value) as unknown as OpenAPI.Document,
      {
        resolve: {
          file: {
            read: async (f: { url: string }) => {
              // The resolver hands over the path percent-encoded (`shared%20defs.yaml` for `shared defs.yaml`).
              const path = f.url.startsWith('file://') ? fileURLToPath(f.url) : decodePath(f.url);
              const known = read.get(path);
              if (known) return known;
              if (!isWithin(path, refs.root))
                refuse(`$ref reads ${path}, which is outside the workspace folder ${refs.root}; apig refuses it`);
              const got = await readRefFile(path, refs.root);
              return typeof got === 'string' ? refuse(`$ref: ${got}`) : got;
            },
          },
          // The user asked for remote refs explicitly: a schema server on localhost is as legitimate as any.
          http: refs.allowRemote ? { timeout: 10_000, safeUrlResolver: false } : false,
        },
      },
    );
    return { value: bundled };
  } catch (err) {
    const message = refused ?? `cannot resolve an external $ref: ${(err as Error).message}`;
    return { diagnostics: [{ code: 'ref-resolution', severity: 'error', path: '', source, message }] };
  }
}
