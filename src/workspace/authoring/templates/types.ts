/** What a template is rendered from and what it renders. */
export interface TemplateInput {
  /** Group name, also the Swagger info.title. */
  group: string;
  /** The group file's name, next to apig.yaml. */
  specFile: string;
  /** host:port of the backend (http). */
  backend: string;
  /** App name and AppKey (app-auth); the secret stays in an environment variable. */
  app: string;
  appKey: string;
}

export interface Rendered {
  workspace: string;
  group: string;
  /** The method and path of the template's API, to call once served. */
  call: { method: string; path: string };
}

/** The first line of every template's apig.yaml. */
export const WORKSPACE_HEADER =
  '# apig workspace: the groups and their Swagger files, environments, apps (see README, "The workspace")\n';

/** Quotes a value for YAML when it needs it (names are validated, but a value may hold anything). */
export function yamlString(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|\d[\d._]*)$/i.test(value)
    ? value
    : JSON.stringify(value);
}
