// A trie over canonical words: every form of every known actor, matched word by word from any
// position of a text. Shared by the shipped lexicons and each workspace's own layer.
import { GAP_QUOTE, type Words } from './nameWords';
import type { Mode } from './data';
import type { ActorKind } from '../types';

/** What a lexicon form stands for. */
export interface Surface {
  key: string;
  kind: ActorKind;
  mode: Mode;
  /** A person's family name standing alone. */
  family: boolean;
}

interface Node {
  next: Map<string, Node> | null;
  surface: Surface | null;
}

export class Trie {
  readonly root = new Map<string, Node>();
  /** Counts the calls to `add`, so that what was worked out from the trie knows when it is stale. */
  version = 0;

  /** Adds a form; an existing form keeps its meaning unless `replace`. True when the trie changed. */
  add(words: string[], surface: Surface, replace = false): boolean {
    if (words.length === 0) return false;
    this.version++;
    let map = this.root;
    let node: Node | undefined;
    for (let k = 0; k < words.length; k++) {
      node = map.get(words[k]);
      if (!node) {
        node = { next: null, surface: null };
        map.set(words[k], node);
      }
      if (k < words.length - 1) {
        if (!node.next) node.next = new Map();
        map = node.next;
      }
    }
    if (!node || (node.surface && !replace)) return false;
    const same = node.surface && node.surface.key === surface.key && node.surface.kind === surface.kind && node.surface.mode === surface.mode;
    node.surface = surface;
    return !same;
  }

  lookup(words: string[]): Surface | null {
    let map: Map<string, Node> | null = this.root;
    let node: Node | undefined;
    for (const w of words) {
      node = map?.get(w);
      if (!node) return null;
      map = node.next;
    }
    return node?.surface ?? null;
  }

  /** True when nothing was ever added. */
  get empty(): boolean {
    return this.root.size === 0;
  }

  /**
   * The longest form starting with `first` at word i: the index of its last word, or -1. Its
   * surface is left in `found`, so that the many misses and hits allocate nothing.
   */
  longest(words: Words, i: number, first: string): number {
    let node = this.root.get(first);
    if (!node) return -1;
    let best = -1;
    if (node.surface) {
      best = i;
      this.found = node.surface;
    }
    let j = i;
    while (node.next && j + 1 < words.count && words.gap[j + 1] <= GAP_QUOTE) {
      const next: Node | undefined = node.next.get(words.form[j + 1]);
      if (!next) break;
      node = next;
      j++;
      if (node.surface) {
        best = j;
        this.found = node.surface;
      }
    }
    return best;
  }

  /** The surface of the last hit of `longest`. */
  found: Surface | null = null;
}

export function keyOf(words: string[]): string {
  return words.join(' ');
}
