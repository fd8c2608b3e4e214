// Standard LSP semantic tokens with Sanad's own types, for editors that colour them. VS Code keeps
// semantic colouring off for Arabic news (colouring splits right-to-left lines) and paints the same
// spans as decorations instead.
import { SemanticTokensBuilder, type SemanticTokens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Mention } from '../../analysis';
import { MENTION_KINDS, TOKEN_MODIFIERS } from '../../../../shared/src/protocol';

export function semanticTokens(doc: TextDocument, mentions: readonly Mention[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  let lastLine = -1;
  let lastChar = -1;
  for (const m of mentions) {
    const type = MENTION_KINDS.indexOf(m.kind);
    const modifiers = m.boilerplate ? 1 << TOKEN_MODIFIERS.indexOf('boilerplate') : 0;
    const start = doc.positionAt(m.start);
    const end = doc.positionAt(m.end);
    // Tokens must not overlap nor go backwards; nested mentions keep the outer one.
    if (start.line < lastLine || (start.line === lastLine && start.character < lastChar)) continue;
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 });
      const length = line === end.line ? to - from : lineLength(doc, line) - from;
      if (length > 0) builder.push(line, from, length, type, modifiers);
      lastLine = line;
      lastChar = from + Math.max(length, 0);
    }
  }
  return builder.build();
}

function lineLength(doc: TextDocument, line: number): number {
  const start = doc.offsetAt({ line, character: 0 });
  const next = doc.offsetAt({ line: line + 1, character: 0 });
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const eol = text.endsWith('\r\n') ? 2 : text.endsWith('\n') ? 1 : 0;
  return next - start - eol;
}
