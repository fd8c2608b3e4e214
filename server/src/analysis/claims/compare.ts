// The comparison rules: when two claims are about the same measure (comparable), and when their
// figures cannot both hold (clash). Every rule leans towards silence: a pair that might be about
// different things is not compared. docs/CONTRADICTIONS.md states the rules in prose.
import type { Claim } from './claims';
import { disjoint } from './value';
import { gapDays, isoDay, describeDays, type DayRange } from './time';
import { levelWindowDays, placeLabel } from './measures';
import { fold } from '../text/normalize';
import { within } from './placeTree';

/** Running totals whose starts lie this many days apart or fewer count from the same start. */
const SINCE_TOLERANCE_DAYS = 14;
/** Events a day apart are the same event (late-night attacks are dated either way). */
const EVENT_DAY_TOLERANCE = 1;
/** An event lasts at most this many days; a longer window is a period count. */
const EVENT_MAX_DAYS = 3;
/** An event with no date of its own is matched only with reports at most this far apart. */
const EVENT_REPORT_DAYS = 7;
/** A running total may grow up to this many times its average pace so far. */
const GROWTH_FACTOR = 3;
/**
 * Reports further apart than this (in days, by `referenceDay`) are not compared. A total that a
 * desk reports daily for a year would otherwise be set against every other report of it; the
 * reports of the same quarter (of the same month for events) carry the disagreement, and the
 * comparison stays local, so an index can look only at a window of days around a figure.
 */
const RUNNING_REPORT_DAYS = 92;
const EVENT_REPORT_WINDOW_DAYS = 31;

/** The day a claim is placed at for the window above: the event's day, else the report's; null when undated. */
export function referenceDay(c: Claim): number | null {
  const r = c.kind === 'event' ? (c.day ?? c.asOf) : c.asOf;
  return r ? r.from : null;
}

/** How far apart (in reference days) two claims of this kind may be and still be compared. */
export function reportWindowDays(kind: Claim['kind']): number {
  return kind === 'running' ? RUNNING_REPORT_DAYS : kind === 'level' ? levelWindowDays() : EVENT_REPORT_WINDOW_DAYS;
}

export type Relation = 'same' | 'different' | 'unknown';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function relation(a: readonly string[] | null, b: readonly string[] | null): Relation {
  if (!a || !b) return 'unknown';
  return sameSet(a, b) ? 'same' : 'different';
}

/** One place each, one inside the other. */
function nested(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 1 && b.length === 1 && (within(a[0], b[0]) || within(b[0], a[0]));
}

function meets(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return !!a && !!b && a.some((x) => b.includes(x));
}

function near(a: DayRange | null, b: DayRange | null, days: number): boolean {
  return !a || !b || gapDays(a, b) <= days;
}

/**
 * Whether two claims of one measure may be compared at all is `alike` then `timely`. This is the
 * part that depends only on the places and forces they name (so a claim index can ask it once
 * per group of such claims): null when they cannot be about the same thing, else how their
 * places relate.
 */
export function alike(x: Claim, y: Claim): Relation | null {
  const qx = x.qualifiers;
  const qy = y.qualifiers;
  if (relation(qx.of, qy.of) === 'different' || relation(qx.on, qy.on) === 'different') return null;
  // "8 Jordanians" are a part of "13 people": in a toll, a count of one nationality is only set
  // against counts of the same nationality.
  if (x.measure.revisable && !x.measure.target && !!qx.of !== !!qy.of) return null;
  // "US strikes" and "attacks on US forces" are opposite directions of the same noun.
  if (x.measure.target && (meets(qx.of, qy.on) || meets(qy.of, qx.on))) return null;
  let place = relation(x.places, y.places);
  // A fire or an explosion happens at one site: its toll "في العراق" and its toll "في الحمدانية"
  // are one toll said at two levels (never so for an earthquake or a flood, whose province and
  // country tolls differ).
  if (place === 'different' && x.oneSite && y.oneSite && x.measure.revisable && nested(x.places!, y.places!)) place = 'same';
  if (place === 'different') return null;
  if ((x.measure.placeRequired || x.kind === 'level') && place !== 'same') return null;
  return place;
}

/**
 * The rest of `comparable`, for two claims of one measure that are `alike` with `place`.
 * `windowed`: the caller already knows their reference days lie within the window.
 */
