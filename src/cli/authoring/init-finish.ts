/** The end of `apig init`: print (--dry-run) or write the two files, lint them, say what to run next. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { hasErrors } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import { DEFAULT_QUOTAS } from '../../lint/quotas.js';
import { lintWorkspace, sortFindings } from '../../lint/run.js';
import type { Rendered, TemplateId } from '../../workspace/authoring/templates/index.js';
import { secretVariableOf } from '../../workspace/authoring/workspace-edits.js';
import { loadWorkspace } from '../../workspace/load.js';
import { displayPath } from '../../workspace/locate.js';
import type { CommandContext } from '../context.js';
import { invocation, type Invocation } from '../invocation.js';
import { formatDiagnosticLine } from '../render-diagnostics.js';
import { writeFilesAtomic } from '../write-files.js';
import { str } from './context.js';
import { unifiedDiff } from '../../core/line-diff.js';
import type { Answers } from './fields.js';

export interface InitResult {
  dir: string;
  /** The folder as the user gave it (undefined: the current folder). */
  shownDir: string | undefined;
  rendered: Rendered;
  specFile: string;
  template: TemplateId;
  answers: Answers;
  /** Said under the first line (why the group is not named after the folder). */
  notes: string[];
  dryRun: boolean;
}

/** The app secret's variable and a fresh value for it (app-auth only): shown once, never written anywhere. */
function freshSecret(r: InitResult): { name: string; value: string } | undefined {
  if (r.template !== 'app-auth') return undefined;
  return { name: secretVariableOf(str(r.answers.app) ?? 'app1'), value: randomBytes(16).toString('hex') };
}

function nextSteps(r: InitResult, secret: { name: string; value: string } | undefined, apig: Invocation): string[] {
  const steps: string[] = [];
  if (r.shownDir !== undefined && r.shownDir !== '.') steps.push(`cd ${r.shownDir}`);
  if (apig.note) steps.push(`# ${apig.note}`);
  if (r.template === 'http')
    steps.push(
      `# start your backend on ${str(r.answers.backend) ?? '127.0.0.1:9000'} (or change "backend" in apig.yaml)`,
    );
  if (secret) steps.push(`export ${secret.name}=${secret.value}`);
  const run = (args: string, comment: string): string =>
    `${`${apig.command} ${args}`.padEnd(apig.command.length + 15)} # ${comment}`;
  steps.push(run('lint', 'every APIG rule, offline'), run('serve', 'the gateway on http://127.0.0.1:8080'));
  const url = `http://127.0.0.1:8080${r.rendered.call.path}`;
  steps.push(
    r.template === 'app-auth'
      ? `${apig.command} sign --app ${str(r.answers.app) ?? 'app1'} --send ${url}`
      : `curl ${url}`,
  );
  steps.push(run('add', 'add APIs, apps, environments, policies'));
  return steps;
}

export async function finishInit(cmd: CommandContext, r: InitResult): Promise<void> {
  const { io } = cmd;
  const files = [
    { file: join(r.dir, 'apig.yaml'), text: r.rendered.workspace },
    { file: join(r.dir, r.specFile), text: r.rendered.group },
  ];
  if (r.dryRun) {
    for (const f of files)
      io.out(
        unifiedDiff(displayPath(f.file, io.cwd), '', f.text, {
          added: io.color.green,
          removed: io.color.red,
          header: io.color.bold,
        }),
      );
    for (const n of r.notes) io.out(`note: ${n}\n`);
    io.out('(dry run: nothing was written)\n');
    return;
  }
  await writeFilesAtomic(files);
  io.out(`created ${files.map((f) => displayPath(f.file, io.cwd)).join(' and ')} (${r.template} template)\n`);
  for (const n of r.notes) io.out(`  note: ${n}\n`);
  // Linted as it will be once the user runs the `export` printed below: its variable set, not reported unset.
  const secret = freshSecret(r);
  const env = secret ? { ...io.env, [secret.name]: io.env[secret.name] ?? secret.value } : io.env;
  const loaded = await loadWorkspace(r.dir, { cwd: io.cwd, env, allowRemoteRefs: cmd.allowRemoteRefs });
  if (!loaded.workspace || hasErrors(loaded.diagnostics))
    throw new ApigError('input', 'the new workspace does not load; please report this');
  const findings = sortFindings(lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS }));
  io.out(
    findings.length === 0
      ? 'lint: no findings\n'
      : `lint: ${findings.length} finding(s):\n${findings.map((f) => `  ${formatDiagnosticLine(f, io)}`).join('\n')}\n`,
  );
  io.out(
    `\nnext:\n${nextSteps(r, secret, invocation(io.env))
      .map((s) => `  ${s}`)
      .join('\n')}\n`,
  );
}
