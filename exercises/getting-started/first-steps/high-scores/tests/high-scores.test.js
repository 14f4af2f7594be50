import { latest, personalBest, topThree } from './high-scores';

describe('latest', () => {
  test('returns the last score', () => {
    expect(latest([30, 50, 20, 70])).toBe(70);
  });
});

describe('personalBest', () => {
  test('returns the highest score', () => {
    expect(personalBest([40, 100, 70])).toBe(100);
  });
});

describe('topThree', () => {
  test('returns the three highest, highest first', () => {
    expect(topThree([10, 30, 90, 30, 100, 20, 10, 0, 30, 40, 40, 70, 70])).toEqual([100, 90, 70]);
  });

  test('works with fewer than three scores', () => {
    expect(topThree([30, 70])).toEqual([70, 30]);
  });
});
