/**
 * Code actions: each finding's fix as a quick fix (the edit `apig lint --fix` would make, applied to the text as
 * it is in the editor), every fix of the file at once (source.fixAll), and "suppress this finding here", which
 * writes an x-apig-lint-disable entry on the operation (else the Path Item, else the document) around it.
 */
import { type CodeAction, CodeActionKind, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePointer, pointer } from '../core/pointer.js';
import { applyFixes } from '../lint/fix/apply.js';
import { valueAt } from '../lint/fix/data.js';
import { type FixSource, hasNoAliases, readSource } from '../lint/fix/source.js';
import type { Fix } from '../lint/fix/types.js';
import { DISABLE_KEY } from '../lint/suppress.js';
import { isRecord } from '../oas/codec.js';
import { detectFormat } from '../oas/source.js';
import { isOperationItemKey } from '../oas/walk.js';
import { toDiagnostic } from './diagnostics.js';
import type { Found } from './lint-target.js';
import { overlaps } from './ranges.js';
import { isWorkspaceFile } from './targets.js';
import { editBetween } from './text-edit.js';
import { dataOf, treeOf } from './yaml-tree.js';

/** What a suppression written by the editor says until its author says why. */
const REASON_PLACEHOLDER = 'TODO: say why this finding is acceptable here';

/** The document's text as the fixes read it, read once per version (a file's quick fixes share one parse). */
const sources = new WeakMap<TextDocument, { version: number; text: string; file: string; source: FixSource }>();

function sourceOf(doc: TextDocument, file: string): FixSource {
  const text = doc.getText();
  const cached = sources.get(doc);
  if (cached?.version === doc.version && cached.file === file && cached.text === text) return cached.source;
  const source = readSource(text, detectFormat(file, text));
  sources.set(doc, { version: doc.version, text, file, source });
  return source;
}

/**
 * Reads a document for its fixes ahead of their resolution (once per version): an editor that resolves code actions
 * asks for the edit of the one chosen, so the text can be read while it shows them.
 */
export function prepareFixes(doc: TextDocument, file: string): void {
  sourceOf(doc, file);
}

function edited(doc: TextDocument, file: string, fixes: readonly Fix[]): CodeAction['edit'] | undefined {
  const source = sourceOf(doc, file);
  const result = applyFixes(source.text, source.format, fixes, { source });
  if (!result.outcomes.some((o) => o.status === 'applied')) return undefined;
  const edit = editBetween(doc, result.text);
  return edit ? { changes: { [doc.uri]: [edit] } } : undefined;
}

/** The pointer of the object a suppression of a finding at `path` goes on. */
function scopeOf(path: string): string {
  const s = parsePointer(path);
  if (s[0] !== 'paths' || s.length < 2) return '';
  if (s.length >= 3 && isOperationItemKey(s[2] as string)) return pointer(...s.slice(0, 3));
  return pointer(...s.slice(0, 2));
}

/**
 * The data a suppression is worked out from: the editor's tree's; a YAML text the fixes read without an alias has
 * the same data (the tree's reading differs only in the errors it lets pass and in how many aliases it expands),
 * so that one is used and the text is not parsed a second time.
 */
function dataFor(doc: TextDocument, file: string): unknown {
  const source = sourceOf(doc, file);
  return source.format === 'yaml' && source.error === undefined && hasNoAliases(source)
    ? source.data
    : dataOf(treeOf(doc));
}

function suppressFix(doc: TextDocument, file: string, f: Found): Fix {
  const scope = scopeOf(f.path);
  const data = dataFor(doc, file);
  const holder = valueAt(data, scope);
  const entry = { rule: f.code, reason: REASON_PLACEHOLDER };
  const has = isRecord(holder) && Array.isArray(holder[DISABLE_KEY]);
  return {
    description: `suppress ${f.code} here`,
    edits: [
      has
        ? { op: 'add', path: `${scope}/${DISABLE_KEY}/-`, value: entry }
        : { op: 'add', path: `${scope}/${DISABLE_KEY}`, value: [entry] },
    ],
  };
}

