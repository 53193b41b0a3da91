/**
 * The server's state between requests: which targets (workspaces, single Swagger files) are linted, what each
 * last found, and the debounced lint that keeps the diagnostics current. An edit, an open or a change of a file
 * on disk marks the targets that read that file; after `debounceMs` of quiet they are linted again, one at a time,
 * with the open documents' texts instead of the files. Diagnostics are published for every file a target's
 * findings name, and emptied for a file whose findings went away. A file read by two targets (a group file two
 * workspaces share) shows the findings of both; a file is published under the URI the client opened it with.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LINT_CONFIG_FILE } from '../core/vocabulary.js';
import type { RuleSeverity } from '../lint/types.js';
import { toDiagnostic } from './diagnostics.js';
import { type Found, lintTarget, type TargetResult } from './lint-target.js';
import { isWorkspaceFile, targetOf } from './targets.js';

export interface Settings {
  /** Quiet time after the last edit before linting, in milliseconds. */
  debounceMs: number;
  /** Severities over the lint configuration's, by rule id. */
  rules: Record<string, RuleSeverity>;
  /** A lint configuration file to use instead of the .apiglint.yaml found from each workspace. */
  configFile?: string;
  allowRemoteRefs: boolean;
}

export const DEFAULT_SETTINGS: Settings = { debounceMs: 50, rules: {}, allowRemoteRefs: false };

export interface Publisher {
  publish(uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
  /** A lint that failed for a reason of apig's own (a bug): logged, and the session goes on. */
  log(message: string): void;
}

interface TargetState {
  result?: TargetResult;
  /** Files this target last published diagnostics for. */
  published: Set<string>;
}

/** What the editor was last told of a file: the findings, the URI they went to and the version they were found in. */
interface Shown {
  found: Found[];
  uri: string;
  version: number | undefined;
}

/** One finding once, however many targets (two workspaces that share a group file) found it. */
const keyOf = (f: Found): string =>
  `${f.code}\u0000${f.path}\u0000${f.message}\u0000${f.range?.start.line}:${f.range?.start.character}`;

export const fileOf = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};

export const uriOf = (file: string): string => pathToFileURL(file).href;

export class Session {
  settings: Settings = { ...DEFAULT_SETTINGS };
  readonly #targets = new Map<string, TargetState>();
  readonly #dirty = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  /** What was last published, by absolute file (a client may spell a file's URI its own way). */
  readonly #shown = new Map<string, Shown>();
  /** Resolves when no lint is pending or running (tests, the bench). */
  #idle: Array<() => void> = [];

  constructor(
    private readonly docs: { get(uri: string): TextDocument | undefined; all(): TextDocument[] },
    private readonly out: Publisher,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The open documents' texts by absolute path. */
  texts(): Map<string, string> {
    return this.#snapshot().texts;
  }

  /** The open documents' texts, versions and URIs (as the client spells them) by absolute path, at one moment. */
  #snapshot(): { texts: Map<string, string>; versions: Map<string, number>; uris: Map<string, string> } {
    const texts = new Map<string, string>();
    const versions = new Map<string, number>();
    const uris = new Map<string, string>();
    for (const d of this.docs.all()) {
      const f = fileOf(d.uri);
      if (f === undefined) continue;
      texts.set(f, d.getText());
      versions.set(f, d.version);
      uris.set(f, d.uri);
    }
    return { texts, versions, uris };
  }

