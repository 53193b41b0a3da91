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
  /** Build what is valid of a file with errors, for lint (load-group.ts `partial`). */
  partial?: boolean;
  /** The text of the file `path` names, already read (standard input: `apig lint -`). */
  text?: string;
  /**
   * Texts to read instead of the files on disk, by absolute path: the workspace as an authoring change would
   * leave it, loaded before anything is written.
   */
  texts?: ReadonlyMap<string, string>;
}

export interface LoadedWorkspace {
  workspace?: Workspace;
  diagnostics: Diagnostic[];
  /** Absolute paths of every file read or tried, whatever became of it (what `apig lint --watch` watches). */
  files: string[];
}
