// The Sanad panel: actors, figures, timeline, sources and a legend, each a tree view fed by one
// server request and refreshed when the corpus changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  actorsRequest,
  entityMentionsRequest,
  figuresRequest,
  timelineRequest,
  corpusSummaryRequest,
  type ActorSummary,
  type CorpusLocation,
  type FigureMeasure,
  type TimelineEntry,
  type CorpusSummaryDocument,
  type SpanKind,
} from '../../../shared/src/protocol';
import { COMMANDS, command } from '../../../shared/src/commands';
import { PanelFilter } from './filter';
import { fsi, ltr, joinIsolated } from '../../../shared/src/bidi';
import { count, t, uiLanguage } from '../uiLanguage';
import { publishedFromText } from './publishedFrom';

const KIND_LABEL = (): Record<SpanKind, string> => ({ person: t('Persons'), organization: t('Organisations'), place: t('Places'), date: t('Dates'), quantity: t('Figures') });

// Tree rows mix Arabic names with numbers, ISO dates and English words. Without isolation the
// bidi algorithm reorders them ("2250–2750" shows as "2750–2250", a count jumps to the far side
// of an Arabic name), so each piece is isolated: values left to right, text by its first letter.
const join = joinIsolated;

export function kindIcon(kind: SpanKind): vscode.ThemeIcon {
  return new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor(`sanad.${kind}Border`));
}

/** A tree item that opens its span when clicked. */
export function locationItem(label: string, loc: CorpusLocation, description?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = description ?? ltr(loc.path);
  item.tooltip = `${loc.context}\n${loc.path}:${loc.range.start.line + 1}`;
  item.command = command(t('Show'), COMMANDS.reveal, loc.uri, loc.range);
  item.resourceUri = undefined;
  return item;
}

export type Node = { item: vscode.TreeItem; children?: () => Promise<Node[]> | Node[] };

/** The common machinery: a tree of prebuilt nodes, fetched lazily, refreshed as a whole. */
export abstract class SanadTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    protected readonly client: () => LanguageClient | undefined,
    protected readonly filter: PanelFilter,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.children ? await node.children() : [];
    const c = this.client();
    if (!c || !c.isRunning()) return [];
    try {
      const roots = await this.roots(c);
      // An empty tree would show the welcome ("no articles indexed"): a filter that matches
      // nothing says so instead, and clears with a click.
      if (roots.length === 0 && this.filter.text) {
        const item = new vscode.TreeItem(t('Nothing matches “{0}”', fsi(this.filter.text)));
        item.description = t('click to clear the filter');
        item.iconPath = new vscode.ThemeIcon('filter');
        item.command = { command: COMMANDS.clearFilter, title: t('Clear Panel Filter') };
        return [{ item }];
      }
      return roots;
    } catch {
      return [];
    }
  }

  protected abstract roots(client: LanguageClient): Promise<Node[]>;
}

export class ActorsTree extends SanadTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const all = await client.sendRequest(actorsRequest);
    const shown = all.filter((a) => this.filter.matches(a.entity, a.name, ...a.paths));
    return (['person', 'organization', 'place'] as const)
      .map((kind) => ({ kind, actors: shown.filter((a) => a.kind === kind) }))
      .filter((g) => g.actors.length > 0)
      .map(({ kind, actors }) => {
        const item = new vscode.TreeItem(KIND_LABEL()[kind], vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(actors.length);
        item.iconPath = kindIcon(kind);
        return { item, children: () => actors.map((a) => this.actorNode(client, a)) };
      });
  }

  private actorNode(client: LanguageClient, a: ActorSummary): Node {
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.tooltip = a.entity;
    item.description = fsi(t('{0} in {1}', a.mentions, count(a.files, '{0} file', '{0} files')));
    item.iconPath = kindIcon(a.kind);
    item.contextValue = 'sanad.actor';
    return {
      item,
      children: async () => {
        const mentions = await client.sendRequest(entityMentionsRequest, { entity: a.entity });
        const byFile = new Map<string, CorpusLocation[]>();
        for (const m of mentions) byFile.set(m.path, [...(byFile.get(m.path) ?? []), m]);
        return [...byFile].map(([path, ms]) => {
          const fileItem = new vscode.TreeItem(path, vscode.TreeItemCollapsibleState.Expanded);
          fileItem.description = `${ms.length}`;
          fileItem.iconPath = vscode.ThemeIcon.File;
          return { item: fileItem, children: () => ms.map((m) => ({ item: locationItem(m.context, m, join(t('line {0}', m.range.start.line + 1), m.boilerplate && t('boilerplate'))) })) };
        });
      },
    };
  }
}

