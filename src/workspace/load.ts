/**
 * Loads a workspace: apig.yaml (validated by schemas/workspace.json) and every group's Swagger file.
 * A single Swagger file given where a workspace is expected is a workspace of one group, all APIs in RELEASE.
 */
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic, Range } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import { ApigError } from '../core/errors.js';
import {
  DEFAULT_INSTANCE,
  type App,
  type AuthorizerImpl,
  type Environment,
  type GroupRef,
  type IamAkSk,
  type IamToken,
  type LoadedGroup,
  type PolicyBinding,
  type Secret,
  type SignatureKey,
  type Throttle2Policy,
  type VpcChannel,
  type Workspace,
  WORKSPACE_FILE,
} from '../core/workspace-model.js';
import { loadGroupFile } from '../oas/load-group.js';
import { readText } from '../oas/read.js';
import { locate, parseSource } from '../oas/source.js';
import { documentKind } from '../oas/validate.js';
import { validateWorkspaceValue } from './schema.js';
import { describeUnusable, resolveSecret, unusableSecrets } from './secrets.js';

export { WORKSPACE_FILE } from '../core/workspace-model.js';

export interface LoadOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** $refs to http(s) URLs may be fetched (--allow-remote-refs); refused by default. */
  allowRemoteRefs?: boolean;
}

export interface LoadedWorkspace {
  workspace?: Workspace;
  diagnostics: Diagnostic[];
}

/** Finds the file to load: an explicit path (file or folder) or ./apig.yaml. */
export async function locateWorkspace(path: string | undefined, cwd: string): Promise<string> {
  const target = resolve(cwd, path ?? WORKSPACE_FILE);
  const st = await stat(target).catch(() => undefined);
  if (!st) {
    throw new ApigError(
      'config',
      path === undefined
        ? `no ${WORKSPACE_FILE} in ${cwd}; give a workspace or Swagger file, or create one with \`apig init\``
        : `${path}: no such file or folder`,
    );
  }
  if (!st.isDirectory()) return target;
  const inside = join(target, WORKSPACE_FILE);
  if (!(await stat(inside).catch(() => undefined)))
    throw new ApigError('config', `${path ?? '.'}: folder has no ${WORKSPACE_FILE}`);
  return inside;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const envMap = (v: unknown): Record<string, string[]> =>
  Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, strs(x)]));

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
            message: `group ${ref.name} is listed twice (first as groups[${first}]); group names are unique in an instance`,
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
  const environments: Environment[] = Object.entries(obj(raw.environments)).map(([name, e]) => {
    const o = obj(e);
    return {
      name,
      ...(typeof o.description === 'string' ? { description: o.description } : {}),
      variables: Object.fromEntries(Object.entries(obj(o.variables)).map(([k, v]) => [k, String(v)])),
    };
  });
  const apps: App[] = ((raw.apps as unknown[] | undefined) ?? []).map((a) => {
    const o = obj(a);
    return {
      name: String(o.name),
      id: typeof o.id === 'string' ? o.id : String(o.name),
      key: String(o.key),
      secret: secretAt(o.secret),
      appCodes: strs(o.appCodes).map((c) => secretAt(c)),
      authorize: envMap(o.authorize),
    };
  });
  const iam = obj(raw.iam);
  const tokens: IamToken[] = ((iam.tokens as unknown[] | undefined) ?? []).map((t) => {
    const o = obj(t);
    return {
      token: secretAt(o.token),
      user: String(o.user),
      domain: String(o.domain),
      ...(typeof o.domainId === 'string' ? { domainId: o.domainId } : {}),
      ...(typeof o.project === 'string' ? { project: o.project } : {}),
      ...(typeof o.expires === 'string' ? { expires: o.expires } : {}),
    };
  });
  const aksk: IamAkSk[] = ((iam.aksk as unknown[] | undefined) ?? []).map((t) => {
    const o = obj(t);
    return {
      ak: String(o.ak),
      sk: secretAt(o.sk),
      user: String(o.user),
      domain: String(o.domain),
      ...(typeof o.domainId === 'string' ? { domainId: o.domainId } : {}),
    };
  });
  const authorizers: AuthorizerImpl[] = Object.entries(obj(raw.authorizers)).map(([name, a]) => {
    const o = obj(a);
    return {
      name,
      ...(typeof o.module === 'string' ? { module: resolve(dir, o.module) } : {}),
      ...(typeof o.url === 'string' ? { url: o.url } : {}),
    };
  });
  const vpcChannels: VpcChannel[] = ((raw.vpcChannels as unknown[] | undefined) ?? []).map((c) => {
    const o = obj(c);
    const hc = o.healthCheck ? obj(o.healthCheck) : undefined;
    return {
      name: String(o.name),
      port: Number(o.port),
      algorithm: (o.algorithm as VpcChannel['algorithm'] | undefined) ?? 'WRR',
      members: (o.members as unknown[]).map((m) => {
        const mo = obj(m);
        return {
          host: String(mo.host),
          weight: typeof mo.weight === 'number' ? mo.weight : 1,
          ...(typeof mo.port === 'number' ? { port: mo.port } : {}),
        };
      }),
      ...(hc
        ? {
            healthCheck: {
              protocol: (hc.protocol as 'TCP' | 'HTTP' | 'HTTPS' | undefined) ?? 'TCP',
              ...(typeof hc.path === 'string' ? { path: hc.path } : {}),
              ...(typeof hc.port === 'number' ? { port: hc.port } : {}),
              // Defaults from 002 §5.7.1: healthy 2, unhealthy 5, timeout 5 s, interval 10 s.
              healthyThreshold: typeof hc.healthyThreshold === 'number' ? hc.healthyThreshold : 2,
              unhealthyThreshold: typeof hc.unhealthyThreshold === 'number' ? hc.unhealthyThreshold : 5,
              timeout: typeof hc.timeout === 'number' ? hc.timeout : 5,
              interval: typeof hc.interval === 'number' ? hc.interval : 10,
              ...(typeof hc.httpCodes === 'string' ? { httpCodes: hc.httpCodes } : {}),
            },
          }
        : {}),
    };
  });
  const signatureKeys: SignatureKey[] = ((raw.signatureKeys as unknown[] | undefined) ?? []).map((k) => {
    const o = obj(k);
    return {
      name: String(o.name),
      type: o.type === 'basic' ? 'basic' : 'hmac',
      key: String(o.key),
      secret: secretAt(o.secret),
      bind: envMap(o.bind),
    };
  });
  const throttles = Object.entries(obj(raw.throttles)).map(([name, t]) => throttle2(name, obj(t)));
  const bindings = Object.fromEntries(
    Object.entries(obj(raw.bindings)).map(([env, apis]) => [
      env,
      Object.fromEntries(Object.entries(obj(apis)).map(([api, b]) => [api, policyBinding(obj(b))])),
    ]),
  );
  const functions = Object.fromEntries(
    Object.entries(obj(raw.functions)).map(([urn, m]) => [urn, resolve(dir, String(m))]),
  );
  const wsDoc = parsed.doc;
  // An unset or empty secret authenticates nothing and signs nothing; say so where it is written.
  diagnostics.push(
    ...locate(
      wsDoc,
      unusableSecrets({ apps, iam: { tokens, aksk }, signatureKeys }).map(
        (u): Diagnostic => ({
          code: u.secret.value === undefined && u.secret.problem === 'empty' ? 'empty-secret' : 'missing-env',
          severity: 'warn',
          path: u.path,
          source: shown,
          message: describeUnusable(u),
        }),
      ),
    ),
  );
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

