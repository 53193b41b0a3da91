/**
 * A validated Swagger 2.0 document → the Group model. OpenAPI 3.0 documents are first brought to the
 * Swagger 2.0 shape (oas3.ts) and remember where they came from.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type {
  AclPolicy,
  Api,
  GatewayResponseSet,
  Group,
  PathItemInfo,
  SecurityScheme,
  SpecFormat,
  ThrottlePolicy,
} from '../core/model.js';
import { anyValue, type At, below, isRecord, pointerAt, setOwn, str, type Codec, type DecodeCtx } from './codec.js';
import { object, opt, req } from './object-codec.js';
import { aclPolicy } from './extensions/access-controls.js';
import { securityScheme } from './extensions/security.js';
import { responseSet } from './extensions/responses.js';
import { throttlePolicy } from './extensions/throttles.js';
import { decodeOperation, decodeParams } from './decode-operation.js';
import { isOperationItemKey } from './walk.js';
import type { Kept, KeptInfo } from '../core/kept.js';

interface InfoFields extends Kept {
  title: string;
  description?: string;
  version?: string;
}
export const infoCodec = object<InfoFields>(
  { title: req('title', str), description: opt('description', str), version: opt('version', str) },
  { name: 'info' },
);

/** Root keys decoded on their own; listed here so they are not kept as unknown keys. */
interface RootFields extends Kept {
  swagger?: string;
  info?: InfoFields;
  host?: string;
  basePath?: string;
  paths?: unknown;
  securityDefinitions?: unknown;
  ratelimits?: unknown;
  acls?: unknown;
  responses?: unknown;
}

export const rootCodec = object<RootFields>(
  {
    swagger: opt('swagger', str),
    info: opt('info', infoCodec),
    host: opt('host', str),
    basePath: opt('basePath', str),
    paths: opt('paths', anyValue),
    securityDefinitions: opt('securityDefinitions', anyValue),
    ratelimits: opt('x-apigateway-ratelimits', anyValue),
    acls: opt('x-apigateway-access-controls', anyValue),
    responses: opt('x-apigateway-responses', anyValue),
  },
  { name: 'document' },
);

function named<T extends object>(
  raw: unknown,
  at: At,
  codec: Codec<T>,
  ctx: DecodeCtx,
): Array<T & { name: string }> | undefined {
  if (raw === undefined) return [];
  if (!isRecord(raw)) {
    ctx.diagnostics.push({
      code: 'extension-schema',
      severity: 'error',
      message: 'must be an object of named entries',
      path: pointerAt(at),
      source: ctx.source,
    });
    return undefined;
  }
  const out: Array<T & { name: string }> = [];
  let ok = true;
  for (const [name, v] of Object.entries(raw)) {
    const d = codec.decode(v, below(at, name), ctx);
    if (d) out.push({ ...d, name });
    else ok = false;
  }
  return ok ? out : undefined;
}

/** The root maps of named objects; decoded empty, they are lists the model does not tell from absent ones. */
const NAMED_MAPS = [
  'securityDefinitions',
  'x-apigateway-ratelimits',
  'x-apigateway-access-controls',
  'x-apigateway-responses',
] as const;

/**
 * The root's kept forms, with each named map written empty (`x-apigateway-responses: {}`, as the console writes
 * it) kept as written: the model's empty list would otherwise be encoded as no key at all (encode.ts).
 */
function withEmptyMaps(doc: Record<string, unknown>, kept: KeptInfo | undefined): KeptInfo | undefined {
  let values: Record<string, unknown> | undefined;
  for (const key of NAMED_MAPS) {
    const raw = doc[key];
    if (isRecord(raw) && Object.keys(raw).length === 0)
      (values ??= { ...kept?.values })[key] = { written: {}, value: {} };
  }
  return values ? { ...kept, values } : kept;
}

function decodePaths(
  paths: unknown,
  root: unknown,
  ctx: DecodeCtx,
): { apis: Api[]; pathItems: PathItemInfo[] } | undefined {
  const apis: Api[] = [];
  const pathItems: PathItemInfo[] = [];
  if (!isRecord(paths)) return { apis, pathItems };
  let ok = true;
  const pathKeys = Object.keys(paths);
  for (let p = 0; p < pathKeys.length; p++) {
    const path = pathKeys[p] as string;
    const item = paths[path];
    if (!isRecord(item)) continue;
    const at = below('/paths', path);
    const inherited = decodeParams(item.parameters, below(at, 'parameters'), root, ctx) ?? [];
    const order = Object.keys(item);
    let extra: Record<string, unknown> | undefined;
    for (let i = 0; i < order.length; i++) {
      const k = order[i] as string;
      if (!isOperationItemKey(k)) setOwn((extra ??= {}), k, item[k]);
    }
    pathItems.push({ path, kept: extra ? { order, extra } : { order } });
    for (let i = 0; i < order.length; i++) {
      const key = order[i] as string;
      const op = item[key];
      if (!isOperationItemKey(key) || !isRecord(op)) continue;
      const api = decodeOperation(op, { path, key, at: below(at, key), inherited, root }, ctx);
      if (api) apis.push(api);
      else ok = false;
    }
  }
  return ok ? { apis, pathItems } : undefined;
}

export function decodeGroup(
  doc: Record<string, unknown>,
  format: SpecFormat,
  specVersion: string,
  source: string,
): { group?: Group; diagnostics: Diagnostic[] } {
  const ctx: DecodeCtx = { source, diagnostics: [] };
  const root = rootCodec.decode(doc, '', ctx);
  const paths = decodePaths(doc.paths, doc, ctx);
  const schemes = named<Omit<SecurityScheme, 'name'>>(
    doc.securityDefinitions,
    '/securityDefinitions',
    securityScheme,
    ctx,
  );
  const throttles = named<Omit<ThrottlePolicy, 'name'>>(
    doc['x-apigateway-ratelimits'],
    '/x-apigateway-ratelimits',
    throttlePolicy,
    ctx,
  );
  const acls = named<Omit<AclPolicy, 'name'>>(
    doc['x-apigateway-access-controls'],
    '/x-apigateway-access-controls',
    aclPolicy,
    ctx,
  );
  const responses = named<Omit<GatewayResponseSet, 'name'>>(
    doc['x-apigateway-responses'],
    '/x-apigateway-responses',
    responseSet,
    ctx,
  );
  if (!root || !paths || !schemes || !throttles || !acls || !responses) return { diagnostics: ctx.diagnostics };
  const { info } = root;
  const kept = withEmptyMaps(doc, root.kept);
  const group: Group = {
    name: info?.title ?? '',
    ...(info?.description !== undefined ? { description: info.description } : {}),
    ...(info?.version !== undefined ? { version: info.version } : {}),
    ...(root.host !== undefined ? { host: root.host } : {}),
    ...(root.basePath !== undefined ? { basePath: root.basePath } : {}),
    format,
    specVersion,
    securitySchemes: schemes,
    apis: paths.apis,
    pathItems: paths.pathItems,
    throttles,
    acls,
    responses,
    ...(info?.kept ? { info: { kept: info.kept } } : {}),
    ...(kept ? { kept } : {}),
  };
  return { group, diagnostics: ctx.diagnostics };
}