export function timely(x: Claim, y: Claim, place: Relation, windowed = false): boolean {
  // Parts and history of an article's toll are only set against the article's own figures.
  if ((x.aside || y.aside || x.contested || y.contested) && x.path !== y.path) return false;
  if (x.path === y.path) {
    // One article's two figures usually differ on purpose (US troops and all troops); only two
    // named, different sources quoted in the same article, or the headline against the body, are
    // set against each other.
    if (x.start === y.start) return false;
    const sources = x.named && y.named && !!x.source && !!y.source && fold(x.source) !== fold(y.source);
    if (!sources && x.headline === y.headline) return false;
    // The headline is set against the body's toll, not against a part or an earlier count of it.
    if (!sources && (x.aside || y.aside)) return false;
  }
  if (!windowed) {
    const tx = referenceDay(x);
    const ty = referenceDay(y);
    if (tx !== null && ty !== null && Math.abs(tx - ty) > reportWindowDays(x.kind)) return false;
  }

  switch (x.kind) {
    case 'running':
      // Two totals with neither a start, nor a place, nor the same known target could be any
      // two tolls; "attacks on US forces" is itself a campaign.
      if (!x.since && !y.since && !x.places && !y.places && !(x.qualifiers.on && y.qualifiers.on)) return false;
      return near(x.since, y.since, SINCE_TOLERANCE_DAYS);
    case 'level':
      return place === 'same' && near(x.asOf, y.asOf, levelWindowDays());
    case 'event': {
      const xLong = !!x.day && x.day.to - x.day.from > EVENT_MAX_DAYS;
      const yLong = !!y.day && y.day.to - y.day.from > EVENT_MAX_DAYS;
      // A count over a month ("200 attacks in October") is only compared with a count over the
      // same period, never with one day's count inside it.
      if (xLong || yLong) {
        return !!x.day && !!y.day && Math.abs(x.day.from - y.day.from) <= EVENT_DAY_TOLERANCE && Math.abs(x.day.to - y.day.to) <= EVENT_DAY_TOLERANCE;
      }
      // A disaster's toll, revised for days: within one story the story is the event, and a day
      // in a toll's sentence is most often the day it was announced ("أعلنت اليوم السبت ارتفاع
      // الحصيلة"), not another event. Its reports are compared across the event window.
      if (x.story !== '' && x.measure.revisable) return true;
      // Same day and, on one side at least, a place: the other side's silence is no difference.
      if (x.day && y.day) return gapDays(x.day, y.day) <= EVENT_DAY_TOLERANCE && (!!x.places || !!y.places || x.story !== '');
      // One side undated: a report cannot be about an event after it.
      if (x.day && y.asOf && y.asOf.to < x.day.from) return false;
      if (y.day && x.asOf && x.asOf.to < y.day.from) return false;
      // Other events (one attack among many in a campaign) keep to reports a week apart at the
      // same place.
      return place === 'same' && near(x.asOf, y.asOf, EVENT_REPORT_DAYS);
    }
  }
}

function when(c: Claim): string {
  return c.asOf ? (c.asOf.from === c.asOf.to ? isoDay(c.asOf.from) : describeDays(c.asOf)) : 'an unknown date';
}

/** Earlier and later of two claims when their dates say so; null when they may be simultaneous. */
function ordered(x: Claim, y: Claim): [Claim, Claim] | null {
  if (!x.asOf || !y.asOf) return null;
  if (x.asOf.to < y.asOf.from) return [x, y];
  if (y.asOf.to < x.asOf.from) return [y, x];
  return null;
}

type Verdict = 'fell' | 'tooFast' | 'revisedDown' | 'disjoint' | 'rose';

/** Tolls that may rise between reports: running totals and revisable events (docs/CONTRADICTIONS.md). */
function grows(c: Claim): boolean {
  return c.kind === 'running' || (c.kind === 'event' && c.measure.revisable);
}

/**
 * The earlier and the later of two claims of a toll that may grow: by their dates, else, when
 * they may be simultaneous, the one whose sentence says the toll rose to it is the later.
 */
function sequence(x: Claim, y: Claim): [Claim, Claim] | null {
  const byDate = ordered(x, y);
  if (byDate) return byDate;
  // An article's headline and its body tell one moment: "ارتفاع الحصيلة إلى 142" over a body
  // of 124 is a disagreement inside the article, not a rise it tells.
  if (x.path === y.path && x.headline !== y.headline) return null;
  if (x.rising !== y.rising) return x.rising ? [y, x] : [x, y];
  return null;
}

/** Which rule two comparable claims break, or null when both can hold. Symmetric. */
function verdict(x: Claim, y: Claim): Verdict | null {
  if (!disjoint(x.value, y.value)) return openRise(x, y) ? 'rose' : null;
  if (grows(x)) {
    const seq = sequence(x, y);
    if (seq) {
      const [early, late] = seq;
      if (late.value.hiF < early.value.loF) {
        // A later, smaller wounded count is most often of those still in hospital, not a new
        // toll; unless it is told with the dead ("107 وفيات و82 إصابة"): then it is the toll.
        if (x.measure.id.endsWith('-wounded') && ordered(x, y) && !late.withKilled) return null;
        return x.kind === 'running' ? 'fell' : 'revisedDown';
      }
      if (x.kind === 'running' && ordered(x, y)) {
        const since = early.since ?? late.since;
        if (since && early.asOf && late.asOf && early.value.hiF < Infinity) {
          const elapsed = Math.max(1, early.asOf.to - since.to);
          const pace = early.value.hiF / elapsed;
          const ceiling = early.value.hiF + GROWTH_FACTOR * pace * Math.max(1, late.asOf.to - early.asOf.from);
          if (late.value.loF > ceiling) return 'tooFast';
        }
      }
      // An article telling its own update ("ارتفعت إلى 50 بعد 40") is not a finding, nor is a
      // rise from or to a loose amount ("عشرات الجرحى" then 185): no count was updated.
      return x.path === y.path || x.loose || y.loose ? null : 'rose';
    }
  }
  return disjoint(x.value, y.value) ? 'disjoint' : null;
}

