/**
 * `${ENV_VAR}` references in apig.yaml, resolved from the environment; values are never printed in full.
 * A secret whose variable is unset, that resolves to the empty string, or that is written like a reference but
 * is not one whole `${NAME}`, is unusable: it has no value, so it authenticates nothing and signs nothing.
 * Unusable secrets are named by their owner and variable, never by value.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Secret, Workspace } from '../core/workspace-model.js';

const REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
/**
 * Text meant as a variable reference that is not the one form apig reads: `${` anywhere (`pre-${X}`, `${ X }`,
 * `${X:-d}`), or a whole shell-style `$NAME`. Taken literally it would be a secret written in apig.yaml for all
 * to read, so it is unusable instead.
 */
const LOOKS_LIKE_REF = /\$\{|^\$[A-Za-z_][A-Za-z0-9_]*$/;

export function resolveSecret(written: string, env: NodeJS.ProcessEnv): Secret {
  const name = REF.exec(written)?.[1];
  if (name === undefined && LOOKS_LIKE_REF.test(written)) return { written, value: undefined, problem: 'malformed' };
  const from = name !== undefined ? { fromEnv: name } : {};
  // Own keys only: `${constructor}` must not read Object.prototype.constructor from a plain environment object.
  const value = name === undefined ? written : Object.hasOwn(env, name) ? env[name] : undefined;
  if (value === undefined) return { written, value: undefined, problem: 'unset', ...from };
  if (value === '') return { written, value: undefined, problem: 'empty', ...from };
  return { written, value, ...from };
}

/** What is wrong with an unusable secret, naming its variable: "APP1_SECRET is not set". */
export function secretProblem(secret: Secret): string | undefined {
  if (secret.value !== undefined) return undefined;
  if (secret.problem === 'malformed')
    return 'it is written like an environment variable but not as one whole ${NAME}, the only form apig reads';
  if (secret.fromEnv === undefined) return 'it is written empty';
  return secret.problem === 'unset' ? `${secret.fromEnv} is not set` : `${secret.fromEnv} is set to the empty string`;
}

export interface SecretSite {
  /** "the AppSecret of app app1", "AppCode 2 of app app1", "the token of IAM user alice", ... */
  label: string;
  /** What the gateway does with it: authenticate callers, or sign backend calls. */
  use: 'credential' | 'signing';
  /** JSON pointer of the secret in apig.yaml. */
  path: string;
  secret: Secret;
}

/** Every secret in the workspace, with who owns it and where it is written. */
export function workspaceSecrets(ws: Pick<Workspace, 'apps' | 'iam' | 'signatureKeys'>): SecretSite[] {
  const out: SecretSite[] = [];
  for (const [i, a] of ws.apps.entries()) {
    out.push({
      label: `the AppSecret of app ${a.name}`,
      use: 'credential',
      path: `/apps/${i}/secret`,
      secret: a.secret,
    });
    for (const [j, c] of a.appCodes.entries()) {
      out.push({
        label: `AppCode ${j + 1} of app ${a.name}`,
        use: 'credential',
        path: `/apps/${i}/appCodes/${j}`,
        secret: c,
      });
    }
  }
  for (const [i, t] of ws.iam.tokens.entries()) {
    out.push({
      label: `the token of IAM user ${t.user}`,
      use: 'credential',
      path: `/iam/tokens/${i}/token`,
      secret: t.token,
    });
  }
  for (const [i, p] of ws.iam.aksk.entries()) {
    out.push({ label: `the SK of IAM AK ${p.ak}`, use: 'credential', path: `/iam/aksk/${i}/sk`, secret: p.sk });
  }
  for (const [i, k] of ws.signatureKeys.entries()) {
    out.push({
      label: `the secret of signature key ${k.name}`,
      use: 'signing',
      path: `/signatureKeys/${i}/secret`,
      secret: k.secret,
    });
  }
  return out;
}

/** The secrets that cannot be used, in the order apig.yaml lists them. */
export function unusableSecrets(ws: Pick<Workspace, 'apps' | 'iam' | 'signatureKeys'>): SecretSite[] {
  return workspaceSecrets(ws).filter((s) => s.secret.value === undefined);
}

/** One line about an unusable secret: what it is, why, and what follows. Never a value. */
export function describeUnusable(u: SecretSite): string {
  const effect = u.use === 'credential' ? 'it matches no credential' : 'backend calls signed with it fail (APIG.0705)';
  return `${u.label}: ${secretProblem(u.secret) ?? 'unusable'}; ${effect}`;
}

/** Unusable secrets as warnings at the JSON pointer where apig.yaml (shown as `source`) writes them. */
export function unusableSecretWarnings(
  ws: Pick<Workspace, 'apps' | 'iam' | 'signatureKeys'>,
  source: string,
): Diagnostic[] {
  return unusableSecrets(ws).map(
    (u): Diagnostic => ({
      code: 'unset-secret',
      severity: 'warn',
      path: u.path,
      source,
      message: describeUnusable(u),
    }),
  );
}
