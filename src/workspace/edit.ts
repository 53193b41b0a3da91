/** Edits of apig.yaml that keep the user's comments, key order and formatting (yaml Document API). */
import { isSeq, parseDocument, stringify } from 'yaml';
import type { GroupRef } from '../core/workspace-model.js';

export function addGroupRef(text: string | undefined, ref: Pick<GroupRef, 'name' | 'spec'>): string {
  if (text === undefined || text.trim() === '') return stringify({ groups: [{ name: ref.name, spec: ref.spec }] });
  const doc = parseDocument(text);
  const groups = doc.get('groups', true);
  const node = doc.createNode({ name: ref.name, spec: ref.spec });
  if (isSeq(groups)) {
    // `groups: []` (a workspace whose last group was removed) becomes a block list, as apig writes it.
    if (groups.items.length === 0) groups.flow = false;
    groups.add(node);
  } else doc.set('groups', doc.createNode([{ name: ref.name, spec: ref.spec }]));
  return doc.toString();
}