export class FiguresTree extends SanadTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const measures: FigureMeasure[] = await client.sendRequest(figuresRequest);
    return measures
      .filter((m) => this.filter.matches(m.topic, m.topicAr ?? '', ...m.claims.map((c) => c.location.context)) || m.claims.some((c) => this.filter.matchesFile(c.location.path)))
      .map((m) => {
        // The measure's name in the UI language; the other language in the tooltip.
        const [name, other] = uiLanguage() === 'ar' && m.topicAr ? [m.topicAr, m.topic] : [m.topic, m.topicAr];
        const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
        const values = m.claims.map((c) => ltr(c.value)).join(' · ');
        item.description = m.conflicts > 0 ? `${fsi(t('conflict'))} · ${values}` : values;
        item.label = fsi(name);
        if (other && other !== name) item.tooltip = `${name}\n${other}`;
        item.iconPath = m.conflicts > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : kindIcon('quantity');
        item.contextValue = 'sanad.figureMeasure';
        return {
          item,
          children: () =>
            m.claims.map((c) => {
              const it = locationItem(`${ltr(c.value)} — ${fsi(c.location.text)}`, c.location, join(c.outlet ?? c.location.path, c.published ? ltr(c.published) : t('undated'), c.source));
              if (c.conflict) it.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
              it.contextValue = 'sanad.figure';
              return { item: it };
            }),
        };
      });
  }
}

export class TimelineTree extends SanadTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const entries: TimelineEntry[] = await client.sendRequest(timelineRequest);
    return entries
      .filter((e) => this.filter.matches(e.location.context) || this.filter.matchesFile(e.location.path))
      .map((e) => {
        const item = locationItem(ltr(e.value), e.location, join(e.location.text, ltr(e.location.path)));
        item.iconPath = kindIcon('date');
        item.tooltip = `${e.location.context}\n${e.note ?? ''}\n${e.location.path}`;
        return { item };
      });
  }
}

export class SourcesTree extends SanadTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const docs: CorpusSummaryDocument[] = await client.sendRequest(corpusSummaryRequest);
    return docs
      .filter((d) => this.filter.matches(d.outlet) || this.filter.matchesFile(d.path))
      .map((d) => {
        const item = new vscode.TreeItem(d.path, vscode.TreeItemCollapsibleState.None);
        const c = d.counts;
        item.description = join(d.outlet ?? t('outlet unknown'), d.published ? ltr(d.published) : t('undated'), d.unreviewed > 0 && t('{0} unreviewed', d.unreviewed));
        item.tooltip = `${d.path}\n` + t('{0} persons · {1} organisations · {2} places · {3} dates · {4} figures', c.person, c.organization, c.place, c.date, c.quantity);
        item.iconPath = vscode.ThemeIcon.File;
        item.command = { command: COMMANDS.openArticle, title: t('Open'), arguments: [d.uri] };
        // The row's inline action sets or corrects the article's publication date and outlet.
        item.contextValue = 'sanad.source';
        if (d.publishedFrom) item.tooltip += `\n${publishedFromText(d.published, d.publishedFrom)}`;
        return { item };
      });
  }
}

/** The colours of the highlights, as they look in the current theme. */
export class LegendTree implements vscode.TreeDataProvider<SpanKind | 'boilerplate'> {
  getTreeItem(kind: SpanKind | 'boilerplate'): vscode.TreeItem {
    const item = new vscode.TreeItem(kind === 'boilerplate' ? t('Boilerplate (dimmed lines)') : KIND_LABEL()[kind]);
    item.iconPath = kind === 'boilerplate' ? new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('sanad.boilerplateBackground')) : kindIcon(kind);
    return item;
  }

  getChildren(kind?: SpanKind | 'boilerplate'): Array<SpanKind | 'boilerplate'> {
    return kind ? [] : ['person', 'organization', 'place', 'date', 'quantity', 'boilerplate'];
  }
}
