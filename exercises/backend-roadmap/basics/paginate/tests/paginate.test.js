import { describe, expect, test } from '@jest/globals';
import { paginate } from './paginate';

const letters = ['a', 'b', 'c', 'd', 'e'];

describe('paginate', () => {
  test('the first page holds the first perPage items', () => {
    expect(paginate(letters, 1, 2)).toEqual({
      items: ['a', 'b'],
      page: 1,
      totalPages: 3,
      hasPrev: false,
      hasNext: true,
    });
  });

  test('a middle page has pages on both sides', () => {
    expect(paginate(letters, 2, 2)).toEqual({
      items: ['c', 'd'],
      page: 2,
      totalPages: 3,
      hasPrev: true,
      hasNext: true,
    });
  });

  test('the last page may be shorter', () => {
    expect(paginate(letters, 3, 2)).toEqual({
      items: ['e'],
      page: 3,
      totalPages: 3,
      hasPrev: true,
      hasNext: false,
    });
  });

  test('a page past the end is empty', () => {
    expect(paginate(['a'], 5, 10)).toEqual({
      items: [],
      page: 5,
      totalPages: 1,
      hasPrev: true,
      hasNext: false,
    });
  });

  test('the input array is not changed', () => {
    const input = ['a', 'b', 'c'];
    paginate(input, 1, 2);
    expect(input).toEqual(['a', 'b', 'c']);
  });
});
