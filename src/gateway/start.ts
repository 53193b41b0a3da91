/**
 * Loading and serving, in the two steps the CLI needs between them (print diagnostics and the fidelity
 * table, refuse under --strict): `prepare` loads and compiles; `launch` listens, and with `watch` reloads
 * on edits, keeping the last good configuration when an edit is invalid.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import type { Workspace } from '../core/workspace-model.js';
import { loadWorkspace } from '../workspace/load.js';
import type { GatewayConfig } from './compile/compiled.js';
import { compileConfig } from './compile/config.js';
import { fidelityReport, type FidelityRow } from './compile/fidelity.js';
import { Gateway, type GatewayOptions } from './gateway.js';
import { listen, type ListenOptions, type RunningServer } from './transport/server.js';
import { watchFiles, type FileWatcher } from './watch.js';
import type { UiAccess } from './ui/access.js';

export interface PrepareOptions {
  /** apig.yaml, its folder, or a single Swagger file; default: apig.yaml here or in a parent folder. */
  path?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** --allow-remote-refs. */
  allowRemoteRefs?: boolean;
  /** HTTPS listener configured, or --strict (ruling 11). */
  protocolCheck: boolean;
  /** --lenient-signatures (ruling 6). */
  lenientSignatures?: boolean;
  /** --trust-xff: take the client IP from X-Forwarded-For, as instance real_ip_from_xff does. */
  trustXff?: boolean;
  /** Adjusts the loaded workspace before it is compiled (tests point backends at ports they opened). */
  adjust?: (ws: Workspace) => void;
}

export interface Prepared {
  config?: GatewayConfig;
  diagnostics: Diagnostic[];
  fidelity: FidelityRow[];
}

export async function prepare(options: PrepareOptions): Promise<Prepared> {
  const loaded = await loadWorkspace(options.path, {
    cwd: options.cwd,
    env: options.env,
    allowRemoteRefs: options.allowRemoteRefs === true,
  });
  const ws = loaded.workspace;
  if (!ws || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics, fidelity: [] };
  options.adjust?.(ws);
  const compiled = compileConfig(ws, {
    protocolCheck: options.protocolCheck,
    lenientSignatures: options.lenientSignatures === true,
    trustXff: options.trustXff === true,
  });
  const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
  const fidelity = fidelityReport(ws, { protocolCheck: options.protocolCheck, trustXff: compiled.config.trustXff });
  return hasErrors(diagnostics) ? { diagnostics, fidelity } : { config: compiled.config, diagnostics, fidelity };
}

/** The workspace file and every file it references. */
export function referencedFiles(ws: Workspace): string[] {
  return [
    ...new Set([
      ws.file,
      ...ws.groups.map((g) => g.file),
      ...Object.values(ws.functions),
      ...ws.authorizers.flatMap((a) => (a.module ? [a.module] : [])),
    ]),
  ];
}

export interface LaunchOptions extends GatewayOptions, ListenOptions {
  watch?: PrepareOptions;
  /**
   * With `watch`: whether this process watches the files itself (default true). A `--workers` worker does not:
   * its primary watches and tells every worker to reload (gateway/cluster/).
   */
  watchFiles?: boolean;
  /** `--ui`: the dashboard at /_apig/ui (gateway/ui/, loaded only then). */
  dashboard?: { access: UiAccess; fidelity: FidelityRow[]; cwd: string };
}

export interface Launched {
  gateway: Gateway;
  server: RunningServer;
  /** Reloads now (what --watch does on an edit); resolves with the new diagnostics. */
  reload(): Promise<Diagnostic[]>;
  close(graceMs?: number): Promise<void>;
}

export async function launch(config: GatewayConfig, options: LaunchOptions): Promise<Launched> {
  const dashboard = options.dashboard
    ? new (await import('./ui/dashboard.js')).Dashboard({
        ...options.dashboard,
        watch: options.watch !== undefined,
        trace: options.trace === true,
      })
    : undefined;
  const gateway = new Gateway(
    config,
    dashboard
      ? { ...options, ui: dashboard, ...(options.onEvent ? { onEvent: dashboard.sink(options.onEvent) } : {}) }
      : options,
  );
  const server = await listen(gateway, options).catch(async (err: unknown) => {
    await gateway.close();
    throw err;
  });
  dashboard?.attach(gateway, server.urls[0] ?? '');
  let watcher: FileWatcher | undefined;
  const reload = async (): Promise<Diagnostic[]> => {
    if (!options.watch) return [];
    const next = await prepare(options.watch).catch(
      (err: unknown): Prepared => ({
        diagnostics: [
          {
            code: 'serve-reload',
            severity: 'error',
            message: err instanceof Error ? err.message : String(err),
            path: '',
            source: options.watch?.path ?? 'apig.yaml',
          },
        ],
        fidelity: [],
      }),
    );
    if (!next.config) {
      dashboard?.reloaded(false, next.diagnostics);
      gateway.emit({ type: 'reload-failed', diagnostics: next.diagnostics });
      return next.diagnostics;
    }
    gateway.use(next.config);
    dashboard?.reloaded(true, next.diagnostics, next.config.apis.length, next.fidelity);
    gateway.emit({ type: 'reloaded', apis: next.config.apis.length, diagnostics: next.diagnostics });
    rewatch(next.config.workspace);
    return next.diagnostics;
  };
  const rewatch = (ws: Workspace): void => {
    if (options.watchFiles === false) return;
    watcher?.close();
    watcher = watchFiles(referencedFiles(ws), () => void reload());
  };
  if (options.watch) rewatch(config.workspace);
  return {
    gateway,
    server,
    reload,
    close: async (graceMs) => {
      watcher?.close();
      dashboard?.close();
      await server.close(graceMs);
    },
  };
}
