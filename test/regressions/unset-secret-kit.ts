/**
 * fixtures/serve/auth copied to a temporary folder with every secret written as `${ENV_VAR}`, for the
 * unset-secret regressions: the variables below are set by no test, so each secret is unset unless a test
 * passes a value for it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/run-cli.js';

export const VARS = {
  appSecret: 'A2_UNSET_APP1_SECRET',
  appCode: 'A2_UNSET_APP1_APPCODE',
  token: 'A2_UNSET_ALICE_TOKEN',
  sk: 'A2_UNSET_ALICE_SK',
  hmac: 'A2_UNSET_GW_HMAC_SECRET',
  basic: 'A2_UNSET_GW_BASIC_PASSWORD',
} as const;

export function unsetSecretsWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-unset-secrets-'));
  cpSync(join(ROOT, 'fixtures/serve/auth'), dir, { recursive: true });
  const file = join(dir, 'apig.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('secret: app1-secret-value', `secret: "\${${VARS.appSecret}}"`)
    .replace('appCodes: [app1-appcode-value]', `appCodes: ["\${${VARS.appCode}}"]`)
    .replace('token: token-alice-value', `token: "\${${VARS.token}}"`)
    .replace('sk: sk-alice-value', `sk: "\${${VARS.sk}}"`)
    .replace('secret: gw-secret-value', `secret: "\${${VARS.hmac}}"`)
    .replace('secret: gw-password-value', `secret: "\${${VARS.basic}}"`);
  for (const v of Object.values(VARS))
    if (!text.includes(`\${${v}}`)) throw new Error(`fixtures/serve/auth/apig.yaml changed: ${v} not placed`);
  writeFileSync(file, text);
  return dir;
}
