/**
 * Request parameters with x-apigateway-pass-through, -sample and -orchestrations (x-apigateway.md §19-22).
 * Swagger writes `in` in lower case (`formData` for form fields); the model uses upper-case locations.
 */
import { PARAM_LOCATIONS, PASS_THROUGH, type Param, type ParamLocation } from '../../core/model.js';
import { bool, list, num, oneOf, report, str, type Codec } from '../codec.js';
import { object, opt, req } from '../object-codec.js';

const SWAGGER_IN: Record<ParamLocation, string> = {
  PATH: 'path',
  QUERY: 'query',
  HEADER: 'header',
  COOKIE: 'cookie',
  BODY: 'body',
  FORMDATA: 'formData',
};

const anyCase = oneOf(PARAM_LOCATIONS);
const location: Codec<ParamLocation> = {
  decode: (raw, at, ctx) => anyCase.decode(raw, at, ctx),
  encode: (v) => SWAGGER_IN[v],
};

type Scalar = string | number | boolean;

const scalar: Codec<Scalar> = {
  decode: (raw, at, ctx) =>
    typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
      ? raw
      : report(ctx, at, 'must be a string, number or boolean'),
  encode: (v) => v,
};

export type ParamFields = Omit<Param, 'inherited' | 'ref'>;

export const paramCodec = object<ParamFields>(
  {
    name: req('name', str),
    location: req('in', location),
    swaggerType: opt('type', str),
    required: opt('required', bool),
    default: opt('default', scalar),
    minLength: opt('minLength', num),
    maxLength: opt('maxLength', num),
    minimum: opt('minimum', num),
    maximum: opt('maximum', num),
    enum: opt('enum', list(scalar)),
    description: opt('description', str),
    passThrough: opt('x-apigateway-pass-through', oneOf(PASS_THROUGH)),
    sample: opt('x-apigateway-sample', str),
    orchestrations: opt('x-apigateway-orchestrations', list(str)),
  },
  { name: 'parameter' },
);
