/**
 * The server's state between requests: which targets (workspaces, single Swagger files) are linted, what each
 * last found, and the debounced lint that keeps the diagnostics current. An edit, an open or a change of a file
 * on disk marks the targets that read that file; after `debounceMs` of quiet they are linted again, one at a time,
 * with the open documents' texts instead of the files. Diagnostics are published for every file a target's
 * findings name, and emptied for a file whose findings went away.
 */
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LINT_CONFIG_FILE } from '../core/vocabulary.js';
import { WORKSPACE_FILE } from '../core/workspace-model.js';
import type { RuleSeverity } from '../lint/types.js';
import { toDiagnostic } from './diagnostics.js';
import { type Found, lintTarget, type TargetResult } from './lint-target.js';
import { targetOf } from './targets.js';

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
  /** URIs this target last published diagnostics for. */
  published: Set<string>;
}

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
  /** Findings by URI, as last published. */
  readonly findings = new Map<string, Found[]>();
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

  /** The open documents' texts by absolute path, and their versions by URI, at one moment. */
  #snapshot(): { texts: Map<string, string>; versions: Map<string, number> } {
    const texts = new Map<string, string>();
    const versions = new Map<string, number>();
    for (const d of this.docs.all()) {
      const f = fileOf(d.uri);
      if (f === undefined) continue;
      texts.set(f, d.getText());
      versions.set(d.uri, d.version);
    }
    return { texts, versions };
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
    const entry = targetOf(file, this.texts());
    if (entry !== undefined) this.watch(entry);
    else {
      // No longer (or never) an apig file: a Swagger file linted alone is dropped, and the document emptied.
      this.#drop(file);
      this.#clear(uriOf(file));
    }
    this.changedOnDisk(file);
  }

  #drop(entry: string): void {
    const state = this.#targets.get(entry);
    if (!state || basename(entry) === WORKSPACE_FILE) return;
    this.#targets.delete(entry);
    this.#dirty.delete(entry);
    for (const uri of state.published) this.#clear(uri);
  }

  /** A file changed, was created or deleted (open or not): every target that reads it is linted again. */
  changedOnDisk(file: string): void {
    // A lint configuration may be new, or be the one of a target's parent folder: every target may read it.
    const config = basename(file) === LINT_CONFIG_FILE;
    for (const [entry, state] of this.#targets)
      if (config || entry === file || state.result?.files.includes(file) || state.result === undefined)
        this.#mark(entry);
  }

  /** A document was closed: a Swagger file linted on its own is dropped; a workspace's file is read from disk. */
  closed(file: string): void {
    const state = this.#targets.get(file);
    if (state && basename(file) !== WORKSPACE_FILE) this.#drop(file);
    else this.changedOnDisk(file);
  }

  /** Lints every target again (settings changed). */
  all(): void {
    for (const entry of this.#targets.keys()) this.#mark(entry);
  }

  #mark(entry: string): void {
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
    this.#running = run().finally(() => {
      this.#running = undefined;
      if (this.#dirty.size > 0 && !this.#timer) void this.#flush();
      else if (!this.#timer) for (const resolve of this.#idle.splice(0)) resolve();
    });
  }

  /** Resolves once every pending lint has run. */
  idle(): Promise<void> {
    if (!this.#timer && !this.#running && this.#dirty.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #lint(entry: string): Promise<void> {
    const state = this.#targets.get(entry);
    if (!state) return;
    let result: TargetResult;
    // Diagnostics carry the version of the text they were found in, not of the text when they are published.
    const { texts, versions } = this.#snapshot();
    try {
      result = await lintTarget(entry, {
        texts,
        env: this.env,
        rules: this.settings.rules,
        allowRemoteRefs: this.settings.allowRemoteRefs,
        ...(this.settings.configFile !== undefined ? { configFile: this.settings.configFile } : {}),
      });
    } catch (err) {
      this.out.log(`apig lsp: linting ${entry} failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
      return;
    }
    if (this.#targets.get(entry) !== state) return;
    state.result = result;
    const now = new Set<string>();
    for (const [file, found] of result.byFile) {
      const uri = uriOf(file);
      now.add(uri);
      this.findings.set(uri, found);
      this.out.publish(uri, found.map(toDiagnostic), versions.get(uri));
    }
    // Every other file the lint read is published too, empty: it may have had findings, and an editor then knows
    // the file was linted.
    for (const file of result.files) {
      const uri = uriOf(file);
      if (now.has(uri)) continue;
      now.add(uri);
      this.findings.delete(uri);
      this.out.publish(uri, [], versions.get(uri));
    }
    for (const uri of state.published) if (!now.has(uri)) this.#clear(uri);
    state.published = now;
  }

  #clear(uri: string): void {
    this.findings.delete(uri);
    this.out.publish(uri, [], this.docs.get(uri)?.version);
  }
}
