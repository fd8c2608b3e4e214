// The Stories view: the articles that tell the same event (the engine's stories), each named by
// its kind of event, place and first day, with its articles, its figures by measure and its
// listed pairs (contradictions, updates, conflicts inside one article). Every row shows its place
// in the article and keeps the focus in the panel (COMMANDS.reveal), as in the other views.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { storiesRequest, type StoryArticle, type StoryConflict, type StorySummary, type FigureMeasure } from '../../../shared/src/protocol';
import { COMMANDS, command } from '../../../shared/src/commands';
import { fsi, ltr, joinIsolated } from '../../../shared/src/bidi';
import { count, t, uiLanguage } from '../uiLanguage';
import { SanadTree, kindIcon, locationItem, type Node } from './trees';
import { publishedFromText } from './publishedFrom';

const WARNING = () => new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));

function kindText(kind: StoryConflict['kind']): string {
  return kind === 'update' ? t('update') : kind === 'internal' ? t('inside one article') : t('contradiction');
}

const nameOf = (s: StorySummary) => (uiLanguage() === 'ar' ? s.title.ar : s.title.en);

/** A group row (Articles, Figures, Conflicts) under a story. */
function group(label: string, n: string, icon: string, expanded: boolean, children: () => Node[]): Node {
  const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.description = n;
  item.iconPath = new vscode.ThemeIcon(icon);
  return { item, children };
}

function articleNode(a: StoryArticle): Node {
  const item = new vscode.TreeItem(fsi(a.outlet ?? a.path.split('/').pop() ?? a.path), vscode.TreeItemCollapsibleState.None);
  item.description = joinIsolated(a.published ? ltr(a.published) : t('undated'), fsi(a.headline.length > 60 ? `${a.headline.slice(0, 59)}…` : a.headline));
  item.tooltip = `${a.headline}\n${a.path}\n${publishedFromText(a.published, a.publishedFrom)}`;
  item.iconPath = vscode.ThemeIcon.File;
  // Opens the article's first line; its inline action sets the publication date and outlet.
  item.command = command(t('Show'), COMMANDS.reveal, a.uri, a.range);
  item.contextValue = 'sanad.storyArticle';
  return { item };
}

function measureNode(m: FigureMeasure): Node {
  const [name, other] = uiLanguage() === 'ar' && m.topicAr ? [m.topicAr, m.topic] : [m.topic, m.topicAr];
  const item = new vscode.TreeItem(fsi(name), vscode.TreeItemCollapsibleState.Collapsed);
  const values = m.claims.map((c) => ltr(c.value)).join(' · ');
  item.description = m.conflicts > 0 ? `${fsi(t('conflict'))} · ${values}` : values;
  if (other && other !== name) item.tooltip = `${name}\n${other}`;
  item.iconPath = m.conflicts > 0 ? WARNING() : kindIcon('quantity');
  return {
    item,
    children: () =>
      m.claims.map((c) => {
        const it = locationItem(`${ltr(c.value)} — ${fsi(c.location.text)}`, c.location, joinIsolated(c.outlet ?? c.location.path, c.published ? ltr(c.published) : t('undated'), c.source));
        if (c.conflict) it.iconPath = WARNING();
        return { item: it };
      }),
  };
}

function conflictNode(c: StoryConflict): Node {
  const item = new vscode.TreeItem(`${kindText(c.kind)} — ${fsi(c.topic)}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = joinIsolated(fsi(c.a.text), fsi(c.b.text));
  item.tooltip = c.message;
  item.iconPath = c.kind === 'update' ? new vscode.ThemeIcon('arrow-up') : WARNING();
  item.command = command(t('Show'), COMMANDS.reveal, c.a.uri, c.a.range);
  return {
    item,
    children: () => [c.a, c.b].map((side) => ({ item: locationItem(fsi(side.text), side, joinIsolated(ltr(side.path), t('line {0}', side.range.start.line + 1))) })),
  };
}

function storyNode(s: StorySummary): Node {
  const warnings = s.conflicts.filter((c) => c.kind !== 'update').length;
  const item = new vscode.TreeItem(fsi(nameOf(s)), vscode.TreeItemCollapsibleState.Collapsed);
  item.description = joinIsolated(count(s.articles.length, '{0} article', '{0} articles'), s.conflicts.length > 0 && count(s.conflicts.length, '{0} conflict', '{0} conflicts'));
  item.tooltip = `${s.title.en}\n${s.title.ar}\n${s.id}`;
  item.iconPath = warnings > 0 ? WARNING() : new vscode.ThemeIcon('book');
  item.id = `sanad.story.${s.id}`;
  const figures = s.measures.reduce((n, m) => n + m.claims.length, 0);
  const children: Node[] = [group(t('Articles'), String(s.articles.length), 'files', true, () => s.articles.map(articleNode))];
  if (s.measures.length) children.push(group(t('Figures'), count(figures, '{0} figure', '{0} figures'), 'symbol-number', false, () => s.measures.map(measureNode)));
  if (s.conflicts.length) children.push(group(t('Conflicts'), String(s.conflicts.length), 'warning', true, () => s.conflicts.map(conflictNode)));
  return { item, children: () => children };
}

export class StoriesTree extends SanadTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const all: StorySummary[] = await client.sendRequest(storiesRequest);
    const shown = all.filter((s) => this.filter.matches(s.title.en, s.title.ar, ...s.articles.map((a) => a.outlet)) || s.articles.some((a) => this.filter.matchesFile(a.path)));
    // An article no other article tells the same story as is listed once, at the end, not as a
    // story of its own: a corpus of distractors would otherwise bury the stories.
    const stories = shown.filter((s) => s.articles.length > 1);
    const alone = shown.filter((s) => s.articles.length === 1);
    const nodes = stories.map(storyNode);
    if (alone.length) {
      const item = new vscode.TreeItem(t('Articles in no shared story'), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = count(alone.length, '{0} article', '{0} articles');
      item.iconPath = new vscode.ThemeIcon('file');
      nodes.push({ item, children: () => alone.map((s) => articleNode(s.articles[0])) });
    }
    return nodes;
  }
}
