// The apig extension: starts `apig lsp` over stdio for YAML and JSON files, and passes the `apig.*` settings to it.
// Everything else (which files are apig's, diagnostics, hover, completion, fixes) is the server's (docs/lsp.md).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

function settings() {
  const c = vscode.workspace.getConfiguration('apig');
  return {
    debounceMs: c.get('debounceMs'),
    rules: c.get('rules'),
    configFile: c.get('configFile') || null,
    allowRemoteRefs: c.get('allowRemoteRefs'),
  };
}

async function activate(context) {
  const command = vscode.workspace.getConfiguration('apig').get('path') || 'apig';
  // On Windows, npm installs apig as apig.cmd: run it through the shell.
  const run = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
    options: { shell: process.platform === 'win32' },
  };
  client = new LanguageClient(
    'apig',
    'apig',
    { run, debug: run },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', language: 'json' },
      ],
      initializationOptions: settings(),
      synchronize: {
        configurationSection: 'apig',
        // Changes to files that are not open (another group, apig.yaml, .apiglint.yaml) re-lint what reads them.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
      },
    },
  );
  await client.start();
  context.subscriptions.push(client);
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
