import { describe, expect, it } from '@jest/globals';
import {
  decodeTieBreakScore,
  leaderboardKey,
  leaderboardKeysForAward,
  leaderboardKeyTtlSeconds,
  MAX_LEADERBOARD_XP,
  periodRange,
  rankEntries,
  TIE_BREAK_EPOCH,
  TIE_BREAK_LATEST,
  tieBreakScore,
} from './leaderboard';

const at = (iso: string) => new Date(iso);

describe('keys', () => {
  it('names daily, weekly and all-time boards, global and per course', () => {
    const instant = at('2026-11-21T23:30:00Z');
    expect(leaderboardKey({ period: 'daily', at: instant })).toBe('lb:daily:2026-11-21:global');
    expect(leaderboardKey({ period: 'weekly', at: instant })).toBe('lb:weekly:2026-W47:global');
    expect(leaderboardKey({ period: 'all-time', at: instant })).toBe('lb:all-time:all:global');
    expect(leaderboardKey({ period: 'daily', course: 'js-basics', at: instant })).toBe('lb:daily:2026-11-21:course:js-basics');
  });

  it('uses the UTC day, so a late-evening award in New York lands on the next day', () => {
    expect(leaderboardKey({ period: 'daily', at: at('2026-11-22T02:00:00Z') })).toBe('lb:daily:2026-11-22:global');
  });

  it('refuses course ids that would break the key', () => {
    expect(() => leaderboardKey({ period: 'daily', course: 'a:b', at: at('2026-11-21T00:00:00Z') })).toThrow(RangeError);
    expect(() => leaderboardKey({ period: 'daily', course: 'has space', at: at('2026-11-21T00:00:00Z') })).toThrow(RangeError);
  });

  it('lists the six boards an award counts towards', () => {
    expect(leaderboardKeysForAward(at('2026-11-21T10:00:00Z'), 'js-basics')).toEqual([
      'lb:daily:2026-11-21:global',
      'lb:daily:2026-11-21:course:js-basics',
      'lb:weekly:2026-W47:global',
      'lb:weekly:2026-W47:course:js-basics',
      'lb:all-time:all:global',
      'lb:all-time:all:course:js-basics',
    ]);
  });

  it('gives the UTC bounds of a period for rebuilding it', () => {
    expect(periodRange('daily', at('2026-11-21T15:00:00Z'))).toEqual({
      start: at('2026-11-21T00:00:00Z'),
      end: at('2026-11-22T00:00:00Z'),
    });
    expect(periodRange('weekly', at('2026-11-21T15:00:00Z'))).toEqual({
      start: at('2026-11-16T00:00:00Z'),
      end: at('2026-11-23T00:00:00Z'),
    });
    expect(periodRange('all-time', at('2026-11-21T15:00:00Z'))).toEqual({ start: null, end: null });
  });

  it('expires period boards but not the all-time one', () => {
    expect(leaderboardKeyTtlSeconds('daily')).toBe(3 * 86_400);
    expect(leaderboardKeyTtlSeconds('weekly')).toBe(21 * 86_400);
    expect(leaderboardKeyTtlSeconds('all-time')).toBeNull();
  });
});

describe('tieBreakScore', () => {
  it('more XP always ranks higher, however late', () => {
    expect(tieBreakScore(101, TIE_BREAK_LATEST)).toBeGreaterThan(tieBreakScore(100, TIE_BREAK_EPOCH));
  });

  it('at equal XP, who got there first ranks higher (to the second)', () => {
    const first = tieBreakScore(500, at('2026-11-21T10:00:00Z'));
    const second = tieBreakScore(500, at('2026-11-21T10:00:01Z'));
    expect(first).toBeGreaterThan(second);
    expect(tieBreakScore(500, at('2026-11-21T10:00:00.900Z'))).toBe(first);
  });

  it('stays an exact integer double at the extremes', () => {
    const top = tieBreakScore(MAX_LEADERBOARD_XP, TIE_BREAK_EPOCH);
    expect(top).toBe(Number.MAX_SAFE_INTEGER);
    expect(Number.isSafeInteger(top)).toBe(true);
    // The neighbours of the top score are still distinct doubles.
    expect(tieBreakScore(MAX_LEADERBOARD_XP, new Date(TIE_BREAK_EPOCH.getTime() + 1000))).toBe(top - 1);
    expect(tieBreakScore(0, TIE_BREAK_LATEST)).toBe(0);
  });

  it('survives the round trip through the text Redis returns', () => {
    const score = tieBreakScore(4_000_000, at('2091-06-01T12:34:56Z'));
    expect(Number(String(score))).toBe(score);
    expect(decodeTieBreakScore(Number(String(score)))).toEqual({ xp: 4_000_000, reachedAt: at('2091-06-01T12:34:56Z') });
  });

  it('refuses what it cannot encode exactly', () => {
    expect(() => tieBreakScore(MAX_LEADERBOARD_XP + 1, TIE_BREAK_EPOCH)).toThrow(RangeError);
    expect(() => tieBreakScore(-1, TIE_BREAK_EPOCH)).toThrow(RangeError);
    expect(() => tieBreakScore(1.5, TIE_BREAK_EPOCH)).toThrow(RangeError);
    expect(() => tieBreakScore(10, at('2023-12-31T23:59:59Z'))).toThrow(RangeError);
    expect(() => tieBreakScore(10, new Date(TIE_BREAK_LATEST.getTime() + 1000))).toThrow(RangeError);
  });
});

describe('rankEntries', () => {
  it('orders by XP, then by who got there first', () => {
    const ranked = rankEntries([
      { learnerId: 'late', xp: 300, reachedAt: at('2026-11-21T12:00:00Z') },
      { learnerId: 'top', xp: 900, reachedAt: at('2026-11-21T23:00:00Z') },
      { learnerId: 'early', xp: 300, reachedAt: at('2026-11-21T09:00:00Z') },
      { learnerId: 'low', xp: 10, reachedAt: at('2026-11-21T01:00:00Z') },
    ]);
    expect(ranked.map((entry) => [entry.rank, entry.learnerId])).toEqual([
      [1, 'top'],
      [2, 'early'],
      [3, 'late'],
      [4, 'low'],
    ]);
    expect(ranked[1].score).toBe(tieBreakScore(300, at('2026-11-21T09:00:00Z')));
  });

  it('breaks a same-second tie the way ZREVRANGE does: member bytes descending', () => {
    const reachedAt = at('2026-11-21T09:00:00Z');
    const ranked = rankEntries([
      { learnerId: 'aaa', xp: 50, reachedAt },
      { learnerId: 'ccc', xp: 50, reachedAt: new Date(reachedAt.getTime() + 400) },
      { learnerId: 'bbb', xp: 50, reachedAt },
    ]);
    expect(ranked.map((entry) => entry.learnerId)).toEqual(['ccc', 'bbb', 'aaa']);
  });

  it('gives an empty board for no rows', () => {
    expect(rankEntries([])).toEqual([]);
  });
});
