import { latest, personalBest, topThree } from './high-scores';

describe('hidden checks', () => {
  test('latest does not change the scores', () => {
    const scores = [1, 2, 3];
    expect(latest(scores)).toBe(3);
    expect(scores).toEqual([1, 2, 3]);
  });

  test('personalBest with a single score', () => {
    expect(personalBest([42])).toBe(42);
  });

  test('topThree compares numbers, not text', () => {
    expect(topThree([9, 100, 20, 5])).toEqual([100, 20, 9]);
  });

  test('topThree keeps ties', () => {
    expect(topThree([20, 10, 30, 30])).toEqual([30, 30, 20]);
  });

  test('topThree leaves the original order alone', () => {
    const scores = [30, 50, 20, 70];
    topThree(scores);
    expect(scores).toEqual([30, 50, 20, 70]);
  });
});
