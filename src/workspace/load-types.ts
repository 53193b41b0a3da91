/**
 * What loading a workspace takes and gives (load.ts, and implicit.ts for a single Swagger file).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Workspace } from '../core/workspace-model.js';

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
