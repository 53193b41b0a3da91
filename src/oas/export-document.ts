/** Export in the requested OpenAPI version, converting when the group came from the other one. */
import type { Group } from '../core/model.js';
import { exportGroup, type ExportOptions } from './encode.js';
import { restoreOas3 } from './oas3.js';
import { oas3ToSwagger2, swagger2ToOas3 } from './oas3-convert.js';

export type OasVersion = 2 | 3;

export function exportDocument(group: Group, options: ExportOptions & { oas?: OasVersion }): Record<string, unknown> {
  const encoded = exportGroup(group, options);
  const target = options.oas ?? (group.format === 'oas3' ? 3 : 2);
  if (group.format === 'oas3') {
    const restored = restoreOas3(encoded, group.specVersion);
    return target === 3 ? restored : oas3ToSwagger2(restored);
  }
  return target === 2 ? encoded : swagger2ToOas3(encoded);
}
