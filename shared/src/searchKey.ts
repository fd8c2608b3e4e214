// What the panel's filter compares: text with the spellings that scraped Arabic mixes made one
// (alef forms, final yeh and alef maksura, ta marbuta, Persian yeh and keheh, diacritics,
// tatweel, Eastern Arabic digits), lower-cased and with single spaces. A lighter fold than the
// engine's shadow (server/src/analysis/text/normalize.ts), which also keeps offsets; the client
// needs no offsets, only "does this row hold what was typed".
const MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]/g;
const SAME: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ے: 'ي',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ک: 'ك',
  ؤ: 'ء',
  ئ: 'ء',
};

export function searchKey(s: string): string {
  return s
    .replace(MARKS, '')
    .replace(/[أإآٱىیےةۀہکؤئ]/g, (c) => SAME[c])
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
