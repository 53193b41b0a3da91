// bench/lsp: `apig lsp` on a generated 300-API Swagger file (its own folder, no apig.yaml): the built server is
// spawned as an editor starts it, the file opened, then one character typed at a time; each edit is timed from
// the didChange notification to the diagnostics of that version (the server's default debounce included).
// Target (issue 17): fresh diagnostics within 200 ms of an edit (median). Baseline, in the same run: the same
// lint in process (load + lint of the edited text, warm), which is what the server does after its debounce.
// Then quick fixes, as an editor that resolves code actions asks for them after each edit (a new version, so
// nothing the server read of an older one helps): the code actions at a finding with a fix, the resolution of its
// quick fix at once and when picked from the menu a moment later, and of "fix every fixable finding in this file".
// Target: a quick fix within 200 ms (median), resolved at once.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { stringify } from 'yaml';
import { generateSpec } from './generate-spec.mjs';
import { fmt, median } from './lib.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const DIR = `${ROOT}bench/out/lsp/`;
const EDITS = Number(process.env.BENCH_EDITS ?? 15);

mkdirSync(DIR, { recursive: true });
const file = `${DIR}apis-300.yaml`;
const text = stringify(generateSpec(300), { lineWidth: 0 });
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

// The edit: a character typed into the description of the API in the middle of the file.
const needle = 'description: generated API 150';
const at = text.indexOf(needle) + needle.length;
const before = text.slice(0, at);
const line = before.split('\n').length - 1;
const character = at - (before.lastIndexOf('\n') + 1);
const textAfter = (n) => `${text.slice(0, at)}${'x'.repeat(n)}${text.slice(at)}`;

// Baseline: the lint in process, warm (the modules the server uses, from dist/).
const { loadWorkspace } = await import(`${ROOT}dist/workspace/load.js`);
const { lintWorkspace } = await import(`${ROOT}dist/lint/run.js`);
const { DEFAULT_QUOTAS } = await import(`${ROOT}dist/lint/quotas.js`);
const lintOnce = async (t) => {
  const loaded = await loadWorkspace(file, { cwd: DIR, env: {}, partial: true, text: t });
  return lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS, fixes: true });
};
for (let i = 0; i < 3; i++) await lintOnce(textAfter(i));
const base = [];
for (let i = 0; i < EDITS; i++) {
  const start = process.hrtime.bigint();
  await lintOnce(textAfter(i + 1));
  base.push(Number(process.hrtime.bigint() - start) / 1e6);
}

// The server.
const child = spawn(process.execPath, [`${ROOT}bin/apig.js`, 'lsp'], { cwd: DIR, stdio: ['pipe', 'pipe', 'inherit'] });
const rpc = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
let firstCount = 0;
let firstDiagnostics = [];
rpc.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  firstCount = p.diagnostics.length;
  if (p.version === 1) firstDiagnostics = p.diagnostics;
  waiting.get(p.version)?.(process.hrtime.bigint());
});
rpc.listen();
const diagnosticsOf = (version) => new Promise((resolve) => waiting.set(version, resolve));
await rpc.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(DIR).href,
  capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
});
await rpc.sendNotification('initialized', {});
const openStart = process.hrtime.bigint();
const opened = diagnosticsOf(1);
await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
const openMs = Number((await opened) - openStart) / 1e6;

const times = [];
for (let i = 0; i < EDITS; i++) {
  const version = i + 2;
  const arrived = diagnosticsOf(version);
  const start = process.hrtime.bigint();
  await rpc.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      { range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: 'x' },
    ],
  });
  times.push(Number((await arrived) - start) / 1e6);
}
// Quick fixes: a finding with a fix on a line the edits do not touch (its range stays where it is).
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const actionsAt = (d) =>
  rpc.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
