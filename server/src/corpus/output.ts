// What `sanad analyze --format json` needs of a finished document, made where the document is
// finished (on its worker thread when there are threads): its element of the output as UTF-8
// bytes (kept in a spool until the stories are known: spool.ts), and its claims and story profile
// read for the comparison. The main thread then neither parses the document back nor reads its
// claims: it feeds the ClaimIndex the claims read (ClaimIndex.update's `read`).
import { claimRecord, fromClaimRecord, type DocumentAnalysis } from '../analysis';
import type { ClaimsRead } from '../analysis/claims/claimIndex';
import { featuresOf } from '../analysis/stories/features';
import { prettyElement } from '../format/json';
import { closeSync, openSync, writeSync } from 'node:fs';

/** A finished document as the JSON output takes it. */
export interface DocumentOutput {
  path: string;
  /** prettyElement(doc) as UTF-8. */
  element: Uint8Array;
  /** Its claims record (claimRecord): what crosses from a worker (a profile's feature ids are the thread's own). */
  record: unknown;
}

const utf8 = new TextEncoder();

/** The output of a finished document, `text` being the text it was analysed from. */
export function documentOutput(doc: DocumentAnalysis, text: string): DocumentOutput {
  // The element first: the claims are read from the same objects, and must not be what it shows.
  const element = utf8.encode(prettyElement(doc));
  return { path: doc.path, element, record: claimRecord(doc, text, 0) };
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
 * What ClaimIndex.update(doc, text) reads of a document, from its claims record: the same claims
 * and profile (the record spells the profile's features out; they get this thread's ids).
 */
export function claimsRead(record: unknown): ClaimsRead {
  const back = fromClaimRecord(record);
  if (typeof back !== 'string') return back.read;
  // Only a bug gets here (the record was made by claimRecord): the document loses its claims.
  return { claims: [], profile: { path: '', day: null, features: featuresOf([], []), norm: 0, places: [], keys: [], kind: null, local: null } };
}

/**
 * One copy of each string that the claims and story profiles of a corpus repeat: a profile's
 * keys and places, a claim's bucket key, places and source. Each
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
