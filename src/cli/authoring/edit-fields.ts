/**
 * The questions `apig edit` asks: those of `apig add`, pre-filled with the thing's current values, without those
 * that are another command's (name, publication, binding) or that the current value is beyond; and the answers
 * the thing has now, which the run's answers are measured from.
 */
import { ApigError } from '../../core/errors.js';
import type { Api } from '../../core/model.js';
import { isRecord } from '../../oas/codec.js';
import type { Thing } from '../../workspace/authoring/things.js';
import type { FlowContext } from './context.js';
import { authorable } from './edit-current.js';
import type { Answers, Field } from './fields.js';
import { ADD_FLOWS, type AddKind } from './kinds.js';
import { describe } from './lifecycle.js';
import { flagValue, onlyChoice, says } from './walk.js';

/** Questions `edit` does not ask: the name is `rename`'s, publication `publish`'s, binding `bind`'s. */
const NOT_EDITED = new Set(['group', 'name', 'publish', 'apis', 'api']);

const BACKEND_KEYS = new Set([
  'backendType',
  'mockBody',
  'address',
  'vpcChannel',
  'backendScheme',
  'backendMethod',
  'backendPath',
  'functionUrn',
  'functionVersion',
  'invocationType',
  'timeout',
]);

/**
 * Questions the thing's current value is beyond (an HTTP-VPC-MEMBER-GROUP backend, several backend addresses):
 * not asked, and their flags refused, since an answer would replace what it cannot say. Why, in words.
 */
function beyondQuestions(thing: Thing): { keys: ReadonlySet<string>; why: string } | undefined {
  const backend = thing.kind === 'api' ? thing.api.backend : thing.kind === 'backend-policy' ? thing.policy : undefined;
  if (backend === undefined || (thing.kind !== 'api' && thing.kind !== 'backend-policy')) return undefined;
  const place =
    thing.kind === 'api'
      ? `its x-apigateway-backend in ${thing.group.shown}`
      : `its entry of x-apigateway-backend-policies in ${thing.group.shown}`;
  if (!authorable(backend))
    return {
      keys: BACKEND_KEYS,
      why: `${describe(thing)} has an ${backend.type} backend, which the questions do not cover; change ${place}`,
    };
  if (backend.type === 'HTTP' && backend.http.address.length > 1)
    return {
      keys: new Set(['address']),
      why:
        `${describe(thing)} has ${backend.http.address.length} backend addresses ` +
        `(${backend.http.address.join(', ')}), which one answer cannot say; change ${place}`,
    };
  return undefined;
}

export function editFields(
  kind: AddKind,
  ctx: FlowContext,
  thing: Thing,
  current: Answers,
  flags: Readonly<Record<string, unknown>>,
  asks: boolean,
): Field[] {
  const beyond = beyondQuestions(thing);
  const all = ADD_FLOWS[kind].fields(ctx).filter((f) => !NOT_EDITED.has(f.key));
  const refused = all.filter((f) => beyond?.keys.has(f.key) && says(flagValue(f, flags)));
  if (beyond && refused.length > 0)
    throw new ApigError('usage', `${refused.map((f) => `--${f.flag}`).join(', ')}: ${beyond.why}`);
  const path = all.find((f) => f.key === 'path');
  return all
    .filter((f) => !beyond?.keys.has(f.key))
    .map((f) => {
      const field = {
        ...f,
        default: (a: Answers) => (Object.hasOwn(current, f.key) ? current[f.key] : f.default?.(a)),
      } as Field;
      // A new method can collide with another API on the current path: without --path and a terminal to ask the
      // path on, that is said of --method (the path question would otherwise refuse its own current value).
      if (f.key === 'method' && path?.validate && thing.kind === 'api' && !asks && flags.path === undefined) {
        const route = path.validate as (v: unknown, a: Answers) => ReturnType<NonNullable<Field['validate']>>;
        field.validate = (v: unknown, a: Answers) =>
          route(thing.api.path, { ...a, method: v as string, path: a.path ?? thing.api.path });
      }
      return field;
    });
}

/** Parameters the answers leave out that the API inherits from its path item: they stay, and say so. */
export function pathLevelNotes(api: Api, was: Answers, now: Answers, file: string): string[] {
  const names = (a: Answers): Set<string> =>
    new Set((Array.isArray(a.params) ? a.params : []).map((p) => (isRecord(p) ? String(p.paramName) : '')));
  const kept = names(now);
  return [...names(was)]
    .filter((n) => !kept.has(n) && api.params.some((p) => p.inherited && p.name === n))
    .map(
      (n) =>
        `${n} is a parameter of path ${api.path} in ${file}, which every operation there shares: it stays; ` +
        'remove it from the path item by hand',
    );
}

/**
 * The answers as the thing is now: each question's current value, or the default `add` would take where the
 * file leaves it unwritten, as --yes takes them. What the run's answers change is measured from these.
 */
export function baselineAnswers(fields: readonly Field[], initial: Answers): Answers {
  const a: Answers = { ...initial };
  for (const f of fields) {
    if (f.when && !f.when(a)) continue;
    const v = onlyChoice(f, a) ?? f.default?.(a);
    if (v !== undefined) a[f.key] = v;
  }
  return a;
}
