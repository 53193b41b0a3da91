/**
 * How the user can run apig from anywhere, for the commands apig prints as next steps: `apig` when a PATH
 * folder holds this apig (`npm link`, `npm install -g`), else the command that runs it without one
 * (`node /…/bin/apig.js`), with how to put it on PATH. The folders npm puts first while it runs a script or
 * `npx` (a node_modules/.bin) are not the user's PATH: what is found there does not work once npx has ended.
 */
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { packageRoot } from '../oas/package-root.js';

export interface Invocation {
  /** `apig`, or the command that runs this apig from any folder. */
  command: string;
  /** Why it is not `apig`, and how to make it so. */
  note?: string;
}

const real = (p: string): string | undefined => {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
};

/** Single quotes for the shell when the path needs them. */
const quoted = (p: string): string => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`);

export function invocation(env: NodeJS.ProcessEnv): Invocation {
  const root = packageRoot(import.meta.url);
  const bin = join(root, 'bin', 'apig.js');
  const mine = real(bin);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.endsWith(`node_modules${sep}.bin`)) continue;
    const candidate = join(dir, 'apig');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    if (mine !== undefined && real(candidate) === mine) return { command: 'apig' };
  }
  return {
    command: `node ${quoted(bin)}`,
    note: `apig is not on your PATH: \`npm link\` in ${quoted(root)} puts it there`,
  };
}
