/**
 * OpenAPI 3.0 import. Import brings a 3.0 document to the Swagger 2.0 shape the decoder reads (only what
 * APIG reads moves: security schemes, gateway responses, parameter schemas); `restoreOas3` undoes exactly
 * that after encoding, so a 3.0 file round-trips. Whole-document conversion for `apig export --oas` is in
 * oas3-convert.ts.
 */
import { isRecord } from './codec.js';
import { type Doc, eachParamList, flattenParam, nestParam } from './oas3-params.js';

/** `components` keys that the Swagger 2.0 view holds at the root. */
const MOVED = ['securitySchemes', 'x-apigateway-responses'];

/** OpenAPI 3.0 → the shape decodeGroup reads (a deep copy). */
export function oas3View(src: Doc): Doc {
  const doc = structuredClone(src);
  const comps = isRecord(doc.components) ? doc.components : undefined;
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'openapi') out.swagger = v;
    else if (k === 'components' && comps) {
      if (comps.securitySchemes !== undefined) out.securityDefinitions = comps.securitySchemes;
      if (comps['x-apigateway-responses'] !== undefined)
        out['x-apigateway-responses'] = comps['x-apigateway-responses'];
      // The moved keys leave a null in place, and `components` stays where it was even when they were all it
      // held, so that restoreOas3 puts everything back in its place.
      out.components = Object.fromEntries(
        Object.entries(comps).map(([ck, cv]) => [ck, MOVED.includes(ck) ? null : cv]),
      );
    } else out[k] = v;
  }
  eachParamList(out, flattenParam);
  return out;
}

/** Undoes oas3View on an encoded document. */
export function restoreOas3(view: Doc, openapi: string): Doc {
  const doc = structuredClone(view);
  const out: Doc = {};
  const comps: Doc = isRecord(doc.components) ? { ...doc.components } : {};
  comps.securitySchemes = doc.securityDefinitions;
  comps['x-apigateway-responses'] = doc['x-apigateway-responses'];
  for (const k of MOVED) if (comps[k] === undefined || comps[k] === null) delete comps[k];
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'swagger') out.openapi = openapi;
    else if (k === 'securityDefinitions' || k === 'x-apigateway-responses') continue;
    else if (k === 'components') out.components = comps;
    else out[k] = v;
  }
  if (!('components' in out) && Object.keys(comps).length > 0) out.components = comps;
  eachParamList(out, nestParam);
  return out;
}
