// The lexicon of known actors: every spelling of every known person, organisation and place, each
// mapped to one entity key, plus titles and the family names people are called by alone.
//
// The shipped lexicons are compiled once per process into a shared base; a `Lexicon` adds its own
// layer on top (workspace entries, accepted labels, names learnt from the corpus), so
// `Lexicon.builtin()` is cheap and a workspace's additions never leak into another's.
//
// Entity keys are the canonical name folded like document text (normalize.ts) with canonical
// spellings (actorWords.canon), words joined by one space: "محمد شياع السوداني" and
// "مُحَمَّد شياع السودانی" give the same key, and a name learnt from a title gets the key it would
// have if it were added to the lexicon by hand later.
import { parseDocument } from 'yaml';
import { fold } from '../text/normalize';
import { canonWords, type WordInfo, type Words } from './nameWords';
import { BUILTIN, entriesOf, entryOf, wordsOfString, type EntrySpec, type Mode } from './data';
import { Trie, keyOf, type Surface } from './trie';
import { aloneSurface, byFamily, familyIndex, familyOf, familySignature, givenPart, ownerAmong, type FamilyIndex, type PersonRec } from './family';
import type { ActorKind, DocumentAnalysis } from '../types';

export type { Surface } from './trie';

/** A lexicon form found in the text: words [first, last], the first read behind `skip` clitic letters. */
export interface LexMatch {
  first: number;
  last: number;
  skip: number;
  clitic: string;
  surface: Surface;
}

export interface LexiconProblem {
  message: string;
  /** Offset into the YAML text, when the problem came from text. */
  offset?: number;
}

export interface LexiconEntry {
  kind: ActorKind;
  name: string;
  aliases?: string[];
}

/**
 * One change made to a lexicon's own layer, as plain data that can cross to a worker thread:
 * replaying a lexicon's steps on the shipped lexicons (Lexicon.replay) gives a lexicon that reads
 * every text the same. The language server analyses a large edited document on another thread
 * with such a copy (corpus/documentThread.ts).
 */
export type LexiconStep = { workspace: unknown } | { entry: LexiconEntry } | { persons: Array<{ text: string; entity: string | null }> };

interface Base {
  trie: Trie;
  titles: Trie;
  persons: PersonRec[];
  family: FamilyIndex;
  /** `persons` by family name (see Lexicon.ownerOf). */
  byFamily: Map<string, PersonRec[]>;
}

/** A word may start a known form (a name, a body, a place, a family name) or a title. */
const STARTS_FORM = 1;
const STARTS_TITLE = 2;
/** The last state stamp given to any layer: stamps are unique across lexicons. */
let lastStamp = 0;

const TITLE: Surface = { key: '', kind: 'person', mode: 'free', family: false };

/** Inserts an entry's forms; returns the entity key. Aliases of a known name join its entity. */
function insert(trie: Trie, entry: EntrySpec, lookup: (w: string[]) => Surface | null, replace: boolean): { key: string; changed: boolean } {
  const known = lookup(entry.words);
  const key = known && known.kind === entry.kind ? known.key : keyOf(entry.words);
  let changed = trie.add(entry.words, { key, kind: entry.kind, mode: entry.mode ?? defaultMode(entry.words, entry.kind), family: false }, replace);
  for (const a of entry.aliases) {
    const s: Surface = { key, kind: entry.kind, mode: a.mode ?? defaultMode(a.words, entry.kind), family: false };
    changed = trie.add(a.words, s, replace) || changed;
  }
  return { key, changed };
}

/** One-word place names with the article that end in -iyya (السعودية) double as adjectives. */
function defaultMode(words: string[], kind: ActorKind): Mode {
  if (kind === 'place' && words.length === 1 && words[0].startsWith('ال') && words[0].endsWith('يه')) return 'adjectival';
  return 'free';
}

/**
 * A workspace lexicon's YAML text as the plain data addWorkspace takes (null when it does not
 * parse): what crosses from the thread that read a large lexicon file (corpus/documentThread.ts).
 */
export function workspaceData(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return doc.errors.length ? null : doc.toJS({ maxAliasCount: 0 });
}

