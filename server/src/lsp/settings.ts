// The server's view of the `sanad.*` settings, with every value checked and defaulted, and the
// annotator's name defaulting to git's user.name as the label files record it.
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, type SanadSettings } from '../../../shared/src/protocol';

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : [];
}

/** An object's fields, or none: settings come from the user's JSON and may have any shape. */
function fields(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function checkSettings(raw: unknown): SanadSettings {
  const s = fields(raw);
  const labels = fields(s.labels);
  const folder = typeof labels.folder === 'string' && labels.folder.trim() ? labels.folder.trim() : DEFAULT_SETTINGS.labels.folder;
  return {
    files: { include: strings(fields(s.files).include) },
    labels: { folder, annotator: typeof labels.annotator === 'string' ? labels.annotator.trim() : '' },
    maxFileSizeKB: positive(s.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB),
    debounceMs: typeof s.debounceMs === 'number' && s.debounceMs >= 0 ? s.debounceMs : DEFAULT_SETTINGS.debounceMs,
    maxProblems: positive(s.maxProblems, DEFAULT_SETTINGS.maxProblems),
    figures: { showAll: fields(s.figures).showAll === true },
    claimReview: { organization: typeof fields(s.claimReview).organization === 'string' ? String(fields(s.claimReview).organization).trim() : '' },
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

/**
 * git's user.name, or '' when git is missing or has none. No shell, bounded in time. In a
 * workspace that is not trusted git is not run inside it (its .git/config is the workspace's to
 * write): only the user's global name is read, from the home folder.
 */
export function gitUserName(cwd: string | undefined, trusted: boolean): Promise<string> {
  const args = trusted ? ['config', 'user.name'] : ['config', '--global', 'user.name'];
  return new Promise((resolve) => {
    try {
      execFile('git', args, { cwd: trusted ? cwd : homedir(), timeout: 2000, windowsHide: true }, (err, stdout) => resolve(err ? '' : String(stdout).trim()));
    } catch {
      resolve('');
    }
  });
}
