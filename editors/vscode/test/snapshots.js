// Snapshot tests of the TextMate grammar over every example of the repository: the examples
// are copied into test/snap and tokenized by vscode-tmgrammar-snap, which compares each with its
// committed .snap. After a deliberate change: `npm run test:snapshots -- --updateSnapshot`.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const examples = path.join(__dirname, '..', '..', '..', 'examples');
const snap = path.join(__dirname, 'snap');
for (const file of fs.readdirSync(snap)) if (file.endsWith('.cpt')) fs.unlinkSync(path.join(snap, file));
const names = fs.readdirSync(examples).filter(f => f.endsWith('.cpt')).sort();
for (const name of names) fs.copyFileSync(path.join(examples, name), path.join(snap, name));
for (const file of fs.readdirSync(snap))
  if (file.endsWith('.cpt.snap') && !names.includes(file.slice(0, -5))) throw new Error(`snapshot of a removed example: ${file}`);
const bin = path.join(__dirname, '..', 'node_modules', '.bin', 'vscode-tmgrammar-snap');
execFileSync(bin, ['-g', 'syntaxes/cpt.tmLanguage.json', ...process.argv.slice(2), 'test/snap/*.cpt'],
  { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
