// JSON.stringify(value, null, 2) written out piece by piece: the arrays of the top-level object
// (documents, contradictions) one element at a time, so that a large corpus never becomes one
// string of hundreds of megabytes. The bytes are those JSON.stringify would give. Elements may
// also come as UTF-8 bytes (`sanad analyze` keeps its documents so: cli/spool.ts); then the writer
// writes bytes.

/**
 * Pieces are gathered up to about this many characters before each write: few writes, and each
 * piece small enough to die young in the heap rather than wait there for a full collection.
 */
const CHUNK = 1 << 15;
/** Bytes gathered before each write when elements come as bytes (a document is some 20 KB). */
const BYTES_CHUNK = 1 << 18;

/**
 * An element of an array that is a member of the top-level object, as JSON.stringify(…, null, 2)
 * writes it: indented four spaces. Worker threads make these for the documents they finish.
 */
export function prettyElement(v: unknown): string {
  // Two arrays around the element indent it as deep as it sits (V8 indents faster than a
  // replace): "[\n  [\n" before it, "\n  ]\n]" after.
  return JSON.stringify([[v]], null, 2).slice(6, -6);
}

/**
 * A top-level JSON object written as it is made: members whole, or arrays an element at a time
 * (openArray, element, closeArray), through `write` (which may wait, for backpressure) in pieces
 * of some tens of kilobytes. Each method returns a promise only when it wrote, so that a caller making
 * many small pieces waits only now and then.
 */
export class JsonObjectWriter {
  private buffered = '';
  /** What waits before `buffered` once bytes were given (elementBytes): strings as UTF-8, then bytes. */
  private bytes: Uint8Array[] = [];
  private byteCount = 0;
  private members = 0;
  /** Elements written in the open array; -1 when no array is open. */
  private elements = -1;

  /** `writeBytes` writes what elementBytes gives (required for it). */
  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly writeBytes?: (bytes: Uint8Array) => Promise<void>,
  ) {}

  private put(s: string): Promise<void> | undefined {
    this.buffered += s;
    return this.buffered.length + this.byteCount >= CHUNK ? this.flush() : undefined;
  }

  private flush(): Promise<void> {
    if (this.bytes.length) {
      this.moveToBytes();
      const out = Buffer.concat(this.bytes, this.byteCount);
      this.bytes = [];
      this.byteCount = 0;
      return this.writeBytes!(out);
    }
    const out = this.buffered;
    this.buffered = '';
    return this.write(out);
  }

  /** The text buffered so far, behind the bytes (in order). */
  private moveToBytes(): void {
    if (!this.buffered) return;
    const b = Buffer.from(this.buffered, 'utf8');
    this.bytes.push(b);
    this.byteCount += b.length;
    this.buffered = '';
  }

  /** A member's key; what follows it is written with it. */
  private key(key: string): void {
    if (this.elements >= 0) throw new Error('an array is still open');
    this.buffered += `${this.members++ ? ',\n' : '{\n'}  ${JSON.stringify(key)}: `;
  }

  /** A member written whole (left out, as JSON leaves it out, when undefined, a function or a symbol). */
  member(key: string, value: unknown): Promise<void> | undefined {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
    this.key(key);
    return this.put(indent(JSON.stringify(value, null, 2), '  '));
  }

  /** Starts a member whose value is an array; its elements follow. */
  openArray(key: string): void {
    this.key(key);
    this.elements = 0;
  }

  /** An element of the open array, as prettyElement gives it. */
  element(pretty: string): Promise<void> | undefined {
    if (this.elements < 0) throw new Error('no array is open');
    return this.put(this.elements++ ? `,\n${pretty}` : `[\n${pretty}`);
  }

  /** An element of the open array, as prettyElement gives it, in UTF-8 and in pieces. */
  elementBytes(pieces: readonly Uint8Array[]): Promise<void> | undefined {
    if (this.elements < 0) throw new Error('no array is open');
    if (!this.writeBytes) throw new Error('this writer writes text only');
    this.buffered += this.elements++ ? ',\n' : '[\n';
    this.moveToBytes();
    for (const p of pieces) {
      this.bytes.push(p);
      this.byteCount += p.length;
    }
    return this.byteCount >= BYTES_CHUNK ? this.flush() : undefined;
  }

  closeArray(): Promise<void> | undefined {
    const empty = this.elements === 0;
    this.elements = -1;
    return this.put(empty ? '[]' : '\n  ]');
  }

  /** Closes the object and writes what is left. */
  async end(): Promise<void> {
    if (this.elements >= 0) throw new Error('an array is still open');
    this.buffered += this.members ? '\n}' : '{}';
    await this.flush();
  }
}

/** Nested JSON text moved right: every line but the first (JSON strings hold no raw line breaks). */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${by}`) : json;
}