let fixable;
// The rule whose findings the generated file has fixes for first (a code action lists the fixes of every finding
// its range overlaps).
const byRule = [...firstDiagnostics].sort((a, b) => (b.code === 'cors-preflight') - (a.code === 'cors-preflight'));
for (const d of byRule) {
  if (d.range.start.line === line) continue;
  const actions = await actionsAt(d);
  if (actions.some((a) => a.title.startsWith('Fix:'))) {
    fixable = d;
    break;
  }
}
const FIXES = Number(process.env.BENCH_FIXES ?? 7);
// A user picks an action from the menu some time after it shows: the server reads the text meanwhile.
const PICK_MS = 300;
const listed = [];
const resolved = [];
const picked = [];
const all = [];
let version = EDITS + 1;
let fixChars = 0;
let allChars = 0;
const edit = async () => {
  version++;
  const arrived = diagnosticsOf(version);
  const i = version - 2;
  await rpc.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      { range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: 'x' },
    ],
  });
  await arrived;
};
for (let i = 0; fixable && i < FIXES; i++) {
  // A new version, its code actions at the finding, then the quick fix resolved.
  await edit();
  let start = process.hrtime.bigint();
  const actions = await actionsAt(fixable);
  listed.push(ms(start));
  const quick = actions.find((a) => a.title.startsWith('Fix:'));
  start = process.hrtime.bigint();
  const one = await rpc.sendRequest('codeAction/resolve', quick);
  resolved.push(ms(start));
  fixChars = one.edit?.changes?.[uri]?.[0]?.newText.length ?? 0;
  // Another version, its quick fix picked from the menu a moment after it shows.
  await edit();
  const shown = (await actionsAt(fixable)).find((a) => a.title.startsWith('Fix:'));
  await new Promise((resolve) => setTimeout(resolve, PICK_MS));
  start = process.hrtime.bigint();
  await rpc.sendRequest('codeAction/resolve', shown);
  picked.push(ms(start));
  // Another version, and every fix of the file resolved.
  await edit();
  const every = (await actionsAt(fixable)).find((a) => a.kind === 'source.fixAll');
  start = process.hrtime.bigint();
  const done = await rpc.sendRequest('codeAction/resolve', every);
  all.push(ms(start));
  allChars = done.edit?.changes?.[uri]?.[0]?.newText.length ?? 0;
}

await rpc.sendRequest('shutdown');
await rpc.sendNotification('exit');
rpc.dispose();

const m = median(times);
console.log(`bench/lsp: a 300-API Swagger file (${fmt(text.length / 1024)} KB), ${EDITS} edits, one character each`);
console.log(`  open -> first diagnostics (cold server)  ${fmt(openMs)} ms  (${firstCount} findings)`);
console.log(
  `  edit -> fresh diagnostics  median ${fmt(m)} ms  min ${fmt(Math.min(...times))}  max ${fmt(Math.max(...times))}` +
    `  target < 200 ms: ${m < 200 ? 'met' : 'NOT met'}`,
);
console.log(
  `  baseline: the same lint in process (warm)  median ${fmt(median(base))} ms; ` +
    `the server adds ${fmt(m - median(base))} ms (debounce and JSON-RPC included)`,
);
if (fixable) {
  const line3 = (name, xs) =>
    `  ${name.padEnd(40)} median ${fmt(median(xs))} ms  min ${fmt(Math.min(...xs))}  max ${fmt(Math.max(...xs))}`;
  console.log(`quick fixes, after an edit each (${FIXES} times; the finding: ${fixable.code})`);
  console.log(line3('code actions at the finding', listed));
  const q = median(resolved);
  console.log(
    `${line3('resolve its quick fix', resolved)}  (${fixChars} characters)  target < 200 ms: ${q < 200 ? 'met' : 'NOT met'}`,
  );
  console.log(line3(`resolve it, picked ${PICK_MS} ms after the list`, picked));
  console.log(`${line3('resolve "fix every fixable finding"', all)}  (${allChars} characters)`);
  console.log(`  baseline: the lint in process (above), ${fmt(median(base))} ms`);
} else console.log('quick fixes: no finding with a fix found');
