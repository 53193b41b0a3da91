/**
 * Parameter validation (ruling 2: after authentication and throttling).
 * 002 §5.2.1 表5-6: a required parameter must be present; a default applies only to an optional one and is
 * sent to the backend; type String/Number, min/max length. Enumerations and numeric bounds come from the
 * REST model (x-apigateway.md, ReqParamBase). A failure answers 400 APIG.0201 through the "request parameter
 * error" gateway response (ruling 1). An empty value counts as absent for a required parameter.
 */
import type { Param } from '../../../core/model.js';
import { paramBounds, paramType, pathParamName } from '../../../core/defaults.js';
import { headerValue, traceStep, type ParamValues, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';
import { dict, firstQueryValues } from '../query.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function isNumberParam(p: Param): boolean {
  return paramType(p) === 'NUMBER';
}

/**
 * Header values may be credentials (an API key declared as a parameter): logs and traces show them masked.
 * Query and path values are part of the URL the caller chose to send, and are shown.
 */
export function shownValue(p: Pick<Param, 'location'>, value: string): string {
  if (p.location !== 'HEADER' || value.length <= 4) return JSON.stringify(value);
  return `"${value.slice(0, 2)}…" (${value.length} characters)`;
}

/** Why a present value breaks the parameter's rules, or undefined. */
export function violation(p: Param, value: string): string | undefined {
  const shown = shownValue(p, value);
  const { minLength, maxLength, minimum, maximum } = paramBounds(p);
  if (isNumberParam(p)) {
    if (!NUMBER.test(value)) return `${shown} is not a Number`;
    const n = Number(value);
    if (minimum !== undefined && n < minimum) return `${shown} is below the minimum ${minimum}`;
    if (maximum !== undefined && n > maximum) return `${shown} is above the maximum ${maximum}`;
  } else {
    const length = [...value].length;
    if (minLength !== undefined && length < minLength) return `${shown} is shorter than ${minLength}`;
    if (maxLength !== undefined && length > maxLength) return `${shown} is longer than ${maxLength}`;
  }
  if (p.enum && !p.enum.some((e) => String(e) === value))
    return `${shown} is not one of ${p.enum.map((e) => JSON.stringify(String(e))).join(', ')}`;
  return undefined;
}

export function params(ctx: RequestContext): StageOutcome {
  const api = ctx.hit?.api;
  const values: ParamValues = { path: dict(ctx.hit?.pathParams), query: dict(), header: dict() };
  ctx.params = values;
  if (!api || api.params.length === 0) {
    if (ctx.trace) traceStep(ctx, 'params', 'none declared');
    return NEXT;
  }
  const query = api.params.some((p) => p.location === 'QUERY') ? firstQueryValues(ctx.query) : dict<string>();
  for (const p of api.params) {
    const loc = p.location === 'PATH' ? 'path' : p.location === 'QUERY' ? 'query' : 'header';
    // A greedy path parameter may be declared as `name+` (what Swagger validators accept for `{name+}`).
    const key = loc === 'header' ? p.name.toLowerCase() : loc === 'path' ? pathParamName(p.name) : p.name;
    const given = loc === 'path' ? values.path[key] : loc === 'query' ? query[key] : headerValue(ctx.headers, key);
    if (given === undefined || given === '') {
      if (p.required) {
        traceStep(ctx, 'params', 'refused', { parameter: `${p.location} ${p.name}`, why: 'required and missing' });
        return fail(
          failure('PARAMETER_INVALID', `required ${p.location.toLowerCase()} parameter ${p.name} is missing`),
        );
      }
      if (p.default !== undefined) {
        values[loc][key] = String(p.default);
        (values.defaulted ??= []).push(p);
      }
      continue;
    }
    const why = violation(p, given);
    if (why !== undefined) {
      traceStep(ctx, 'params', 'refused', { parameter: `${p.location} ${p.name}`, why });
      return fail(failure('PARAMETER_INVALID', `${p.location.toLowerCase()} parameter ${p.name}: ${why}`));
    }
    values[loc][key] = given;
  }
  if (ctx.trace) {
    const header = Object.fromEntries(
      Object.entries(values.header).map(([k, v]) => [k, shownValue({ location: 'HEADER' }, v)]),
    );
    traceStep(ctx, 'params', 'valid', {
      values: { path: values.path, query: values.query, header },
      ...(values.defaulted
        ? { defaultsInjected: values.defaulted.map((p) => `${p.location} ${p.name}=${String(p.default)}`) }
        : {}),
    });
  }
  return NEXT;
}
