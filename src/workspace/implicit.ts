/**
 * A single Swagger file given where a workspace is expected: a workspace of one group, all APIs in RELEASE.
 */
import { dirname } from 'node:path';
import type { Range } from '../core/diagnostic.js';
import { emptySections, type GroupRef } from '../core/workspace-model.js';
import { loadGroupDoc } from '../oas/load-group.js';
import type { SourceDoc } from '../oas/source.js';
import type { LoadedWorkspace, LoadOptions } from './load-types.js';
import { refPolicy } from './locate.js';

export async function implicitWorkspace(
  file: string,
  shown: string,
  options: LoadOptions,
  parsed: SourceDoc,
): Promise<LoadedWorkspace> {
  const refs = { ...refPolicy(dirname(file), options.allowRemoteRefs === true), file };
  const loaded = await loadGroupDoc(parsed, refs, { partial: options.partial === true });
  const doc = loaded.doc;
  const files = [file];
  if (!loaded.group || !doc) return { diagnostics: loaded.diagnostics, files };
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
      groups: [
        {
          ref,
          file,
          model: loaded.group,
          raw: doc.value,
          shown: doc.file,
          rangeOf,
          ...(loaded.omittedApis ? { omittedApis: loaded.omittedApis } : {}),
        },
      ],
      ...emptySections(),
    },
    files,
  };
}
