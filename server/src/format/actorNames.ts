// What to call an actor in the panel, the Outline and Ctrl+T. Entity keys are folded forms (ة as
// ه, no hamza seats) that match every spelling but read oddly; people see the fullest spelling the
// articles themselves use, without diacritics or tatweel.
import type { Mention } from '../analysis';

const MARKS = /[\u064b-\u065f\u0670\u0640]/g;

function cleanSurface(text: string): string {
  return text.replace(MARKS, '').replace(/\s+/g, ' ').trim();
}

/** Picks, per entity, the longest surface form; among equally long ones the most frequent. */
export class ActorNames {
  private readonly counts = new Map<string, Map<string, number>>();

  add(m: Mention): void {
    if (!m.entity) return;
    const surface = cleanSurface(m.text);
    let forms = this.counts.get(m.entity);
    if (!forms) this.counts.set(m.entity, (forms = new Map()));
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  }

  nameOf(entity: string): string {
    const forms = this.counts.get(entity);
    if (!forms) return entity;
    let best = '';
    let bestCount = 0;
    for (const [form, n] of forms) {
      if (form.length > best.length || (form.length === best.length && (n > bestCount || (n === bestCount && form < best)))) {
        best = form;
        bestCount = n;
      }
    }
    return best || entity;
  }

  static of(mentions: Iterable<Mention>): ActorNames {
    const names = new ActorNames();
    for (const m of mentions) names.add(m);
    return names;
  }
}
