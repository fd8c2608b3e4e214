// Which .txt files are Arabic news. The manifest maps files under seeds/ and *.news.txt; the
// setting sanad.files.include adds globs, applied here to plain-text documents as they open.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../shared/src/protocol';

function extraGlobs(): string[] {
  const globs = vscode.workspace.getConfiguration('sanad').get<unknown>('files.include');
  return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : [];
}

async function associate(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
  const globs = extraGlobs();
  if (globs.length === 0) return;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return;
  // VS Code's own matcher, as for files.associations: a glob without a slash names a file anywhere.
  const matched = globs.some((g) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, g.includes('/') ? g : `**/${g}`) }, doc) > 0);
  if (matched) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
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
