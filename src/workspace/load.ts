/**
 * Loads a workspace: apig.yaml (validated by schemas/workspace.json) and every group's Swagger file.
 * A single Swagger file given where a workspace is expected is a workspace of one group (implicit.ts).
 */
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import { ApigError } from '../core/errors.js';
import {
  DEFAULT_INSTANCE,
  type GroupRef,
  type LoadedGroup,
  type Secret,
  type Workspace,
} from '../core/workspace-model.js';
import { loadGroupFile } from '../oas/load-group.js';
import { readText } from '../oas/read.js';
import { locate, parseSource } from '../oas/source.js';
import { documentKind } from '../oas/validate.js';
import { implicitWorkspace } from './implicit.js';
import type { LoadedWorkspace, LoadOptions } from './load-types.js';
import { displayPath, locateWorkspace, refPolicy } from './locate.js';
import { bindingsOf, throttlesOf } from './policies.js';
import { validateWorkspaceValue } from './schema.js';
import {
  appsOf,
  authorizersOf,
  environmentsOf,
  functionsOf,
  iamOf,
  signatureKeysOf,
  vpcChannelsOf,
} from './sections.js';
import { resolveSecret, unusableSecretWarnings } from './secrets.js';
import { envMap, obj, strs } from './values.js';

export { WORKSPACE_FILE } from '../core/workspace-model.js';

export async function loadWorkspace(path: string | undefined, options: LoadOptions): Promise<LoadedWorkspace> {
  const file = await locateWorkspace(path, options.cwd);
  const shown = displayPath(file, options.cwd);
  const parsed = parseSource(shown, await readText(file, shown));
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const value = parsed.doc.value;
  const kind = documentKind(value);
  if (kind === 'swagger2' || kind === 'oas3') return implicitWorkspace(file, shown, options);

  const diagnostics = locate(parsed.doc, validateWorkspaceValue(value, shown));
  if (hasErrors(diagnostics)) return { diagnostics };
  const dir = dirname(file);
  const raw = obj(value);
  const secretAt = (written: unknown): Secret => resolveSecret(String(written), options.env);

  const refs: GroupRef[] = (raw.groups as unknown[]).map((g) => {
    const o = obj(g);
    return { name: String(o.name), spec: String(o.spec), domains: strs(o.domains) };
  });
  const groups: LoadedGroup[] = [];
  for (const [i, ref] of refs.entries()) {
    const first = refs.findIndex((r) => r.name === ref.name);
    if (first !== i) {
      diagnostics.push(
        ...locate(parsed.doc as NonNullable<typeof parsed.doc>, [
          {
            code: 'config',
            severity: 'error',
            path: `/groups/${i}/name`,
            source: shown,
            message:
              `group ${ref.name} is listed twice (first as groups[${first}]); ` +
              `group names are unique in an instance`,
          },
        ]),
      );
    }
    const specFile = resolve(dir, ref.spec);
    const loaded = await loadGroupFile(
      specFile,
      displayPath(specFile, options.cwd),
      refPolicy(dir, options.allowRemoteRefs === true),
    ).catch((err: unknown) => {
      if (err instanceof ApigError)
        return {
          diagnostics: [
            locate(parsed.doc as NonNullable<typeof parsed.doc>, [
              {
                code: 'config',
                severity: 'error' as const,
                path: `/groups/${i}/spec`,
                source: shown,
                message: err.message,
              },
            ])[0] as Diagnostic,
          ],
        };
      throw err;
    });
    diagnostics.push(...loaded.diagnostics);
    if ('group' in loaded && loaded.group && loaded.doc) {
      const doc = loaded.doc;
      groups.push({
        ref,
        file: specFile,
        model: loaded.group,
        raw: doc.value,
        shown: doc.file,
        rangeOf: (p) => doc.rangeOf(p),
      });
    }
  }
  const environments = environmentsOf(raw);
  const apps = appsOf(raw, secretAt);
  const { tokens, aksk } = iamOf(raw, secretAt);
  const authorizers = authorizersOf(raw, dir);
  const vpcChannels = vpcChannelsOf(raw);
  const signatureKeys = signatureKeysOf(raw, secretAt);
  const throttles = throttlesOf(raw);
  const bindings = bindingsOf(raw);
  const functions = functionsOf(raw, dir);
  const wsDoc = parsed.doc;
  // An unset or empty secret authenticates nothing and signs nothing; say so where it is written.
  diagnostics.push(...locate(wsDoc, unusableSecretWarnings({ apps, iam: { tokens, aksk }, signatureKeys }, shown)));
  const workspace: Workspace = {
    file,
    dir,
    implicit: false,
    shown,
    rangeOf: (p) => wsDoc.rangeOf(p),
    groups,
    environments,
    ...(raw.publish !== undefined ? { publish: envMap(raw.publish) } : {}),
    apps,
    instance: { ...DEFAULT_INSTANCE, ...obj(raw.instance) },
    iam: { tokens, aksk },
    authorizers,
    vpcChannels,
    signatureKeys,
    throttles,
    bindings,
    functions,
  };
  return { workspace, diagnostics };
}
