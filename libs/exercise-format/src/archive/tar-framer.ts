// Walks the block structure of a tar stream as it is decompressed, so the reader can stop at the
// end-of-archive marker and enforce its budgets before the tar library sees a byte. Anything after the
// marker (e.g. gigabytes of zeros, which made the tar library slow down quadratically) is never
// decompressed. Pure: bytes in, bytes to forward out; it knows tar framing, nothing about files.

const BLOCK = 512;
/** Entry types whose body describes the next entry rather than being a file (pax, GNU long names). */
const META_TYPES = new Set(['x', 'g', 'L', 'K']);
/** Metadata bodies are kilobytes in any real archive; a larger one is an attack on memory. */
const MAX_META_BYTES = 64 * 1024;

export interface TarFramerLimits {
  /** Bytes of tar stream (headers, bodies, padding) up to the end-of-archive marker. */
  unpackedBytes: number;
  /** File, folder and link entries (metadata entries not counted). */
  entries: number;
  /** Largest single entry body. */
  entryBytes: number;
}

/** A budget or structural problem: the archive is refused with this message. */
export class ArchiveProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveProblem';
  }
}

function octal(block: Buffer, start: number, length: number): number | null {
  // Base-256 (high bit set) is how tar writes sizes over 8 GiB: never a valid pack entry.
  if (block[start] & 0x80) return null;
  const text = block
    .subarray(start, start + length)
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '');
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : null;
}

function checksumMatches(block: Buffer): boolean {
  const stored = octal(block, 148, 8);
  if (stored === null) return false;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum === stored;
}

function entryName(block: Buffer): string {
  const field = (start: number, length: number) => {
    const raw = block.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end === -1 ? length : end).toString('utf8');
  };
  const prefix = block.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 155) : '';
  const name = field(0, 100);
  return prefix ? `${prefix}/${name}` : name;
}

/** The `size` record of a pax header body (`<len> size=<n>\n`), if any. */
function paxSize(body: Buffer): number | null | undefined {
  const match = /(?:^|\n)\d+ size=([^\n]*)\n/.exec(body.toString('utf8'));
  if (!match) return undefined;
  return /^\d{1,15}$/.test(match[1]) ? Number(match[1]) : null;
}

export class TarFramer {
  /** True once the end-of-archive marker was seen: stop feeding, end the tar parser. */
  done = false;
  entries = 0;
  private total = 0;
  private header = Buffer.alloc(0);
  /** Body (and padding) bytes still to forward for the current entry. */
  private remaining = 0;
  /** The current entry's body is a pax header being collected for its `size`. */
  private pax: { chunks: Buffer[]; size: number; bytes: number; global: boolean } | null = null;
  private nextSize: number | undefined;

  constructor(private readonly limits: TarFramerLimits) {}

  /** Consumes one decompressed chunk; returns what to pass to the tar parser (stops at the marker). */
  feed(chunk: Buffer): Buffer[] {
    if (this.done) return [];
    const out: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length && !this.done) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - offset);
        const part = chunk.subarray(offset, offset + n);
        this.collectPax(part);
        out.push(part);
        this.count(n);
        this.remaining -= n;
        offset += n;
        if (this.remaining === 0) this.finishPax();
        continue;
      }
      const n = Math.min(BLOCK - this.header.length, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + n)]);
      offset += n;
      if (this.header.length < BLOCK) continue;
      const block = this.header;
      this.header = Buffer.alloc(0);
      if (block.every((byte) => byte === 0)) {
        // The end-of-archive marker (one zero block where a header belongs). Hand the parser a full
        // two-block marker so it finishes cleanly, and ignore everything after.
        out.push(Buffer.alloc(2 * BLOCK));
        this.done = true;
        break;
      }
      this.startEntry(block);
      out.push(block);
      this.count(BLOCK);
    }
    return out;
  }

  private count(bytes: number): void {
    this.total += bytes;
    if (this.total > this.limits.unpackedBytes) {
      throw new ArchiveProblem(`too large when unpacked (more than ${this.limits.unpackedBytes} bytes)`);
    }
  }

  private startEntry(block: Buffer): void {
    if (!checksumMatches(block)) throw new ArchiveProblem(`not a readable tar archive (bad header checksum at byte ${this.total})`);
    const type = String.fromCharCode(block[156] || 0x30);
    const name = entryName(block);
    const headerSize = octal(block, 124, 12);
    if (headerSize === null) throw new ArchiveProblem(`the archive entry "${name}" has an unreadable size`);
    let size = headerSize;
    if (META_TYPES.has(type)) {
      if (size > MAX_META_BYTES) throw new ArchiveProblem(`an archive metadata entry is too large (${size} bytes)`);
      if (type === 'x' || type === 'g') this.pax = { chunks: [], size, bytes: 0, global: type === 'g' };
    } else {
      if (this.nextSize !== undefined) size = this.nextSize;
      this.nextSize = undefined;
      this.entries += 1;
      if (this.entries > this.limits.entries) throw new ArchiveProblem(`too many files (more than ${this.limits.entries})`);
      if (size > this.limits.entryBytes) {
        throw new ArchiveProblem(`the archive entry "${name}" is too large (${size} bytes; at most ${this.limits.entryBytes})`);
      }
    }
    this.remaining = Math.ceil(size / BLOCK) * BLOCK;
    if (this.remaining === 0) this.finishPax();
  }

  private collectPax(part: Buffer): void {
    if (!this.pax) return;
    const wanted = this.pax.size - this.pax.bytes;
    if (wanted > 0) this.pax.chunks.push(part.subarray(0, wanted));
    this.pax.bytes += Math.min(wanted, part.length);
  }

  private finishPax(): void {
    if (!this.pax) return;
    const size = paxSize(Buffer.concat(this.pax.chunks));
    const global = this.pax.global;
    this.pax = null;
    if (size === undefined) return;
    if (size === null) throw new ArchiveProblem('an archive pax header has an unreadable size');
    // A global size would apply to every later entry: no real pack archive needs that.
    if (global) throw new ArchiveProblem('global pax headers that set a size are not supported');
    this.nextSize = size;
  }
}
