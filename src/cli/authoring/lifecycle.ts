/**
 * `apig remove` and `apig rename`: the edits that take a thing out of the workspace, or give it a new name,
 * together with what refers to it.
 */
import { ApigError } from '../../core/errors.js';
import { RELEASE, type Workspace } from '../../core/workspace-model.js';
import { detectFormat } from '../../oas/source.js';
import { dataOf, editData, renameKeyInText } from '../../workspace/authoring/data-edit.js';
import {
  definitionFile,
  removeDefinition,
  renameDefinition,
  type KeyRename,
} from '../../workspace/authoring/definitions.js';
import type { Obj } from '../../workspace/authoring/json-edit.js';
import {
  bindingSlot,
  dropReferences,
  referencesTo,
  renameReferences,
  type Reference,
} from '../../workspace/authoring/references.js';
import { findThing, KIND_WORDS, type Thing } from '../../workspace/authoring/things.js';
import { displayPath } from '../../workspace/locate.js';
import type { Change, FileEdit } from './change.js';

/** Each file's data, by absolute path. */
export function dataOfFiles(texts: ReadonlyMap<string, string>): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const [file, text] of texts) {
    const d = dataOf(text, detectFormat(file, text));
    if (d !== null && typeof d === 'object' && !Array.isArray(d)) out.set(file, d as Obj);
  }
  return out;
}

/** "API getUser (group shop)" */
export function describe(thing: Thing): string {
  const word = KIND_WORDS[thing.kind];
  const within =
    thing.kind === 'backend-policy'
      ? ` of API ${thing.api.name}`
      : thing.kind === 'api' || thing.kind === 'throttle' || thing.kind === 'acl'
        ? ` in group ${thing.group.ref.name}`
        : '';
  return `${word} ${thing.name}${within}`;
}

function referenceList(refs: readonly Reference[], cwd: string): string {
  return refs.map((r) => `  ${r.where} (${displayPath(r.file, cwd)})`).join('\n');
}

/** Applies data edits (and then key renames) file by file; only files that change are returned. */
export function editFiles(
  texts: ReadonlyMap<string, string>,
  files: Iterable<string>,
  edit: (file: string, root: Obj) => KeyRename[],
): FileEdit[] {
  const out: FileEdit[] = [];
  for (const file of new Set(files)) {
    const text = texts.get(file);
    if (text === undefined) continue;
    const format = detectFormat(file, text);
    let renames: KeyRename[] = [];
    let next = editData(text, format, (root) => {
      renames = edit(file, root);
      return undefined;
    });
    for (const k of renames) next = renameKeyInText(next, format, k.path, k.old, k.name);
    if (next !== text) out.push({ file, text: next });
  }
  return out;
}

/** "an API", "a throttling policy" */
const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** RELEASE is the gateway's own environment: its variables may change, the environment stays. */
function gatewaysOwn(thing: Thing, verb: string): void {
  if (thing.kind === 'env' && thing.name === RELEASE)
    throw new ApigError('usage', `${RELEASE} is the gateway's own environment: it cannot be ${verb}`);
}

export function planRemove(
  ws: Workspace,
  thing: Thing,
  texts: ReadonlyMap<string, string>,
  options: { force: boolean; cwd: string },
): Change {
  gatewaysOwn(thing, 'removed');
  const all = referencesTo(ws, thing, dataOfFiles(texts));
  // A name apig.yaml gives an API of another group too still names that one: it stays, and does not hold this back.
  const refs = all.filter((r) => !r.shared);
  const kept = all.filter((r) => r.shared);
  if (refs.length > 0 && !options.force)
    throw new ApigError(
      'usage',
      `${describe(thing)} is still referred to by:\n${referenceList(refs, options.cwd)}\n` +
        'remove those references first, or add --force to remove them with it',
    );
  const own = definitionFile(ws, thing);
  const edits = editFiles(texts, [own, ...refs.map((r) => r.file)], (file, root) => {
    dropReferences(
      root,
      refs.filter((r) => r.file === file),
    );
    if (file === own) removeDefinition(root, thing);
    return [];
  });
  return {
    edits,
    summary: describe(thing),
    notes: [
      ...(refs.length > 0 ? [`removed ${refs.length} reference(s) too: ${refs.map((r) => r.where).join('; ')}`] : []),
      ...(kept.length > 0 ? [sharedNote(ws, thing, kept)] : []),
      ...(refs.some(bindingSlot)
        ? ['where a binding named it, none is bound now (null): what the operation names does not apply there']
        : []),
    ],
  };
}

/** The other groups with an API of the thing's name, which apig.yaml's lists name as well ("group DEFAULT"). */
function otherGroups(ws: Workspace, thing: Thing): string {
  const names =
    thing.kind === 'api'
      ? ws.groups
          .filter((g) => g !== thing.group && g.model.apis.some((a) => a.name === thing.name))
          .map((g) => g.ref.name)
      : [];
  return `${names.length === 1 ? 'group' : 'groups'} ${names.join(', ')}`;
}

/** What happened to references that also name an API of another group (apig.yaml names APIs without group). */
function sharedNote(ws: Workspace, thing: Thing, refs: readonly Reference[], renamedTo?: string): string {
  const where = refs.map((r) => r.where).join('; ');
  const also = `also names API ${thing.name} of ${otherGroups(ws, thing)}`;
  return renamedTo === undefined
    ? `kept ${where}: ${refs.length === 1 ? 'it' : 'each'} ${also}`
    : `${where}: ${renamedTo} added beside ${thing.name}, which ${also}`;
}

export function planRename(ws: Workspace, thing: Thing, name: string, texts: ReadonlyMap<string, string>): Change {
  gatewaysOwn(thing, 'renamed');
  if (name === thing.name) throw new ApigError('usage', `${describe(thing)} is already named ${name}`);
  const scope =
    thing.kind === 'backend-policy'
      ? { api: thing.api.name }
      : thing.kind === 'throttle' || thing.kind === 'acl'
        ? { group: thing.group.ref.name }
        : {};
  const taken = (() => {
    if (thing.kind === 'env' && name === RELEASE) return true;
    try {
      findThing(ws, thing.kind, name, scope);
      return true;
    } catch {
      return false;
    }
  })();
  if (taken) throw new ApigError('usage', `there is already ${withArticle(KIND_WORDS[thing.kind])} named ${name}`);
  const refs = referencesTo(ws, thing, dataOfFiles(texts));
  const own = definitionFile(ws, thing);
  const edits = editFiles(texts, [own, ...refs.map((r) => r.file)], (file, root) => {
    const keys = renameReferences(
      root,
      refs.filter((r) => r.file === file),
      name,
    ).map((r) => ({ path: r.path.slice(0, -1), old: thing.name, name }));
    const own_ = file === own ? renameDefinition(root, thing, name) : undefined;
    return own_ ? [...keys, own_] : keys;
  });
  const updated = refs.filter((r) => !r.shared && !r.keptOnRename);
  const shared = refs.filter((r) => r.shared);
  return {
    edits,
    renamed: { from: thing.name, to: name },
    summary: `${describe(thing)} to ${name}`,
    notes: [
      ...(updated.length > 0
        ? [`updated ${updated.length} reference(s): ${updated.map((r) => r.where).join('; ')}`]
        : []),
      ...(shared.length > 0 ? [sharedNote(ws, thing, shared, name)] : []),
    ],
  };
}
