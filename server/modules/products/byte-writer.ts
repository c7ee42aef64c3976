/**
 * Builds a large answer as UTF-8 bytes in one buffer: strings are encoded straight into it and
 * ready-made bytes copied in, with no intermediate strings or buffers per piece. The buffers are
 * pooled: fresh large allocations (and the page faults and unmapping that come with them) cost
 * more than building the answer, so a finished answer's buffer is given back (`release`) once the
 * response has been handed to the socket, and the next answer reuses it.
 */
const MIN_BYTES = 256 * 1024;
const MAX_POOLED = 16;
const pool: Buffer[] = [];

function takeBuffer(bytes: number): Buffer {
  // The most recently given back first: its memory is the likeliest to be in the CPU caches.
  const index = pool.findLastIndex((buffer) => buffer.length >= bytes);
  if (index >= 0) return pool.splice(index, 1)[0]!;
  return Buffer.allocUnsafe(Math.max(bytes, MIN_BYTES));
}

function giveBack(buffer: Buffer): void {
  if (pool.length < MAX_POOLED) pool.push(buffer);
}

export class ByteWriter {
  private buffer: Buffer;
  private length = 0;
  private released = false;

  constructor(expectedBytes = MIN_BYTES) {
    this.buffer = takeBuffer(expectedBytes);
  }

  private ensure(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = takeBuffer(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    giveBack(this.buffer);
    this.buffer = grown;
  }

  /** Appends a string as UTF-8. */
  text(value: string): this {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.ensure(value.length * 3);
    this.length += this.buffer.write(value, this.length, 'utf8');
    return this;
  }

  /** Appends bytes as they are. */
  bytes(value: Buffer): this {
    this.ensure(value.length);
    value.copy(this.buffer, this.length);
    this.length += value.length;
    return this;
  }

  /** The bytes written: a view of the pooled buffer, valid until `release`. */
  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Gives the buffer back to the pool; the result must no longer be used (call it once the response is sent). */
  release(): void {
    if (this.released) return;
    this.released = true;
    giveBack(this.buffer);
  }
}