export class Lexicon {
  private static shared: Base | null = null;
  private readonly base: Base;
  private readonly own = new Trie();
  private readonly ownTitles = new Trie();
  private readonly ownPersons: PersonRec[] = [];
  private readonly ignored = new Set<string>();
  /** People the corpus has named (entity keys), to settle family names that several people bear. */
  private readonly mentioned = new Set<string>();
  private familyCache: FamilyIndex | null = null;
  /** The family names are out of date: rebuilt when next needed, unless a batch is being added. */
  private familyStale = false;
  /** Inside addAll or addWorkspace: the family index is rebuilt once at the end, not per name. */
  private batching = 0;
  /** `key words` of ownPersons, so that adding a person does not scan them all. */
  private readonly ownPersonKeys = new Set<string>();
  /** ownPersons by family name, as Base.byFamily. */
  private readonly ownByFamily = new Map<string, PersonRec[]>();
  /** The state of this layer that start bits were last worked out for (see stamp). */
  private stampFor: { own: number; titles: number; family: FamilyIndex | null; stamp: number } = { own: -1, titles: -1, family: null, stamp: -1 };
  /** Every change to this layer, in order (see LexiconStep). */
  private readonly journal: LexiconStep[] = [];
  /** Entries and person mentions already in the journal: adding or learning one again changes nothing. */
  private readonly journalled = new Set<string>();

  private constructor(base: Base) {
    this.base = base;
  }

  /** The shipped lexicons. The compiled base is shared; each call returns a fresh layer. */
  static builtin(): Lexicon {
    if (!Lexicon.shared) Lexicon.shared = buildBase();
    return new Lexicon(Lexicon.shared);
  }

  /** A lexicon with the given steps (another lexicon's `steps()`) made on the shipped lexicons. */
  static replay(steps: readonly LexiconStep[]): Lexicon {
    const lexicon = Lexicon.builtin();
    lexicon.apply(steps);
    return lexicon;
  }

  /** Makes more steps, in order (those after the ones this lexicon was replayed from). */
  apply(steps: readonly LexiconStep[]): void {
    for (const step of steps) {
      if ('workspace' in step) this.addWorkspace(step.workspace);
      else if ('entry' in step) this.add(step.entry);
      else
        this.learnFrom([
          {
            path: '',
            published: null,
            publishedFrom: null,
            outlet: null,
            boilerplate: [],
            mentions: step.persons.map((p) => ({ id: '', kind: 'person' as const, start: 0, end: 0, text: p.text, boilerplate: false, entity: p.entity ?? undefined })),
          },
        ]);
    }
  }

  /** The steps this lexicon's own layer was made by, from step `from` on. */
  steps(from = 0): LexiconStep[] {
    return this.journal.slice(from);
  }

  /** How many steps made this lexicon's own layer. */
  get stepCount(): number {
    return this.journal.length;
  }

  /** Records a step unless the very same one was made before (making it again would change nothing). */
  private record(step: LexiconStep, key: string): void {
    if (this.journalled.has(key)) return;
    this.journalled.add(key);
    this.journal.push(step);
  }

  /** Problems in the shipped lexicon files (empty in a healthy build). */
  static builtinProblems(): string[] {
    return [...BUILTIN.problems];
  }

  // ---- Adding entries -------------------------------------------------------------------------

  /**
   * Adds an actor, as an annotator's accepted label does. An alias or name that is already a form
   * of an entity of the same kind joins that entity. Returns true when the lexicon changed.
   */
  add(entry: LexiconEntry): boolean {
    this.record({ entry: { kind: entry.kind, name: entry.name, aliases: entry.aliases ? [...entry.aliases] : [] } }, `e${JSON.stringify([entry.kind, entry.name, entry.aliases ?? []])}`);
    const problems: string[] = [];
    const spec = entryOf(entry.kind, { name: entry.name, aliases: entry.aliases ?? [] }, 'entry', problems);
    if (!spec || !['person', 'organization', 'place'].includes(entry.kind)) return false;
    return this.addSpec(spec);
  }

  /**
   * Adds many actors at once (the names accepted across all label files), in time linear in their
   * number: the family-name index is rebuilt once after the last, not after each. Within the batch
   * a family name standing alone is known from the names added before the batch. True when the
   * lexicon changed.
   */
  addAll(entries: readonly LexiconEntry[]): boolean {
    let changed = false;
    this.batching++;
    try {
      for (const e of entries) changed = this.add(e) || changed;
    } finally {
      this.batching--;
    }
    return changed;
  }

