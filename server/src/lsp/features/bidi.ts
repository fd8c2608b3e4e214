// Messages that mix English, Arabic quotes, paths and dates are shown in LTR widgets (Problems,
// hovers). Without isolation the bidi algorithm pulls neighbouring digits and punctuation into
// the Arabic runs ("(2024-02-12 ,الخليج الجديد)" shows as "(12-02-2024 ,…"). Each quoted phrase and
// each parenthesised aside is wrapped in a first-strong isolate so it keeps its own order.
const FSI = '\u2068';
const PDI = '\u2069';

export function isolateParts(message: string): string {
  return message.replace(/"[^"\n]*"|“[^”\n]*”|\([^()\n]*\)/g, (part) => `${FSI}${part}${PDI}`);
}
