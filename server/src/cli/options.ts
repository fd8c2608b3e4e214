// Command-line options of every subcommand, read by Node's own parser (node:util parseArgs):
// `--name value`, `--name=value` and bare flags, `-h`/`--help`, and `--` ending the options so
// that a file whose name starts with a dash can still be named. The parser runs without its strict
// mode and this module judges its tokens, so that every slip gets one plain sentence (usage
// errors exit 2, the callers decide).
import { parseArgs } from 'node:util';

export type OptionKind = 'value' | 'flag';

export interface ParsedOptions {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/**
 * Reads `argv` against `spec` (option names without the dashes); a string is the usage problem.
 * `-h` and `--help` are known to every command and left to `wantsHelp`, asked first.
 */
export function parseOptions(argv: readonly string[], spec: Readonly<Record<string, OptionKind>>): ParsedOptions | string {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, kind] of Object.entries(spec)) options[name] = kind === 'value' ? { type: 'string', multiple: true } : { type: 'boolean' };
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const out: ParsedOptions = { positional: [], values: new Map(), flags: new Set() };
  for (const t of tokens) {
    if (t.kind === 'positional') out.positional.push(t.value);
    if (t.kind !== 'option') continue;
    const kind = t.name === 'help' ? 'flag' : t.rawName.startsWith('--') ? spec[t.name] : undefined;
    if (kind === undefined) return `unknown option ${t.rawName}`;
    if (kind === 'flag') {
      if (t.inlineValue) return `--${t.name} takes no value`;
      out.flags.add(t.name);
      continue;
    }
    // Without strict mode the parser takes the next argument whatever it is: `--out --overwrite`
    // is an option missing its value, not a file named "--overwrite".
    const value = t.value;
    if (value === undefined || value === '' || (!t.inlineValue && value.startsWith('-') && value !== '-')) return `--${t.name} needs a value`;
    if (out.values.has(t.name)) return `--${t.name} is given twice`;
    out.values.set(t.name, value);
  }
  return out;
}

/** `-h` or `--help` before any `--`, whatever else is wrong with the arguments. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '-h' || a === '--help') return true;
  }
  return false;
}

/** "a, b or c" */
function alternatives(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** One of `allowed` (`fallback` when the option is absent), or the usage problem. */
export function choice<T extends string>(options: ParsedOptions, name: string, allowed: readonly T[], fallback: T): { value: T } | { problem: string } {
  const v = options.values.get(name) ?? fallback;
  return (allowed as readonly string[]).includes(v) ? { value: v as T } : { problem: `unknown ${name} "${v}" (use ${alternatives(allowed)})` };
}

/** A size in KB turned into bytes, or the usage problem. */
export function kilobytes(options: ParsedOptions, name: string, fallbackKB: number): number | string {
  const v = options.values.get(name);
  if (v === undefined) return fallbackKB * 1024;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n * 1024) : `--${name} takes a number of KB`;
}