type Unit = Throttle2Policy['unit'];
const unitOf = (v: unknown): Unit => (v === 'MINUTE' || v === 'HOUR' || v === 'DAY' ? v : 'SECOND');

/** A throttle 2.0 policy as written (schema-validated); the unit defaults to SECOND (004 §6.3 writes "60秒"). */
function throttle2(name: string, o: Obj): Throttle2Policy {
  const limits: Partial<Throttle2Policy> = {};
  for (const k of ['apiLimit', 'userLimit', 'appLimit', 'ipLimit'] as const) {
    const v = o[k];
    if (typeof v === 'number') limits[k] = v;
  }
  const unit = unitOf(o.unit);
  return {
    name,
    interval: Number(o.interval),
    unit,
    ...limits,
    parameters: ((o.parameters as unknown[] | undefined) ?? []).map((p) => {
      const po = obj(p);
      return {
        location: po.location === 'query' ? 'query' : po.location === 'path' ? 'path' : 'header',
        name: String(po.name),
      };
    }),
    rules: ((o.rules as unknown[] | undefined) ?? []).map((r) => {
      const ro = obj(r);
      return {
        limit: Number(ro.limit),
        interval: typeof ro.interval === 'number' ? ro.interval : Number(o.interval),
        unit: ro.unit === undefined ? unit : unitOf(ro.unit),
        when: String(ro.when),
      };
    }),
    special: ((o.special as unknown[] | undefined) ?? []).map((x) => {
      const so = obj(x);
      return { type: so.type === 'USER' ? 'USER' : 'APP', instance: String(so.instance), limit: Number(so.limit) };
    }),
    bind: envMap(o.bind),
  };
}

function policyBinding(o: Obj): PolicyBinding {
  const out: PolicyBinding = {};
  if ('throttle' in o) out.throttle = typeof o.throttle === 'string' ? o.throttle : null;
  if ('acl' in o) out.acl = o.acl === null ? null : Array.isArray(o.acl) ? o.acl.map(String) : [String(o.acl)];
  return out;
}

async function implicitWorkspace(file: string, shown: string, options: LoadOptions): Promise<LoadedWorkspace> {
  const loaded = await loadGroupFile(file, shown, refPolicy(dirname(file), options.allowRemoteRefs === true));
  const doc = loaded.doc;
  if (!loaded.group || !doc) return { diagnostics: loaded.diagnostics };
  const ref: GroupRef = { name: loaded.group.name || 'DEFAULT', spec: file, domains: [] };
  const rangeOf = (p: string): Range | undefined => doc.rangeOf(p);
  return {
    diagnostics: loaded.diagnostics,
    workspace: {
      file,
      dir: dirname(file),
      implicit: true,
      shown,
      rangeOf,
      groups: [{ ref, file, model: loaded.group, raw: doc.value, shown: doc.file, rangeOf }],
      environments: [],
      apps: [],
      instance: { ...DEFAULT_INSTANCE },
      iam: { tokens: [], aksk: [] },
      authorizers: [],
      vpcChannels: [],
      signatureKeys: [],
      functions: {},
    },
  };
}

/** External `$ref`s may read files inside the workspace folder; URLs only with --allow-remote-refs. */
export function refPolicy(root: string, allowRemote: boolean): { root: string; allowRemote: boolean } {
  return { root, allowRemote };
}

/** Paths in diagnostics are shown relative to where the user stands. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
