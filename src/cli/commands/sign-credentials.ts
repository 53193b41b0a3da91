/**
 * The key and secret `apig sign` signs with: --key/--secret, an app or IAM AK/SK of the workspace (--app), or
 * APIG_KEY/APIG_SECRET.
 */
import { ApigError } from '../../core/errors.js';
import type { Io } from '../io.js';
import type { SignFlags } from './sign-flags.js';

/** The key and secret of an app (or an IAM AK/SK pair, by AK or user) declared in the workspace. */
async function workspaceCredentials(
  name: string,
  flags: SignFlags,
  io: Io,
): Promise<{ key: string; secret: string | undefined }> {
  // Loaded on demand: the workspace pulls in the Swagger toolchain, which plain signing does not need.
  const { loadWorkspace } = await import('../../workspace/load.js');
  const loaded = await loadWorkspace(flags.workspace, {
    cwd: io.cwd,
    env: io.env,
    allowRemoteRefs: flags.allowRemoteRefs === true,
  });
  const ws = loaded.workspace;
  if (!ws)
    throw new ApigError(
      'config',
      'the workspace has errors; --app cannot read it',
      loaded.diagnostics.filter((d) => d.severity === 'error'),
    );
  const app = ws.apps.find((a) => a.name === name);
  const aksk = ws.iam.aksk.find((a) => a.ak === name || a.user === name);
  const found = app
    ? { key: app.key, secret: app.secret, what: `app ${name}` }
    : aksk
      ? { key: aksk.ak, secret: aksk.sk, what: `IAM AK ${aksk.ak}` }
      : undefined;
  if (!found) {
    const known = [...ws.apps.map((a) => a.name), ...ws.iam.aksk.map((a) => a.ak)];
    throw new ApigError(
      'usage',
      `no app or IAM AK/SK named ${name} in ${ws.file}; known: ${known.join(', ') || '(none)'}`,
    );
  }
  if (found.secret.value === undefined && flags.secret === undefined) {
    // An unset or empty secret signs nothing: a request signed with '' would only fail at the gateway.
    const fix =
      found.secret.fromEnv !== undefined
        ? `set ${found.secret.fromEnv}, or pass --secret`
        : found.secret.problem === 'malformed'
          ? 'write the reference as one whole ${NAME}, or pass --secret'
          : 'write it in apig.yaml, or pass --secret';
    throw new ApigError('config', `the secret of ${found.what} is ${found.secret.problem}: ${fix}`);
  }
  return { key: found.key, secret: found.secret.value };
}

/** --key/--secret, else the app named by --app in the workspace, else APIG_KEY/APIG_SECRET. */
export async function credentials(flags: SignFlags, io: Io): Promise<{ key: string; secret: string }> {
  let key = flags.key;
  let secret = flags.secret;
  if (flags.app !== undefined && (key === undefined || secret === undefined)) {
    const fromApp = await workspaceCredentials(flags.app, flags, io);
    key ??= fromApp.key;
    secret ??= fromApp.secret;
  }
  key ??= io.env.APIG_KEY;
  secret ??= io.env.APIG_SECRET;
  if (key === undefined || key === '')
    throw new ApigError('usage', 'no key: pass --key, set APIG_KEY, or use --app NAME');
  if (secret === undefined || secret === '')
    throw new ApigError('usage', 'no secret: pass --secret, set APIG_SECRET, or use --app NAME');
  return { key, secret };
}
