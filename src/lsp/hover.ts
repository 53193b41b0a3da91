/**
 * Hover: on an x-apigateway-* key or a field inside one, what it means, where it stands, its limits and the
 * documentation page it comes from; on an enum value, what that value does; on a finding, its rule and docs page.
 */
import { extensionInfo } from '../oas/extensions/registry.js';
import {
  enumAt,
  extensionOfPath,
  type JsonSchema,
  schemaAt,
  schemaOf,
  subenum,
  subschema,
  workspaceSchema,
} from './extension-schema.js';
import { DEFAULT_QUOTAS, QUOTA_SOURCES } from '../lint/quotas.js';
import { FIELD_MEANINGS, QUOTA_OF, valueKeyOf, valueMeaningsAt } from './meanings.js';
import type { Located } from './yaml-tree.js';
import { own } from './own.js';

const PLACES: Record<string, string> = {
  root: 'the document root',
  operation: 'an operation',
  pathItem: 'a Path Item',
  securityScheme: 'a security scheme',
  parameter: 'a parameter',
  response: 'a response',
  responses: 'the Responses object',
  components: 'components (OpenAPI 3)',
  part: 'inside its parent extension',
};

/** A documentation page as users can find it (docs/sources.md: "Extension Definitions"). */
export function citation(source: string): string {
  const page = source.replace(/^Extension Definitions: /, '');
  return `Source: *API Gateway User Guide* (online help centre), "API Design File Extension Definitions", page ${page}`;
}

function limits(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (type !== undefined) out.push(`type: ${type}`);
  if (s.minLength !== undefined) out.push(`at least ${s.minLength} character(s)`);
  if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  if (s.minimum !== undefined) out.push(`minimum ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`maximum ${s.maximum}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} entr${s.minItems === 1 ? 'y' : 'ies'}`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} entries`);
  if (s.pattern !== undefined) out.push(`pattern \`${s.pattern}\``);
  if (s.required && s.required.length > 0) out.push(`requires ${s.required.map((r) => `\`${r}\``).join(', ')}`);
  return out;
}

/** The enum values and the limits of a schema, each as a paragraph when there is something to say. */
function valuesAndLimits(values: readonly string[], schema: JsonSchema | undefined): string[] {
  const out: string[] = [];
  if (values.length > 0) out.push('', valuesLine(values));
  const l = limits(schema);
  if (l.length > 0) out.push('', `Limits: ${l.join('; ')}.`);
  return out;
}

const valuesLine = (values: readonly string[]): string => `Values: ${values.map((v) => `\`${v}\``).join(', ')}`;

/** The extensions that define named policies at the root (their fields are a policy's, under its name). */
const isPolicyMap = (name: string): boolean =>
  name === 'x-apigateway-ratelimits' || name === 'x-apigateway-access-controls';

/** The most specific documentation page for a field inside an extension. */
function pageOf(name: string, rest: readonly string[]): string {
  const keys = rest.filter((s) => !/^\d+$/.test(s));
  const named = isPolicyMap(name) ? ['policy', ...keys.slice(1)] : keys;
  for (let n = named.length; n > 0; n--) {
    const info = extensionInfo(`${name}.${named.slice(0, n).join('.')}`);
    if (info) return info.source;
  }
  return extensionInfo(name)?.source ?? `Extension Definitions: ${name}`;
}

/** The quota line of an extension or field (`name.field`), with its source, when a quota bounds it. */
function quota(key: string): string[] {
  const q = own(QUOTA_OF, key);
  if (!q) return [];
  const [name, what] = q;
  return [
    '',
    `Quota: at most ${DEFAULT_QUOTAS[name]} ${what} by default (API Gateway ${QUOTA_SOURCES[name]}); ` +
      'an instance with raised quotas says so under `quotas:` in .apiglint.yaml.',
  ];
}

function stripSource(description: string | undefined): string {
  return (description ?? '').replace(/\s*Source: .*$/, '');
}

/** Markdown for an extension key. */
export function extensionKeyHover(name: string): string | undefined {
  const info = extensionInfo(name);
  if (!info) return undefined;
  const schema = schemaOf(name);
  const lines = [`**${name}**`, '', stripSource(schema?.description)];
  lines.push('', `Placed on ${info.placements.map((p) => own(PLACES, p) ?? p).join(' or ')}.`);
  lines.push(...valuesAndLimits(enumAt(name, []), schema), ...quota(name), '', citation(info.source));
  return lines.join('\n');
}

/** Markdown for a field inside an extension's value. */
function fieldHover(name: string, rest: readonly string[]): string | undefined {
  const key = rest[rest.length - 1] as string;
  const schema = schemaAt(name, rest);
  if (!schema) return undefined;
  const lines = [`**${key}** (in ${name})`];
  const meaning = stripSource(schema.description) || own(FIELD_MEANINGS, key);
  if (meaning) lines.push('', meaning);
  const policyField = rest.length === 2 && isPolicyMap(name);
  lines.push(...valuesAndLimits(enumAt(name, rest), schema));
  lines.push(...quota(policyField ? `${name}.${key}` : ''), '', citation(pageOf(name, rest)));
  return lines.join('\n');
}

/** Markdown for an enum value. */
function valueHover(name: string, rest: readonly string[], value: string): string | undefined {
  const values = enumAt(name, rest);
  if (!values.includes(value)) return undefined;
  const key = valueKeyOf(name, rest);
  const meanings = valueMeaningsAt(name, rest);
  const meaning = own(meanings, value) ?? own(meanings, value.toUpperCase()) ?? own(meanings, value.toLowerCase());
  const lines = [`**${key}: ${value}**`];
  if (meaning) lines.push('', meaning);
  lines.push('', valuesLine(values), '', citation(pageOf(name, rest)));
  return lines.join('\n');
}

/** The hover of what the cursor is on in a group file, or undefined. */
export function documentHover(at: Located): string | undefined {
  // Any extension key, wherever it stands (x-apigateway-any-method holds an operation; a misplaced one too).
  const last = at.segments[at.segments.length - 1];
  if (at.on === 'key' && last !== undefined && extensionInfo(last)?.schema !== undefined)
    return extensionKeyHover(last);
  const ext = extensionOfPath(at.segments);
  if (!ext) return undefined;
  if (at.on === 'key') return ext.rest.length === 0 ? extensionKeyHover(ext.name) : fieldHover(ext.name, ext.rest);
  if (at.scalar === undefined) return undefined;
  return valueHover(ext.name, ext.rest, at.scalar.value);
}

/** The hover of a key of apig.yaml: what the schema it is validated with says of it. */
export function workspaceHover(at: Located): string | undefined {
  if (at.on !== 'key') return undefined;
  const root = workspaceSchema();
  const schema = subschema(root, at.segments);
  if (!schema) return undefined;
  const key = at.segments[at.segments.length - 1] as string;
  const lines = [`**${key}** (apig.yaml)`];
  if (schema.description) lines.push('', schema.description);
  lines.push(...valuesAndLimits(subenum(root, at.segments), schema));
  return lines.length > 1 ? lines.join('\n') : undefined;
}
