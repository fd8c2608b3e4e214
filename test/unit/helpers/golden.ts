// Comparing an output with a file committed beside the tests, byte for byte. A difference fails
// with the first lines that differ, not a wall of JSON; with SANAD_UPDATE_GOLDEN=1 the file is
// rewritten instead, and the change is reviewed in the diff like any other.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const updatingGolden = process.env.SANAD_UPDATE_GOLDEN === '1';

/** Where two texts part, as a few numbered lines of each; null when they are the same. */
export function diffSummary(expected: string, actual: string, context = 6): string | null {
  if (expected === actual) return null;
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  // The last lines that agree, counted from the end, bound the part that differs.
  let tail = 0;
  while (tail < e.length - i && tail < a.length - i && e[e.length - 1 - tail] === a[a.length - 1 - tail]) tail++;
  const show = (lines: string[], sign: string) =>
    lines.slice(i, Math.min(lines.length - tail, i + context)).map((l, k) => `${sign}${String(i + k + 1).padStart(6)} ${l.length > 160 ? l.slice(0, 160) + '…' : l}`);
  const changed = (lines: string[]) => lines.length - tail - i;
  return [`first difference at line ${i + 1} (${changed(e)} line(s) expected, ${changed(a)} line(s) found there):`, ...show(e, '- '), ...show(a, '+ ')].join('\n');
}

/**
 * Asserts that `actual` is the content of the golden file at `path`; under SANAD_UPDATE_GOLDEN=1
 * writes it there instead (and says so).
 */
export function assertGolden(path: string, actual: string, name = path): void {
  if (updatingGolden) {
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (before !== actual) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
      console.log(`golden file ${before === null ? 'written' : 'updated'}: ${name}`);
    }
    return;
  }
  assert.ok(existsSync(path), `${name} is missing: run SANAD_UPDATE_GOLDEN=1 npm test -- protocol, then review and commit it`);
  const summary = diffSummary(readFileSync(path, 'utf8'), actual);
  if (summary) {
    assert.fail(`${name} differs from the output (- expected, + found).\n${summary}\nIf the change is intended: SANAD_UPDATE_GOLDEN=1 npm test -- protocol, then review the diff.`);
  }
}
