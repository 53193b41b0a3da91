/**
 * The last guard before anything leaves for the page: every secret of the workspace (AppSecrets, AppCodes, IAM
 * tokens and SKs, signature-key secrets, the state store's password), and the `Basic` credentials made of an
 * app's or a key's pair, replaced by its masked form wherever it appears in a dashboard answer, whatever put it
 * there (a backend echoing its request, a Mock body, a trace detail). Masking at the source (mask-headers.ts)
 * keeps the answers readable; this makes "no secret reaches the page" hold by construction.
 */
import { maskSecret } from '../../core/mask.js';
import type { Secret, Workspace } from '../../core/workspace-model.js';
import { workspaceSecrets } from '../../workspace/secrets.js';

export type Scrub = (text: string) => string;

/** Secrets shorter than this are masked where they stand as a whole JSON string only (too short to search for). */
const SEARCHABLE = 4;

/** The values a scrubber for `ws` masks: its secrets, and the Basic credentials made of a key and its secret. */
export function secretValues(ws: Workspace): string[] {
  const out: string[] = [];
  const add = (s: Secret | undefined): void => {
    if (s?.value !== undefined && s.value !== '') out.push(s.value);
  };
  for (const site of workspaceSecrets(ws)) add(site.secret);
  add(ws.state?.url);
  add(ws.state?.password);
  const basic = (key: string, s: Secret): void => {
    if (s.value !== undefined) out.push(Buffer.from(`${key}:${s.value}`, 'utf8').toString('base64'));
  };
  for (const a of ws.apps) basic(a.key, a.secret);
  for (const k of ws.signatureKeys) basic(k.key, k.secret);
  for (const p of ws.iam.aksk) basic(p.ak, p.sk);
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A scrubber for JSON text: each secret of `ws` as it appears inside a JSON string (escaped). */
export function scrubberFor(ws: Workspace): Scrub {
  return scrubberOf(secretValues(ws));
}

/**
 * The forms a secret takes in text that went through other hands: as it is; inside a JSON string (a backend
 * that echoes its request as JSON), also with `/` escaped (as PHP writes JSON); percent-encoded (a URL).
 */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, json, json.replace(/\//g, '\\/'), encodeURIComponent(secret)];
}

/** A scrubber for JSON text: each of `values`, in each of its forms, as it appears inside a JSON string. */
export function scrubberOf(values: Iterable<string>): Scrub {
  const secrets = [...new Set([...values].flatMap(forms))].sort((a, b) => b.length - a.length);
  const long = secrets.filter((s) => s.length >= SEARCHABLE);
  const short = secrets.filter((s) => s.length < SEARCHABLE);
  const pattern = (s: string): string => escapeRegExp(JSON.stringify(s).slice(1, -1));
  const parts = [...long.map(pattern), ...short.map((s) => `(?<=")${pattern(s)}(?=")`)];
  if (parts.length === 0) return (t) => t;
  const inJson = (s: string): string => JSON.stringify(s).slice(1, -1);
  const masks = new Map(secrets.map((s) => [inJson(s), inJson(maskSecret(s))]));
  const re = new RegExp(parts.join('|'), 'g');
  return (text) => text.replace(re, (m) => masks.get(m) ?? '***');
}
