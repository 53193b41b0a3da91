/**
 * Loads a workspace: apig.yaml (validated by schemas/workspace.json) and every group's Swagger file.
 * A single Swagger file given where a workspace is expected is a workspace of one group (implicit.ts).
 */
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import { ApigError } from '../core/errors.js';
import {
  DEFAULT_INSTANCE,
  WORKSPACE_FILE,
  emptySections,
  type GroupRef,
  type LoadedGroup,
  type Secret,
  type Workspace,
} from '../core/workspace-model.js';
import { type LoadedSpec, loadGroupFile, loadGroupText } from '../oas/load-group.js';
import { readText } from '../oas/read.js';
import { locate, parseSource, type SourceDoc } from '../oas/source.js';
import { documentKind } from '../oas/validate.js';
import { isRecord } from '../oas/codec.js';
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
import { stateOf } from './state.js';
import { envMap, obj, strs } from './values.js';

export { WORKSPACE_FILE } from '../core/workspace-model.js';

export async function loadWorkspace(path: string | undefined, options: LoadOptions): Promise<LoadedWorkspace> {
  // Standard input (`apig lint -`) names no file that must exist: its name only places it.
  const file =
    options.text === undefined ? await locateWorkspace(path, options.cwd) : resolve(options.cwd, path ?? 'stdin');
  const shown = displayPath(file, options.cwd);
  const text = options.text ?? options.texts?.get(file) ?? (await readText(file, shown));
  const parsed = parseSource(shown, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics, files: [file] };
  const value = parsed.doc.value;
  const kind = documentKind(value);
  if (kind === 'swagger2' || kind === 'oas3') return implicitWorkspace(file, shown, options, parsed.doc);
  // Neither a Swagger document nor a workspace (no `groups:`), and not named as one: say what it is not.
  if (basename(file) !== WORKSPACE_FILE && !(isRecord(value) && Object.hasOwn(value, 'groups')))
    return {
      diagnostics: locate(parsed.doc, [
        {
          code: 'parse',
          severity: 'error',
          path: '',
          source: shown,
          message: `${kind}; nor is it an apig workspace (no groups:)`,
        },
      ]),
      files: [file],
    };

  const diagnostics = locate(parsed.doc, validateWorkspaceValue(value, shown));
  // With errors in apig.yaml, lint still lints the groups when their list is sound (the rest of apig.yaml is not
  // read: its references are checked once it is valid).
  const broken = hasErrors(diagnostics);
  const groupsSound =
    Array.isArray(obj(value).groups) && !diagnostics.some((d) => /^(\/groups)?$|^\/groups\//.test(d.path));
  if (broken && (!options.partial || !groupsSound)) return { diagnostics, files: [file] };
  const dir = dirname(file);
  const raw = obj(value);
  const secretAt = (written: unknown): Secret => resolveSecret(String(written), options.env);
  const wsDoc = parsed.doc;
  const files = [file];
  const groups = await loadGroups(raw, wsDoc, dir, options, diagnostics, files);
  const located = { file, dir, shown, rangeOf: (p: string) => wsDoc.rangeOf(p), groups };
  if (broken) return { workspace: { ...located, implicit: true, ...emptySections() }, diagnostics, files };

  const environments = environmentsOf(raw);
  const apps = appsOf(raw, secretAt);
  const { tokens, aksk } = iamOf(raw, secretAt);
  const signatureKeys = signatureKeysOf(raw, secretAt);
  // An unset or empty secret authenticates nothing and signs nothing; say so where it is written.
  diagnostics.push(...locate(wsDoc, unusableSecretWarnings({ apps, iam: { tokens, aksk }, signatureKeys }, shown)));
  const workspace: Workspace = {
    ...located,
    implicit: false,
    environments,
    ...(raw.publish !== undefined ? { publish: envMap(raw.publish) } : {}),
    apps,
    instance: { ...DEFAULT_INSTANCE, ...obj(raw.instance) },
    iam: { tokens, aksk },
    authorizers: authorizersOf(raw, dir),
    vpcChannels: vpcChannelsOf(raw),
    signatureKeys,
    throttles: throttlesOf(raw),
    bindings: bindingsOf(raw),
    functions: functionsOf(raw, dir),
  };
  const state = stateOf(raw, secretAt);
  if (state) workspace.state = state;
  return { workspace, diagnostics, files };
}

/** Every group's Swagger file; problems go to `diagnostics`, each file tried to `files`. */
async function loadGroups(
  raw: Record<string, unknown>,
  wsDoc: SourceDoc,
  dir: string,
  options: LoadOptions,
  diagnostics: Diagnostic[],
  files: string[],
): Promise<LoadedGroup[]> {
  const problem = (path: string, message: string): Diagnostic =>
    locate(wsDoc, [
      { code: 'workspace-references', severity: 'error', path, source: wsDoc.file, message },
    ])[0] as Diagnostic;
  const refs: GroupRef[] = (raw.groups as unknown[]).map((g) => {
    const o = obj(g);
    return { name: String(o.name), spec: String(o.spec), domains: strs(o.domains) };
  });
  const groups: LoadedGroup[] = [];
  for (const [i, ref] of refs.entries()) {
    const first = refs.findIndex((r) => r.name === ref.name);
    if (first !== i)
      diagnostics.push(
        problem(
          `/groups/${i}/name`,
          `group ${ref.name} is listed twice (first as groups[${first}]); group names are unique in an instance`,
        ),
      );
    const specFile = resolve(dir, ref.spec);
    files.push(specFile);
    const given = options.texts?.get(specFile);
    const shownSpec = displayPath(specFile, options.cwd);
    const policy = refPolicy(dir, options.allowRemoteRefs === true);
    const groupOptions = { partial: options.partial === true };
    const loaded = await (given === undefined
      ? loadGroupFile(specFile, shownSpec, policy, groupOptions)
      : loadGroupText(shownSpec, given, { ...policy, file: specFile }, groupOptions)
    ).catch((err: unknown): LoadedSpec => {
      if (err instanceof ApigError) return { diagnostics: [problem(`/groups/${i}/spec`, err.message)] };
      throw err;
    });
    diagnostics.push(...loaded.diagnostics);
    const doc = loaded.doc;
    if (loaded.group && doc) {
      groups.push({
        ref,
        file: specFile,
        model: loaded.group,
        raw: doc.value,
        shown: doc.file,
        rangeOf: (p) => doc.rangeOf(p),
        ...(loaded.omittedApis ? { omittedApis: loaded.omittedApis } : {}),
      });
    }
  }
  return groups;
}
