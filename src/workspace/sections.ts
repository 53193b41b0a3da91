/**
 * The sections of apig.yaml besides the groups, read into the model: environments, apps, IAM identities,
 * authorizer implementations, VPC channels, signature keys and function modules (schema-validated already).
 */
import { resolve } from 'node:path';
import type {
  App,
  AuthorizerImpl,
  Environment,
  IamAkSk,
  IamToken,
  Secret,
  SignatureKey,
  VpcChannel,
} from '../core/workspace-model.js';
import { envMap, type Obj, obj, ownRecord, strs } from './values.js';

/** Resolves a secret as written (`${ENV_VAR}` allowed). */
export type SecretAt = (written: unknown) => Secret;

export function environmentsOf(raw: Obj): Environment[] {
  return Object.entries(obj(raw.environments)).map(([name, e]) => {
    const o = obj(e);
    return {
      name,
      ...(typeof o.description === 'string' ? { description: o.description } : {}),
      variables: ownRecord(Object.entries(obj(o.variables)).map(([k, v]) => [k, String(v)] as const)),
    };
  });
}

export function appsOf(raw: Obj, secretAt: SecretAt): App[] {
  return ((raw.apps as unknown[] | undefined) ?? []).map((a) => {
    const o = obj(a);
    return {
      name: String(o.name),
      id: typeof o.id === 'string' ? o.id : String(o.name),
      key: String(o.key),
      secret: secretAt(o.secret),
      appCodes: strs(o.appCodes).map((c) => secretAt(c)),
      authorize: envMap(o.authorize),
    };
  });
}

export function iamOf(raw: Obj, secretAt: SecretAt): { tokens: IamToken[]; aksk: IamAkSk[] } {
  const iam = obj(raw.iam);
  const tokens: IamToken[] = ((iam.tokens as unknown[] | undefined) ?? []).map((t) => {
    const o = obj(t);
    return {
      token: secretAt(o.token),
      user: String(o.user),
      domain: String(o.domain),
      ...(typeof o.domainId === 'string' ? { domainId: o.domainId } : {}),
      ...(typeof o.project === 'string' ? { project: o.project } : {}),
      ...(typeof o.expires === 'string' ? { expires: o.expires } : {}),
    };
  });
  const aksk: IamAkSk[] = ((iam.aksk as unknown[] | undefined) ?? []).map((t) => {
    const o = obj(t);
    return {
      ak: String(o.ak),
      sk: secretAt(o.sk),
      user: String(o.user),
      domain: String(o.domain),
      ...(typeof o.domainId === 'string' ? { domainId: o.domainId } : {}),
    };
  });
  return { tokens, aksk };
}

export function authorizersOf(raw: Obj, dir: string): AuthorizerImpl[] {
  return Object.entries(obj(raw.authorizers)).map(([name, a]) => {
    const o = obj(a);
    return {
      name,
      ...(typeof o.module === 'string' ? { module: resolve(dir, o.module) } : {}),
      ...(typeof o.url === 'string' ? { url: o.url } : {}),
    };
  });
}

export function vpcChannelsOf(raw: Obj): VpcChannel[] {
  return ((raw.vpcChannels as unknown[] | undefined) ?? []).map((c) => {
    const o = obj(c);
    const hc = o.healthCheck ? obj(o.healthCheck) : undefined;
    return {
      name: String(o.name),
      port: Number(o.port),
      algorithm: (o.algorithm as VpcChannel['algorithm'] | undefined) ?? 'WRR',
      members: (o.members as unknown[]).map((m) => {
        const mo = obj(m);
        return {
          host: String(mo.host),
          weight: typeof mo.weight === 'number' ? mo.weight : 1,
          ...(typeof mo.port === 'number' ? { port: mo.port } : {}),
        };
      }),
      ...(hc
        ? {
            healthCheck: {
              protocol: (hc.protocol as 'TCP' | 'HTTP' | 'HTTPS' | undefined) ?? 'TCP',
              ...(typeof hc.path === 'string' ? { path: hc.path } : {}),
              ...(typeof hc.port === 'number' ? { port: hc.port } : {}),
              // Defaults from 002 §5.7.1: healthy 2, unhealthy 5, timeout 5 s, interval 10 s.
              healthyThreshold: typeof hc.healthyThreshold === 'number' ? hc.healthyThreshold : 2,
              unhealthyThreshold: typeof hc.unhealthyThreshold === 'number' ? hc.unhealthyThreshold : 5,
              timeout: typeof hc.timeout === 'number' ? hc.timeout : 5,
              interval: typeof hc.interval === 'number' ? hc.interval : 10,
              ...(typeof hc.httpCodes === 'string' ? { httpCodes: hc.httpCodes } : {}),
            },
          }
        : {}),
    };
  });
}

export function signatureKeysOf(raw: Obj, secretAt: SecretAt): SignatureKey[] {
  return ((raw.signatureKeys as unknown[] | undefined) ?? []).map((k) => {
    const o = obj(k);
    return {
      name: String(o.name),
      type: o.type === 'basic' ? 'basic' : 'hmac',
      key: String(o.key),
      secret: secretAt(o.secret),
      bind: envMap(o.bind),
    };
  });
}

export function functionsOf(raw: Obj, dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(obj(raw.functions)).map(([urn, m]) => [urn, resolve(dir, String(m))]));
}
