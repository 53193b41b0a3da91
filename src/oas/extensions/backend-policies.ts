/**
 * x-apigateway-backend-policies (x-apigateway.md §9, HW apig_03_0096/0097; V1 表16/表22).
 * The sources disagree on the condition vocabulary (contradiction 3): the extension page says
 * `equal|enum|pattern` and `source|request`, V1 exports say `exact` and `param`, REST adds
 * `system|cookie|frontend_authorizer`. All are accepted; the model uses the REST names.
 */
import {
  CONDITION_ORIGINS,
  CONDITION_TYPES,
  EFFECT_MODES,
  type BackendPolicy,
  type Condition,
  type PolicyFields,
} from '../../core/model.js';
import { list, oneOf, str, type Codec } from '../codec.js';
import { opt, req, object } from '../object-codec.js';
import { discriminated } from './backend.js';

export const condition = object<Condition>(
  {
    origin: req('origin', oneOf(CONDITION_ORIGINS, { request: 'param', request_parameter: 'param' })),
    type: opt('type', oneOf(CONDITION_TYPES, { equal: 'exact' })),
    value: req('value', str),
    parameter: opt('parameter', str, ['parameter_name']),
  },
  { name: 'condition' },
);

const conditionList = list(condition);

/** V1's source condition writes `type: ''`: decoded as "no type" and written back as it was. */
const conditions: Codec<Condition[]> = {
  decode(raw, at, ctx) {
    if (!Array.isArray(raw)) return conditionList.decode(raw, at, ctx);
    const cleaned = raw.map((c: unknown) =>
      typeof c === 'object' && c !== null && (c as Record<string, unknown>).type === ''
        ? { ...(c as object), type: undefined }
        : c,
    );
    const out = conditionList.decode(cleaned, at, ctx);
    out?.forEach((c, i) => {
      const r = raw[i] as Record<string, unknown>;
      if (r.type === '') {
        c.kept = { ...c.kept, extra: { ...c.kept?.extra, type: '' } };
      }
    });
    return out;
  },
  encode: (v) => conditionList.encode(v),
};

export const policyCodec: Codec<BackendPolicy> = discriminated<PolicyFields>(
  {
    name: opt('name', str),
    effectMode: opt('effectMode', oneOf(EFFECT_MODES)),
    conditions: req('conditions', conditions),
  },
  'backend policy',
);

export const policiesCodec = list(policyCodec);
