// Which .txt files are Arabic news. The manifest maps files under seeds/ and *.news.txt; the
// setting sanad.files.include adds globs, applied here to plain-text documents as they open.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { matchesAny } from '../../server/src/glob';

function extraGlobs(): string[] {
  const globs = vscode.workspace.getConfiguration('sanad').get<unknown>('files.include');
  return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : [];
}

async function associate(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
  const globs = extraGlobs();
  if (globs.length === 0) return;
  const rel = vscode.workspace.asRelativePath(doc.uri, false);
  if (matchesAny(rel, globs)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

export function registerLanguageAssociation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void associate(d)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sanad.files.include')) vscode.workspace.textDocuments.forEach((d) => void associate(d));
    }),
  );
  vscode.workspace.textDocuments.forEach((d) => void associate(d));
}
