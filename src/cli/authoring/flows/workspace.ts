/** `apig add app` and `apig add env`: entries of apig.yaml, checked by workspace-references and quotas. */
import { randomBytes } from 'node:crypto';
import { apiAuth } from '../../../core/defaults.js';
import type { App, Environment } from '../../../core/workspace-model.js';
import { withWorkspace } from '../../../lint/candidate.js';
import type { RuleId } from '../../../lint/presets.js';
import { environmentNames } from '../../../workspace/publish.js';
import {
  secretVariableOf,
  type AppEntry,
  type EnvironmentEntry,
} from '../../../workspace/authoring/workspace-edits.js';
import { str, strs, type FlowContext } from '../context.js';
import type { Answers, Field, Item, Verdict } from '../fields.js';

export function buildApp(a: Answers): AppEntry {
  const envs = strs(a.authorizeEnvs);
  const apis = strs(a.authorizeApis);
  return {
    name: str(a.name) ?? 'placeholder',
    key: str(a.key) ?? '',
    secret: str(a.secret) ?? '',
    ...(envs.length > 0 && apis.length > 0 ? { authorize: Object.fromEntries(envs.map((e) => [e, apis])) } : {}),
  };
}

export function appModel(e: AppEntry): App {
  return {
    name: e.name,
    id: e.name,
    key: e.key,
    secret: { written: e.secret, value: e.secret },
    appCodes: [],
    authorize: e.authorize ?? {},
  };
}

export function appFields(ctx: FlowContext): Field[] {
  const check = (a: Answers, rules: readonly RuleId[]): Verdict =>
    ctx.check(withWorkspace(ctx.ws, { apps: [...ctx.ws.apps, appModel(buildApp(a))] }), rules);
  const generatedKey = randomBytes(16).toString('hex');
  const appApis = ctx.ws.groups.flatMap((g) =>
    g.model.apis.filter((api) => apiAuth(g.model, api).type === 'APP').map((api) => api.name),
  );
  return [
    {
      key: 'name',
      flag: 'name',
      kind: 'text',
      message: 'App name',
      required: true,
      validate: (name, a) =>
        ctx.ws.apps.some((x) => x.name === name)
          ? `an app named ${name} already exists (APIG.3203)`
          : check(a, ['quotas']),
    },
    {
      key: 'key',
      flag: 'key',
      kind: 'text',
      message: 'AppKey',
      default: () => generatedKey,
      validate: (key) => {
        const other = ctx.ws.apps.find((x) => x.key === key);
        return other ? `app ${other.name} already has this key; the gateway finds the app by its key` : undefined;
      },
    },
    {
      key: 'secret',
      flag: 'secret',
      kind: 'text',
      message: 'AppSecret (a value, or ${ENV_VAR} to keep it out of the file)',
      // An empty secret matches no signature: the app could never call anything (unset-secret).
      required: true,
      default: (a) => `\${${secretVariableOf(str(a.name) ?? 'app')}}`,
    },
    {
      key: 'authorizeEnvs',
      flag: 'authorize-envs',
      kind: 'multi',
      message: 'Authorize in environments',
      choices: () => environmentNames(ctx.ws).map((e) => ({ value: e })),
      default: () => environmentNames(ctx.ws),
      validate: (_, a) => check(a, ['workspace-references']),
    },
    {
      key: 'authorizeApis',
      flag: 'authorize-apis',
      kind: 'multi',
      message: 'Authorize for APIs',
      when: (a) => strs(a.authorizeEnvs).length > 0,
      needs: () => 'the app is authorized in no environment (--authorize-envs is empty)',
      choices: () => [{ value: '*', description: 'every APP-auth API' }, ...appApis.map((n) => ({ value: n }))],
      default: () => ['*'],
      validate: (_, a) => check(a, ['workspace-references']),
    },
  ];
}

export function buildEnvironment(a: Answers): EnvironmentEntry {
  const vars = Array.isArray(a.variables) ? (a.variables as Item[]) : [];
  const current = typeof a.varName === 'string' ? [a as Item] : [];
  const description = str(a.description);
  return {
    name: str(a.name) ?? 'placeholder',
    ...(description !== undefined ? { description } : {}),
    variables: Object.fromEntries([...vars, ...current].map((v) => [String(v.varName), String(v.varValue ?? 'value')])),
  };
}

/** `name=value` */
export function parseVariable(spec: string): Item | string {
  const i = spec.indexOf('=');
  return i <= 0 ? 'expected name=value' : { varName: spec.slice(0, i).trim(), varValue: spec.slice(i + 1) };
}

export function envFields(ctx: FlowContext): Field[] {
  const check = (a: Answers, rules: readonly RuleId[]): Verdict => {
    const e = buildEnvironment(a);
    const env: Environment = {
      name: e.name,
      variables: e.variables,
      ...(e.description !== undefined ? { description: e.description } : {}),
    };
    return ctx.check(withWorkspace(ctx.ws, { environments: [...ctx.ws.environments, env] }), rules);
  };
  return [
    {
      key: 'name',
      flag: 'name',
      kind: 'text',
      message: 'Environment name',
      required: true,
      validate: (name, a) =>
        ctx.ws.environments.some((e) => e.name === name)
          ? `environment ${name} already exists (APIG.3205)`
          : check(a, ['workspace-references', 'quotas']),
    },
    { key: 'description', flag: 'description', kind: 'text', message: 'Description (optional)' },
    {
      key: 'variables',
      flag: 'var',
      kind: 'list',
      message: 'Variables',
      more: 'Add a variable (used as #name# in backend addresses and paths)?',
      parse: parseVariable,
      default: () => [],
      validate: (_, a) => check(a, ['quotas']),
      item: [
        {
          key: 'varName',
          flag: 'var-name',
          kind: 'text',
          message: 'Variable name',
          required: true,
          validate: (name, a) =>
            (Array.isArray(a.variables) ? (a.variables as Item[]) : []).some((v) => v.varName === name)
              ? `variable ${name} is given twice`
              : check(a, ['workspace-references']),
        },
        { key: 'varValue', flag: 'var-value', kind: 'text', message: 'Value', required: true },
      ],
    },
  ];
}
