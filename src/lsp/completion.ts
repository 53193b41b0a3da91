/**
 * Completion: the extension names valid where the cursor is and the fields inside them; enum values; the policy
 * and gateway response names the group defines; `#variables#` of the workspace's environments; request parameter
 * names in backend parameter mappings; and in apig.yaml, the API names publish, authorize and bind take.
 */
import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { append } from '../core/append.js';
import type { Workspace } from '../core/workspace-model.js';
import { valueIn } from '../lint/fix/data.js';
import { isRecord } from '../oas/codec.js';
import { detectFormat } from '../oas/source.js';
import {
  enumAt,
  extensionOfPath,
  extensionsFor,
  placementOf,
  propertiesAt,
  subenum,
  subproperties,
  workspaceSchema,
} from './extension-schema.js';
import { extensionKeyHover } from './hover.js';
import { FIELD_MEANINGS, valueMeaningsAt } from './meanings.js';
import { isWorkspaceFile } from './targets.js';
import { type TypingContext, typingContext } from './typing-context.js';
import { dataOf, locate, treeOf } from './yaml-tree.js';
import { own } from './own.js';

/** Where a reference names a policy (or gateway response) defined at the root, by the key it stands under. */
export const DEFINED_AT: Readonly<Record<string, readonly string[][]>> = {
  'x-apigateway-ratelimit': [['x-apigateway-ratelimits']],
  'x-apigateway-access-control': [['x-apigateway-access-controls']],
  'x-apigateway-response': [['x-apigateway-responses'], ['components', 'x-apigateway-responses']],
};

/** Whether a place in apig.yaml takes API names: under publish, authorize or bind. */
export const takesApiNames = (segments: readonly string[]): boolean =>
  segments[0] === 'publish' || segments.includes('authorize') || segments.includes('bind');

