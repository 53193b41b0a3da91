import { Option, type Command } from 'commander';
import { extname, resolve } from 'node:path';
import { hasErrors } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { LoadedGroup, Workspace } from '../../core/workspace-model.js';
import type { ExportOptions } from '../../oas/encode.js';
import type { OasVersion } from '../../oas/export-document.js';
import type { TextFormat } from '../../oas/source.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics } from '../render-diagnostics.js';
import { APIG_ONLY_KEYS, EXPORT_SCOPES, type ExportScope } from '../../core/vocabulary.js';
import { parsePointer } from '../../core/pointer.js';
import { writeFilesAtomic } from '../write-files.js';

interface ExportFlags {
  workspace?: string;
  group?: string;
  env?: string;
  scope: ExportScope;
  format?: TextFormat;
  oas?: string;
  apiVersion?: string;
  output?: string;
  check?: boolean;
}

function pickGroup(ws: Workspace, name: string | undefined): LoadedGroup {
  if (name !== undefined) {
    const g = ws.groups.find((x) => x.ref.name === name);
    if (!g)
      throw new ApigError(
        'usage',
        `no group named ${name}; the workspace has ${ws.groups.map((x) => x.ref.name).join(', ')}`,
      );
    return g;
  }
  const [only, ...rest] = ws.groups;
  if (!only || rest.length > 0)
    throw new ApigError(
      'usage',
      `the workspace has ${ws.groups.length} groups ` +
        `(${ws.groups.map((x) => x.ref.name).join(', ')}); choose one with --group`,
    );
  return only;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description("write a group as Swagger 2.0 / OpenAPI 3.0 in the console's export scopes")
    .argument('[workspace]', 'the same as -w, as `apig serve` and `apig lint` take it')
    .option(
      '-w, --workspace <file>',
      'workspace (apig.yaml, a folder, or a single Swagger file; default: apig.yaml here or in a parent folder)',
    )
    .option('-g, --group <name>', 'the group to export (required when the workspace has several)')
    .option('-e, --env <name>', 'only APIs published to this environment (default: every API)')
    .addOption(
      new Option(
        '-s, --scope <scope>',
        'basic: front end; full: + backends; extended: + throttling, ACL and other policies',
      )
        .choices(EXPORT_SCOPES)
        .default('extended'),
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        "yaml or json (default: yaml on stdout; with -o, from its extension, else the group file's format)",
      ).choices(['yaml', 'json']),
    )
    .addOption(
      new Option('--oas <version>', "OpenAPI version of the output (default: the group file's)").choices(['2', '3']),
    )
    .option('--api-version <version>', 'set info.version of the exported document')
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--check', 'report every field of the group file that this export would lose or change; exit 1 if any')
    .addHelpText(
      'after',
      `
Examples:
  apig export --group shop -o shop.yaml            # the console's extended scope
  apig export --group shop --scope basic --oas 3 --format json
  apig export --check                              # what an export would lose or change`,
    )
    .action(async (positional: string | undefined, flags: ExportFlags) => {
      const { io } = ctx;
      if (positional !== undefined && flags.workspace !== undefined && positional !== flags.workspace)
        throw new ApigError('usage', `two workspaces given (${positional} and -w ${flags.workspace}); give one`);
      if (positional !== undefined) flags.workspace = positional;
      // Loaded on use, so that `apig --help` and other commands start fast.
      const { isRecord } = await import('../../oas/codec.js');
      const { diffValues } = await import('../../oas/diff.js');
      const { exportDocument } = await import('../../oas/export-document.js');
      const { serialize } = await import('../../oas/serialize.js');
      const { detectFormat } = await import('../../oas/source.js');
      const { loadWorkspace } = await import('../../workspace/load.js');
      const { displayPath } = await import('../../workspace/locate.js');
      const { environmentNames, isPublished } = await import('../../workspace/publish.js');
      const loaded = await loadWorkspace(flags.workspace, {
        cwd: io.cwd,
        env: io.env,
        allowRemoteRefs: ctx.allowRemoteRefs,
      });
      printDiagnostics(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        io,
      );
      const ws = loaded.workspace;
      if (!ws || hasErrors(loaded.diagnostics))
        throw new ApigError('config', 'the workspace has errors; nothing was exported');
      const group = pickGroup(ws, flags.group);
      const env = flags.env;
      if (env !== undefined && !environmentNames(ws).includes(env)) {
        throw new ApigError('usage', `unknown environment ${env}; known: ${environmentNames(ws).join(', ')}`);
      }
      const oas = flags.oas === undefined ? undefined : (Number(flags.oas) as OasVersion);
      const options: ExportOptions = {
        scope: flags.scope,
        forConsole: true,
        ...(env !== undefined ? { include: (api) => isPublished(ws, env, api) } : {}),
        ...(flags.apiVersion !== undefined ? { version: flags.apiVersion } : {}),
      };
      const doc = exportDocument(group.model, { ...options, ...(oas !== undefined ? { oas } : {}) });
      // OpenAPI 3.0 has no `schemes`: an operation's protocol is written as its `servers` (oas3-convert.ts), which
      // need the group's host for their URLs.
      const fromOas3 = isRecord(group.raw) && typeof group.raw.openapi === 'string';
      if (oas === 3 && !fromOas3 && group.model.host === undefined) {
        const { protocolLostInOas3 } = await import('../../oas/oas3-convert.js');
        const lost = protocolLostInOas3(exportDocument(group.model, { ...options, oas: 2 }));
        if (lost.length > 0) {
          io.err(
            `${io.color.yellow('warn')} OpenAPI 3.0 writes a request protocol as the servers of an operation, ` +
              `whose URLs need the group's host, and the file has none: the request protocol of ${lost.length} ` +
              `API(s) is not exported (${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ', ...' : ''}); ` +
              'set host, or keep Swagger 2.0\n',
          );
        }
      }
      // Swagger 2.0 has no trace operation (nor the gateway a TRACE method: lint's api-method).
      if (oas === 2 && fromOas3 && isRecord(group.raw) && isRecord(group.raw.paths)) {
        const paths = group.raw.paths;
        const traced = Object.keys(paths).filter((p) => isRecord(paths[p]) && isRecord(paths[p].trace));
        if (traced.length > 0)
          io.err(
            `${io.color.yellow('warn')} Swagger 2.0 has no trace operation: the trace operation of ` +
              `${traced.length} path(s) is not exported (${traced.slice(0, 5).join(', ')}` +
              `${traced.length > 5 ? ', ...' : ''}); keep OpenAPI 3.0 to keep it\n`,
          );
      }
      if (flags.check) {
        // Compared in the group file's own version, so that a version change shows what is lost, not how it is written.
        const { liftRootSchemes, oas3ToSwagger2, splitBasePath, swagger2ToOas3 } = await import(
          '../../oas/oas3-convert.js'
        );
        const rawIs3 = isRecord(group.raw) && group.raw.openapi !== undefined;
        const docIs3 = doc.openapi !== undefined;
        let comparable = doc;
        if (rawIs3 && !docIs3) comparable = swagger2ToOas3(doc);
        else if (!rawIs3 && docIs3) {
          // `--oas 3` merges the basePath into each path (OpenAPI 3.0 has none): a change of notation, not a loss.
          const basePath = isRecord(group.raw) ? group.raw.basePath : undefined;
          comparable = oas3ToSwagger2(doc);
          if (typeof basePath === 'string') comparable = splitBasePath(comparable, basePath);
          // ...and writes the document's `schemes` on each operation, as its servers.
          if (isRecord(group.raw)) comparable = liftRootSchemes(comparable, group.raw);
        }
        const diffs = diffValues(group.raw, comparable);
        const shown = displayPath(group.file, io.cwd);
        // apig's own keys (lint suppressions) are left out for the console on purpose: shown, not counted.
        const dropped = new Set(
          diffs.filter((d) => {
            const segments = parsePointer(d.path);
            return APIG_ONLY_KEYS.some((k) => segments.includes(k));
          }),
        );
        for (const d of diffs) {
          const what = dropped.has(d) ? "dropped: apig's own key, not for the console" : d.kind;
          const change = d.kind === 'changed' ? `: ${JSON.stringify(d.before)} -> ${JSON.stringify(d.after)}` : '';
          io.out(`${shown}#${d.path}  ${what}${change}\n`);
        }
        const lost = diffs.filter((d) => d.kind !== 'added' && !dropped.has(d)).length;
        const note = dropped.size > 0 ? "; apig's own keys are left out on purpose" : '';
        io.out(
          lost === 0
            ? `${shown}: nothing is lost by this export (scope ${flags.scope})${note}\n`
            : `${shown}: ${lost} field(s) lost or changed by this export (scope ${flags.scope})${note}\n`,
        );
        ctx.setExit(lost === 0 ? EXIT.ok : EXIT.findings);
        return;
      }
      // --format, else the output file's extension, else the group file's format; stdout defaults to YAML.
      const out = flags.output;
      const format: TextFormat =
        flags.format ?? (out === undefined ? 'yaml' : detectFormat(extname(out) !== '' ? out : group.file, ''));
      const text = serialize(doc, format);
      if (out === undefined) io.out(text);
      else {
        await writeFilesAtomic([{ file: resolve(io.cwd, out), text }]);
        io.err(`wrote ${out} (${group.ref.name}, scope ${flags.scope})\n`);
      }
      ctx.setExit(EXIT.ok);
    });
}
