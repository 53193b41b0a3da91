/** Who a request comes from, as authentication found it. */
import type { App } from '../../core/workspace-model.js';
import type { ClientVariantId } from '../../sign/index.js';

/**
 * A custom authorizer's context map (004 ch.3: strings; booleans and numbers with authorizer_context_support_num_bool).
 */
export type AuthContext = Record<string, string | number | boolean>;

export type AppVia = 'signature' | 'appcode' | 'app_secret' | 'app_basic';
export type IamVia = 'token' | 'aksk';

export type Identity =
  | { kind: 'app'; app: App; via: AppVia; variant?: ClientVariantId }
  | { kind: 'iam'; user: string; domain: string; domainId?: string; project?: string; via: IamVia; ak?: string };

/** How the log and the trace name a caller: never a secret. */
export function describeIdentity(id: Identity): string {
  return id.kind === 'app'
    ? `app ${id.app.name} (key ${id.app.key}) by ${id.via}${id.variant ? `, client variant ${id.variant}` : ''}`
    : `IAM user ${id.user} of account ${id.domain} by ${id.via}${id.ak ? ` (AK ${id.ak})` : ''}`;
}
