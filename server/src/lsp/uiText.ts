// The server's side of the UI language (sanad.uiLanguage, sent by the client at start): hovers,
// Problems messages, code lenses and quick fixes are written by the server, so it reads the same
// Arabic bundle as the client (l10n/bundle.l10n.ar.json, keyed by the English text). What the
// engine itself writes (a contradiction's verdict, a measure's name) stays English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countNoun } from '../../../shared/src/plural';

let lang: 'en' | 'ar' = 'en';
let bundle: Record<string, string> = {};

/** dist/server.js sits beside l10n/ in the .vsix and in the repository. */
const BUNDLE = join(__dirname, '..', 'l10n', 'bundle.l10n.ar.json');

export function setUiLanguage(value: unknown): void {
  lang = value === 'ar' ? 'ar' : 'en';
  bundle = {};
  if (lang !== 'ar') return;
  try {
    bundle = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
  } catch {
    // Without the bundle the UI stays English; nothing else depends on it.
  }
}

/** The UI language the client asked for. */
export function uiLanguageNow(): 'en' | 'ar' {
  return lang;
}

const fill = (s: string, args: Array<string | number>) => s.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));

/** MESSAGE (English, with {0}…) in the UI language. */
export function say(message: string, ...args: Array<string | number>): string {
  return fill((lang === 'ar' && bundle[message]) || message, args);
}

/** N with its noun agreeing: count(3, '{0} source', '{0} sources') → "3 sources" / "3 مصادر". */
export function count(n: number, one: string, other: string): string {
  return countNoun(n, one, other, lang, (k) => bundle[k]);
}
