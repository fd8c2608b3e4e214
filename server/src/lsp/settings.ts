// The server's view of the `sanad.*` settings, with every value checked and defaulted, and the
// annotator's name defaulting to git's user.name as the label files record it.
import { execFile } from 'node:child_process';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, type SanadSettings } from '../../../shared/src/protocol';

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : [];
}

export function checkSettings(raw: unknown): SanadSettings {
  const s = (raw ?? {}) as Record<string, any>;
  const folder = typeof s.labels?.folder === 'string' && s.labels.folder.trim() ? s.labels.folder.trim() : DEFAULT_SETTINGS.labels.folder;
  return {
    files: { include: strings(s.files?.include) },
    labels: { folder, annotator: typeof s.labels?.annotator === 'string' ? s.labels.annotator.trim() : '' },
    maxFileSizeKB: positive(s.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB),
    debounceMs: typeof s.debounceMs === 'number' && s.debounceMs >= 0 ? s.debounceMs : DEFAULT_SETTINGS.debounceMs,
    maxProblems: positive(s.maxProblems, DEFAULT_SETTINGS.maxProblems),
    figures: { showAll: s.figures?.showAll === true },
    claimReview: { organization: typeof s.claimReview?.organization === 'string' ? s.claimReview.organization.trim() : '' },
  };
}

export async function loadSettings(connection: Connection, canConfigure: boolean): Promise<SanadSettings> {
  if (!canConfigure) return DEFAULT_SETTINGS;
  try {
    return checkSettings(await connection.workspace.getConfiguration('sanad'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** git's user.name in `cwd`, or '' when git is missing or has none. No shell, bounded in time. */
export function gitUserName(cwd: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, timeout: 2000, windowsHide: true }, (err, stdout) => resolve(err ? '' : String(stdout).trim()));
    } catch {
      resolve('');
    }
  });
}
