// What `sanad analyze --format json` needs of a finished document, made where the document is
// finished (on its worker thread when there are threads): its element of the output as UTF-8
// bytes (kept in a spool until the stories are known: spool.ts), and its claims and story profile
// read for the comparison. The main thread then neither parses the document back nor reads its
// claims: it feeds the ClaimIndex the claims read (ClaimIndex.update's `read`).
import type { DocumentAnalysis } from '../analysis';
import type { ClaimsRead } from '../analysis/claims/claimIndex';
import { claimsOf, type Claim } from '../analysis/claims/claims';
import { profileOf, type StoryProfile } from '../analysis/stories/profile';
import { prettyElement } from '../format/json';
import { closeSync, openSync, writeSync } from 'node:fs';

/** A finished document as the JSON output takes it. */
export interface DocumentOutput {
  path: string;
  /** prettyElement(doc) as UTF-8. */
  element: Uint8Array;
  read: ClaimsRead;
}

const utf8 = new TextEncoder();

/** The output of a finished document, `text` being the text it was analysed from. */
export function documentOutput(doc: DocumentAnalysis, text: string): DocumentOutput {
  // The element first: the claims are read from the same objects, and must not be what it shows.
  const element = utf8.encode(prettyElement(doc));
  return { path: doc.path, element, read: claimsRead(doc, text) };
}

/**
 * A worker's elements appended to its file of the spool, through one buffer reused for each
 * (an element is some 20 KB: a new buffer for each would be garbage of the size of the output).
 */
export class ElementFile {
  private buffer = Buffer.alloc(1 << 16);
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Appends a document's element (prettyElement(doc) as UTF-8); returns its length in bytes. */
  append(doc: DocumentAnalysis): number {
    const json = prettyElement(doc);
    // UTF-8 takes at most three bytes for a UTF-16 code unit.
    if (this.buffer.length < 3 * json.length) this.buffer = Buffer.alloc(3 * json.length);
    const length = this.buffer.write(json, 0, 'utf8');
    for (let at = 0; at < length;) at += writeSync(this.fd, this.buffer, at, length - at);
    return length;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * What ClaimIndex.update(doc, text) reads of a document, read beforehand: the same claims and
 * profile, and the same stand-ins when the analysis is malformed (it loses its own claims, and is
 * a story of its own).
 */
export function claimsRead(doc: DocumentAnalysis, text: string): ClaimsRead {
  let claims: Claim[];
  let profile: StoryProfile;
  // In update's order: the profile, then the claims.
  try {
    profile = profileOf(doc, text);
  } catch {
    profile = { path: doc.path, day: null, features: new Map(), norm: 0, places: [], keys: [], kind: null, local: null };
  }
  try {
    claims = claimsOf(doc, text);
  } catch {
    claims = [];
  }
  return { claims, profile };
}

/**
 * One copy of each string that the claims and story profiles of a corpus repeat: a profile's
 * features ("w:…", "p:…", "a:…"), keys and places, a claim's bucket key, places and source. Each
 * document's come as copies of their own (made afresh by profileOf, or by the structured clone
 * that brings them from a worker), and the ClaimIndex keeps them all: at 10,000 generated articles
 * a million feature strings, some 50 MB of the main thread's heap, where a few thousand distinct
 * ones are enough. The values are equal strings: nothing read from them changes.
 */
export class SharedStrings {
  private readonly table = new Map<string, string>();

  of(s: string): string {
    const known = this.table.get(s);
    if (known !== undefined) return known;
    this.table.set(s, s);
    return s;
  }

  /** `read` with its strings shared (in place; the features' map made again, in the same order). */
  read(read: ClaimsRead): ClaimsRead {
    const p = read.profile;
    const features = new Map<string, number>();
    for (const [k, w] of p.features) features.set(this.of(k), w);
    p.features = features;
    p.keys = p.keys.map((k) => this.of(k));
    p.places = p.places.map((k) => this.of(k));
    for (const c of read.claims) {
      c.key = this.of(c.key);
      if (c.places) c.places = c.places.map((k) => this.of(k));
      if (c.source !== null) c.source = this.of(c.source);
    }
    return read;
  }
}
