// Writes server/src/analysis/data/countries.generated.json: the Arabic name of every country and
// territory, as the ICU data of the Node running this script spells it. The file is committed
// because the editor's runtime may ship trimmed locale data, where Intl.DisplayNames('ar') would
// answer in English or not at all. Short forms and other spellings live in lexicons/places.yaml.
//
// Run: npm run gen (this script and gen-months.mjs), then review the diff.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR writes the file elsewhere: the test that the committed file is current compares the two.
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = join(values.out ?? join(root, 'server/src/analysis/data'), 'countries.generated.json');

// Two-letter codes that ICU knows but that are not countries today: withdrawn codes (BU, CS, DD,
// YU …), reservations (EA, IC, TA …), groupings (EU, EZ, UN, QO) and pseudo-locales (XA, XB, ZZ).
const NOT_COUNTRIES = new Set([
  'AC',
  'AN',
  'AQ',
  'BU',
  'BV',
  'CP',
  'CQ',
  'CS',
  'DD',
  'DG',
  'DY',
  'EA',
  'EU',
  'EZ',
  'FX',
  'HM',
  'HV',
  'IC',
  'NH',
  'QO',
  'RH',
  'SU',
  'TA',
  'TP',
  'UK',
  'UM',
  'UN',
  'VD',
  'XA',
  'XB',
  'YD',
  'YU',
  'ZR',
  'ZZ',
]);

const names = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'code' });
const countries = {};
for (let a = 65; a <= 90; a++) {
  for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    if (NOT_COUNTRIES.has(code)) continue;
    let name;
    try {
      name = names.of(code);
    } catch {
      continue;
    }
    if (!name || name === code || !/[\u0600-\u06ff]/.test(name)) continue;
    // "ميانمار (بورما)", "هونغ كونغ الصينية (منطقة إدارية خاصة)": the bracket is a gloss, not the name.
    countries[code] = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  }
}
if (Object.keys(countries).length < 200) {
  throw new Error(`only ${Object.keys(countries).length} Arabic region names: this Node has trimmed ICU data`);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(countries, null, 2) + '\n');
console.log(`wrote ${Object.keys(countries).length} countries to ${out}`);
