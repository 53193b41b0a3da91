/** Fields several flows share. */
import type { FlowContext } from '../context.js';
import type { Answers, MultiField, SelectField } from '../fields.js';

export function groupField(ctx: FlowContext): SelectField {
  const only = ctx.ws.groups.length === 1 ? ctx.ws.groups[0]?.ref.name : undefined;
  return {
    key: 'group',
    flag: 'group',
    kind: 'select',
    message: 'Group',
    required: only === undefined,
    choices: () => ctx.ws.groups.map((g) => ({ value: g.ref.name, description: g.shown })),
    default: () => only,
  };
}

/** Binds a new throttle or access-control policy to APIs of the group (their current one is replaced). */
export function bindField(
  what: 'throttle' | 'acl',
  apisOf: (a: Answers) => Array<{ name: string; current?: string }>,
): MultiField {
  return {
    key: 'apis',
    flag: 'apis',
    kind: 'multi',
    message: `Apply the ${what === 'throttle' ? 'throttling' : 'access control'} policy to these APIs`,
    choices: (a) =>
      apisOf(a).map((x) => ({
        value: x.name,
        ...(x.current !== undefined ? { description: `now uses ${x.current}` } : {}),
      })),
    default: () => [],
  };
}

/** `GET /users/{id}` → getUsersId: a default API name within the documented pattern (api-name). */
export function suggestedApiName(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return name.length >= 3 ? name : `${name}Api`;
}
