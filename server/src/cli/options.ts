// Command-line options for the subcommands that take more than `sanad analyze` does: `--name
// value`, `--name=value` and bare flags, with `--` ending the options so that a file whose name
// starts with a dash can still be named.

export type OptionKind = 'value' | 'flag';

export interface ParsedOptions {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/** Reads `argv` against `spec` (option names without the dashes); a string is the usage problem. */
export function parseOptions(argv: readonly string[], spec: Readonly<Record<string, OptionKind>>): ParsedOptions | string {
  const out: ParsedOptions = { positional: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const kind = a.startsWith('--') ? spec[name] : undefined;
    if (kind === undefined) return `unknown option ${eq < 0 ? a : a.slice(0, eq)}`;
    if (kind === 'flag') {
      if (eq >= 0) return `--${name} takes no value`;
      out.flags.add(name);
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return `--${name} needs a value`;
    if (out.values.has(name)) return `--${name} is given twice`;
    out.values.set(name, value);
  }
  return out;
}

/** `-h` or `--help` before any `--`. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '-h' || a === '--help') return true;
  }
  return false;
}

/** One of `allowed` (`fallback` when the option is absent), or the usage problem. */
export function choice<T extends string>(options: ParsedOptions, name: string, allowed: readonly T[], fallback: T): { value: T } | { problem: string } {
  const v = options.values.get(name) ?? fallback;
  return (allowed as readonly string[]).includes(v) ? { value: v as T } : { problem: `unknown ${name} "${v}" (use ${allowed.join(', ')})` };
}

/** A size in KB turned into bytes, or the usage problem. */
export function kilobytes(options: ParsedOptions, name: string, fallbackKB: number): number | string {
  const v = options.values.get(name);
  if (v === undefined) return fallbackKB * 1024;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n * 1024) : `--${name} takes a number of KB`;
}
