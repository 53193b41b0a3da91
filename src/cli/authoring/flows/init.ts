/** `apig init`: which template, and the few names it needs; the group name is checked by group-name. */
import { join } from 'node:path';
import { emptySections, type Workspace } from '../../../core/workspace-model.js';
import { refusal } from '../../../lint/candidate.js';
import { DEFAULT_QUOTAS } from '../../../lint/quotas.js';
import { loadGroupText } from '../../../oas/load-group.js';
import {
  TEMPLATE_IDS,
  TEMPLATES,
  type Rendered,
  type TemplateId,
} from '../../../workspace/authoring/templates/index.js';
import { str } from '../context.js';
import type { Answers, Field, Verdict } from '../fields.js';

export interface InitSetup {
  dir: string;
  /** Generated once per run (app-auth). */
  appKey: string;
}

/** The names init accepts (group-name with its warnings: the import-title pattern, 3–255 characters apart). */
const IMPORT_TITLE = /^[A-Za-z][A-Za-z0-9_]{2,63}$/;
const IMPORT_TITLE_RULE = '3–64 letters, digits or underscores, starting with a letter';

/** A folder name → a group name in the import-title pattern (letters, digits, underscores; letter first). */
export function suggestedGroupName(folder: string): string {
  if (IMPORT_TITLE.test(folder)) return folder;
  const cleaned = folder
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 64);
  return cleaned.length >= 3 ? cleaned : 'demo';
}

/** Said when the group is named after the folder but not as the folder is named (`aa` → demo). */
export function groupNameNote(
  folder: string,
  a: Answers,
  flags: Readonly<Record<string, unknown>>,
): string | undefined {
  const group = str(a.group);
  if (flags.group !== undefined || group === undefined || group === folder || group !== suggestedGroupName(folder))
    return undefined;
  return (
    `the folder name "${folder}" is not a valid group name ` +
    `(${IMPORT_TITLE_RULE}: group-name); the group is named ${group} (choose with --group)`
  );
}

export function render(setup: InitSetup, a: Answers): { rendered: Rendered; specFile: string; template: TemplateId } {
  const template = (str(a.template) ?? 'mock') as TemplateId;
  const group = str(a.group) ?? 'demo';
  const specFile = `${group}.yaml`;
  const rendered = TEMPLATES[template].render({
    group,
    specFile,
    backend: str(a.backend) ?? '127.0.0.1:9000',
    app: str(a.app) ?? 'app1',
    appKey: setup.appKey,
  });
  return { rendered, specFile, template };
}

function bare(dir: string): Workspace {
  return {
    file: join(dir, 'apig.yaml'),
    dir,
    implicit: false,
    shown: 'apig.yaml',
    rangeOf: () => undefined,
    groups: [],
    ...emptySections(),
  };
}

/** The group name as the rendered template would carry it (apig.yaml name and info.title). */
async function groupNameVerdict(setup: InitSetup, a: Answers): Promise<Verdict> {
  const { rendered, specFile } = render(setup, a);
  const loaded = await loadGroupText(specFile, rendered.group);
  if (!loaded.group || !loaded.doc)
    return `the group name does not fit in a Swagger file: ${loaded.diagnostics[0]?.message ?? 'unreadable'}`;
  const base = bare(setup.dir);
  const group = {
    ref: { name: str(a.group) ?? '', spec: specFile, domains: [] },
    file: join(setup.dir, specFile),
    model: loaded.group,
    raw: loaded.doc.value,
    shown: specFile,
    rangeOf: () => undefined,
  };
  // group-name only warns, but a new workspace should start lint-clean: its warnings refuse here.
  return refusal(
    base,
    { ...base, groups: [group] },
    { rules: ['group-name'], quotas: DEFAULT_QUOTAS, atLeast: 'warn' },
  );
}

const HOST_PORT = /^(\[[0-9A-Fa-f:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

export function initFields(setup: InitSetup, folder: string): Field[] {
  return [
    {
      key: 'template',
      flag: 'template',
      kind: 'select',
      message: 'Start from',
      required: true,
      choices: () => TEMPLATE_IDS.map((t) => ({ value: t, description: TEMPLATES[t].description })),
      default: () => 'mock',
    },
    {
      key: 'group',
      flag: 'group',
      kind: 'text',
      message: 'Group name',
      required: true,
      default: () => suggestedGroupName(folder),
      // One rule, stated as one: the name is also the file's info.title, which names the group on import.
      validate: (name, a) =>
        IMPORT_TITLE.test(name)
          ? groupNameVerdict(setup, a)
          : `group name "${name}" must be ${IMPORT_TITLE_RULE} (it is also the Swagger file's info.title, ` +
            'which names the group when the file is imported: group-name)',
    },
    {
      key: 'backend',
      flag: 'backend',
      kind: 'text',
      message: 'Backend host:port (the value of #backend#)',
      when: (a) => a.template === 'http',
      needs: { key: 'template', values: ['http'], what: 'the http template' },
      default: () => '127.0.0.1:9000',
      validate: (v) =>
        HOST_PORT.test(v) ? undefined : `"${v}" must be host[:port], without a scheme or path (User Guide §5.2.1)`,
    },
    {
      key: 'app',
      flag: 'app',
      kind: 'text',
      message: 'App name',
      default: () => 'app1',
      when: (a) => a.template === 'app-auth',
      needs: { key: 'template', values: ['app-auth'], what: 'the app-auth template' },
      // App names are not documented (api-model.md); this keeps them usable in ${NAME_SECRET}.
      validate: (v) =>
        /^[A-Za-z][A-Za-z0-9_-]{2,63}$/.test(v)
          ? undefined
          : `app name "${v}" must be 3–64 letters, digits, "-" or "_", starting with a letter`,
    },
  ];
}
