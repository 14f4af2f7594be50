import { ArchiveProblem, TarFramer } from './tar-framer';

const LIMITS = { unpackedBytes: 64 * 1024, entries: 3, entryBytes: 8 * 1024 };

function header(name: string, size: number, type = '0'): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0);
  block.write('0000644\0', 100);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('        ', 148);
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

const entry = (name: string, body: string, type = '0') => {
  const data = Buffer.from(body);
  return Buffer.concat([header(name, data.length, type), data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
};

/** Feeds `bytes` in chunks of `size` and returns everything forwarded. */
function run(framer: TarFramer, bytes: Buffer, size = 100): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length && !framer.done; i += size) out.push(...framer.feed(bytes.subarray(i, i + size)));
  return Buffer.concat(out);
}

describe('TarFramer', () => {
  it('forwards entries and stops at the end-of-archive marker, ignoring what follows', () => {
    const body = Buffer.concat([entry('pack.yaml', 'slug: x\n'), entry('a/b.txt', 'hello')]);
    const framer = new TarFramer(LIMITS);
    const out = run(framer, Buffer.concat([body, Buffer.alloc(1024 * 1024)]), 777);
    expect(framer.done).toBe(true);
    expect(framer.entries).toBe(2);
    expect(out).toEqual(Buffer.concat([body, Buffer.alloc(1024)]));
    expect(framer.feed(Buffer.alloc(512, 1))).toEqual([]);
  });

  it('counts a pax size for the next entry, and refuses a bad one', () => {
    const pax = (record: string) => entry('PaxHeader', `${record.length + 3} ${record}`, 'x');
    const framer = new TarFramer(LIMITS);
    // The ustar header says 0 bytes, the pax header 5: the framer must skip 5 (one block), not read a header there.
    const data = Buffer.concat([pax('size=5\n'), header('f.txt', 0), Buffer.from('hello'), Buffer.alloc(507), Buffer.alloc(1024)]);
    run(framer, data);
    expect(framer.done).toBe(true);
    expect(() => run(new TarFramer(LIMITS), pax('size=abc\n'))).toThrow(/pax header has an unreadable size/);
  });

  it.each([
    ['entries', Buffer.concat([entry('a', ''), entry('b', ''), entry('c', ''), entry('d', '')]), /too many files/],
    ['entry size', header('big.bin', 9 * 1024), /"big\.bin" is too large/],
    ['total bytes', Buffer.concat([entry('a', 'x'.repeat(8000)), entry('b', 'x'.repeat(8000)), header('c', 0)]), /too large when unpacked/],
  ])('refuses past the %s budget', (_name, bytes, pattern) => {
    expect(() => run(new TarFramer({ ...LIMITS, unpackedBytes: 16 * 1024 }), bytes)).toThrow(pattern);
  });

  it('refuses a header whose checksum does not match', () => {
    const block = header('pack.yaml', 0);
    block[1] ^= 1;
    expect(() => run(new TarFramer(LIMITS), block)).toThrow(ArchiveProblem);
    expect(() => run(new TarFramer(LIMITS), Buffer.alloc(512, 'a'))).toThrow(/bad header checksum/);
  });
});
