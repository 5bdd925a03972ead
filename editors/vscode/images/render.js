// Renders an example with the extension's TextMate grammar to HTML (for the README's
// screenshot): node images/render.js ../../examples/X.cpt > out.html, then a headless browser
// --screenshot. Uses vscode-textmate and vscode-oniguruma, as VS Code does.
'use strict';
const fs = require('fs');
const path = require('path');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const colors = [
  ['comment', '#6a9955'], ['keyword.control', '#c586c0'], ['keyword.other.phase', '#569cd6'],
  ['keyword', '#569cd6'], ['entity.name.function', '#dcdcaa'], ['entity.name.type', '#4ec9b0'],
  ['entity.name.namespace', '#4fc1ff'], ['support.constant', '#ce9178'], ['variable.parameter', '#9cdcfe'],
  ['support.type.property-name', '#9cdcfe'], ['constant.numeric', '#b5cea8'], ['variable.other', '#d4d4d4'],
];
const escape = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: p => new oniguruma.OnigScanner(p), createOnigString: s => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'cpt.tmLanguage.json'), 'utf8'), 'cpt.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('source.cpt');
  const lines = fs.readFileSync(process.argv[2], 'utf8').split(/\r?\n/);
  let state = textmate.INITIAL, html = '';
  lines.forEach((line, i) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    html += `<span class="n">${String(i + 1).padStart(3)}</span>  `;
    for (const t of result.tokens) {
      const scope = [...t.scopes].reverse().find(s => colors.some(([p]) => s.startsWith(p)));
      const color = scope ? colors.find(([p]) => scope.startsWith(p))[1] : '#d4d4d4';
      html += `<span style="color:${color}">${escape(line.slice(t.startIndex, t.endIndex))}</span>`;
    }
    html += '\n';
  });
  process.stdout.write(`<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#1e1e1e}
pre{font:14px/1.45 "DejaVu Sans Mono",monospace;color:#d4d4d4;padding:14px;margin:0}.n{color:#858585}</style><pre>${html}</pre>`);
}
main().catch(e => { console.error(e); process.exit(1); });