  /**
   * The findings of a document's current text: once the pending lints have run, and only if they were found in the
   * version the document has now (a code action computed from older findings could edit the wrong place). The
   * caller checks the token after: cancelled, the answer is "cancelled", not these findings.
   */
  async freshFindings(
    doc: { readonly uri: string; readonly version: number },
    token?: CancellationToken,
  ): Promise<Found[]> {
    const file = fileOf(doc.uri);
    if (file === undefined) return [];
    // A request the client cancels stops waiting (edits that keep coming could keep the lints busy for long).
    if (this.#busy())
      await Promise.race([
        this.idle(),
        new Promise<void>((resolve) => token?.onCancellationRequested(() => resolve())),
      ]);
    const shown = this.#shown.get(file);
    return shown !== undefined && shown.version === doc.version ? shown.found : [];
  }

  /** The last result of the target a file belongs to (its workspace, for definitions and completion). */
  resultFor(file: string): TargetResult | undefined {
    for (const state of this.#targets.values()) if (state.result?.files.includes(file)) return state.result;
    return undefined;
  }

  /** Adds a target (an apig.yaml or a Swagger file) and lints it soon. */
  watch(entry: string): void {
    if (!this.#targets.has(entry)) this.#targets.set(entry, { published: new Set() });
    this.#mark(entry);
  }

  /** A document was opened or edited: its target, and every target that reads it, are linted again. */
  touched(file: string): void {
    let entry = targetOf(file, this.texts());
    // A group file of a workspace already linted (one whose apig.yaml lists it from another folder) is that
    // workspace's, not a Swagger file of its own.
    if (entry === file && !isWorkspaceFile(file) && this.#readByWorkspace(file)) entry = undefined;
    // A Swagger file linted alone that a workspace now lists is that workspace's: linted alone no more.
    if (entry !== file) this.#drop(file);
    if (entry !== undefined) this.watch(entry);
    // Not apig's (no target reads it): an empty list. A file a workspace reads is published by its next lint, with
    // the version it was found in (publishing the old findings now would label them with the new version).
    else if (!this.#readByAny(file)) this.#republish(file, this.#snapshot(), true);
    this.changedOnDisk(file);
  }

  #readByWorkspace(file: string): boolean {
    for (const [entry, state] of this.#targets)
      if (isWorkspaceFile(entry) && state.result?.files.includes(file)) return true;
    return false;
  }

  #readByAny(file: string): boolean {
    for (const state of this.#targets.values()) if (state.published.has(file)) return true;
    return false;
  }

  /** Drops a Swagger file linted on its own (a workspace stays while its apig.yaml is there). */
  #drop(entry: string): void {
    if (!isWorkspaceFile(entry)) this.#forget(entry);
  }

  /** Lints a target no more: what it published is published again without its findings. */
  #forget(entry: string, now = this.#snapshot()): void {
    const state = this.#targets.get(entry);
    if (!state) return;
    this.#targets.delete(entry);
    this.#dirty.delete(entry);
    for (const file of state.published) this.#republish(file, now);
    // A workspace's open files are now what they are without it (a Swagger file is linted on its own).
    if (isWorkspaceFile(entry)) for (const file of state.published) if (now.texts.has(file)) this.touched(file);
  }

  /** A file changed, was created or deleted (open or not): every target that reads it is linted again. */
  changedOnDisk(file: string): void {
    // An apig.yaml deleted (and not open): its workspace is gone, and so are its findings.
    if (isWorkspaceFile(file) && this.#targets.has(file) && !this.texts().has(file) && !existsSync(file))
      this.#forget(file);
    // A lint configuration may be new, or be the one of a target's parent folder: every target may read it.
    const config = basename(file) === LINT_CONFIG_FILE;
    for (const [entry, state] of this.#targets)
      if (config || entry === file || state.result?.files.includes(file) || state.result === undefined)
        this.#mark(entry);
  }

  /** A document was closed: a Swagger file linted on its own is dropped; a workspace's file is read from disk. */
  closed(file: string): void {
    const state = this.#targets.get(file);
    if (state && !isWorkspaceFile(file)) this.#drop(file);
    else this.changedOnDisk(file);
  }

  /** Lints every target again (settings changed). */
  all(): void {
    for (const entry of this.#targets.keys()) this.#mark(entry);
  }

  /** Lints no more (the client asked the server to shut down); what runs now publishes nothing. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dirty.clear();
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  #mark(entry: string): void {
    if (this.#stopped) return;
    this.#dirty.add(entry);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#flush();
    }, this.settings.debounceMs);
  }

  async #flush(): Promise<void> {
    if (this.#running) return;
    const run = async (): Promise<void> => {
      while (this.#dirty.size > 0) {
        const [entry] = this.#dirty;
        this.#dirty.delete(entry as string);
        await this.#lint(entry as string);
      }
    };
    // A lint that fails is logged in #lint; this catches what fails around it, so no rejection goes unhandled.
    this.#running = run()
      .catch((err: unknown) => this.out.log(`apig lsp: linting failed: ${err instanceof Error ? err.stack : err}`))
      .finally(() => {
        this.#running = undefined;
        if (this.#dirty.size > 0 && !this.#timer) void this.#flush();
        else if (!this.#timer) for (const resolve of this.#idle.splice(0)) resolve();
      });
  }

  #busy(): boolean {
    return this.#timer !== undefined || this.#running !== undefined || this.#dirty.size > 0;
  }

  /** Resolves once every pending lint has run. */
  idle(): Promise<void> {
    if (!this.#busy()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #lint(entry: string): Promise<void> {
    const state = this.#targets.get(entry);
    if (!state) return;
    let result: TargetResult;
    // Diagnostics carry the version of the text they were found in, not of the text when they are published.
    const now = this.#snapshot();
    try {
      result = await lintTarget(entry, {
        texts: now.texts,
        env: this.env,
        rules: this.settings.rules,
        allowRemoteRefs: this.settings.allowRemoteRefs,
        ...(this.settings.configFile !== undefined ? { configFile: this.settings.configFile } : {}),
      });
    } catch (err) {
      this.out.log(`apig lsp: linting ${entry} failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
      return;
    }
    if (this.#targets.get(entry) !== state || this.#stopped) return;
    state.result = result;
    // Every file the lint read is published, empty if need be: it may have had findings, and an editor then knows
    // the file was linted. So is every file this target published before and no longer reads.
    const files = new Set<string>([...result.byFile.keys(), ...result.files]);
    const before = state.published;
    state.published = files;
    // A file opened before its workspace was first linted was taken for a Swagger file of its own: it is the
    // workspace's now (linted alone, it would show findings apig lint run in the workspace does not give).
    if (isWorkspaceFile(entry))
      for (const file of files) if (file !== entry && this.#targets.has(file)) this.#forget(file, now);
    for (const file of files) this.#republish(file, now);
    for (const file of before) if (!files.has(file)) this.#republish(file, now);
  }

  /** Publishes a file's findings: those of every target that read it (two workspaces may share a group file). */
  #republish(file: string, now: { versions: Map<string, number>; uris: Map<string, string> }, always = false): void {
    const seen = new Set<string>();
    const found: Found[] = [];
    let read = false;
    for (const state of this.#targets.values()) {
      if (!state.published.has(file)) continue;
      read = true;
      for (const f of state.result?.byFile.get(file) ?? []) {
        const key = keyOf(f);
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(f);
      }
    }
    const uri = now.uris.get(file) ?? uriOf(file);
    const version = now.versions.get(file);
    const previous = this.#shown.get(file);
    // The file was published under another spelling of its URI (before the client opened it): that one is emptied.
    if (previous !== undefined && previous.uri !== uri) this.out.publish(previous.uri, [], undefined);
    if (read) this.#shown.set(file, { found, uri, version });
    else this.#shown.delete(file);
    if (read || always || previous !== undefined) this.out.publish(uri, found.map(toDiagnostic), version);
  }
}
