/** Authoring edits of apig.yaml, text → text, in the shape schemas/workspace.json describes. */
import { addEntry, appendItem, valueAt } from './text-edit.js';

/** An app as written in apig.yaml: the secret may be `${ENV_VAR}` (see secrets.ts). */
export interface AppEntry {
  name: string;
  key: string;
  secret: string;
  appCodes?: string[];
  /** Environment → API names or `*`. */
  authorize?: Record<string, string[]>;
}

export interface EnvironmentEntry {
  name: string;
  description?: string;
  variables: Record<string, string>;
}

/** `APP1_SECRET` for app1: the variable that holds an app's secret (secrets.ts resolves `${APP1_SECRET}`). */
export function secretVariableOf(app: string): string {
  return `${app.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_SECRET`;
}

/** An app as written in apig.yaml's `apps` list. */
export function appValue(app: AppEntry): Record<string, unknown> {
  return {
    name: app.name,
    key: app.key,
    secret: app.secret,
    ...(app.appCodes && app.appCodes.length > 0 ? { appCodes: app.appCodes } : {}),
    ...(app.authorize && Object.keys(app.authorize).length > 0 ? { authorize: app.authorize } : {}),
  };
}

export function addApp(text: string, app: AppEntry): string {
  return appendItem(text, 'yaml', ['apps'], appValue(app));
}

/** An environment as written under apig.yaml's `environments`. */
export function environmentValue(env: EnvironmentEntry): Record<string, unknown> {
  return {
    ...(env.description !== undefined && env.description !== '' ? { description: env.description } : {}),
    variables: env.variables,
  };
}

export function addEnvironment(text: string, env: EnvironmentEntry): string {
  return addEntry(text, 'yaml', ['environments'], env.name, environmentValue(env));
}

/** Lists an API under `publish.<env>` (the environment's list is created when missing). */
export function publishApi(text: string, env: string, apiName: string): string {
  const list = valueAt(text, 'yaml', ['publish', env]);
  if (Array.isArray(list) && (list.includes('*') || list.includes(apiName))) return text;
  return appendItem(text, 'yaml', ['publish', env], apiName);
}
