import { describe, expect, test } from '@jest/globals';
import { decodeCursor, encodeCursor, paginate } from './cursor';

const posts = [
  { id: 1, createdAt: '2024-01-01' },
  { id: 2, createdAt: '2024-01-01' },
  { id: 3, createdAt: '2024-01-02' },
  { id: 4, createdAt: '2024-01-03' },
];

describe('cursors', () => {
  test('encodeCursor is base64url of the JSON', () => {
    expect(encodeCursor({ id: 1 })).toBe('eyJpZCI6MX0');
  });

  test('decodeCursor reverses encodeCursor', () => {
    expect(decodeCursor('eyJpZCI6MX0')).toEqual({ id: 1 });
    expect(decodeCursor(encodeCursor({ createdAt: '2024-05-01', id: 42 }))).toEqual({ createdAt: '2024-05-01', id: 42 });
  });

  test('decodeCursor rejects garbage', () => {
    expect(() => decodeCursor('not a cursor!')).toThrow('Invalid cursor');
  });
});

describe('paginate', () => {
  test('first page and its cursor', () => {
    const page = paginate(posts, { limit: 2 });
    expect(page.items).toEqual([posts[0], posts[1]]);
    expect(decodeCursor(page.nextCursor)).toEqual({ createdAt: '2024-01-01', id: 2 });
  });

  test('following the cursor gives the next page; the last page has no cursor', () => {
    const page1 = paginate(posts, { limit: 2 });
    const page2 = paginate(posts, { limit: 2, after: page1.nextCursor });
    expect(page2).toEqual({ items: [posts[2], posts[3]], nextCursor: null });
  });

  test('limit defaults to 10', () => {
    expect(paginate(posts)).toEqual({ items: posts, nextCursor: null });
  });
});
