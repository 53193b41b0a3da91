/**
 * Authoring edits of a group's Swagger file, text → text. Every value inserted is the encoding of a model
 * object by the same codecs import and export use, so what `apig add` writes reads back as the same model.
 */
import type { AclPolicy, Api, BackendPolicy, SecurityScheme, SpecFormat, ThrottlePolicy } from '../../core/model.js';
import { aclPolicy } from '../../oas/extensions/access-controls.js';
import { policyCodec } from '../../oas/extensions/backend-policies.js';
import { securityScheme } from '../../oas/extensions/security.js';
import { throttlePolicy } from '../../oas/extensions/throttles.js';
import { encodeOperation } from '../../oas/encode.js';
import { swagger2ToOas3 } from '../../oas/oas3-convert.js';
import type { TextFormat } from '../../oas/source.js';
import { operationKey } from '../../oas/decode-operation.js';
import { addEntry, appendItem, setScalar, valueAt, type KeyPath } from './text-edit.js';

/** A group file's text and what it is written in. */
export interface GroupText {
  text: string;
  format: TextFormat;
  spec: SpecFormat;
}

type Obj = Record<string, unknown>;

const operationPath = (api: Pick<Api, 'method' | 'path'>): KeyPath => ['paths', api.path, operationKey(api.method)];

/** The operation as written in the file's own version (OpenAPI 3.0 nests parameter schemas). */
export function operationValue(api: Api, spec: SpecFormat): Obj {
  const op = encodeOperation(api, 'extended');
  if (spec === 'swagger2') return op;
  const key = operationKey(api.method);
  const converted = swagger2ToOas3({
    swagger: '2.0',
    info: { title: 'x', version: '1' },
    paths: { [api.path]: { [key]: op } },
  });
  return ((converted.paths as Obj)[api.path] as Obj)[key] as Obj;
}

const schemesPath = (spec: SpecFormat): KeyPath =>
  spec === 'oas3' ? ['components', 'securitySchemes'] : ['securityDefinitions'];

/** Adds an API (and the security scheme it needs, when the file does not define it yet). */
export function addApi(file: GroupText, api: Api, newScheme?: SecurityScheme): string {
  const op = operationValue(api, file.spec);
  const item = valueAt(file.text, file.format, ['paths', api.path]);
  let text =
    item === undefined
      ? addEntry(file.text, file.format, ['paths'], api.path, { [operationKey(api.method)]: op })
      : addEntry(file.text, file.format, ['paths', api.path], operationKey(api.method), op);
  if (newScheme) {
    const { name, ...rest } = newScheme;
    text = addEntry(text, file.format, schemesPath(file.spec), name, securityScheme.encode(rest));
  }
  return text;
}

export function addThrottle(file: GroupText, policy: ThrottlePolicy): string {
  const { name, ...rest } = policy;
  return addEntry(file.text, file.format, ['x-apigateway-ratelimits'], name, throttlePolicy.encode(rest));
}

export function addAcl(file: GroupText, policy: AclPolicy): string {
  const { name, ...rest } = policy;
  return addEntry(file.text, file.format, ['x-apigateway-access-controls'], name, aclPolicy.encode(rest));
}

export const POLICY_REFERENCE_KEYS = {
  throttle: 'x-apigateway-ratelimit',
  acl: 'x-apigateway-access-control',
} as const;
export type PolicyKind = keyof typeof POLICY_REFERENCE_KEYS;

/** Points APIs at a throttle or access-control policy (replacing the one they named, if any). */
export function bindPolicy(
  file: GroupText,
  apis: ReadonlyArray<Pick<Api, 'method' | 'path'>>,
  kind: PolicyKind,
  name: string,
): string {
  let text = file.text;
  for (const api of apis) text = setScalar(text, file.format, operationPath(api), POLICY_REFERENCE_KEYS[kind], name);
  return text;
}

/** Appends a policy backend to an API's x-apigateway-backend-policies (matched in order; 002 §5.2.1). */
export function addBackendPolicy(file: GroupText, api: Pick<Api, 'method' | 'path'>, policy: BackendPolicy): string {
  return appendItem(
    file.text,
    file.format,
    [...operationPath(api), 'x-apigateway-backend-policies'],
    policyCodec.encode(policy),
  );
}
