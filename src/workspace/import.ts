/**
 * `apig import`: plans every file write first (nothing touches the disk on error), with the console's
 * semantics: a new or existing group, never auto-published, at most 300 APIs per file (002 §8.7.1).
 */
import { existsSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { ApigError } from '../core/errors.js';
import type { Group } from '../core/model.js';
import type { Workspace } from '../core/workspace-model.js';
import { exportDocument } from '../oas/export-document.js';
import { serialize } from '../oas/serialize.js';
import { detectFormat } from '../oas/source.js';
import { reconcileText } from './authoring/reconcile.js';
import { addGroupRef } from './edit.js';
import { mergeGroup, type MergeOptions, type MergeReport } from './merge.js';

export const MAX_APIS_PER_IMPORT = 300;

export interface PlannedWrite {
  file: string;
  text: string;
}

export interface ImportPlan {
  writes: PlannedWrite[];
  group: string;
  created: boolean;
  report: MergeReport;
  /** Set when the workspace has a publish map: imported APIs are not published (002 §5.2.8). */
  unpublishedNote: boolean;
}

export interface ImportRequest extends MergeOptions {
  /** Absolute path of the imported file and its text format. */
  source: string;
  incoming: Group;
  /** Absolute path of the workspace file to create or update. */
  workspaceFile: string;
  workspace?: Workspace;
  workspaceText?: string;
  groupName?: string;
  /** Reads an existing group file (merges edit it in place, keeping its comments and layout). */
  readText?: (file: string) => string | undefined;
}

function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '') || 'group';
}

export function planImport(req: ImportRequest): ImportPlan {
  if (req.incoming.apis.length > MAX_APIS_PER_IMPORT) {
    throw new ApigError(
      'input',
      `${basename(req.source)} defines ${req.incoming.apis.length} APIs; ` +
        `at most ${MAX_APIS_PER_IMPORT} can be imported from one file (User Guide §8.7.1): split it`,
    );
  }
  const name = req.groupName ?? (req.incoming.name || 'DEFAULT');
  const ws = req.workspace;
  const target = ws?.groups.find((g) => g.ref.name === name) ?? (ws?.implicit ? ws.groups[0] : undefined);
  const textFormat = detectFormat(req.source, '');
  const emptyReport: MergeReport = {
    added: req.incoming.apis.map((a) => a.name),
    overwritten: [],
    skipped: [],
    policiesAdded: [],
    policiesOverridden: [],
    policiesKept: [],
  };

  if (target) {
    const { group, report } = mergeGroup(target.model, req.incoming, req);
    const before = req.readText?.(target.file);
    const next = exportDocument(group, { scope: 'extended' });
    const format = detectFormat(target.file, before ?? '');
    const text = before === undefined ? serialize(next, format) : reconcileText(before, format, next);
    return {
      writes: [{ file: target.file, text }],
      group: target.ref.name,
      created: false,
      report,
      unpublishedNote: Boolean(ws?.publish),
    };
  }
  if (ws?.implicit)
    throw new ApigError(
      'usage',
      'a single Swagger file is a workspace of one group: import into it, or use an apig.yaml',
    );

  const dir = resolve(req.workspaceFile, '..');
  const group: Group = { ...req.incoming, name };
  const specFile =
    resolve(req.source) === resolve(dir, basename(req.source)) && !ws?.groups.some((g) => g.file === req.source)
      ? req.source
      : join(dir, `${safeFileName(name)}${extname(req.source) || '.yaml'}`);
  const writes: PlannedWrite[] = [];
  if (specFile !== req.source) {
    if (existsSync(specFile))
      throw new ApigError(
        'usage',
        `${basename(specFile)} already exists in ${dir}; choose another --group name or move the file`,
      );
    writes.push({ file: specFile, text: serialize(exportDocument(group, { scope: 'extended' }), textFormat) });
  }
  writes.push({
    file: req.workspaceFile,
    text: addGroupRef(req.workspaceText, { name, spec: relative(dir, specFile) }),
  });
  return { writes, group: name, created: true, report: emptyReport, unpublishedNote: Boolean(ws?.publish) };
}
