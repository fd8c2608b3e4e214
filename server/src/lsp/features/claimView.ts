// The claim view: for the figure under the cursor, every source's figure on the same measure side
// by side (outlet, value, date, and whether it agrees), with a reviewer's decision on each clash.
import type { ClaimDetails, ClaimRow } from '../../../../shared/src/protocol';
import type { ClaimView } from '../../analysis/claims/claimIndex';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { LabelService } from '../labelService';
import { rangeOf } from './locations';
import { reviewOf } from './labelling';

export function claimDetails(uri: string, offset: number, index: WorkspaceIndex, labels: LabelService): ClaimDetails | null {
  const entry = index.get(uri);
  if (!entry) return null;
  const g = index.claims.groupAt(entry.path, offset);
  if (!g) return null;
  const clashes = index.claims.contradictionsOf(entry.path);
  const row = (c: ClaimView, verdict: ClaimRow['verdict'], reason?: string): ClaimRow | undefined => {
    const e = index.byPath(c.path);
    if (!e) return undefined;
    let review: ClaimRow['review'];
    if (verdict === 'contradicts') {
      const pair = clashes.find((x) => [x.a, x.b].some((s) => s.path === c.path && s.start === c.start) && [x.a, x.b].some((s) => s.path === g.claim.path && s.start === g.claim.start));
      const decision = pair && reviewOf(pair, index, labels)?.decision;
      if (decision === 'explained' || decision === 'confirmed') review = decision;
    }
    return { uri: e.uri, path: c.path, outlet: c.outlet, value: c.short, label: c.label, date: c.date, text: c.text, range: rangeOf(e, c.start, c.end), verdict, reason, review };
  };
  const rows = [row(g.claim, 'this'), ...g.others.map((o) => row(o, o.agrees ? 'agrees' : 'contradicts', o.reason))].filter((r): r is ClaimRow => !!r);
  return { topic: g.topic, rows };
}
