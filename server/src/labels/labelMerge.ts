// Merging two saves of the same label file. Two windows (or two people syncing a folder) may each
// have changed labels since they last read the file; saving re-reads the file and merges instead
// of overwriting. Labels and reviews are matched by id (key); when both sides hold one, the later
// `updated` time wins, and a tie goes to the save in progress. With the version both sides
// started from (`base`), deletions are merged too: an item one side removed stays removed unless
// the other side changed it after that version.
import { compareLabels, timeOf, type ContradictionReview, type Label, type LabelFile, type PublicationCorrection } from './labelTypes';

export function mergeLabelFiles(base: LabelFile | undefined, mine: LabelFile, theirs: LabelFile | undefined): LabelFile {
  if (!theirs) return { ...mine, labels: [...mine.labels].sort(compareLabels), reviews: [...mine.reviews] };
  const merged: LabelFile = {
    schema: mine.schema,
    labels: mergeById(
      base?.labels,
      mine.labels,
      theirs.labels,
      (l) => l.id,
      (l) => l.updated,
    ).sort(compareLabels),
    reviews: mergeById(
      base?.reviews,
      mine.reviews,
      theirs.reviews,
      (r) => r.key,
      (r) => r.updated,
    ),
  };
  const article = mine.article ?? theirs.article;
  if (article !== undefined) merged.article = article;
  const publication = mergePublication(base?.publication, mine.publication, theirs.publication);
  if (publication) merged.publication = publication;
  return merged;
}

/**
 * The publication correction is one item: the later `updated` wins; one side's removal holds
 * unless the other side changed it after the common version.
 */
function mergePublication(base: PublicationCorrection | undefined, mine: PublicationCorrection | undefined, theirs: PublicationCorrection | undefined): PublicationCorrection | undefined {
  if (mine && theirs) return timeOf(theirs.updated) > timeOf(mine.updated) ? theirs : mine;
  const only = mine ?? theirs;
  if (!only) return undefined;
  // Present on one side only: new there, or removed on the other side.
  if (!base) return only;
  return timeOf(only.updated) > timeOf(base.updated) ? only : undefined;
}

function mergeById<T extends Label | ContradictionReview>(
  base: readonly T[] | undefined,
  mine: readonly T[],
  theirs: readonly T[],
  idOf: (t: T) => string,
  updatedOf: (t: T) => string | undefined,
): T[] {
  const baseById = new Map((base ?? []).map((t) => [idOf(t), t] as const));
  const theirsById = new Map(theirs.map((t) => [idOf(t), t] as const));
  const mineIds = new Set<string>();
  const out: T[] = [];
  // Changed after the common version (or new since it): such a change beats a deletion.
  const changedSinceBase = (t: T): boolean => {
    const b = baseById.get(idOf(t));
    return !b || timeOf(updatedOf(t)) > timeOf(updatedOf(b));
  };
  for (const m of mine) {
    const id = idOf(m);
    mineIds.add(id);
    const t = theirsById.get(id);
    if (t) out.push(timeOf(updatedOf(t)) > timeOf(updatedOf(m)) ? t : m);
    else if (!baseById.has(id) || changedSinceBase(m)) out.push(m); // new here, or edited after they deleted it
  }
  for (const t of theirs) {
    if (mineIds.has(idOf(t))) continue;
    if (!baseById.has(idOf(t)) || changedSinceBase(t)) out.push(t); // new there, or edited after we deleted it
  }
  return out;
}
