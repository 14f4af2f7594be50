import { describe, expect, it } from '@jest/globals';
import { didLevelUp, LEVEL_TITLES, levelForXp, titleForLevel, totalXpForLevel, xpStepForLevel } from './levels';

describe('level curve', () => {
  it.each([
    [0, 1],
    [399, 1],
    [400, 2],
    [879, 2],
    [880, 3],
    [1439, 3],
    [1440, 4],
    [2079, 4],
    [2080, 5],
  ])('%i XP is level %i', (xp, level) => {
    expect(levelForXp(xp).level).toBe(level);
  });

  it('levels 5, 10 and 20 start at 2,080, 6,480 and 21,280 XP (the documented table)', () => {
    expect([5, 10, 20].map(totalXpForLevel)).toEqual([2080, 6480, 21280]);
    expect([5, 10, 20].map(xpStepForLevel)).toEqual([720, 1120, 1920]);
  });

  it('steps grow by 80 XP: 400, 480, 560, 640', () => {
    expect([1, 2, 3, 4].map(xpStepForLevel)).toEqual([400, 480, 560, 640]);
  });

  it('each level starts where the previous one ends, far up the curve', () => {
    for (let level = 1; level < 500; level += 1) {
      const start = totalXpForLevel(level);
      expect(totalXpForLevel(level + 1)).toBe(start + xpStepForLevel(level));
      expect(levelForXp(start).level).toBe(level);
      if (start > 0) expect(levelForXp(start - 1).level).toBe(level - 1);
    }
  });

  it('reports progress inside the level', () => {
    expect(levelForXp(1000)).toEqual({
      level: 3,
      title: 'Apprentice',
      xpIntoLevel: 120,
      xpForNextLevel: 560,
      xpToNextLevel: 440,
      totalXpForLevel: 880,
    });
    expect(levelForXp(0)).toMatchObject({ level: 1, xpIntoLevel: 0, xpForNextLevel: 400, xpToNextLevel: 400 });
  });

  it('refuses negative or fractional XP', () => {
    expect(() => levelForXp(-1)).toThrow(RangeError);
    expect(() => levelForXp(1.5)).toThrow(RangeError);
    expect(() => levelForXp(Number.NaN)).toThrow(RangeError);
  });
});

describe('titles', () => {
  it('changes every 10 levels', () => {
    expect(titleForLevel(1)).toBe('Apprentice');
    expect(titleForLevel(9)).toBe('Apprentice');
    expect(titleForLevel(10)).toBe('Journeyman');
    expect(titleForLevel(19)).toBe('Journeyman');
    expect(titleForLevel(20)).toBe('Adept');
    expect(titleForLevel(59)).toBe('Grandmaster');
    expect(titleForLevel(60)).toBe('Legend');
  });

  it('keeps the last title past the last band', () => {
    expect(titleForLevel(500)).toBe(LEVEL_TITLES[LEVEL_TITLES.length - 1]);
  });

  it('levelForXp carries the title of its level', () => {
    expect(levelForXp(totalXpForLevel(10)).title).toBe('Journeyman');
    expect(levelForXp(totalXpForLevel(10) - 1).title).toBe('Apprentice');
  });
});

describe('didLevelUp', () => {
  it('is true only when a boundary is crossed', () => {
    expect(didLevelUp(399, 400)).toBe(true);
    expect(didLevelUp(0, 2000)).toBe(true);
    expect(didLevelUp(400, 879)).toBe(false);
    expect(didLevelUp(100, 100)).toBe(false);
  });
});