/** What a code action carries to its resolution: which finding, and what to do with it. */
export interface ActionData {
  uri: string;
  action: 'fix' | 'suppress' | 'all';
  /** The finding (rule, pointer, message), for `fix` and `suppress`. */
  finding?: { code: string; path: string; message: string };
}

export interface ActionOptions {
  /**
   * The client resolves actions (codeAction/resolve with `edit`): the edits are worked out when one is chosen, not
   * for every cursor move. Applying fixes rewrites the whole text (a few hundred milliseconds on a large file).
   */
  lazy: boolean;
  /** The kinds the client asked for (`context.only`), if it said. */
  only?: readonly string[];
}

const wants = (only: readonly string[] | undefined, kind: string): boolean =>
  only === undefined || only.some((k) => kind === k || kind.startsWith(`${k}.`));

const suppressible = (f: Found): boolean => f.code !== 'parse' && f.code !== 'lint-disable' && f.code !== 'lint-config';

/** The edit an action makes, worked out now. */
function editOf(doc: TextDocument, file: string, findings: readonly Found[], data: ActionData): CodeAction['edit'] {
  if (data.action === 'all')
    return edited(
      doc,
      file,
      findings.flatMap((f) => (f.fix ? [f.fix] : [])),
    );
  const key = data.finding;
  const f = findings.find((x) => x.code === key?.code && x.path === key?.path && x.message === key?.message);
  if (!f) return undefined;
  if (data.action === 'suppress') return edited(doc, file, [suppressFix(doc, file, f)]);
  return f.fix ? edited(doc, file, [f.fix]) : undefined;
}

export function codeActions(
  doc: TextDocument,
  file: string,
  findings: readonly Found[],
  range: Range,
  options: ActionOptions,
): CodeAction[] {
  const out: CodeAction[] = [];
  const here = findings.filter((f) => f.range !== undefined && overlaps(f.range, range));
  const finding = (f: Found) => ({ code: f.code, path: f.path, message: f.message });
  const add = (action: CodeAction, data: ActionData): void => {
    if (options.lazy) out.push({ ...action, data });
    else {
      const edit = editOf(doc, file, findings, data);
      if (edit) out.push({ ...action, edit });
    }
  };
  if (wants(options.only, CodeActionKind.QuickFix)) {
    for (const f of here)
      if (f.fix)
        add(
          {
            title: `Fix: ${f.fix.description} (${f.code})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(f)],
            isPreferred: true,
          },
          { uri: doc.uri, action: 'fix', finding: finding(f) },
        );
    // Suppressions live in Swagger files only (apig.yaml has none).
    if (!isWorkspaceFile(file))
      for (const f of here.filter(suppressible))
        add(
          {
            title: `Suppress ${f.code} here (${DISABLE_KEY}; write the reason)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(f)],
          },
          { uri: doc.uri, action: 'suppress', finding: finding(f) },
        );
  }
  // Every fix of the file: asked for by kind (on save), or offered where a fix is, in a client that resolves.
  const asked = options.only !== undefined && wants(options.only, CodeActionKind.SourceFixAll);
  const offered = options.lazy && options.only === undefined && here.some((f) => f.fix);
  if ((asked || offered) && findings.some((f) => f.fix))
    add(
      { title: 'Fix every fixable apig finding in this file', kind: CodeActionKind.SourceFixAll },
      { uri: doc.uri, action: 'all' },
    );
  return out;
}

/** A lazy action with its edit (codeAction/resolve); unchanged when it no longer applies. */
export function resolveAction(
  action: CodeAction,
  doc: TextDocument,
  file: string,
  findings: readonly Found[],
): CodeAction {
  const data = action.data as ActionData | undefined;
  if (!data || typeof data !== 'object' || typeof data.action !== 'string') return action;
  const edit = editOf(doc, file, findings, data);
  return edit ? { ...action, edit } : action;
}
