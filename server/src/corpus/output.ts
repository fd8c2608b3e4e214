// What `sanad analyze --format json` needs of a finished document, made where the document is
// finished (on its worker thread when there are threads): its element of the output as UTF-8
// bytes, and its claims and story profile read for the comparison. The thread that writes the
// output then neither parses the document back nor reads its claims: it feeds the ClaimIndex the
// claims read (ClaimIndex.update's `read`) and keeps the bytes (off its heap) until the stories
// are known.
import type { DocumentAnalysis } from '../analysis';
import type { ClaimsRead } from '../analysis/claims/claimIndex';
import { claimsOf, type Claim } from '../analysis/claims/claims';
import { profileOf, type StoryProfile } from '../analysis/stories/profile';
import { prettyElement } from '../format/json';

/** A finished document as the JSON output takes it. */
export interface DocumentOutput {
  path: string;
  /** prettyElement(doc) as UTF-8, in an ArrayBuffer of its own (a worker hands it over whole). */
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
 * What ClaimIndex.update(doc, text) reads of a document, read beforehand: the same claims and
 * profile, and the same stand-ins when the analysis is malformed (it loses its own claims, and is
 * a story of its own).
 */
function claimsRead(doc: DocumentAnalysis, text: string): ClaimsRead {
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