/** The context from the text: indentation for YAML (a half-typed line is no YAML yet), the tree for JSON. */
function contextAt(doc: TextDocument, file: string, pos: Position): TypingContext | undefined {
  const text = doc.getText();
  if (detectFormat(file, text) === 'yaml') return typingContext(text, pos.line, pos.character);
  const offset = doc.offsetAt(pos);
  const at = locate(treeOf(doc), offset);
  if (!at) return undefined;
  const typed = at.scalar ? text.slice(at.scalar.start, offset).replace(/^"/, '') : '';
  return at.on === 'key'
    ? { segments: at.segments.slice(0, -1), on: 'key', typed }
    : { segments: at.segments, on: 'value', typed };
}

const item = (label: string, kind: CompletionItemKind, doc?: string, detail?: string): CompletionItem => ({
  label,
  kind,
  ...(detail !== undefined ? { detail } : {}),
  ...(doc !== undefined ? { documentation: { kind: 'markdown', value: doc } } : {}),
});

function apiNames(ws: Workspace | undefined): CompletionItem[] {
  const out: CompletionItem[] = [item('*', CompletionItemKind.Constant, 'every API')];
  for (const g of ws?.groups ?? [])
    for (const api of g.model.apis)
      out.push(item(api.name, CompletionItemKind.Reference, undefined, `${api.method} ${api.path} (${g.ref.name})`));
  return out;
}

function variables(ws: Workspace | undefined, typed: string): CompletionItem[] | undefined {
  const hashes = typed.split('#').length - 1;
  if (hashes % 2 === 0) return undefined;
  const names = new Map<string, string[]>();
  for (const env of ws?.environments ?? [])
    for (const name of Object.keys(env.variables)) append(names, name, env.name);
  return [...names].map(([name, envs]) => ({
    ...item(name, CompletionItemKind.Variable, undefined, `defined in ${envs.join(', ')}`),
    insertText: `${name}#`,
  }));
}

/** Request parameter names of the operation around `segments` (its own and its Path Item's). */
function requestParameters(data: unknown, segments: readonly string[]): CompletionItem[] {
  if (segments[0] !== 'paths' || segments.length < 3) return [];
  const names = new Map<string, string>();
  for (const list of [
    valueIn(data, [...segments.slice(0, 2), 'parameters']),
    valueIn(data, [...segments.slice(0, 3), 'parameters']),
  ])
    if (Array.isArray(list))
      for (const p of list) if (isRecord(p) && typeof p.name === 'string') names.set(p.name, String(p.in ?? ''));
  return [...names].map(([name, where]) =>
    item(name, CompletionItemKind.Field, undefined, `request parameter (${where})`),
  );
}

function groupCompletions(ctx: TypingContext, data: unknown, ws: Workspace | undefined): CompletionItem[] {
  const { segments } = ctx;
  if (ctx.on === 'key') {
    const ext = extensionOfPath(segments);
    if (ext)
      return propertiesAt(ext.name, ext.rest).map(([k]) => ({
        ...item(k, CompletionItemKind.Property, own(FIELD_MEANINGS, k)),
        insertText: `${k}: `,
      }));
    const placement = placementOf(segments);
    if (!placement) return [];
    return extensionsFor(placement).map((e) => ({
      ...item(e.name, CompletionItemKind.Property, extensionKeyHover(e.name)),
      insertText: `${e.name}: `,
    }));
  }
  const vars = variables(ws, ctx.typed);
  if (vars) return vars;
  const last = segments[segments.length - 1] as string;
  const defined = own(DEFINED_AT, last);
  if (defined)
    return defined.flatMap((at) => {
      const map = valueIn(data, at);
      return isRecord(map)
        ? Object.keys(map).map((k) => item(k, CompletionItemKind.Reference, undefined, at.join('.')))
        : [];
    });
  const ext = extensionOfPath(segments);
  if (!ext) return [];
  const inBackend = ext.name === 'x-apigateway-backend' || ext.name === 'x-apigateway-backend-policies';
  if (inBackend && ext.rest.includes('parameters') && (last === 'value' || last === 'name'))
    return requestParameters(data, segments);
  const meanings = valueMeaningsAt(ext.name, ext.rest);
  return enumAt(ext.name, ext.rest).map((v) => item(v, CompletionItemKind.EnumMember, own(meanings, v)));
}

/** apig.yaml's keys and enum values, from the schema it is validated with. */
function workspaceCompletions(ctx: TypingContext): CompletionItem[] {
  const root = workspaceSchema();
  if (ctx.on === 'key')
    return subproperties(root, ctx.segments).map(([k, s]) => ({
      ...item(k, CompletionItemKind.Property, s.description),
      insertText: `${k}: `,
    }));
  return subenum(root, ctx.segments).map((v) => item(v, CompletionItemKind.EnumMember));
}

function candidates(doc: TextDocument, file: string, pos: Position, ws: Workspace | undefined): CompletionItem[] {
  const ctx = contextAt(doc, file, pos);
  if (!ctx) return [];
  if (isWorkspaceFile(file)) {
    const s = ctx.segments;
    // A word typed as a block list entry (`- getUs`) reads as a key until its colon: it is a list value here.
    const entry = ctx.on === 'value' || /^\d+$/.test(s[s.length - 1] ?? '');
    if (entry && takesApiNames(s)) return apiNames(ws);
    return workspaceCompletions(ctx);
  }
  return groupCompletions(ctx, dataOf(treeOf(doc)), ws);
}

const WORD_CHAR = /[\w.$*+/-]/;

/**
 * Where the word that ends a line starts, read backwards (a regular expression anchored at the end would try
 * every start: quadratic on a long run such as a Base64 mock body, enough to freeze the server).
 */
function wordStart(line: string): number {
  let start = line.length;
  while (start > 0 && WORD_CHAR.test(line[start - 1] as string)) start--;
  return start;
}

/**
 * The completions at a position, each replacing the word typed before the cursor: editors split words at `-`,
 * and `x-apigateway-...` or `HTTP-VPC` would otherwise be completed after their last dash. In JSON, a key is
 * completed inside its quotes, without the `: ` that follows a YAML key.
 */
export function completions(
  doc: TextDocument,
  file: string,
  pos: Position,
  ws: Workspace | undefined,
): CompletionItem[] {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  const word = line.slice(wordStart(line));
  const range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };
  const json = detectFormat(file, doc.getText()) === 'json';
  return candidates(doc, file, pos, ws).map(({ insertText, ...item }) => ({
    ...item,
    textEdit: { range, newText: json ? item.label : (insertText ?? item.label) },
  }));
}