  private addSpec(spec: EntrySpec, learnt = false): boolean {
    // A name already known, also as a family name alone ("نتنياهو"), keeps its entity's key.
    // Outside a batch, a family name's entry worked out alone (see personKey).
    const known = (w: string[]) => this.lookup(w) ?? (this.batching > 0 ? this.family().alone.get(keyOf(w)) : this.aloneOf(keyOf(w))) ?? null;
    const { key, changed } = insert(this.own, spec, known, true);
    const id = `${key}\u0000${keyOf(spec.words)}`;
    if (spec.kind === 'person' && !this.ownPersonKeys.has(id)) {
      this.ownPersonKeys.add(id);
      const rec: PersonRec = { key, words: spec.words, family: spec.family, learnt };
      this.ownPersons.push(rec);
      byFamily([rec], this.ownByFamily);
      this.familyStale = true;
    }
    return changed;
  }

  /**
   * Adds the entries of a workspace lexicon (.sanad/lexicon.yaml; format in docs/LEXICON.md), given
   * as YAML text or as the already parsed object. Never throws: what cannot be used is returned as
   * problems, and the rest is added.
   */
  addWorkspace(source: unknown): LexiconProblem[] {
    // Never the same twice in a real workspace, and read once per lexicon: not deduplicated.
    this.journal.push({ workspace: source });
    const problems: LexiconProblem[] = [];
    try {
      let data: unknown = source;
      let locate: (path: string) => number | undefined = () => undefined;
      if (typeof source === 'string') {
        const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
        for (const e of doc.errors) problems.push({ message: e.message, offset: e.pos[0] });
        if (doc.errors.length) return problems;
        data = doc.toJS({ maxAliasCount: 0 });
        locate = (path) => offsetOfPath(doc, path);
      }
      if (data === null || data === undefined) return problems;
      if (typeof data !== 'object' || Array.isArray(data)) {
        problems.push({ message: 'a workspace lexicon is a mapping with persons, organizations, places, titles, ignore' });
        return problems;
      }
      const found: string[] = [];
      const rec = data as Record<string, unknown>;
      const kinds: Array<[string, ActorKind]> = [
        ['persons', 'person'],
        ['organizations', 'organization'],
        ['places', 'place'],
      ];
      // One batch: the family names are worked out once after all entries (linear in their number).
      this.batching++;
      try {
        for (const [field, kind] of kinds) for (const spec of entriesOf(kind, rec[field], field, found)) this.addSpec(spec);
      } finally {
        this.batching--;
      }
      for (const [field, add] of [
        ['titles', (w: string[]) => this.ownTitles.add(w, TITLE)],
        ['ignore', (w: string[]) => this.ignored.add(keyOf(w))],
      ] as const) {
        const list = rec[field];
        if (list === undefined || list === null) continue;
        if (!Array.isArray(list)) found.push(`${field}: expected a list`);
        else
          list.forEach((t, i) => {
            const w = wordsOfString(t, `${field}[${i}]`, found);
            if (w) add(w);
          });
      }
      for (const key of Object.keys(rec)) {
        if (!['persons', 'organizations', 'places', 'titles', 'ignore', 'version'].includes(key)) found.push(`${key}: unknown section`);
      }
      for (const message of found) problems.push({ message, offset: locate(message.split(':')[0]) });
    } catch (err) {
      problems.push({ message: `workspace lexicon: ${err instanceof Error ? err.message : String(err)}` });
    }
    return problems;
  }

