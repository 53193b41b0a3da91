/**
 * What `apig edit` checks an answer against: the thing as it would be written, not as the questions alone
 * describe it. The questions do not cover everything (backend parameters, responses, extensions): `add`
 * builds a thing from the answers only, but `edit` writes only what the answers change, so the candidate
 * a rule sees is the current thing with that change applied (the same delta the file gets), read back.
 */
import type { Api, BackendPolicy } from '../../core/model.js';
import type { LoadedGroup, Workspace } from '../../core/workspace-model.js';
import { withGroupModel } from '../../lint/candidate.js';
import type { DecodeCtx } from '../../oas/codec.js';
import { decodeOperation, operationKey } from '../../oas/decode-operation.js';
import { encodeOperation } from '../../oas/encode.js';
import { policyCodec } from '../../oas/extensions/backend-policies.js';
import { applyDelta } from '../../workspace/authoring/data-edit.js';
import type { Thing } from '../../workspace/authoring/things.js';

const decodeCtx = (group: LoadedGroup): DecodeCtx => ({ source: group.shown, diagnostics: [] });

/** The API as edit would write it: `original` with the change from `before` to `after` (models of the answers). */
function mergedApi(group: LoadedGroup, original: Api, before: Api, after: Api): Api {
  const op = applyDelta(
    encodeOperation(original, 'extended'),
    encodeOperation(before, 'extended'),
    encodeOperation(after, 'extended'),
  );
  if (typeof op !== 'object' || op === null || Array.isArray(op)) return after;
  // Path-level parameters go with the API when it moves (edit copies them into the operation then).
  const inherited = original.params.filter((p) => p.inherited);
  const api = decodeOperation(
    op as Record<string, unknown>,
    { path: after.path, key: operationKey(after.method), at: '', inherited, root: group.raw },
    decodeCtx(group),
  );
  // The name stays the thing's own (rename changes it), also when it was generated from the method and path.
  return api ? { ...api, name: original.name, nameGenerated: original.nameGenerated } : after;
}

function mergedPolicy(
  group: LoadedGroup,
  original: BackendPolicy,
  before: BackendPolicy,
  after: BackendPolicy,
): BackendPolicy {
  const raw = applyDelta(policyCodec.encode(original), policyCodec.encode(before), policyCodec.encode(after));
  return policyCodec.decode(raw, '', decodeCtx(group)) ?? after;
}

/** The models the answers as they were describe: what a candidate's change is measured from. */
export interface Baseline {
  api?: Api;
  policy?: BackendPolicy;
}

/**
 * The candidate with the edited thing as it would be written. The flows append the thing built from the
 * answers to `rest` (the workspace without it): that one object is new, every other is `rest`'s own.
 */
export function asWritten(rest: Workspace, thing: Thing, baseline: Baseline, candidate: Workspace): Workspace {
  if (thing.kind !== 'api' && thing.kind !== 'backend-policy') return candidate;
  const name = thing.group.ref.name;
  const was = new Set(rest.groups.find((g) => g.ref.name === name)?.model.apis);
  const group = candidate.groups.find((g) => g.ref.name === name);
  if (!group) return candidate;
  const apis = group.model.apis.map((api) => {
    if (was.has(api)) return api;
    if (thing.kind === 'api') return baseline.api ? mergedApi(thing.group, thing.api, baseline.api, api) : api;
    const policies = api.policies ?? [];
    const built = policies[policies.length - 1];
    if (!built || !baseline.policy) return api;
    // Back in its own place: a finding about it keeps its pointer, and is not taken for a new one.
    const others = policies.slice(0, -1);
    const at = Math.min((thing.api.policies ?? []).indexOf(thing.policy), others.length);
    const merged = mergedPolicy(thing.group, thing.policy, baseline.policy, built);
    return { ...api, policies: at < 0 ? [...others, merged] : [...others.slice(0, at), merged, ...others.slice(at)] };
  });
  return withGroupModel(candidate, name, { ...group.model, apis });
}