const DIGITS = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

/**
 * "أكثر من 35" then 49: an open toll ("more than", "at least") that a later report puts at a
 * count above its bound agrees with it, yet the rise is a step of the toll's timeline; so is
 * "نحو 3700" then "أكثر من 4000".
 */
function openRise(x: Claim, y: Claim): boolean {
  // A disaster's toll only: a campaign's running total "more than 120 attacks" then 165 is
  // agreement, left alone.
  if (x.kind !== 'event' || !x.measure.revisable || x.path === y.path || x.loose || y.loose) return false;
  const seq = sequence(x, y);
  if (!seq) return false;
  const [early, late] = seq;
  // Only a bound given in digits: "عدد من الجرحى", "تتجاوز الألف" are words, not a count.
  if (!DIGITS.test(early.text)) return false;
  if (early.value.hi === Infinity) return late.value.hi !== Infinity && late.value.lo > early.value.lo;
  // "نحو 3700 جريح" then "أكثر من 4000": an approximate or rounded count that a later report
  // puts above its middle agrees within the wording's slack, yet it is the toll's next step.
  return late.value.lo > (early.value.lo + early.value.hi) / 2 && late.value.lo > early.value.lo;
}

/** True when two comparable claims make a listed pair (they clash, or one updates the other). */
export function collides(x: Claim, y: Claim): boolean {
  return verdict(x, y) !== null;
}

/** What a listed pair is: an update, a disagreement inside one article, or a contradiction. */
export function pairKind(x: Claim, y: Claim): 'contradiction' | 'update' | 'internal' | null {
  const v = verdict(x, y);
  if (!v) return null;
  if (v === 'rose') return 'update';
  return x.path === y.path ? 'internal' : 'contradiction';
}

/** The earlier and later of an update pair. */
export function updateOrder(x: Claim, y: Claim): [Claim, Claim] {
  return sequence(x, y) ?? [x, y];
}

/**
 * Why two comparable claims cannot both hold, or null when they can. The reason names the
 * figures in the order given.
 */
export function clash(x: Claim, y: Claim): string | null {
  const v = verdict(x, y);
  if (!v) return null;
  if (v === 'disjoint') return `${x.value.label} cannot be ${y.value.label}`;
  const [early, late] = sequence(x, y)!;
  if (v === 'rose') return `updated from ${early.value.label} as of ${when(early)} to ${late.value.label} as of ${when(late)}`;
  if (v === 'fell') return `a running total cannot fall: ${late.value.label} as of ${when(late)} after ${early.value.label} as of ${when(early)}`;
  if (v === 'tooFast') return `${early.value.label} as of ${when(early)} cannot grow to ${late.value.label} by ${when(late)}`;
  return `a later toll of ${late.value.label} (${when(late)}) is below the earlier ${early.value.label} (${when(early)})`;
}

/** The more precise of two day ranges ("mid-October" over "October"). */
function narrower(a: DayRange | null, b: DayRange | null): DayRange | null {
  if (!a || !b) return a ?? b;
  return b.to - b.from < a.to - a.from ? b : a;
}

/** A readable English name for what two claims measure. */
export function topicOf(x: Claim, y: Claim): string {
  const m = x.measure;
  const of = x.qualifiers.of ?? y.qualifiers.of;
  const on = x.qualifiers.on ?? y.qualifiers.on;
  let topic = m.label;
  if (of) topic = m.target ? `${topic} by ${of.join(' and ')} forces` : `${of.join(' and ')} ${topic}`;
  if (on) topic += ` on ${on.join(' and ')} forces`;
  const places = x.places ?? y.places;
  if (places) topic += ` in ${places.map(placeLabel).join(' and ')}`;
  if (x.kind === 'running') {
    const since = narrower(x.since, y.since);
    topic += since ? ` since ${describeDays(since)}` : ' (running total)';
  } else if (x.kind === 'event') {
    const day = x.day ?? y.day;
    if (day) topic += `${day.from === day.to ? ' on' : ' in'} ${describeDays(day)}`;
  }
  return topic;
}
