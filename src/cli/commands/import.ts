import { Option, type Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { hasErrors } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics } from '../render-diagnostics.js';
import { EXTEND_MODES, type ExtendMode } from '../../core/vocabulary.js';
import { WORKSPACE_FILE } from '../../core/workspace-model.js';
import { writeFilesAtomic } from '../write-files.js';

interface ImportFlags {
  workspace?: string;
  group?: string;
  overwrite?: boolean;
  extendMode: ExtendMode;
  dryRun?: boolean;
  defaultBackend?: string;
}

/** `-w` may name the workspace file or its folder (existing, or to be created when it has no file extension). */
function workspaceTarget(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st?.isDirectory()) return join(path, WORKSPACE_FILE);
  return !st && extname(path) === '' ? join(path, WORKSPACE_FILE) : path;
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('read a Swagger 2.0 / OpenAPI 3.0 file with x-apigateway-* extensions into the workspace')
    .argument('<file>', 'Swagger 2.0 or OpenAPI 3.0 file (YAML or JSON)')
    .option(
      '-w, --workspace <file>',
      `workspace file (or its folder) to create or update (default ./${WORKSPACE_FILE})`,
    )
    .option('-g, --group <name>', 'import into this group (default: a group named after info.title)')
    .option('--overwrite', 'replace existing APIs whose name conflicts (default: keep them)')
    .addOption(
      new Option('--extend-mode <mode>', 'throttle/ACL policies with the same name: merge keeps, override replaces')
        .choices(EXTEND_MODES)
        .default('merge'),
    )
    .option('--dry-run', 'validate and show what would change, write nothing')
    .option(
      '--default-backend <mock|from-file|url>',
      "a backend for every API the file gives none: mock (answers the operation's example response), an " +
        "http(s) URL (its path is put before the API path), or from-file (the URL of the file's servers[0], " +
        'or its schemes[0]://host/basePath)',
    )
    .addHelpText(
      'after',
      `
Examples:
  apig import exported.yaml                        # into ./apig.yaml (created when missing)
  apig import petstore.yaml --default-backend mock  # a file without x-apigateway-*: Mock backends
  apig import petstore.yaml --default-backend from-file --group shop --dry-run   # at the file's servers URL`,
    )
    .action(async (file: string, flags: ImportFlags) => {
      const { io } = ctx;
      // Loaded on use, so that `apig --help` and other commands start fast.
      const { loadGroupFile } = await import('../../oas/load-group.js');
      const { loadWorkspace } = await import('../../workspace/load.js');
      const { displayPath, refPolicy } = await import('../../workspace/locate.js');
      const { planImport } = await import('../../workspace/import.js');
      const { readText } = await import('../../oas/read.js');
      const { backendFromFile, offeredFromFile, parseDefaultBackend, withDefaultBackend, withoutBackend } =
        await import('../../workspace/default-backend.js');
      const flagged = flags.defaultBackend === undefined ? undefined : parseDefaultBackend(flags.defaultBackend);
      if (typeof flagged === 'string') throw new ApigError('usage', flagged);
      const source = resolve(io.cwd, file);
      const incoming = await loadGroupFile(
        source,
        displayPath(source, io.cwd),
        refPolicy(dirname(source), ctx.allowRemoteRefs),
      );
      printDiagnostics(incoming.diagnostics, io);
      if (!incoming.group || hasErrors(incoming.diagnostics))
        throw new ApigError('input', `${file}: not imported, nothing was changed`);
      let group = incoming.group;
      let given: string[] = [];
      // from-file: the URL the file names (its servers or host), checked before anything is written.
      const defaultBackend = flagged?.kind === 'from-file' && incoming.doc ? backendFromFile(incoming.doc) : flagged;
      if (defaultBackend && defaultBackend.kind !== 'from-file')
        ({ group, given } = withDefaultBackend(group, defaultBackend));
      const bare = withoutBackend(group);

      const workspaceFile = workspaceTarget(resolve(io.cwd, flags.workspace ?? WORKSPACE_FILE));
      const exists = existsSync(workspaceFile);
      const loaded = exists
        ? await loadWorkspace(workspaceFile, { cwd: io.cwd, env: io.env, allowRemoteRefs: ctx.allowRemoteRefs })
        : undefined;
      if (loaded)
        printDiagnostics(
          loaded.diagnostics.filter((d) => d.severity === 'error'),
          io,
        );
      // A workspace with errors (a group file that cannot be read, say) is not merged into: its groups are unknown.
      if (loaded && (!loaded.workspace || hasErrors(loaded.diagnostics))) {
        throw new ApigError(
          'config',
          `${displayPath(workspaceFile, io.cwd)} has errors; fix them first, nothing was changed`,
        );
      }

      const groupTexts = new Map<string, string>();
      for (const g of loaded?.workspace?.groups ?? []) groupTexts.set(g.file, await readText(g.file));
      const plan = planImport({
        source,
        incoming: group,
        workspaceFile,
        ...(loaded?.workspace ? { workspace: loaded.workspace } : {}),
        ...(exists && !loaded?.workspace?.implicit ? { workspaceText: await readText(workspaceFile) } : {}),
        ...(flags.group !== undefined ? { groupName: flags.group } : {}),
        overwrite: Boolean(flags.overwrite),
        extendMode: flags.extendMode,
        // The group files were read (and checked) by loadWorkspace; their texts are merged into, comments and all.
        readText: (f) => groupTexts.get(f),
      });
      if (!flags.dryRun) await writeFilesAtomic(plan.writes);
      const r = plan.report;
      const verb = flags.dryRun ? 'would import' : 'imported';
      io.out(
        `${verb} ${r.added.length + r.overwritten.length} API(s) ` +
          `into ${plan.created ? 'new' : 'existing'} group ${plan.group}\n`,
      );
      for (const n of r.added) io.out(`  + ${n}\n`);
      for (const n of r.overwritten) io.out(`  ~ ${n} (overwritten)\n`);
      for (const s of r.skipped) io.out(`  = ${s.name}: kept the existing one, ${s.reason}\n`);
      for (const p of r.policiesAdded) io.out(`  + ${p}\n`);
      for (const p of r.policiesOverridden) io.out(`  ~ ${p} (overridden)\n`);
      for (const p of r.policiesKept) io.out(`  = ${p} (kept the existing one; --extend-mode override replaces it)\n`);
      for (const w of plan.writes)
        io.out(`  ${flags.dryRun ? 'would write' : 'wrote'} ${displayPath(w.file, io.cwd)}\n`);
      if (given.length > 0) {
        const shown =
          flagged?.kind === 'from-file' && defaultBackend?.kind === 'http'
            ? `${flags.defaultBackend} (${defaultBackend.scheme}://${defaultBackend.address}${defaultBackend.basePath})`
            : flags.defaultBackend;
        io.out(`  ${given.length} API(s) got the --default-backend ${shown}: ${given.join(', ')}\n`);
      }
      if (bare.length > 0) {
        const offered = offeredFromFile(incoming.doc);
        const ways = offered
          ? `--default-backend mock, --default-backend from-file (${offered.url}, the file's ${offered.from}) ` +
            'or --default-backend URL'
          : '--default-backend mock (or an http(s) URL)';
        io.err(
          `warning: ${bare.length} API(s) have no backend, and the gateway answers them with an error: ` +
            `${bare.map((a) => a.name).join(', ')}; give them one with ${ways}, ` +
            'or add x-apigateway-backend to the file\n',
        );
      }
      if (plan.unpublishedNote && r.added.length > 0)
        io.err('note: imported APIs are not published; list them under `publish:` in apig.yaml\n');
      ctx.setExit(EXIT.ok);
    });
}
