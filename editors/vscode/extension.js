// The VS Code client of `cptc lsp` (docs/editor.md). Plain JavaScript: nothing to compile.
'use strict';
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** The cptc to start: the setting `cpt.server.path`, else `cptc` on the PATH. */
function findServer() {
  const configured = vscode.workspace.getConfiguration('cpt').get('server.path');
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  const names = process.platform === 'win32' ? ['cptc.exe', 'cptc.cmd'] : ['cptc'];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (dir && fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

async function activate(context) {
  const command = findServer();
  if (!command) {
    const configured = vscode.workspace.getConfiguration('cpt').get('server.path');
    vscode.window.showErrorMessage(configured
      ? `cpt: the language server '${configured}' (setting cpt.server.path) does not exist. Highlighting works; errors, hover and completion need cptc.`
      : "cpt: 'cptc' was not found on the PATH. Install it (dotnet publish src/Cptc) or set cpt.server.path. Highlighting works without it.");
    return;
  }
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('cpt', 'cptc language server', { run: server, debug: server }, {
    documentSelector: [{ language: 'cpt' }],
    initializationOptions: { diagnosticsDelay: vscode.workspace.getConfiguration('cpt').get('diagnostics.delay') },
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