  /**
   * Learns the people the corpus names in full (found behind a title, a kunya or a given name) so
   * that a second pass finds them alone by family name and in documents read before. Candidates
   * are taken longest first and in a fixed order, so the result does not depend on document order.
   * True when anything new was learnt.
   */
  learnFrom(docs: DocumentAnalysis[]): boolean {
    const before = familySignature(this.family());
    const names = new Set<string>();
    const persons: Array<{ text: string; entity: string | null }> = [];
    for (const doc of docs) {
      for (const m of doc.mentions) {
        if (m.kind !== 'person' || typeof m.text !== 'string') continue;
        const entity = typeof m.entity === 'string' ? m.entity : null;
        const seen = `p${m.text}\u0000${entity ?? ''}`;
        if (!this.journalled.has(seen)) {
          this.journalled.add(seen);
          persons.push({ text: m.text, entity });
        }
        const words = canonWords(fold(m.text));
        if (words.length < 2 || words.length > 6) continue; // a family name alone names nobody new
        names.add(keyOf(words));
        if (m.entity && !this.mentioned.has(m.entity)) {
          this.mentioned.add(m.entity);
          this.familyStale = true;
        }
      }
    }
    if (persons.length) this.journal.push({ persons });
    const sorted = [...names].map((n) => n.split(' ')).sort((a, b) => b.length - a.length || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    let changed = false;
    for (const words of sorted) {
      if (this.lookup(words)) continue;
      const key = this.personKey(words);
      if (key === keyOf(words)) changed = this.addSpec({ kind: 'person', words, aliases: [] }, true) || changed;
      else changed = this.own.add(words, { key, kind: 'person', mode: 'free', family: false }) || changed;
    }
    // Naming one of two people who share a family name lets that name stand alone for them.
    if (familySignature(this.family()) !== before) changed = true;
    return changed;
  }

  // ---- Looking up -----------------------------------------------------------------------------

  /** The meaning of an exact form (canonical words), own entries first. */
  lookup(words: string[]): Surface | null {
    return this.own.lookup(words) ?? this.base.trie.lookup(words);
  }

  /** Whether the workspace says never to mark anything (isIgnored can only be true then). */
  get ignoresAny(): boolean {
    return this.ignored.size > 0;
  }

  isIgnored(words: string[]): boolean {
    return this.ignored.size > 0 && this.ignored.has(keyOf(words));
  }

  /** The longest known form starting at word i, behind any clitics; family names included. */
  matchAt(words: Words, i: number): LexMatch | null {
    if (!(this.startsOf(words.info[i]) & STARTS_FORM)) return null;
    let best: LexMatch | null = null;
    const fam = this.family();
    const own = this.own.empty ? null : this.own;
    const base = this.base.trie;
    const next = i + 1 < words.count && words.gap[i + 1] === 0 ? words.form[i + 1] : null;
    for (const r of words.info[i].readings) {
      if (own) {
        const last = own.longest(words, i, r.form);
        if (last >= 0) best = consider(best, i, last, r, own.found as Surface);
      }
      const last = base.longest(words, i, r.form);
      if (last >= 0) best = consider(best, i, last, r, base.found as Surface);
      const one = fam.alone.get(r.form);
      if (one) best = consider(best, i, i, r, one);
      if (next !== null && fam.aloneFirst.has(r.form)) {
        const two = fam.alone.get(`${r.form} ${next}`);
        if (two) best = consider(best, i, i + 1, r, two);
      }
    }
    return best;
  }

  /** The title starting at word i, behind any clitics: [last word index, clitic skip], or null. */
  titleAt(words: Words, i: number): [number, number] | null {
    if (!(this.startsOf(words.info[i]) & STARTS_TITLE)) return null;
    let best: [number, number] | null = null;
    const own = this.ownTitles.empty ? null : this.ownTitles;
    const base = this.base.titles;
    for (const r of words.info[i].readings) {
      if (own) {
        const last = own.longest(words, i, r.form);
        if (last >= 0 && (!best || last > best[0])) best = [last, r.skip];
      }
      const last = base.longest(words, i, r.form);
      if (last >= 0 && (!best || last > best[0])) best = [last, r.skip];
    }
    return best;
  }

  /**
   * The entity key of a person named by these words: a known form's key; else the key of the one
   * known person with the same family and first name ("محمد السوداني"); else the words themselves.
   */
  personKey(words: string[]): string {
    const known = this.lookup(words);
    if (known && known.kind === 'person') return known.key;
    const fam = familyOf(words);
    if (fam) {
      // Outside a batch, the family index's owner worked out for this one family name: learning
      // names one after another then never rebuilds the whole index (with 40,000 people in the
      // lexicon that took seconds per name learnt). Inside a batch the index stays as it was.
      const owner = this.batching > 0 ? this.family().owner.get(fam) : this.ownerOf(fam);
      if (owner && givenPart(owner.words) === givenPart(words)) return owner.key;
    }
    return keyOf(words);
  }

  /** Every person bearing a family name, as familyIndex sees them: the shipped ones, then this layer's. */
  private bearersOf(fam: string): PersonRec[] {
    const base = this.base.byFamily.get(fam) ?? [];
    const own = this.ownByFamily.get(fam);
    return own ? [...base, ...own] : base;
  }

  /** What familyIndex(...).owner.get(fam) gives for this layer as it is now. */
  private ownerOf(fam: string): PersonRec | null {
    // As family(): the shipped index while this layer has no person and nobody is named.
    if (this.ownPersons.length === 0 && this.mentioned.size === 0) return this.base.family.owner.get(fam) ?? null;
    const persons = this.bearersOf(fam);
    return persons.length ? ownerAmong(persons, this.mentioned) : null;
  }

  /** What familyIndex(...).alone.get(fam) gives for this layer as it is now. */
  private aloneOf(fam: string): Surface | undefined {
    if (this.ownPersons.length === 0 && this.mentioned.size === 0) return this.base.family.alone.get(fam);
    const owner = this.ownerOf(fam);
    return (owner && aloneSurface(fam, owner, this.bearersOf(fam), (w) => this.lookup(w))) ?? undefined;
  }

  /**
   * Whether any reading of a word begins a known form or a title. Most words of a text begin
   * neither, and one look-up here spares reading each of them behind its clitics in every trie.
   * The answer is kept on the word's info, for the shipped lexicon alone or for this layer's
   * state (see stamp).
   */
  private startsOf(info: WordInfo): number {
    const fam = this.family();
    if (this.own.empty && this.ownTitles.empty && fam === this.base.family) {
      if (info.baseStarts < 0) info.baseStarts = this.startBits(info, fam);
      return info.baseStarts;
    }
    const stamp = this.stamp(fam);
    if (info.startsStamp !== stamp) {
      info.starts = this.startBits(info, fam);
      info.startsStamp = stamp;
    }
    return info.starts;
  }

  private startBits(info: WordInfo, fam: FamilyIndex): number {
    let bits = 0;
    for (const r of info.readings) {
      const w = r.form;
      if (this.own.root.has(w) || this.base.trie.root.has(w) || fam.alone.has(w) || fam.aloneFirst.has(w)) bits |= STARTS_FORM;
      if (this.ownTitles.root.has(w) || this.base.titles.root.has(w)) bits |= STARTS_TITLE;
    }
    return bits;
  }

  /** A number for this layer's present state, new whenever its tries or family names change. */
  private stamp(fam: FamilyIndex): number {
    const at = this.stampFor;
    if (at.own !== this.own.version || at.titles !== this.ownTitles.version || at.family !== fam) {
      this.stampFor = { own: this.own.version, titles: this.ownTitles.version, family: fam, stamp: ++lastStamp };
    }
    return this.stampFor.stamp;
  }

  private family(): FamilyIndex {
    if (this.ownPersons.length === 0 && this.mentioned.size === 0) return this.base.family;
    if (!this.familyCache || (this.familyStale && this.batching === 0)) {
      this.familyCache = familyIndex([...this.base.persons, ...this.ownPersons], (w) => this.lookup(w), this.mentioned);
      this.familyStale = false;
    }
    return this.familyCache;
  }
}

/** The better of the match so far and a form ending at word `last`: the longer, else by `better`. */
function consider(best: LexMatch | null, first: number, last: number, r: { skip: number; clitic: string }, surface: Surface): LexMatch {
  if (!best || last > best.last || (last === best.last && better(surface, best.surface))) return { first, last, skip: r.skip, clitic: r.clitic, surface };
  return best;
}

/** Own entries before shipped ones, full forms before family names. */
function better(a: Surface, b: Surface): boolean {
  return b.family && !a.family;
}

function buildBase(): Base {
  const trie = new Trie();
  const persons: PersonRec[] = [];
  const lookup = (w: string[]) => trie.lookup(w);
  for (const entry of BUILTIN.entries) {
    const { key } = insert(trie, entry, lookup, false);
    if (entry.kind === 'person') {
      persons.push({ key, words: entry.words, family: entry.family });
      // Aliases that are full names ("عبد العزيز المحمداوي") bring their own family name.
      for (const a of entry.aliases) if (a.words.length >= 2 && a.words[0] !== 'ابو') persons.push({ key, words: a.words, family: entry.family });
    }
  }
  const titles = new Trie();
  for (const t of BUILTIN.titles) titles.add(t, TITLE);
  return { trie, titles, persons, family: familyIndex(persons, lookup, new Set()), byFamily: byFamily(persons) };
}

/** The offset in the YAML text of a problem path such as "persons[2].aliases[0]". */
function offsetOfPath(doc: ReturnType<typeof parseDocument>, path: string): number | undefined {
  const parts: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  while (parts.length) {
    const node = doc.getIn(parts, true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return node.range[0];
    parts.pop();
  }
  return undefined;
}
