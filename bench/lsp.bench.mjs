// bench/lsp: `apig lsp` on a generated 300-API Swagger file (its own folder, no apig.yaml): the built server is
// spawned as an editor starts it, the file opened, then one character typed at a time; each edit is timed from
// the didChange notification to the diagnostics of that version (the server's default debounce included).
// Target (issue 17): fresh diagnostics within 200 ms of an edit (median). Baseline, in the same run: the same
// lint in process (load + lint of the edited text, warm), which is what the server does after its debounce.
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
rpc.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  firstCount = p.diagnostics.length;
  waiting.get(p.version)?.(process.hrtime.bigint());
});
rpc.listen();
const diagnosticsOf = (version) => new Promise((resolve) => waiting.set(version, resolve));
await rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(DIR).href, capabilities: {} });
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
