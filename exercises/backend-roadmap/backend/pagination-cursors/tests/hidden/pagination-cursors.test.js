import { describe, expect, test } from '@jest/globals';
import { decodeCursor, encodeCursor, paginate } from './cursor';

const many = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, createdAt: `2024-01-${String(Math.floor(i / 10) + 1).padStart(2, '0')}` }));

describe('cursors (hidden)', () => {
  test('all three tail lengths, and the URL-safe alphabet', () => {
    expect(encodeCursor('M')).toBe('Ik0i');
    expect(encodeCursor({ id: 12 })).toBe('eyJpZCI6MTJ9');
    expect(encodeCursor({ id: 123 })).toBe('eyJpZCI6MTIzfQ');
    expect(encodeCursor({ id: '>>?' })).toBe('eyJpZCI6Ij4-PyJ9');
    expect(encodeCursor({ id: '??~' })).toBe('eyJpZCI6Ij8_fiJ9');
    expect(decodeCursor('eyJpZCI6Ij4-PyJ9')).toEqual({ id: '>>?' });
    expect(decodeCursor('eyJpZCI6Ij8_fiJ9')).toEqual({ id: '??~' });
  });

  test('round-trips many values', () => {
    for (const v of [{ id: 0 }, { id: -5, createdAt: '2023-12-31T23:59:59.999Z' }, { id: 'abc', extra: [1, 2, { x: null }] }]) {
      const c = encodeCursor(v);
      expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(c)).toEqual(v);
    }
  });

  test('rejects invalid cursors', () => {
    for (const bad of ['', 'eyJpZCI6MX0=', 'eyJpZCI6MX0+', 'eyJpZCI6MX', 'e', 'bnVsbA', encodeCursor([1]), encodeCursor({ id: true }), encodeCursor({ x: 1 }), encodeCursor(7)]) {
      expect(() => decodeCursor(bad)).toThrow('Invalid cursor');
    }
    expect(() => paginate([], { after: 'bnVsbA' })).toThrow('Invalid cursor');
  });

  test('rejects a cursor with one character too many, even when it would decode to valid JSON', () => {
    // 'I' alone decodes to a space, which JSON.parse would ignore: the length check must catch it.
    expect(() => decodeCursor(`${encodeCursor({ id: 12 })}I`)).toThrow('Invalid cursor');
  });

  test('rejects a character outside the alphabet, even inside a JSON string', () => {
    const cursor = encodeCursor({ id: 1, name: 'aaaaaaaaaaaa' });
    expect(() => decodeCursor(`${cursor.slice(0, 24)}*${cursor.slice(25)}`)).toThrow('Invalid cursor');
  });

  test('rejects a cursor that is not a string, even a list of its characters', () => {
    const cursor = encodeCursor({ id: 1 });
    expect(() => decodeCursor([...cursor])).toThrow('Invalid cursor');
    expect(() => decodeCursor(undefined)).toThrow('Invalid cursor');
  });

  test('limit defaults to 10 on a long list', () => {
    const page = paginate(many);
    expect(page.items).toEqual(many.slice(0, 10));
    expect(decodeCursor(page.nextCursor)).toEqual({ createdAt: many[9].createdAt, id: 10 });
  });

  test('a cursor at the last item gives an empty last page', () => {
    const last = many[many.length - 1];
    expect(paginate(many, { after: encodeCursor({ createdAt: last.createdAt, id: last.id }) })).toEqual({ items: [], nextCursor: null });
    const few = many.slice(0, 5);
    const end = encodeCursor({ createdAt: few[4].createdAt, id: few[4].id });
    expect(paginate(few, { after: end })).toEqual({ items: [], nextCursor: null });
  });
});

describe('paginate (hidden)', () => {
  test('walking every page visits every item once', () => {
    const seen = [];
    let after;
    let pages = 0;
    do {
      const page = paginate(many, { limit: 7, after });
      seen.push(...page.items.map((p) => p.id));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after !== undefined);
    expect(seen).toEqual(many.map((p) => p.id));
    expect(pages).toBe(Math.ceil(250 / 7));
  });

  test('limit is clamped to 1..100', () => {
    expect(paginate(many, { limit: 1000 }).items).toHaveLength(100);
    expect(paginate(many, { limit: 0 }).items).toHaveLength(1);
    expect(paginate(many, { limit: -3 }).items).toHaveLength(1);
  });

  test('works when the cursor item was deleted or new items were inserted before it', () => {
    const list = [{ id: 1, createdAt: '2024-01-01' }, { id: 2, createdAt: '2024-01-02' }, { id: 3, createdAt: '2024-01-03' }, { id: 4, createdAt: '2024-01-04' }];
    const { nextCursor } = paginate(list, { limit: 2 });
    const changed = [{ id: 9, createdAt: '2023-12-31' }, list[0], list[2], list[3]];
    expect(paginate(changed, { limit: 2, after: nextCursor })).toEqual({ items: [list[2], list[3]], nextCursor: null });
  });

  test('ties on createdAt are broken by id; exact page boundary has no cursor', () => {
    const list = [{ id: 5, createdAt: '2024-01-01' }, { id: 7, createdAt: '2024-01-01' }, { id: 2, createdAt: '2024-01-02' }];
    const after = encodeCursor({ createdAt: '2024-01-01', id: 6 });
    expect(paginate(list, { limit: 2, after })).toEqual({ items: [list[1], list[2]], nextCursor: null });
    expect(paginate(list, { limit: 3 }).nextCursor).toBeNull();
    expect(paginate([], {})).toEqual({ items: [], nextCursor: null });
  });
});
