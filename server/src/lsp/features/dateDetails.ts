// What a hover adds to a resolved date: the weekday and the Umm al-Qura Hijri date, in English and
// Arabic, so a checker can compare them with what the article says ("الخميس", "رجب").
import { gregorianToHijri } from '@tabby_ai/hijri-converter';

const HIJRI_MONTHS = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_AR = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** "Thursday (الخميس) · 13 رجب 1445 AH" for an ISO day; null for months, years and ranges. */
function describeDay(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  let hijri = '';
  try {
    const h = gregorianToHijri({ year, month, day });
    hijri = ` · ${h.day} ${HIJRI_MONTHS[h.month - 1]} ${h.year} AH`;
  } catch {
    // Outside the Umm al-Qura table (before 1937 or after 2077): the weekday still helps.
  }
  return `${WEEKDAYS_EN[weekday]} (${WEEKDAYS_AR[weekday]})${hijri}`;
}

/** Both ends of an ISO range described, or the single day. */
export function describeDateValue(value: string): string | null {
  const parts = value.split('/');
  const described = parts.map(describeDay);
  if (described.some((d) => d === null)) return null;
  return described.join(' → ');
}
