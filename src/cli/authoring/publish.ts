/**
 * `apig publish ENV [API...]` and `apig unpublish ENV [API...]`: the `publish:` map of apig.yaml. Without a
 * map every API is published to RELEASE only; the first change writes the map with `RELEASE: ["*"]`, so that
 * what was published stays so. Without API names, every API (`*`) is published, or the environment is emptied.
 */
import { didYouMean } from '../../core/closest.js';
import { ApigError } from '../../core/errors.js';
import { RELEASE, type Workspace } from '../../core/workspace-model.js';
import { environmentNames } from '../../workspace/publish.js';
import { isRecord } from '../../oas/codec.js';
import type { Obj } from '../../workspace/authoring/json-edit.js';
import type { Change } from './change.js';
import { editFiles } from './lifecycle.js';

const MAP_NOTE = 'apig.yaml had no publish: map (every API in RELEASE): it now has one, with RELEASE: ["*"]';

function allApis(ws: Workspace): string[] {
  return [...new Set(ws.groups.flatMap((g) => g.model.apis.map((a) => a.name)))];
}

function checkTarget(ws: Workspace, env: string, apis: readonly string[]): void {
  if (ws.implicit)
    throw new ApigError(
      'usage',
      `publish: is written in apig.yaml, but ${ws.shown} is a single Swagger file; ` +
        'create a workspace with apig init or apig import',
    );
  const envs = environmentNames(ws);
  if (!envs.includes(env))
    throw new ApigError('usage', `no environment named ${env}${didYouMean(env, envs)}; add it with apig add env`);
  const known = allApis(ws);
  for (const api of apis)
    if (!known.includes(api)) throw new ApigError('usage', `no API named ${api}${didYouMean(api, known)}`);
}

/** publish: names APIs without their group: a name several groups use publishes each of those APIs. */
function severalGroups(ws: Workspace, apis: readonly string[], verb: 'published' | 'unpublished'): string[] {
  return apis.flatMap((api) => {
    const groups = ws.groups.filter((g) => g.model.apis.some((a) => a.name === api)).map((g) => g.ref.name);
    const note =
      `${api} names an API in each of groups ${groups.join(', ')} ` +
      `(publish: names APIs without their group): each is ${verb}`;
    return groups.length > 1 ? [note] : [];
  });
}

/** The publish map as data, created with RELEASE: ["*"] when apig.yaml has none (what no map means). */
function publishMap(root: Obj, notes: string[]): Obj {
  if (!isRecord(root.publish)) {
    root.publish = { [RELEASE]: ['*'] };
    notes.push(MAP_NOTE);
  }
  return root.publish as Obj;
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function planPublish(ws: Workspace, env: string, apis: readonly string[], texts: ReadonlyMap<string, string>) {
  checkTarget(ws, env, apis);
  const notes: string[] = [];
  const edits = editFiles(texts, [ws.file], (_, root) => {
    const map = publishMap(root, notes);
    const current = listOf(map[env]);
    if (apis.length === 0) map[env] = ['*'];
    else if (!current.includes('*')) map[env] = [...current, ...apis.filter((a) => !current.includes(a))];
    return [];
  });
  notes.push(...severalGroups(ws, apis, 'published'));
  const what = apis.length === 0 ? 'every API' : apis.join(', ');
  return { edits, summary: `${what} to ${env}`, notes } satisfies Change;
}

export function planUnpublish(
  ws: Workspace,
  env: string,
  apis: readonly string[],
  texts: ReadonlyMap<string, string>,
): Change {
  checkTarget(ws, env, apis);
  const published = ws.publish === undefined ? env === RELEASE : Object.hasOwn(ws.publish, env);
  if (!published) throw new ApigError('usage', `nothing is published to ${env}`);
  const notes: string[] = [];
  const edits = editFiles(texts, [ws.file], (_, root) => {
    const map = publishMap(root, notes);
    if (apis.length === 0) {
      delete map[env];
      return [];
    }
    let current = listOf(map[env]);
    if (current.includes('*')) {
      current = allApis(ws);
      notes.push(`publish.${env} was "*" (every API): it now lists the other APIs by name`);
    }
    for (const api of apis)
      if (!current.includes(api)) throw new ApigError('usage', `API ${api} is not published to ${env}`);
    map[env] = current.filter((a) => !apis.includes(a));
    return [];
  });
  notes.push(...severalGroups(ws, apis, 'unpublished'));
  const what = apis.length === 0 ? 'every API' : apis.join(', ');
  return { edits, summary: `${what} from ${env}`, notes };
}
