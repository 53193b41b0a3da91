/**
 * OpenAPI 3.0 import. Import brings a 3.0 document to the Swagger 2.0 shape the decoder reads (only what
 * APIG reads moves: security schemes, gateway responses, parameter schemas); `restoreOas3` undoes exactly
 * that after encoding, so a 3.0 file round-trips. Whole-document conversion for `apig export --oas` is in
 * oas3-convert.ts.
 */
import { isRecord } from './codec.js';
import { serverSchemes } from './oas3-convert.js';
import { type Doc, eachParamList, flattenParam, nestParam } from './oas3-params.js';
import { operations } from './walk.js';

/** `components` keys that the Swagger 2.0 view holds at the root. */
const MOVED = ['securitySchemes', 'x-apigateway-responses'];

/**
 * The `schemes` an operation took from its `servers` (or its Path Item's) in oas3View: an operation's servers are
 * its request protocol, as in the console's OpenAPI 3.0 exports (User Guide (online), "Importing APIs":
 * `servers: [{url: https://abc.com}]` ↔ `schemes: [https]`). restoreOas3 leaves them out again.
 */
export const SERVERS_SCHEMES = 'x-apig-oas3-servers-schemes';

function schemesFromServers(doc: Doc): void {
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const { path, op } of operations(doc)) {
    if (op.schemes !== undefined) continue;
    const item = paths[path];
    const schemes = serverSchemes(op.servers ?? (isRecord(item) ? item.servers : undefined));
    if (schemes.length === 0) continue;
    op.schemes = schemes;
    op[SERVERS_SCHEMES] = [...schemes];
  }
}

/** Undoes schemesFromServers: `schemes` changed since (an edit) stay. */
function withoutServersSchemes(doc: Doc): void {
  for (const { op } of operations(doc)) {
    if (!Object.hasOwn(op, SERVERS_SCHEMES)) continue;
    if (JSON.stringify(op.schemes) === JSON.stringify(op[SERVERS_SCHEMES])) delete op.schemes;
    delete op[SERVERS_SCHEMES];
  }
}

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
  eachParamList(out, (p) => flattenParam(p, out));
  schemesFromServers(out);
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
  withoutServersSchemes(out);
  return out;
}
