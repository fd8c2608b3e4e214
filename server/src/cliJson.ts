// JSON.stringify(value, null, 2) written out piece by piece: the arrays of the top-level object
// (documents, contradictions) one element at a time, so that a large corpus never becomes one
// string of hundreds of megabytes. The bytes are those JSON.stringify would give.

/** Pieces are gathered up to about this many characters before each write. */
const CHUNK = 1 << 20;

/**
 * Writes JSON.stringify(value, null, 2) through `write` (which may wait, for backpressure), in
 * pieces of about a megabyte. A plain object's array members are written element by element.
 */
export async function writeJsonPretty(value: unknown, write: (text: string) => Promise<void>): Promise<void> {
  if (!isPlainObject(value)) {
    await write(JSON.stringify(value, null, 2) ?? 'undefined');
    return;
  }
  let buffered = '';
  const flush = async () => {
    const out = buffered;
    buffered = '';
    await write(out);
  };
  // Most pieces only join the buffer; a write (and its wait) comes once a megabyte is gathered.
  const put = (s: string) => {
    buffered += s;
    return buffered.length >= CHUNK ? flush() : undefined;
  };
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    // Members JSON leaves out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    await put(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
    first = false;
    if (Array.isArray(v) && v.length > 0 && !hasToJSON(v)) {
      await put('[\n');
      // Two arrays around the element indent it as deep as it sits (V8 indents faster than a
      // replace): "[\n  [\n" before it, "\n  ]\n]" after.
      for (let i = 0; i < v.length; i++) {
        const full = put(`${i ? ',\n' : ''}${JSON.stringify([[v[i]]], null, 2).slice(6, -6)}`);
        if (full) await full;
      }
      await put('\n  ]');
    } else await put(indent(JSON.stringify(v, null, 2), '  '));
  }
  await put(first ? '{}' : '\n}');
  if (buffered) await flush();
}

/** Nested JSON text moved right: every line but the first (JSON strings hold no raw line breaks). */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${by}`) : json;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || hasToJSON(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasToJSON(v: object): boolean {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}
